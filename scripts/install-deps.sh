#!/usr/bin/env bash
# Installs, with apt-get (through sudo when not root), the system packages AttackDash needs and a fresh
# Debian/Ubuntu machine with only the .NET SDK lacks. Usage: scripts/install-deps.sh test|dashboard
#   dashboard: PostgreSQL's server binaries (the embedded store) and npm (the chart library, the world outline);
#   test:      those, plus the tools whose real output the tests check: chromium (browser tests),
#              nft, iptables-restore, ipset (firewall exports), makemap (sendmail access db) and
#              man (the manual page is formatted without a warning), systemd-analyze and systemd-sysusers
#              (the units are verified and scripts/install.sh is run into a scratch root), and
#              systemd-journal-remote, which writes the real journal files that ingest --journal reads.
# It installs nothing that is already there, so a second run costs a few milliseconds.
set -euo pipefail
what=${1:-test}
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
command -v gzip >/dev/null 2>&1 || need+=(gzip)
if [ "$what" = test ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v nft >/dev/null 2>&1 || need+=(nftables)
  command -v iptables-restore >/dev/null 2>&1 || need+=(iptables)
  command -v ipset >/dev/null 2>&1 || need+=(ipset)
  command -v makemap >/dev/null 2>&1 || need+=(sendmail-bin)
  command -v man >/dev/null 2>&1 || need+=(man-db)
  command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
  [ -x /lib/systemd/systemd-journal-remote ] || need+=(systemd-journal-remote)
elif [ "$what" != dashboard ]; then
  echo "install-deps.sh: unknown set '$what' (use test or dashboard)" >&2
  exit 2
fi
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-deps.sh: ${need[*]} missing; install them as root (apt-get install ${need[*]})" >&2
    exit 1
  fi
  sudo=sudo
fi
echo "install-deps.sh: installing ${need[*]} (apt-get)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
