#!/usr/bin/env bash
# Regenerates tests/KubeCore.Tests/PublicApi/KubeCore.api.txt from the KubeCore assembly as built now.
# Review the diff (git diff tests/KubeCore.Tests/PublicApi/KubeCore.api.txt) and commit it with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
UPDATE_PUBLIC_API=1 dotnet test tests/KubeCore.Tests -c Release \
  --filter "FullyQualifiedName~KubeCore.Tests.PublicApi.PublicApiTests.The_public_API_of_KubeCore_matches_the_committed_baseline" \
  | tail -n 3
git --no-pager diff --stat -- tests/KubeCore.Tests/PublicApi/KubeCore.api.txt || true
