#!/usr/bin/env bash
# Installs AttackDash as a service, the way admins install services:
#   /opt/attackdash/bin/attackdash      the CLI: self-contained single-file linux-x64 (ReadyToRun), no .NET runtime needed
#   /opt/attackdash/web/                the dashboard host (AttackDash.Web, its settings and wwwroot), self-contained too
#   /usr/local/bin/attackdash           a link to the CLI
#   /usr/local/share/man/man1/attackdash.1   the manual page, written by the CLI from its own help
#   /usr/share/bash-completion/completions/attackdash   bash completion, from the same help
#   /etc/systemd/system/attackdash-{web,ingest,ingest-journal}.service, /usr/lib/sysusers.d/attackdash.conf (the system user)
#   /etc/attackdash/                    attackdash.env (0640, kept if present) and credentials/ (0700, root only)
#
# usage: scripts/install.sh [--root DIR] [--from DIR]
#   --root DIR   install under DIR instead of / (a package build or a test); no systemctl, no user database but DIR's
#   --from DIR   take DIR/cli and DIR/web as already published instead of publishing (the same flags as below)
# Needs the .NET 10 SDK only to publish; the installed host needs none.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
root=/ from=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=${2:?--root needs a directory}; shift 2 ;;
    --from) from=${2:?--from needs a directory}; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [ "$root" = / ] && [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: installing into / needs root: sudo $0" >&2
  exit 2
fi
root=${root%/}

if [ -z "$from" ]; then
  from=$(mktemp -d)
  trap 'rm -rf "$from"' EXIT
  for p in Cli Web; do
    out=$from/$(echo "$p" | tr '[:upper:]' '[:lower:]')
    echo "install.sh: publishing AttackDash.$p (self-contained, single file, ReadyToRun) ..."
    dotnet publish "$repo/src/AttackDash.$p" -c Release -r linux-x64 --self-contained \
      -p:PublishSingleFile=true -p:PublishReadyToRun=true -o "$out" --nologo -v quiet
  done
fi
for f in "$from/cli/attackdash" "$from/web/AttackDash.Web"; do
  [ -x "$f" ] || { echo "install.sh: $f is missing: publish first, or leave out --from" >&2; exit 1; }
done

# The system user, from a sysusers.d file as distributions ship it; useradd where systemd-sysusers is absent.
install -d -m 0755 "$root/etc"
install -D -m 0644 "$repo/deploy/systemd/attackdash.sysusers" "$root/usr/lib/sysusers.d/attackdash.conf"
if command -v systemd-sysusers >/dev/null 2>&1; then
  systemd-sysusers --root="$root/" "$root/usr/lib/sysusers.d/attackdash.conf"
elif [ -z "$root" ]; then
  id attackdash >/dev/null 2>&1 || useradd --system --home-dir /var/lib/attackdash --shell /usr/sbin/nologin attackdash
fi
gid=$(awk -F: '$1 == "attackdash" { print $3 }' "$root/etc/group" 2>/dev/null || true)

install -d -m 0755 "$root/opt/attackdash/bin" "$root/usr/local/bin" "$root/usr/local/share/man/man1" "$root/etc/systemd/system"
install -m 0755 "$from/cli/attackdash" "$root/opt/attackdash/bin/attackdash"
rm -rf "$root/opt/attackdash/web" && cp -R "$from/web" "$root/opt/attackdash/web" && chmod -R u+rwX,go+rX,go-w "$root/opt/attackdash/web"
ln -sfn /opt/attackdash/bin/attackdash "$root/usr/local/bin/attackdash"
"$root/opt/attackdash/bin/attackdash" help --man > "$root/usr/local/share/man/man1/attackdash.1"
install -d -m 0755 "$root/usr/share/bash-completion/completions"
"$root/opt/attackdash/bin/attackdash" completion bash > "$root/usr/share/bash-completion/completions/attackdash"
install -m 0644 "$repo"/deploy/systemd/attackdash-web.service "$repo"/deploy/systemd/attackdash-ingest.service \
  "$repo"/deploy/systemd/attackdash-ingest-journal.service "$root/etc/systemd/system/"

# Settings readable by the service's group only; the connection string's password goes in credentials/, root only.
install -d -m 0750 "$root/etc/attackdash"
install -d -m 0700 "$root/etc/attackdash/credentials"
[ -e "$root/etc/attackdash/attackdash.env" ] || install -m 0640 "$repo/deploy/systemd/attackdash.env.example" "$root/etc/attackdash/attackdash.env"
if [ -n "$gid" ]; then
  chgrp "$gid" "$root/etc/attackdash" "$root/etc/attackdash/attackdash.env"
fi

if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
cat <<EOF
install.sh: installed under ${root:-/}. Next:
  put the connection string in ${root}/etc/attackdash/credentials/ConnectionStrings__AttackDash (root, 0600);
  if the mail log is not /var/log/mail.log: systemctl edit attackdash-ingest (a new ExecStart=);
  then: systemctl enable --now attackdash-web attackdash-ingest
  journalctl -u attackdash-web shows the admin's one-time password on the first start.
EOF
