#!/usr/bin/env bash
# The reference API's contract check (scripts/test.sh counts it as one test):
#   1. saves /openapi/v1.json from the built API (started in Development, so /dev/tokens is in it, on a free
#      loopback port over a throwaway SQLite file) to artifacts/openapi/v1.json;
#   2. lints it with Redocly CLI (recommended) and Spectral (spectral:oas): 0 errors and 0 warnings, or it fails;
#   3. generates TypeScript types from it with openapi-typescript and type-checks a client of the main flow
#      (tools/openapi-check/client.ts: household → group → officers → activation → deposit → loan) against them.
# The npm tools are pinned in tools/openapi-check/package-lock.json and installed with `npm ci`.
# Usage: bash scripts/openapi-check.sh [--no-build]   (CONFIGURATION=Debug to use a Debug build; default Release)
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
configuration=${CONFIGURATION:-Release}
tools=tools/openapi-check
out=artifacts/openapi
mkdir -p "$out"

fail() { echo "openapi-check: $*"; exit 1; }

if [ "${1:-}" != "--no-build" ]; then
  dotnet build samples/KubeCore.Api -c "$configuration" --nologo -v quiet || fail "the API does not build"
fi
bin=$PWD/samples/KubeCore.Api/bin/$configuration/net10.0
[ -f "$bin/KubeCore.Api.dll" ] || fail "no $bin/KubeCore.Api.dll (build the API first)"

# The pinned npm tools: `npm ci` again only when the lockfile changed since the last install.
if ! cmp -s "$tools/package-lock.json" "$tools/node_modules/.kubecore-lock.json" 2>/dev/null; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in $tools"
  cp "$tools/package-lock.json" "$tools/node_modules/.kubecore-lock.json"
fi

# 1. The document, from the running API.
scratch=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Sqlite="Data Source=$scratch/kubecore.db" ConnectionStrings__Postgres="" \
  Logging__LogLevel__Default=Information dotnet "$bin/KubeCore.Api.dll" --urls "http://127.0.0.1:0" --contentRoot "$bin" >"$scratch/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 240); do
  url=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$scratch/server.log" | head -n 1 | sed 's/Now listening on: //')
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
[ -n "$url" ] || { cat "$scratch/server.log"; fail "the API did not start"; }
node -e '
  const [url, file] = process.argv.slice(1);
  fetch(url).then(async r => {
    if (!r.ok) throw new Error(`${url} answered ${r.status}`);
    require("fs").writeFileSync(file, await r.text());
  }).catch(e => { console.error(e.message); process.exit(1); });' "$url/openapi/v1.json" "$out/v1.json" || fail "could not read the document"
kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""
operations=$(node -e '
  const d = require(require("path").resolve(process.argv[1]));
  console.log(Object.values(d.paths).flatMap(p => Object.keys(p).filter(m => ["get","put","post","delete","patch"].includes(m))).length);' "$out/v1.json")
echo "openapi-check: $out/v1.json, $operations operations"

rc=0
# 2. Linters: every error and every warning fails.
redocly_json="$scratch/redocly.json"
"$tools/node_modules/.bin/redocly" lint "$out/v1.json" --config "$tools/redocly.yaml" --format json >"$redocly_json" 2>"$scratch/redocly.err"
totals=$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.totals.errors} ${r.totals.warnings}`);' "$redocly_json" 2>/dev/null) || totals="? ?"
read -r redocly_errors redocly_warnings <<<"$totals"
echo "openapi-check: Redocly (recommended): $redocly_errors errors, $redocly_warnings warnings"
if [ "$redocly_errors" != 0 ] || [ "$redocly_warnings" != 0 ]; then
  "$tools/node_modules/.bin/redocly" lint "$out/v1.json" --config "$tools/redocly.yaml" --format stylish 2>&1 | tail -n 60
  rc=1
fi
if "$tools/node_modules/.bin/spectral" lint "$out/v1.json" --ruleset "$tools/.spectral.yaml" --fail-severity warn --format text >"$scratch/spectral.txt" 2>&1; then
  echo "openapi-check: Spectral (spectral:oas): 0 errors, 0 warnings"
else
  echo "openapi-check: Spectral (spectral:oas) reported problems:"
  tail -n 60 "$scratch/spectral.txt"
  rc=1
fi

# 3. Generated types and the main-flow client.
if "$tools/node_modules/.bin/openapi-typescript" "$out/v1.json" -o "$tools/generated/kubecore-api.d.ts" >"$scratch/openapi-typescript.log" 2>&1 \
  && "$tools/node_modules/.bin/tsc" -p "$tools/tsconfig.json"; then
  echo "openapi-check: openapi-typescript types and tsc: the main-flow client type-checks"
else
  cat "$scratch/openapi-typescript.log"
  echo "openapi-check: the main-flow client does not type-check against the generated types"
  rc=1
fi
exit "$rc"
