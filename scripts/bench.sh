#!/usr/bin/env bash
# Whole-process figures of issue 15 items 1 and 2, side by side with xmllint, in one table
# (make bench runs the Go benchmarks first, then this).
#   scripts/bench.sh BIN
# (1) one home: `BIN lint`, `BIN ports` and `BIN rules --target nftables` on the API Manager
#     2.6.0 home of the shared corpus (../shared/corpus beside the repository; testdata/example
#     when it is absent), each paired with ONE `xmllint --noout --nonet` process over every XML
#     file of that home: hyperfine runs both in one invocation, and the ratio is the median of
#     the per-run ratios (run k of wso2lint over run k of xmllint). Goal: ratio <= 1.
# (2) many homes: WSO2LINT_BENCH_HOMES (default 1000) hard-linked copies of that home in a
#     temporary directory, each with a carbon.xml of its own (the offset is the copy's number),
#     in one `BIN ports --format json` and one `BIN lint --format json` run: median wall time
#     (hyperfine), CPU time and peak RSS (/usr/bin/time -v), and the same for a tenth of the
#     homes to show the cost per home stays flat. Goal: <= 2 s and <= 100 MB on 2 cores.
# (3) floors: the least a program built the way wso2lint must be built takes here (internal/floor,
#     built like bin/wso2lint): `--version` beside a Go hello-world and beside a urfave/cli v2
#     application that only answers --version (goal of item 4: within 1 ms of the hello-world), and
#     that application reading and parsing the home's XML files into etree trees with wso2lint's
#     scanner, paired with xmllint like (1): no one-home run of a urfave/cli + etree program can
#     beat its ratio.
# Environment: WSO2LINT_BENCH_RUNS (hyperfine runs of (1), default 30; (2) takes a third,
# at least 3), WSO2LINT_BENCH_HOMES.
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
runs=${WSO2LINT_BENCH_RUNS:-30}
many=${WSO2LINT_BENCH_HOMES:-1000}
fewer=$((many / 10 > 0 ? many / 10 : 1))
bigruns=$((runs / 10 > 3 ? runs / 10 : 3))
for tool in hyperfine xmllint; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: $tool not found (apt-get install hyperfine libxml2-utils)" >&2
    exit 2
  fi
done
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: /usr/bin/time -v not available (apt-get install time)" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wso2lint-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# Every program measured runs from a copy written with cp: a binary the Go linker has just written
# (through a shared mapping) started about 10 % slower here than a byte-identical copy, until its
# page cache was dropped, and that is the linker's doing, not the program's.
cp "$bin" "$tmp/wso2lint"
bin=$tmp/wso2lint

home=$root/../shared/corpus/wso2am-2.6.0
if [ ! -d "$home" ]; then
  echo "note: shared corpus not found at $home; using testdata/example/wso2am-2.6.0"
  home=$root/testdata/example/wso2am-2.6.0
fi
home=$(cd "$home" && pwd)
mapfile -t xmls < <(find "$home" -type f -name '*.xml' | LC_ALL=C sort)

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

# quote ARGS...: one shell-quoted command line for hyperfine.
quote() {
  local out="" a
  for a in "$@"; do out+="$(printf '%q' "$a") "; done
  printf '%s' "${out% }"
}

