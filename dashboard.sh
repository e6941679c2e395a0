#!/usr/bin/env bash
# One command for the dashboard on a fresh Debian/Ubuntu machine with the .NET SDK: installs PostgreSQL's
# server binaries if they are missing, then runs the web host on its embedded private database. On the
# first start it prints the admin login, and with an empty store it loads /var/log/mail.log (or maillog)
# if readable, else a generated demo year.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh dashboard
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:8080}
echo "dashboard.sh: AttackDash on $ASPNETCORE_URLS (Ctrl+C stops it, and its database with it)"
exec dotnet run --project src/AttackDash.Web -c Release
