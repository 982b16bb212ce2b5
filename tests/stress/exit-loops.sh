#!/usr/bin/env bash
# Looks for a crash at exit, the kind a race between threads and the
# libraries' teardown makes (glibc's "malloc_consolidate(): invalid chunk
# size", a SIGSEGV): LOOPS concurrent loops of `runbench run` on a project of
# a few hundred files, RUNS runs in all, each exit code compared with the
# script's own; then tst_mainwindow TIMES times in a row. glibc's malloc
# checking (MALLOC_CHECK_) changes the timing and hides it: leave it unset.
#
# usage: tests/stress/exit-loops.sh BUILD_DIR [RUNS] [LOOPS] [TIMES]
#   defaults: 1000 runs in 6 loops, tst_mainwindow 50 times. CI runs a
#   shorter version (.ci/test).
set -uo pipefail

build="$(cd "${1:?usage: exit-loops.sh BUILD_DIR [RUNS] [LOOPS] [TIMES]}" && pwd)"
runs="${2:-1000}"
loops="${3:-6}"
times="${4:-50}"
runbench="$build/runbench"
[ -x "$runbench" ] || { echo "exit-loops: $runbench is not built" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
project="$work/project"
mkdir -p "$project/src"
for i in $(seq 1 300); do
  printf 'line %s\n' "$i" > "$project/src/file$i.txt"
done
# exits with the code it is given, after logging a value
cat > "$project/step.sh" <<'SCRIPT'
echo "step $1"
exit "$1"
SCRIPT
# the project exists before the loops start: its first runs are another test's
(cd "$project" && "$runbench" run -q step.sh 0 >/dev/null 2>&1)

per_loop=$(( (runs + loops - 1) / loops ))
loop() {
  local n=$1 failures=0 i code want
  for i in $(seq 1 "$per_loop"); do
    want=$(( (n + i) % 3 == 0 ? 3 : 0 ))
    (cd "$project" && "$runbench" run -q step.sh "$want" >/dev/null 2>>"$work/err.$n")
    code=$?
    if [ "$code" -ne "$want" ]; then
      failures=$((failures + 1))
      echo "exit-loops: loop $n run $i exited $code, the script $want" >&2
    fi
  done
  echo "$failures" > "$work/failures.$n"
}

echo "=== $((per_loop * loops)) runs of runbench run in $loops loops at once"
for n in $(seq 1 "$loops"); do
  loop "$n" &
done
wait
failed=0
for n in $(seq 1 "$loops"); do
  failed=$((failed + $(cat "$work/failures.$n")))
done
passed=$((per_loop * loops - failed))
if [ "$failed" -gt 0 ]; then
  echo "exit-loops: what the failed runs printed:" >&2
  cat "$work"/err.* | grep -v '^$' | sort | uniq -c | sort -rn | head -20 >&2
fi
listed="$(cd "$project" && "$runbench" history list -o csv | tail -n +2 | wc -l)"
if [ "$listed" -ne $((per_loop * loops + 1)) ]; then
  echo "exit-loops: the history lists $listed runs, not $((per_loop * loops + 1))" >&2
  failed=$((failed + 1))
fi

echo "=== tst_mainwindow $times times in a row"
for i in $(seq 1 "$times"); do
  if QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE= "$build/tests/tst_mainwindow" >"$work/mainwindow.log" 2>&1; then
    passed=$((passed + 1))
  else
    code=$?
    failed=$((failed + 1))
    echo "exit-loops: tst_mainwindow round $i exited $code" >&2
    grep -E 'FAIL|malloc|Segmentation|Aborted|signal' "$work/mainwindow.log" | head -10 >&2
  fi
done

echo "exit-loops: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
