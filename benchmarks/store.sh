#!/usr/bin/env bash
# Benchmark of the store (issue: event store): ingest throughput, then the dashboard's heaviest queries
# at about 20M events over a year. Prints the figures that docs/benchmarks.md records.
# Usage: benchmarks/store.sh [WORKDIR]     (about 8 GB of disk; uses the embedded PostgreSQL in WORKDIR/db)
# GeoIP: set GeoIp__Directory (e.g. after scripts/fetch-demo-geoip.sh) so that the by-country query has data.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/attackdash-store-bench}
mkdir -p "$work"
dotnet build src/AttackDash.Cli -c Release --nologo -v quiet >/dev/null
cli=(dotnet src/AttackDash.Cli/bin/Release/net10.0/attackdash.dll)
export AttackDash__EmbeddedRoot="$work/db"
unset ConnectionStrings__AttackDash

small=$work/maillog-2m
[ -f "$small" ] || "${cli[@]}" generate --out "$small" --lines 2000000 --seed 1
rm -rf "$work/db"
"${cli[@]}" migrate > /dev/null 2>&1
start=$(date +%s.%N)
"${cli[@]}" ingest --tz UTC "$small" | cut -c1-120
end=$(date +%s.%N)
lines=$(wc -l < "$small")
echo "ingest 2M: $lines lines in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s =" \
  "$(awk -v n="$lines" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }') lines/s (end to end, incl. starting the embedded server)"

big=$work/maillog-32m
[ -f "$big" ] || "${cli[@]}" generate --out "$big" --lines 32000000 --seed 3
start=$(date +%s.%N)
"${cli[@]}" ingest --tz UTC "$big" | cut -c1-120
end=$(date +%s.%N)
lines=$(wc -l < "$big")
echo "ingest 32M: $lines lines in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s =" \
  "$(awk -v n="$lines" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }') lines/s"
"${cli[@]}" query-timings --runs 5 --pages
