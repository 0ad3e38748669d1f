#!/usr/bin/env bash
# Mutation testing with KubeCore's own mutant set (mutation/mutants.tsv); see docs/MUTATION.md.
# A tool, not a test: .ci/run does not run it. Needs python3 (3.11+, standard library only) and the .NET SDK.
#   bash scripts/mutation.sh --dry-run               # check that every mutant's snippet applies exactly once
#   bash scripts/mutation.sh --folder Savings        # one folder (repeatable); --rule SAV-01; --mutant M017
#   bash scripts/mutation.sh --jobs 2 --timeout 120  # parallel runs; seconds per mutant run
# Options: --markdown FILE (result tables), --results FILE (one line per mutant), --scratch DIR (default $TMPDIR/kubecore-mutation).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec python3 mutation/mutate.py "$@"
