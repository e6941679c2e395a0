#!/usr/bin/env bash
# Runs every test project of the solution. Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"
dotnet build AttackDash.sln -c Release --nologo -v quiet
dotnet test AttackDash.sln -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal" "$@"
