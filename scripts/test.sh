#!/usr/bin/env bash
# The project's test command (README): restores, builds and runs every test project in Release, then packs
# KubeCore and runs the consumer sample against the package (scripts/consumer.sh), and checks the reference API's
# OpenAPI contract (scripts/openapi-check.sh: Redocly and Spectral with 0 errors and 0 warnings, and a TypeScript
# client of the main flow type-checked against types generated from it); each of the two counts as one more test.
# Before the summary it lists the skipped tests with the reason each was skipped. Its last line is the plain
# summary "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# dotnet test; its own summary line (the last one) is held back and added to below. The TRX results keep each
# skipped test's reason.
summary_file=$(mktemp)
results_dir=$(mktemp -d)
trap 'rm -rf "$summary_file" "$results_dir"' EXIT
bash scripts/test-summary.sh KubeCore.sln -c Release --logger trx --results-directory "$results_dir" | tee "$summary_file" | sed '$d'
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

# The OpenAPI contract, from the Release build dotnet test just made.
echo "== OpenAPI contract (Redocly, Spectral, openapi-typescript + tsc): bash scripts/openapi-check.sh"
if bash scripts/openapi-check.sh --no-build; then
  passed=$((passed + 1))
  echo "Passed OpenAPI contract check"
else
  failed=$((failed + 1))
  echo "Failed OpenAPI contract check"
  [ "$rc" -eq 0 ] && rc=1
fi

# Which tests were skipped, and why (the reason is the test's own Skip text), grouped by reason.
if [ "${skipped:-0}" -gt 0 ]; then
  echo "== Skipped tests and why"
  cat "$results_dir"/*.trx 2>/dev/null | awk '
    function unxml(s) { gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'\''", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s); return s }
    /<UnitTestResult / {
      skipped = ($0 ~ /outcome="NotExecuted"/)
      if (skipped && match($0, /testName="[^"]*"/)) name = unxml(substr($0, RSTART + 10, RLENGTH - 11))
    }
    skipped && /<Message>/ {
      reason = $0; sub(/.*<Message>/, "", reason); sub(/<\/Message>.*/, "", reason)
      printf "%s\t%s\n", unxml(reason), name; skipped = 0
    }' | sort | awk -F '\t' '
    { count[$1]++; names[$1] = names[$1] "\n    " $2 }
    END { for (r in count) printf "  %d skipped: %s%s\n", count[r], r, names[r] }'
fi

echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$rc"
