#!/usr/bin/env bash
# validate.sh FILE.json... — validates SARIF files against the official SARIF 2.1.0 JSON schema.
#
# The validator (ajv-cli with ajv-formats) and the schema (shipped in
# @microsoft/sarif-multitool) are installed once into a cache directory,
# $WSO2LINT_SARIF_CACHE or, by default, $HOME/.cache/wso2lint-sarif.
# Exit status: 0 when every file validates, 1 when one does not, 2 on usage or
# install errors. (sarif-multitool's own "validate" always exits 0, so it is not
# used.)
set -euo pipefail

if [ "$#" -lt 1 ]; then
	echo "usage: $0 FILE.json..." >&2
	exit 2
fi

cache="${WSO2LINT_SARIF_CACHE:-${HOME:-/tmp}/.cache/wso2lint-sarif}"
schema="$cache/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json"

if ! command -v npm >/dev/null 2>&1 || ! command -v npx >/dev/null 2>&1; then
	echo "validate.sh: npm and npx are required" >&2
	exit 2
fi

if [ ! -f "$schema" ] || [ ! -x "$cache/node_modules/.bin/ajv" ]; then
	mkdir -p "$cache"
	if [ ! -f "$cache/package.json" ]; then
		echo '{"name":"wso2lint-sarif","private":true}' >"$cache/package.json"
	fi
	if ! (cd "$cache" && npm install --no-audit --no-fund --silent \
		@microsoft/sarif-multitool@5.7.0 ajv-cli@5.0.0 ajv-formats@3.0.1 >&2); then
		echo "validate.sh: npm install into $cache failed" >&2
		exit 2
	fi
	if [ ! -f "$schema" ]; then
		echo "validate.sh: schema not found at $schema after install" >&2
		exit 2
	fi
fi

status=0
for f in "$@"; do
	case "$f" in
	*.json) ;;
	*)
		echo "validate.sh: $f: the file name must end in .json (ajv needs it)" >&2
		exit 2
		;;
	esac
	if [ ! -f "$f" ]; then
		echo "validate.sh: $f: no such file" >&2
		exit 2
	fi
	abs="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
	if ! (cd "$cache" && npx --no-install ajv validate --spec=draft2020 --strict=false --all-errors \
		-c ajv-formats -s "$schema" -d "$abs"); then
		status=1
	fi
done
exit "$status"
