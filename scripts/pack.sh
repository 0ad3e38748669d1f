#!/usr/bin/env bash
# Packs KubeCore into ./artifacts (KubeCore.<version>.nupkg + .snupkg) and checks what is inside:
# README, XML docs, MIT licence expression, repository metadata with the commit, dependencies,
# the symbol package's PDB with its SourceLink map and deterministic /_/ paths, nullable metadata.
# Packs the project, not the solution (the solution holds non-packable projects).
# Usage: bash scripts/pack.sh [extra dotnet pack arguments]. Exit code non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Release packages are always built as CI builds: ContinuousIntegrationBuild=true (deterministic, /_/ paths).
export CI=true

version=$(dotnet msbuild src/KubeCore/KubeCore.csproj -getProperty:Version)
start=$(date +%s.%N)
rm -f "artifacts/KubeCore.$version.nupkg" "artifacts/KubeCore.$version.snupkg"
dotnet pack src/KubeCore/KubeCore.csproj -c Release -o artifacts "$@"
elapsed=$(echo "$(date +%s.%N) - $start" | bc)

nupkg="artifacts/KubeCore.$version.nupkg"
snupkg="artifacts/KubeCore.$version.snupkg"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
problems=0
check() { # check <description> <command...>
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then echo "  ok   $what"; else echo "  FAIL $what"; problems=$((problems + 1)); fi
}

echo "Checking $nupkg and $snupkg"
check "package exists" test -f "$nupkg"
check "symbol package exists" test -f "$snupkg"
unzip -q -o "$nupkg" -d "$work/nupkg"
unzip -q -o "$snupkg" -d "$work/snupkg"
nuspec="$work/nupkg/KubeCore.nuspec"
check "README.md in the package" test -s "$work/nupkg/README.md"
check "nuspec names the readme" grep -q '<readme>README.md</readme>' "$nuspec"
check "library lib/net10.0/KubeCore.dll" test -s "$work/nupkg/lib/net10.0/KubeCore.dll"
check "XML docs lib/net10.0/KubeCore.xml" grep -q '<member name="T:KubeCore.Rules.RuleCatalogue">' "$work/nupkg/lib/net10.0/KubeCore.xml"
check "MIT licence expression" grep -q '<license type="expression">MIT</license>' "$nuspec"
check "version $version" grep -q "<version>$version</version>" "$nuspec"
check "repository url and commit" grep -Eq '<repository type="git" url="https://[^"]+"[^>]* commit="[0-9a-f]{40}"' "$nuspec"
check "dependency NodaTime" grep -q '<dependency id="NodaTime"' "$nuspec"
check "dependency FluentValidation" grep -q '<dependency id="FluentValidation"' "$nuspec"
check "dependency Ardalis.Specification" grep -q '<dependency id="Ardalis.Specification"' "$nuspec"
check "no SourceLink build dependency" bash -c "! grep -q 'Microsoft.SourceLink' '$nuspec'"
check "no PDB in the main package" bash -c "! ls '$work/nupkg/lib/net10.0/'*.pdb"
check "PDB in the symbol package" test -s "$work/snupkg/lib/net10.0/KubeCore.pdb"
check "SourceLink map to the repository at a commit" grep -Eaq '"documents":\{"/_/\*":"https://raw\.githubusercontent\.com/[^"]+/[0-9a-f]{40}/\*"' "$work/snupkg/lib/net10.0/KubeCore.pdb"
check "deterministic source paths (/_/, ContinuousIntegrationBuild)" bash -c "! grep -aq '$PWD/src' '$work/snupkg/lib/net10.0/KubeCore.pdb'"
check "nullable annotations (NullableContextAttribute)" grep -aq 'NullableContextAttribute' "$work/nupkg/lib/net10.0/KubeCore.dll"

printf 'Packed KubeCore %s in %.1f s: %s (%s bytes), %s (%s bytes)\n' "$version" "$elapsed" \
  "$nupkg" "$(stat -c %s "$nupkg")" "$snupkg" "$(stat -c %s "$snupkg")"
if [ "$problems" -ne 0 ]; then
  echo "pack: $problems check(s) failed"
  exit 1
fi
