#!/usr/bin/env bash
# Runs wso2lint lint for the GitHub Action (action.yml): with sarif-upload,
# first writes the SARIF file (without failing on findings), then prints the
# findings in the chosen format and exits with wso2lint's status, which the
# step output exit-code also carries.
#
# Environment: INPUT_PATH, INPUT_FORMAT, INPUT_FAIL_ON, INPUT_ARGS,
# INPUT_SARIF_UPLOAD, INPUT_SARIF_FILE, GITHUB_OUTPUT (set by the runner).
set -uo pipefail

read -ra paths <<<"${INPUT_PATH:-.}"
read -ra extra <<<"${INPUT_ARGS:-}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
out=${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set (run by the GitHub runner)}

sarif=""
if [ "${INPUT_SARIF_UPLOAD:-false}" = true ]; then
  sarif=${INPUT_SARIF_FILE:-wso2lint.sarif}
  wso2lint lint --format sarif --fail-on none -o "$sarif" "${extra[@]}" "${paths[@]}"
  code=$?
  if [ "$code" -ne 0 ]; then
    echo "exit-code=$code" >>"$out"
    echo "sarif-file=" >>"$out"
    exit "$code"
  fi
fi
echo "sarif-file=$sarif" >>"$out"

wso2lint lint --format "${INPUT_FORMAT:-github}" --fail-on "${INPUT_FAIL_ON:-warning}" "${extra[@]}" "${paths[@]}"
code=$?
echo "exit-code=$code" >>"$out"
exit "$code"
