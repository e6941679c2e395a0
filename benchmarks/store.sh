#!/usr/bin/env bash
# Benchmark of the store (issues: event store, provider scale), at two scales side by side in one run:
#   site:     ingest 2M lines (~7k attacker IPs) into a fresh store, then a 32M-line year (~10k IPs) on top;
#   provider: ingest 2M lines / 60k IPs into a fresh store; then 20M lines / 600k IPs into another.
# After each scale's year, `query-timings --pages` prints what every dashboard page waits for (best of 5).
# Usage: benchmarks/store.sh [WORKDIR] [site|provider|both]   (about 30 GB of disk for both; embedded PostgreSQL 15)
# GeoIP: set GeoIp__Directory (e.g. after scripts/fetch-demo-geoip.sh) so that the by-country query has data.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/attackdash-store-bench}
scales=${2:-both}
mkdir -p "$work"
dotnet build src/AttackDash.Cli -c Release --nologo -v quiet >/dev/null
cli=(dotnet src/AttackDash.Cli/bin/Release/net10.0/attackdash.dll)
unset ConnectionStrings__AttackDash

# ingest NAME FILE: one timed `ingest` into the store at $AttackDash__EmbeddedRoot, with its rate.
ingest() {
  local start end lines
  start=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/rss" "${cli[@]}" ingest --tz UTC "$2" | cut -c1-120
  end=$(date +%s.%N)
  lines=$(wc -l < "$2")
  echo "$1 ingest: $lines lines in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s =" \
    "$(awk -v n="$lines" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }') lines/s" \
    "(end to end, incl. starting the embedded server); client peak RSS $(( $(cat "$work/rss") / 1024 )) MB"
}

fresh() { export AttackDash__EmbeddedRoot="$work/$1"; rm -rf "$AttackDash__EmbeddedRoot"; "${cli[@]}" migrate > /dev/null 2>&1; }

gen() { [ -f "$work/$1" ] || "${cli[@]}" generate --out "$work/$1" "${@:2}" > /dev/null; echo "$work/$1"; }

if [ "$scales" != provider ]; then
  small=$(gen maillog-2m --lines 2000000 --seed 1)
  big=$(gen maillog-32m --lines 32000000 --seed 3)
  fresh db-site
  ingest "site 2M" "$small"
  ingest "site 32M" "$big"
  echo "site pages (2M + 32M lines in one store):"
  "${cli[@]}" query-timings --runs 5 --pages
fi
if [ "$scales" != site ]; then
  quick=$(gen maillog-2m-60k --lines 2000000 --attacker-ips 60000 --seed 1)
  year=$(gen maillog-20m-600k --lines 20000000 --attacker-ips 600000 --seed 1)
  fresh db-provider-2m
  ingest "provider 2M / 60k IPs" "$quick"
  rm -rf "$work/db-provider-2m"
  fresh db-provider
  ingest "provider 20M / 600k IPs" "$year"
  echo "provider pages (20M lines / 600k IPs):"
  "${cli[@]}" query-timings --runs 5 --pages
fi
