#!/usr/bin/env bash
# Packs KubeCore into ./artifacts (scripts/pack.sh) and runs samples/KubeCore.ConsumerSample against
# that PACKAGE (local folder feed, see the sample's nuget.config). The sample's packages folder is
# private (samples/KubeCore.ConsumerSample/obj/packages); its extracted KubeCore is deleted first, so a
# re-pack of the same version is really what runs. Finally checks that the KubeCore.dll the sample
# ran with is byte-identical to the one in the fresh package.
# Exit code non-zero when packing, restoring, building or any step of the sample fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
sample=samples/KubeCore.ConsumerSample

bash scripts/pack.sh
version=$(dotnet msbuild src/KubeCore/KubeCore.csproj -getProperty:Version)

start=$(date +%s.%N)
rm -rf "$sample/obj/packages/kubecore"
dotnet restore "$sample" --force
dotnet build "$sample" -c Release --no-restore
dotnet run --project "$sample" -c Release --no-build
ran="$sample/bin/Release/net10.0/KubeCore.dll"
packed=$(unzip -p "artifacts/KubeCore.$version.nupkg" lib/net10.0/KubeCore.dll | sha256sum | cut -d' ' -f1)
used=$(sha256sum "$ran" | cut -d' ' -f1)
if [ "$packed" != "$used" ]; then
  echo "consumer: $ran is not the KubeCore.dll of artifacts/KubeCore.$version.nupkg (stale package cache?)"
  exit 1
fi
printf 'Consumer sample ran against KubeCore %s from the package (sha256 %s) in %.1f s (restore+build+run)\n' \
  "$version" "${used:0:12}" "$(echo "$(date +%s.%N) - $start" | bc)"
