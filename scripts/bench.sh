#!/usr/bin/env bash
# Whole-process timings of wso2lint (make bench runs the Go benchmarks first).
#   scripts/bench.sh BIN
# (a) wall time of `BIN lint`, `BIN ports` and `BIN rules --target nftables` on
#     the API Manager 2.6.0 home of the shared corpus (../shared/corpus next to
#     the repository root; testdata/example when the corpus is absent) against
#     one `xmllint --noout --nonet` process over every XML file of that home;
# (b) wall time and peak RSS of `BIN lint --fail-on none` and `BIN ports` over
#     1, 10, 100 and 1000 homes at once: copies of the fixture homes, each with
#     its own port offset and some listeners switched on or off.
# Goals (reported, not asserted): (a) ratio <= 1.0; (b) 1000 homes in < 2 s and
# < 100 MB peak RSS on 2 cores.
# Environment: WSO2LINT_BENCH_RUNS (runs per case of (b), best kept; default 3),
# WSO2LINT_BENCH_SIZES (default "1 10 100 1000").
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: scripts/bench.sh BIN" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if [ ! -x "$bin" ]; then
  echo "bench: $bin is not an executable (run make build first)" >&2
  exit 2
fi
runs=${WSO2LINT_BENCH_RUNS:-3}
sizes=${WSO2LINT_BENCH_SIZES:-"1 10 100 1000"}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wso2lint-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

now_ns() { date +%s%N; }

# ms NS: nanoseconds as milliseconds with one decimal.
ms() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'; }

# check CMD...: runs the command once; exit 0 or 1 (findings) is fine.
check() {
  local rc=0
  "$@" >/dev/null 2>"$tmp/check.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench: '$*' exited $rc:" >&2
    head -5 "$tmp/check.err" >&2
    exit 1
  fi
}

# mean_ms CMD...: mean wall time of the command in milliseconds, with hyperfine
# when present (no shell, 3 warm-up runs), else a loop of 20 runs.
have_hyperfine=false
if command -v hyperfine >/dev/null 2>&1 && hyperfine -N --runs 2 true >/dev/null 2>&1; then
  have_hyperfine=true
fi
mean_ms() {
  if $have_hyperfine; then
    local cmd="" a
    for a in "$@"; do cmd+="$(printf '%q' "$a") "; done
    hyperfine -N -i --warmup 3 --style none --export-json "$tmp/hf.json" "$cmd" >/dev/null 2>&1
    # The first "mean" of the export is this command's, in seconds.
    sed -n 's/.*"mean": *\([0-9.eE+-]*\).*/\1/p' "$tmp/hf.json" | head -1 | awk '{ printf "%.2f", $1 * 1000 }'
  else
    local i t0 t1 n=20
    for i in 1 2 3; do "$@" >/dev/null 2>&1 || true; done
    t0=$(now_ns)
    for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1 || true; done
    t1=$(now_ns)
    awk -v d="$((t1 - t0))" -v n="$n" 'BEGIN { printf "%.2f", d / n / 1e6 }'
  fi
}

echo "wso2lint bench: $("$bin" --version 2>/dev/null | head -1)"
echo "machine: $(nproc) CPU(s), $(uname -sm); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo

# ---- (a) one home against xmllint ------------------------------------------
home=$root/../shared/corpus/wso2am-2.6.0
if [ ! -d "$home" ]; then
  echo "note: shared corpus not found at $home; using testdata/example/wso2am-2.6.0"
  home=$root/testdata/example/wso2am-2.6.0
fi
home=$(cd "$home" && pwd)
mapfile -t xmls < <(find "$home" -type f -name '*.xml' | LC_ALL=C sort)
nbytes=$(cat "${xmls[@]}" | wc -c)
echo "(a) one home: $home"
echo "    ${#xmls[@]} XML files, $nbytes bytes; timer: $($have_hyperfine && echo "hyperfine -N, 3 warm-up runs" || echo "date +%s%N loop of 20 runs")"
echo "    baseline: ONE xmllint --noout --nonet process over all ${#xmls[@]} XML files (the fair"
echo "    comparison: one process start, like wso2lint, which also reads the non-XML files)"
if command -v xmllint >/dev/null 2>&1; then
  check xmllint --noout --nonet "${xmls[@]}"
  base=$(mean_ms xmllint --noout --nonet "${xmls[@]}")
else
  base=""
  echo "    xmllint not installed: no ratio (apt-get install libxml2-utils)"
fi
printf '    %-34s %10s %8s %s\n' "command" "mean ms" "ratio" "goal <= 1.0"
if [ -n "$base" ]; then
  printf '    %-34s %10s %8s\n' "xmllint --noout --nonet" "$base" "1.00"
