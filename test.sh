#!/usr/bin/env bash
# Runs every test project of the solution, on a fresh Debian/Ubuntu machine with only the .NET SDK too:
# it first installs the system tools the tests use (scripts/install-deps.sh; apt-get, sudo when not root).
# Usage: ./test.sh [extra dotnet test arguments]. ATTACKDASH_NO_INSTALL=1 skips the install step.
set -euo pipefail
cd "$(dirname "$0")"
[ "${ATTACKDASH_NO_INSTALL:-}" = 1 ] || scripts/install-deps.sh test
dotnet build AttackDash.sln -c Release --nologo -v quiet
dotnet test AttackDash.sln -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal" "$@"
