#!/usr/bin/env bash
# Runs every Go fuzz target of the module for a while each.
#   scripts/fuzz.sh [BUDGET] [PATTERN]
# BUDGET is a go test -fuzztime value: a duration (default 10s; 10m for a long run)
# or an execution count such as 50000x. PATTERN limits the targets by name (grep -E).
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
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

# inputs DIR: the saved inputs of one target, one name per line.
inputs() { if [ -d "$1" ]; then find "$1" -type f | sort; fi; }

# bare_deadline: the failed run in $log is the coordinator race and nothing else.
bare_deadline() {
  grep -q 'context deadline exceeded' "$log" &&
    ! grep -Eq 'Failing input written|panic:|fuzzing process hung|testdata/fuzz/' "$log"
}

while IFS= read -r line; do
  file=${line%%:*}
  name=$(sed -E 's/^.*func (Fuzz[A-Za-z0-9_]*)\(.*/\1/' <<<"$line")
  grep -Eq -- "$pattern" <<<"$name" || continue
  pkg=./$(dirname "$file")
  corpus=$pkg/testdata/fuzz/$name
  for attempt in 1 2 3; do
    echo "fuzz: $pkg $name ($budget)"
    before=$(inputs "$corpus")
    if go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$budget" >"$log" 2>&1; then
      break
    fi
    after=$(inputs "$corpus")
    if [ "$before" = "$after" ] && bare_deadline && [ "$attempt" -lt 3 ]; then
      echo "fuzz: $name stopped with a bare 'context deadline exceeded' and no input (golang/go#75804); replaying its corpus and fuzzing again"
      if ! go test "$pkg" -run "^${name}\$" -count=1 >"$log" 2>&1; then
        cat "$log"
        echo "fuzz: $name FAILED on its saved corpus"
        status=1
        break
      fi
      continue
    fi
    cat "$log"
    echo "fuzz: $name FAILED"
    status=1
    break
  done
done < <(grep -rn --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . | sort)
exit $status
