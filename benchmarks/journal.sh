#!/usr/bin/env bash
# Benchmark of ingest --journal against ingest of the same lines from a file, in one run: the same
# generated log (ISO stamps), once as a file and once as real journal files written by systemd's
# systemd-journal-remote. The floor is journalctl -o json itself, printing to /dev/null.
# Usage: benchmarks/journal.sh [LINES] [WORKDIR]   (needs systemd-journal-remote; uses the embedded PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-500000}
work=${2:-/tmp/attackdash-journal-bench}
mkdir -p "$work"
dotnet build src/AttackDash.Cli -c Release --nologo -v quiet >/dev/null
cli=(dotnet src/AttackDash.Cli/bin/Release/net10.0/attackdash.dll)
unset ConnectionStrings__AttackDash
log=$work/maillog
[ -f "$log" ] || "${cli[@]}" generate --out "$log" --lines "$lines" --seed 5 --days 60 --format iso >/dev/null
if [ ! -d "$work/journal" ]; then
  mkdir -p "$work/journal"
  # Export format: one entry per syslog line (the generator's noise lines are not messages, and are left out).
  python3 - "$log" <<'PY' | /lib/systemd/systemd-journal-remote -o "$work/journal/remote.journal" - 2>/dev/null
import re, sys, datetime
pat = re.compile(rb'^(\S+) (\S+) ([^\[\s:]+)\[(\d+)\]: (.*)$')
out = sys.stdout.buffer
for line in open(sys.argv[1], 'rb'):
    m = pat.match(line.rstrip(b'\n'))
    if not m:
        continue
    t = datetime.datetime.fromisoformat(m.group(1).decode().replace('Z', '+00:00'))
    us = int(t.timestamp()) * 1_000_000
    msg = m.group(5)
    out.write(b'__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n_BOOT_ID=0123456789abcdef0123456789abcdef\n' % (us, us))
    out.write(b'_HOSTNAME=' + m.group(2) + b'\nSYSLOG_IDENTIFIER=' + m.group(3) + b'\n_PID=' + m.group(4) + b'\n')
    out.write(b'MESSAGE\n' + len(msg).to_bytes(8, 'little') + msg + b'\n\n')
PY
fi
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
for run in 1 2 3; do
  start=$(date +%s.%N); journalctl --directory="$work/journal" -o json --all --output-fields=MESSAGE,SYSLOG_IDENTIFIER,SYSLOG_PID,_PID,_HOSTNAME > /dev/null; end=$(date +%s.%N)
  echo "run $run: journalctl -o json alone: $(seconds "$start" "$end") s"
  for what in file journal; do
    export AttackDash__EmbeddedRoot="$work/db-$what"
    rm -rf "$work/db-$what"
    "${cli[@]}" migrate > /dev/null 2>&1
    start=$(date +%s.%N)
    if [ "$what" = file ]; then out=$("${cli[@]}" ingest "$log"); else out=$("${cli[@]}" ingest --journal --directory "$work/journal"); fi
    end=$(date +%s.%N)
    echo "run $run: ingest from a $what: $(seconds "$start" "$end") s; ${out:0:140}"
  done
done
