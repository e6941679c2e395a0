#!/usr/bin/env bash
# Load test of the block-list pull API with wrk (Debian package wrk), on loopback only.
# Usage: benchmarks/api.sh [WORKDIR]   Prints requests/s for conditional requests (304) and for full
# nftables bodies of a 10,000-entry list; docs/benchmarks.md records the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/attackdash-api-bench}
rm -rf "$work"; mkdir -p "$work"
export AttackDash__EmbeddedRoot="$work/db" Database__EmbeddedRoot="$work/db" GeoIp__Directory=/nonexistent
unset ConnectionStrings__AttackDash
dotnet build src/AttackDash.Web -c Release --nologo -v quiet >/dev/null
dotnet build src/AttackDash.Cli -c Release --nologo -v quiet >/dev/null
cli=(dotnet src/AttackDash.Cli/bin/Release/net10.0/attackdash.dll)
ASPNETCORE_URLS=http://127.0.0.1:5099 dotnet src/AttackDash.Web/bin/Release/net10.0/AttackDash.Web.dll > "$work/web.log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null; wait $web 2>/dev/null; runuser -u postgres -- /usr/lib/postgresql/*/bin/pg_ctl -D "$work/db/pgdata" -m fast stop >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do grep -q "Now listening" "$work/web.log" 2>/dev/null && break; sleep 0.5; done
port=$(sed -n 4p "$work/db/pgdata/postmaster.pid")
export PGPASSWORD=$(cat "$work/db/password")
# 10,000 single addresses that no merge can join (odd last octets are never siblings of each other).
psql -q -h 127.0.0.1 -p "$port" -U attackdash attackdash -c "
  INSERT INTO blocks (network, state, reason, proposed_by, proposed_at, decided_by, decided_at, wide_confirmed)
  SELECT format('45.%s.%s.%s/32', i / 5000, (i / 50) % 100, (i % 50) * 4 + 1), 'Active', 'bench', 'bench', now(), 'bench', now(), false
  FROM generate_series(0, 9999) AS i;
  INSERT INTO audit_log (at, actor, action, target) VALUES (now(), 'bench', 'block', '10000 entries');"
token=$("${cli[@]}" token create bench 2>/dev/null)
url=http://127.0.0.1:5099/api/blocklist/nftables
etag=$(curl -s -D - -o "$work/body" -H "Authorization: Bearer $token" "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
echo "list: $(grep -c '^		\|45\.' "$work/body") lines, $(stat -c %s "$work/body") bytes, ETag $etag"
echo "== conditional requests (If-None-Match, 304)"
wrk -t2 -c32 -d10s -H "Authorization: Bearer $token" -H "If-None-Match: $etag" "$url" | grep -E "Requests/sec|Latency|Non-2xx"
echo "== full nftables bodies"
wrk -t2 -c32 -d10s -H "Authorization: Bearer $token" "$url" | grep -E "Requests/sec|Latency|Transfer/sec"
