#!/usr/bin/env bash
# compare-outputs.sh captures the output of every command on every corpus and fixture home, so that a
# refactor or a speed change can prove that it changed no output byte.
#
#   scripts/compare-outputs.sh capture BINARY DIR      write every output of BINARY under DIR
#   scripts/compare-outputs.sh diff OLD_DIR NEW_DIR    compare two captures; exit 1 on any difference
#
# Typical use: build the old and the new binary, capture both, diff:
#   git stash; go build -o /tmp/old ./cmd/wso2lint; git stash pop; go build -o /tmp/new ./cmd/wso2lint
#   scripts/compare-outputs.sh capture /tmp/old /tmp/out-old
#   scripts/compare-outputs.sh capture /tmp/new /tmp/out-new
#   scripts/compare-outputs.sh diff /tmp/out-old /tmp/out-new
#
# Homes: every directory of ../shared/corpus (when present), testdata/homes/*, testdata/clean/*,
# testdata/example/*, testdata/toml-only/* and testdata/bad/*. For each: ports (text, --all, json,
# json --offset 3), lint (text, json, sarif), rules for every target (nftables, iptables, ip6tables,
# firewalld, firewalld --script, with and without --egress and --allow management=), plus catalog
# in every format; all homes as one host (lint in every format), and three copies of each as one
# host (shared files).
# Each capture file holds the command, stdout, stderr and the exit status.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,11p' "$0" >&2; exit 2; }

homes() {
	local d
	if [ -d ../shared/corpus ]; then
		for d in ../shared/corpus/*/; do printf '%s\n' "${d%/}"; done
	fi
	for d in testdata/homes/*/ testdata/clean/*/ testdata/example/*/ testdata/toml-only/*/ testdata/bad/*/; do
		[ -d "$d" ] && printf '%s\n' "${d%/}"
	done
}

# run NAME ARGS...: run the binary with ARGS from the repository root, record everything in $out/NAME.
run() {
	local name=$1; shift
	local f="$out/$name"
	{
		printf '$ wso2lint'
		printf ' %q' "$@"
		printf '\n'
		set +e
		NO_COLOR=1 "$bin" "$@" >"$f.stdout" 2>"$f.stderr" </dev/null
		printf 'exit %d\n' "$?"
		set -e
		printf -- '--- stdout\n'; cat "$f.stdout"
		printf -- '--- stderr\n'; cat "$f.stderr"
	} >"$f"
	rm -f "$f.stdout" "$f.stderr"
}

capture() {
	bin=$(realpath "$1"); out=$2
	rm -rf "$out"; mkdir -p "$out"
	local h key
	while IFS= read -r h; do
		key=$(printf '%s' "$h" | sed 's#^\.\./shared/##; s#/#_#g')
		run "$key.ports.txt" ports --no-config "$h"
		run "$key.ports-all.txt" ports --no-config --all "$h"
		run "$key.ports.json" ports --no-config --format json "$h"
		run "$key.ports-offset3.json" ports --no-config --offset 3 --format json "$h"
		run "$key.lint.txt" lint --no-config --fail-on none "$h"
		run "$key.lint.json" lint --no-config --fail-on none --format json "$h"
		run "$key.lint.sarif" lint --no-config --fail-on none --format sarif "$h"
		for t in nftables iptables ip6tables firewalld; do
			run "$key.rules-$t" rules --no-config --target "$t" "$h"
			run "$key.rules-$t-egress-mgmt" rules --no-config --target "$t" --egress \
				--allow management=10.0.0.0/24,fd00::/64 --allow cluster=10.1.0.0/16 "$h"
		done
		run "$key.rules-firewalld-script" rules --no-config --target firewalld --script "$h"
	done < <(homes)
	# All homes of the corpus as one host: collisions across homes.
	mapfile -t all < <(homes | grep -v '^testdata/bad/')
	run "all.lint.json" lint --no-config --fail-on none --format json "${all[@]}"
	# Every lint format over all of them: many findings, several homes and hosts.
	for f in text sarif checkstyle github gitlab junit markdown; do
		run "all.lint.$f" lint --no-config --fail-on none --format "$f" "${all[@]}"
	done
	# Three copies of every home as one host, at a fixed place (paths are in
	# the output): the homes share their files (parse.Shared).
	local copies="${TMPDIR:-/tmp}/wso2lint-compare-copies" i d
	local -a many=()
	rm -rf "$copies"
	for h in "${all[@]}"; do
		for i in 1 2 3; do
			d="$copies/$i/$(printf '%s' "$h" | sed 's#^\.\./shared/##; s#/#_#g')"
			mkdir -p "$(dirname "$d")"
			cp -a "$h" "$d"
			many+=("$d")
		done
	done
	run "copies.ports.json" ports --no-config --format json "${many[@]}"
	run "copies.lint.json" lint --no-config --fail-on none --format json "${many[@]}"
	run "copies.rules-nftables" rules --no-config --target nftables "${many[@]}"
	rm -rf "$copies"
	for f in text json markdown; do
		run "catalog.$f" catalog --format "$f"
	done
	echo "captured $(find "$out" -type f | wc -l) outputs in $out"
}

case "${1:-}" in
capture) [ $# -eq 3 ] || usage; capture "$2" "$3" ;;
diff)
	[ $# -eq 3 ] || usage
	if diff -r "$2" "$3" >/dev/null; then
		echo "identical: $(find "$2" -type f | wc -l) outputs"
	else
		diff -r -u "$2" "$3" | head -400
		echo "DIFFERENT: $(diff -r -q "$2" "$3" | wc -l) outputs differ" >&2
		exit 1
	fi
	;;
*) usage ;;
esac