# hyperfine's JSON export, read with awk: for result N (1-based), "median" or "times".
hf_median() { awk -v n="$2" '/"command":/ { r++ } r == n && /"median":/ { gsub(/[^0-9.eE+-]/, "", $2); print $2; exit }' "$1"; }
hf_times() {
  awk -v n="$2" '/"command":/ { r++ } r == n && /"times":/ { on = 1; next } on && /\]/ { exit } on { gsub(/[ ,]/, ""); print }' "$1"
}
# paired_diff FILE I J: median over runs k of timesI[k] - timesJ[k], in seconds.
paired_diff() {
  paste <(hf_times "$1" "$2") <(hf_times "$1" "$3") | awk '{ print $1 - $2 }' | LC_ALL=C sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# paired_ratio FILE: median over runs k of times2[k] / times1[k].
paired_ratio() {
  paste <(hf_times "$1" 2) <(hf_times "$1" 1) | awk '{ print $1 / $2 }' | LC_ALL=C sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

echo "wso2lint bench: $("$bin" --version 2>/dev/null | head -1); $(xmllint --version 2>&1 | head -1)"
echo "machine: $(nproc) CPU(s), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1), $(uname -sm); load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo "home: $home (${#xmls[@]} XML files, $(cat "${xmls[@]}" | wc -c) bytes)"
echo

# ---- build the many-homes tree: hard links, carbon.xml of each copy its own ----------------
# One perl process makes every link (a cp -al per copy takes a minute on a loaded machine).
perl -e '
  use strict; use warnings; use File::Find; use File::Path qw(make_path);
  my ($src, $dst, $n) = @ARGV;
  my @files; my @dirs;
  find({ no_chdir => 1, wanted => sub {
    my $rel = substr($File::Find::name, length $src); $rel =~ s{^/}{};
    if (-d $_) { push @dirs, $rel } elsif (-f $_) { push @files, $rel }
  } }, $src);
  open my $fh, "<", "$src/repository/conf/carbon.xml" or die "carbon.xml: $!";
  my $carbon = do { local $/; <$fh> }; close $fh;
  for my $i (0 .. $n - 1) {
    my $h = "$dst/$i/" . (split m{/}, $src)[-1];
    make_path(map { "$h/$_" } @dirs);
    for my $f (@files) {
      next if $f eq "repository/conf/carbon.xml";
      link("$src/$f", "$h/$f") or die "link $h/$f: $!";
    }
    (my $c = $carbon) =~ s{<Offset>\s*\d+\s*</Offset>}{<Offset>$i</Offset>};
    open my $out, ">", "$h/repository/conf/carbon.xml" or die "$h: $!";
    print $out $c; close $out;
  }' "$home" "$tmp/homes" "$many"
mapfile -t dirs < <(for ((i = 0; i < many; i++)); do echo "$tmp/homes/$i/$(basename "$home")"; done)

printf '%-44s %12s %12s %10s %10s %s\n' "case" "median ms" "xmllint ms" "ratio" "peak MB" "goal"

# ---- (1) one home, paired with one xmllint process -----------------------------------------
check xmllint --noout --nonet "${xmls[@]}"
xml=$(quote xmllint --noout --nonet "${xmls[@]}")
for sub in "lint --no-config" "ports --no-config" "rules --no-config --target nftables"; do
  # shellcheck disable=SC2086 # sub is split into its words on purpose
  check "$bin" $sub "$home"
  # shellcheck disable=SC2086
  hyperfine -N -i --warmup 3 --runs "$runs" --style none --export-json "$tmp/one.json" "$xml" "$(quote "$bin" $sub "$home")" >/dev/null 2>&1
  base=$(hf_median "$tmp/one.json" 1) t=$(hf_median "$tmp/one.json" 2) ratio=$(paired_ratio "$tmp/one.json")
  goal=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.0) ? "met (<= 1)" : "missed (<= 1)" }')
  printf '%-44s %12s %12s %10.2f %10s %s\n' "1 home: wso2lint ${sub/ --no-config/}" "$(ms "$t")" "$(ms "$base")" "$ratio" "" "$goal"
done

# ---- (2) many homes in one run ------------------------------------------------------------
for cmd in "ports --no-config --format json" "lint --no-config --format json --fail-on none"; do
  for n in "$fewer" "$many"; do
    set -- "${dirs[@]:0:$n}"
    # shellcheck disable=SC2086
    check "$bin" $cmd "$@"
    # shellcheck disable=SC2086
    hyperfine -N -i --warmup 1 --runs "$bigruns" --style none --export-json "$tmp/many.json" \
      "$(quote "$bin" $cmd "$@")" >/dev/null 2>&1
    t=$(hf_median "$tmp/many.json" 1)
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$tmp/time.txt" "$bin" $cmd "$@" >/dev/null 2>&1 || true
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$tmp/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$tmp/time.txt")
    goal=""
    if [ "$n" -eq "$many" ]; then
      goal=$(awk -v w="$t" -v r="$rss" -v n="$n" 'BEGIN { ok = (w <= 2 * n / 1000 && r / 1024 <= 100); print (ok ? "met" : "missed") " (<= " 2 * n / 1000 " s, <= 100 MB)" }')
    fi
    label=${cmd/ --no-config/}
    printf '%-44s %12s %12s %10s %10.1f %s\n' "$n homes: wso2lint ${label/ --fail-on none/}" "$(ms "$t")" "" \
      "$(awk -v c="$cpu" -v n="$n" 'BEGIN { printf "%.1fms/h", c * 1000 / n }')" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$goal"
  done
done
# ---- (3) floors --------------------------------------------------------------------------------
for p in hello cli parse; do
  (cd "$root" && CGO_ENABLED=0 ${GO:-go} build -trimpath -tags urfave_cli_no_docs -o "$tmp/floor-$p.link" "./internal/floor/$p")
  cp "$tmp/floor-$p.link" "$tmp/floor-$p" # a copy, as for wso2lint above
done
check "$tmp/floor-parse" "${xmls[@]}"
hyperfine -N -i --warmup 3 --runs "$runs" --style none --export-json "$tmp/start.json" "$tmp/floor-hello" \
  "$(quote "$tmp/floor-cli" --version)" "$(quote "$bin" --version)" >/dev/null 2>&1
printf '%-44s %12s\n' "floor: Go hello-world" "$(ms "$(hf_median "$tmp/start.json" 1)")"
label=("" "" "floor: bare urfave/cli app --version" "wso2lint --version")
for k in 2 3; do
  d=$(paired_diff "$tmp/start.json" "$k" 1)
  goal=""
  if [ "$k" -eq 3 ]; then
    goal=$(awk -v d="$d" 'BEGIN { print (d <= 0.001) ? "met (<= hello + 1 ms)" : "missed (<= hello + 1 ms)" }')
  fi
  printf '%-44s %12s %12s %10s %10s %s\n' "${label[$k]}" "$(ms "$(hf_median "$tmp/start.json" "$k")")" "" \
    "+$(ms "$d")ms" "" "$goal"
done
hyperfine -N -i --warmup 3 --runs "$runs" --style none --export-json "$tmp/floor.json" "$xml" \
  "$(quote "$tmp/floor-parse" "${xmls[@]}")" >/dev/null 2>&1
printf '%-44s %12s %12s %10.2f\n' "floor: urfave/cli app parsing the XML" "$(ms "$(hf_median "$tmp/floor.json" 2)")" \
  "$(ms "$(hf_median "$tmp/floor.json" 1)")" "$(paired_ratio "$tmp/floor.json")"
echo
echo "for --version and the bare urfave/cli app the ratio column is the median paired difference from the hello-world"
echo "ratio: median of paired runs (wso2lint run k / xmllint run k); for many homes the ratio column is CPU ms per home"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
