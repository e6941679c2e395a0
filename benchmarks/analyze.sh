#!/usr/bin/env bash
# Benchmark of `attackdash analyze` (issue: log engine). Prints the figures that docs/benchmarks.md records.
# Usage: benchmarks/analyze.sh [WORKDIR]      needs: fail2ban (fail2ban-regex), GNU time (/usr/bin/time)
# It generates a 2M-line log (seed 1) and a 20M-line log for the memory check into WORKDIR (default
# /tmp/attackdash-bench, about 4 GB), then measures, each in the same run:
#   wc -l (the floor), analyze end to end, the operator's grep|sed|sort|uniq pipeline, fail2ban-regex.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/attackdash-bench}
mkdir -p "$work"
dotnet build src/AttackDash.Cli -c Release --nologo -v quiet >/dev/null
cli=(dotnet src/AttackDash.Cli/bin/Release/net10.0/attackdash.dll)
log=$work/maillog-2m
big=$work/maillog-20m
[ -f "$log" ] || "${cli[@]}" generate --out "$log" --lines 2000000 --seed 1
[ -f "$big" ] || "${cli[@]}" generate --out "$big" --lines 20000000 --seed 2

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

lines=$(wc -l < "$log")
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null   # warm the page cache so that every contender reads from memory
echo "input: $log, $lines lines, $((bytes / 1000000)) MB; $(nproc) cores"

t0=$(now); wc -l "$log" > /dev/null; t1=$(now)
wc_s=$(secs "$t0" "$t1"); wc_rate=$(rate "$lines" "$wc_s")
echo "wc -l:               ${wc_s} s  $wc_rate lines/s"

best=999
for run in 1 2 3 4 5; do
  t0=$(now); "${cli[@]}" analyze --tz UTC "$log" > /dev/null 2>&1; t1=$(now)
  s=$(secs "$t0" "$t1"); best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (b < a) ? b : a }')
done
an_rate=$(rate "$lines" "$best")
echo "attackdash analyze:  ${best} s  $an_rate lines/s (best of 5, end to end incl. process start)"

t0=$(now)
LC_ALL=C grep -E "AUTH failure|Access denied" "$log" | sed -E 's/.*\[([0-9.]+)\].*/\1/' | sort | uniq -c | sort -rn > /dev/null
t1=$(now)
pipe_s=$(secs "$t0" "$t1"); pipe_rate=$(rate "$lines" "$pipe_s")
echo "grep|sed|sort|uniq:  ${pipe_s} s  $pipe_rate lines/s"

sample=$work/maillog-200k
head -n 200000 "$log" > "$sample"
for filter in sendmail-auth sendmail-reject; do
  t0=$(now); fail2ban-regex "$sample" "/etc/fail2ban/filter.d/$filter.conf" > /dev/null 2>&1; t1=$(now)
  s=$(secs "$t0" "$t1")
  echo "fail2ban-regex $filter (200k-line head): ${s} s  $(rate 200000 "$s") lines/s"
  eval "f2b_${filter//-/_}=$(rate 200000 "$s")"
done

# The provider's scale (issue 11): the same shape with a hundred times the IPs.
plog=$work/maillog-p2m
pbig=$work/maillog-p20m
[ -f "$plog" ] || "${cli[@]}" generate --out "$plog" --lines 2000000 --attacker-ips 60000 --seed 1
[ -f "$pbig" ] || "${cli[@]}" generate --out "$pbig" --lines 20000000 --attacker-ips 600000 --seed 2
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for scale in site provider; do
  [ "$scale" = site ] && f=$log || f=$plog
  m=$(for run in 1 2 3 4 5; do t0=$(now); "${cli[@]}" analyze --tz UTC "$f" > /dev/null 2>&1; t1=$(now); secs "$t0" "$t1"; echo; done | grep . | median)
  echo "analyze $scale 2M lines: median of 5 ${m} s  $(rate "$(wc -l < "$f")" "$m") lines/s"
done
for run in "$big" "$pbig" "$pbig --json --all"; do
  read -r f opts <<< "$run"
  /usr/bin/time -o "$work/time.txt" -f "%M %e" "${cli[@]}" analyze --tz UTC $opts "$f" > /dev/null 2>&1
  read -r rss_kb s < "$work/time.txt"
  echo "analyze $(basename "$f") $opts: peak RSS $((rss_kb / 1024)) MB in ${s} s ($(rate "$(wc -l < "$f")" "$s") lines/s)"
done

biglines=$(wc -l < "$big")
/usr/bin/time -o "$work/time.txt" -f "%M %e" "${cli[@]}" analyze --tz UTC "$big" > /dev/null 2>&1
read -r rss_kb big_s < "$work/time.txt"
echo "memory: $biglines lines: peak RSS $((rss_kb / 1024)) MB in ${big_s} s ($(rate "$biglines" "$big_s") lines/s)"

echo
echo "summary: analyze $an_rate lines/s; $(awk -v a="$an_rate" -v b="$pipe_rate" 'BEGIN { printf "%.1f", a / b }')x the pipeline;" \
  "$(awk -v a="$an_rate" -v b="$f2b_sendmail_reject" 'BEGIN { printf "%.0f", a / b }')x fail2ban-regex (reject)," \
  "$(awk -v a="$an_rate" -v b="$f2b_sendmail_auth" 'BEGIN { printf "%.0f", a / b }')x (auth);" \
  "wc -l is $(awk -v a="$wc_rate" -v b="$an_rate" 'BEGIN { printf "%.1f", a / b }')x faster"
