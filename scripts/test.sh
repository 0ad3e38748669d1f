#!/usr/bin/env bash
# The project's test command (README): restores, builds and runs every test project in Release.
# Its last line is the plain summary "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec bash scripts/test-summary.sh KubeCore.sln -c Release
