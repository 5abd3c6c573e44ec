#!/usr/bin/env bash
# Runs every Go fuzz target of the module for a while each.
#   scripts/fuzz.sh [DURATION] [PATTERN]
# DURATION is a go test -fuzztime value (default 10s; use 10m for a long run);
# PATTERN limits the targets by name (a grep -E pattern).
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}
pattern=${2:-.}
status=0
while IFS= read -r line; do
  file=${line%%:*}
  name=$(sed -E 's/^.*func (Fuzz[A-Za-z0-9_]*)\(.*/\1/' <<<"$line")
  grep -Eq -- "$pattern" <<<"$name" || continue
  pkg=./$(dirname "$file")
  echo "fuzz: $pkg $name ($dur)"
  if ! go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$dur" >/tmp/wso2lint-fuzz.log 2>&1; then
    cat /tmp/wso2lint-fuzz.log
    echo "fuzz: $name FAILED"
    status=1
  fi
done < <(grep -rn --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . | sort)
exit $status