fi
for sub in "lint" "ports" "rules --target nftables"; do
  # shellcheck disable=SC2086 # sub is split into its words on purpose
  check "$bin" $sub "$home"
  # shellcheck disable=SC2086
  t=$(mean_ms "$bin" $sub "$home")
  if [ -n "$base" ]; then
    ratio=$(awk -v a="$t" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
    goal=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.0) ? "met" : "missed" }')
  else
    ratio=n/a goal=n/a
  fi
  printf '    %-34s %10s %8s %s\n' "wso2lint $sub" "$t" "$ratio" "$goal"
done
echo

# ---- (b) many homes at once --------------------------------------------------
fixtures=("$root/testdata/example/wso2am-2.6.0" "$root"/testdata/homes/*/ "$root/testdata/clean/wso2am-2.6.0")
max=0
for n in $sizes; do [ "$n" -gt "$max" ] && max=$n; done
dirs=()
for ((i = 0; i < max; i++)); do
  src=${fixtures[$((i % ${#fixtures[@]}))]%/}
  dst=$tmp/homes/$i/$(basename "$src")
  mkdir -p "$(dirname "$dst")"
  cp -R "$src" "$dst"
  # Each home gets its own offset (added to what its carbon.xml files say, so
  # that the servers of a multi-profile home stay apart), JMX alternates on and
  # off, and every third home switches clustering on.
  find "$dst" -name carbon.xml -exec perl -pi -e \
    "s{<Offset>\\s*(\\d+)\\s*</Offset>}{'<Offset>'.(\$1 + $i).'</Offset>'}e" {} +
  jmx=$([ $((i % 2)) -eq 0 ] && echo true || echo false)
  find "$dst" -name jmx.xml -exec perl -pi -e \
    "s{<StartRMIServer>[^<]*</StartRMIServer>}{<StartRMIServer>$jmx</StartRMIServer>}" {} +
  if [ $((i % 3)) -eq 0 ]; then
    find "$dst" -name axis2.xml -exec perl -pi -e \
      's{(<clustering\s[^>]*enable=")false(")}{${1}true$2}' {} +
  fi
  dirs+=("$dst")
done

have_time=false
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  have_time=true
fi

# measure N CMD...: best wall time (ms) of $runs runs and the largest peak RSS (MB).
measure() {
  local best="" rss=0 r t0 t1 d m rc
  for ((r = 0; r < runs; r++)); do
    rc=0
    t0=$(now_ns)
    if $have_time; then
      /usr/bin/time -v -o "$tmp/time.txt" "$@" >/dev/null 2>"$tmp/run.err" || rc=$?
    else
      "$@" >/dev/null 2>"$tmp/run.err" || rc=$?
    fi
    t1=$(now_ns)
    if [ "$rc" -gt 1 ]; then
      echo "bench: '$1 $2 ...' exited $rc:" >&2
      head -5 "$tmp/run.err" >&2
      exit 1
    fi
    d=$((t1 - t0))
    if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; fi
    if $have_time; then
      m=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$tmp/time.txt")
      if [ -n "$m" ] && [ "$m" -gt "$rss" ]; then rss=$m; fi
    fi
  done
  if $have_time; then
    echo "$(ms "$best") $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
  else
    echo "$(ms "$best") n/a"
  fi
}

echo "(b) many homes at once: copies of ${#fixtures[@]} fixture homes, each with its own offset,"
echo "    JMX alternately on and off, clustering on in every third; best of $runs run(s),"
echo "    peak RSS from $($have_time && echo "/usr/bin/time -v" || echo "nothing (/usr/bin/time missing: apt-get install time)")"
printf '    %6s  %-22s %10s %12s\n' "homes" "command" "wall ms" "peak RSS MB"
for n in $sizes; do
  set -- "${dirs[@]:0:$n}"
  read -r wall rss < <(measure "$bin" lint --fail-on none --no-config "$@")
  printf '    %6d  %-22s %10s %12s\n' "$n" "lint --fail-on none" "$wall" "$rss"
  last_lint="$wall $rss"
  read -r wall rss < <(measure "$bin" ports "$@")
  printf '    %6d  %-22s %10s %12s\n' "$n" "ports" "$wall" "$rss"
  last_ports="$wall $rss"
done
goal() {
  awk -v w="$1" -v r="$2" 'BEGIN { print (w < 2000 && (r == "n/a" || r < 100)) ? "met" : "missed" }'
}
# shellcheck disable=SC2086 # two fields on purpose
echo "    goal for the largest set ($max homes: < 2000 ms, < 100 MB on 2 cores):" \
  "lint $(goal $last_lint), ports $(goal $last_ports)"
