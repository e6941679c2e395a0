#!/usr/bin/env bash
# One command for the dashboard on a fresh Debian/Ubuntu machine with the .NET SDK: installs PostgreSQL's
# server binaries if they are missing, then runs the web host on its embedded private database. On the
# first start it prints the admin login, and with an empty store it loads /var/log/mail.log (or maillog)
# if readable, else a generated demo year.
set -euo pipefail
cd "$(dirname "$0")"
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The build copies the chart library and the world outline from npm (pinned in package-lock.json).
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "dashboard.sh: installing ${need[*]} (apt-get)"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:8080}
echo "dashboard.sh: AttackDash on $ASPNETCORE_URLS (Ctrl+C stops it, and its database with it)"
exec dotnet run --project src/AttackDash.Web -c Release
