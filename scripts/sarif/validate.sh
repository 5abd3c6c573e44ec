#!/usr/bin/env bash
# validate.sh FILE... — validates SARIF files against the official SARIF 2.1.0 JSON schema.
#
# The schema is vendored at report/testdata/schema/sarif-schema-2.1.0.json and the
# validator is a Go JSON-schema library (github.com/santhosh-tekuri/jsonschema/v6,
# a test dependency in go.mod), run through report's TestSARIFFiles: no npm, no
# network beyond the Go module proxy on first use.
# Exit status: 0 when every file validates, 1 when one does not, 2 on usage errors.
set -euo pipefail

if [ "$#" -lt 1 ]; then
	echo "usage: $0 FILE..." >&2
	exit 2
fi

files=""
for f in "$@"; do
	if [ ! -f "$f" ]; then
		echo "validate.sh: $f: no such file" >&2
		exit 2
	fi
	files+="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"$'\n'
done

cd "$(dirname "$0")/../.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if WSO2LINT_SARIF_FILES="$files" go test ./report -run '^TestSARIFFiles$' -count=1 -v >"$log" 2>&1; then
	grep -E 'valid SARIF' "$log" | sed -E 's/^ *sarif_schema_test.go:[0-9]+: //'
	exit 0
fi
cat "$log" >&2
exit 1
