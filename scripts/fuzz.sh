#!/usr/bin/env bash
# Runs every Go fuzz target of the module for a while each.
#   scripts/fuzz.sh [BUDGET] [PATTERN]
# BUDGET is a go test -fuzztime value: a duration (default 10s; make fuzz-long uses
# minutes) or an execution count such as 50000x. PATTERN limits the targets by name
# (grep -E). The targets are found in every package of the module (any func FuzzXxx(
# *testing.F) in a _test.go file), so a new package's targets run without edits here.
#
# Environment:
#   FUZZMINIMIZETIME  go test -fuzzminimizetime (default 100x: at most 100 executions to
#                     minimise each new interesting input). Go's default, 60s per new
#                     interesting input, let a slow target spend a short budget minimising:
#                     FuzzScript once made 9 executions in 5 minutes.
#   FUZZMINEXECS      a target that makes fewer executions fails (default 100): a fuzz
#                     pass that barely runs a target tests nothing.
# Each target's execution count is printed ("fuzz: ... execs N"), then a summary.
#
# A target fails on a real finding: a failing input written under testdata/fuzz/<Target>/,
# a panic, or any failure other than the one below.
# Go 1.26's fuzz coordinator can fail a duration-bound run with a bare "context deadline
# exceeded" at the -fuzztime boundary when a worker is still busy (golang/go#75804, fixed
# in Go 1.27). Such a run found nothing and wrote nothing; the target is replayed from its
# corpus and fuzzed again, up to two more times, and fails if the race recurs every time.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-10s}
pattern=${2:-.}
minimize=${FUZZMINIMIZETIME:-100x}
minexecs=${FUZZMINEXECS:-100}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
summary=()

# execs: the last execution count the fuzz coordinator printed in $log.
execs() { grep -Eo 'execs: [0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo 0; }

# inputs DIR: the saved inputs of one target, one name per line.
inputs() { if [ -d "$1" ]; then find "$1" -type f | sort; fi; }

# bare_deadline: the failed run in $log is the coordinator race and nothing else.
bare_deadline() {
  grep -q 'context deadline exceeded' "$log" &&
    ! grep -Eq 'Failing input written|panic:|fuzzing process hung|testdata/fuzz/' "$log"
}

while IFS= read -r line; do
  file=${line%%:*}
  name=$(sed -E 's/^[^:]*:[0-9]+:func (Fuzz[A-Za-z0-9_]*)\(.*/\1/' <<<"$line")
  grep -Eq -- "$pattern" <<<"$name" || continue
  pkg=./$(dirname "${file#./}")
  corpus=$pkg/testdata/fuzz/$name
  for attempt in 1 2 3; do
    echo "fuzz: $pkg $name ($budget, minimise at most $minimize per input)"
    before=$(inputs "$corpus")
    if go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$budget" -fuzzminimizetime "$minimize" >"$log" 2>&1; then
      n=$(execs)
      if [ "$n" -lt "$minexecs" ]; then
        cat "$log"
        echo "fuzz: $pkg $name FAILED: $n executions, want at least $minexecs (FUZZMINEXECS)"
        summary+=("$pkg $name: $n execs (too few)")
        status=1
      else
        echo "fuzz: $pkg $name ok, execs $n"
        summary+=("$pkg $name: $n execs")
      fi
      break
    fi
    after=$(inputs "$corpus")
    if [ "$before" = "$after" ] && bare_deadline && [ "$attempt" -lt 3 ]; then
      echo "fuzz: $name stopped with a bare 'context deadline exceeded' and no input (golang/go#75804); replaying its corpus and fuzzing again"
      if ! go test "$pkg" -run "^${name}\$" -count=1 >"$log" 2>&1; then
        cat "$log"
        echo "fuzz: $name FAILED on its saved corpus"
        summary+=("$pkg $name: FAILED on its saved corpus")
        status=1
        break
      fi
      continue
    fi
    cat "$log"
    echo "fuzz: $name FAILED"
    summary+=("$pkg $name: FAILED")
    status=1
    break
  done
done < <(grep -rn --include='*_test.go' --exclude-dir=testdata --exclude-dir=.git --exclude-dir=vendor \
  -E '^func Fuzz[A-Za-z0-9_]*\([A-Za-z_][A-Za-z0-9_]* \*testing\.F\)' . | sort)

if [ ${#summary[@]} -eq 0 ]; then
  echo "fuzz: no fuzz target matches '$pattern'"
  exit 1
fi
echo "fuzz: summary (budget $budget per target)"
printf '  %s\n' "${summary[@]}"
exit $status
