#!/usr/bin/env bash
# Runs `dotnet test` with the given arguments and ends with ONE plain line:
# "N passed, N failed, N skipped", summed over every test assembly. Keeps dotnet test's exit code.
set -uo pipefail
log=$(mktemp)
dotnet test "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
awk '
  /^(Passed|Failed)! +- +Failed: / {            # VSTest: one line per test assembly
    gsub(/,/, "")
    for (i = 1; i < NF; i++) {
      if ($i == "Failed:")  f += $(i + 1)
      if ($i == "Passed:")  p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
    vstest = 1
  }
  /^Test run summary:/             { mtp = 1 }   # Microsoft.Testing.Platform totals block
  mtp && /^  failed: [0-9]+$/      { mf = $2 }
  mtp && /^  succeeded: [0-9]+$/   { mp = $2 }
  mtp && /^  skipped: [0-9]+$/     { ms = $2 }
  END {
    if (!vstest && mtp) { p = mp; f = mf; s = ms }
    if (rc != 0 && f == 0) f = 1                  # a broken build or crashed host is a failure, never a pass
    printf "%d passed, %d failed, %d skipped\n", p, f, s
  }' rc="$rc" "$log"
rm -f "$log"
exit "$rc"
