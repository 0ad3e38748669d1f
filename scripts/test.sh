#!/usr/bin/env bash
# The project's test command (README): restores, builds and runs every test project in Release,
# then packs KubeCore and runs the consumer sample against the package (scripts/consumer.sh), which
# counts as one more test. Its last line is the plain summary "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# dotnet test; its own summary line (the last one) is held back and added to below.
summary_file=$(mktemp)
trap 'rm -f "$summary_file"' EXIT
bash scripts/test-summary.sh KubeCore.sln -c Release | tee "$summary_file" | sed '$d'
rc=${PIPESTATUS[0]}
read -r passed _ failed _ skipped _ < <(tail -n 1 "$summary_file")

# The consumer sample: pack, restore from ./artifacts, build, run.
echo "== Consumer sample (KubeCore package from ./artifacts): bash scripts/consumer.sh"
if bash scripts/consumer.sh; then
  passed=$((passed + 1))
  echo "Passed consumer sample"
else
  failed=$((failed + 1))
  echo "Failed consumer sample"
  [ "$rc" -eq 0 ] && rc=1
fi

echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$rc"
