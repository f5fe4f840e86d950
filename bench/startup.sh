#!/usr/bin/env bash
# Prints where the CPU of one short document per process goes, by ablation: programs that do
# nothing but link (and so initialise) a growing part of scribe's dependencies, then
# `scribe --version`, then the sample converted to PDF. Each step's cost over the previous one
# is what that part adds to every run: the Go runtime alone, the standard library's packages
# (with cgo, which `net` brings in, unless CGO_ENABLED=0), the third-party modules (goldmark
# apart), scribe's own packages and command line, and the conversion itself. Medians of
# interleaved runs of `perf stat` task-clock, so a burst of load on a shared machine hits every
# step alike.
#
# Usage: bench/startup.sh [rounds] [lang]      (default 15 rounds of 5 runs, en)
#   CGO_ENABLED=0 bench/startup.sh              # the same without cgo
# Needs Go, perf and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
lang=${2:-en}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

deps=$(go list -deps ./cmd/scribe)
importable() { # packages a program of the module may import from outside their trees
	grep -v -e '/internal' -e '^internal/' -e '^vendor/' -e '^unsafe$' -e '^C$' -e '^runtime/cgo' \
		-e '^github.com/scribe-un/scribe/cmd/scribe$' || true
}
std=$(echo "$deps" | importable | grep -v '^[^/]*\.' || true)
third=$(echo "$deps" | importable | grep '^[^/]*\.' | grep -v '^github.com/scribe-un/' || true)
nogm=$(echo "$third" | grep -v '^github.com/yuin/goldmark' || true)
steps=(runtime std third-no-goldmark third)
program() { # name, packages...
	local file="$work/src/$1.go"
	shift
	mkdir -p "$work/src"
	{
		echo 'package main'
		echo 'import ('
		for p in "$@"; do echo "	_ \"$p\""; done
		echo ')'
		echo 'func main() {}'
	} >"$file"
}
program runtime
# shellcheck disable=SC2086 # the package lists are split into words on purpose
program std $std
# shellcheck disable=SC2086
program third-no-goldmark $std $nogm
# shellcheck disable=SC2086
program third $std $third

# The programs are built as if they were in the module, through an overlay (nothing is
# written to the tree), so they link the very versions scribe does.
{
	echo '{"Replace": {'
	sep=
	for p in "${steps[@]}"; do
		printf '%s"%s": "%s"\n' "$sep" "$PWD/bench/startup-$p/main.go" "$work/src/$p.go"
		sep=,
	done
	echo '}}'
} >"$work/overlay.json"
for p in "${steps[@]}"; do
	go build -overlay "$work/overlay.json" -o "$work/$p" "./bench/startup-$p"
done
go build -o "$work/scribe" ./cmd/scribe
mkdir -p "$work/out"

python3 - "$work" "$rounds" "$lang" "$PWD/testdata/wsis-itu-consultation-2005-05-02.txt" <<'PY'
import statistics, subprocess, sys
work, rounds, lang, sample = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
steps = [
    ("Go runtime (empty program)", [f"{work}/runtime"]),
    ("+ standard library packages", [f"{work}/std"]),
    ("+ third-party modules but goldmark", [f"{work}/third-no-goldmark"]),
    ("+ goldmark", [f"{work}/third"]),
    ("scribe --version", [f"{work}/scribe", "--version"]),
    (f"scribe convert sample --to pdf --lang {lang}",
     [f"{work}/scribe", "convert", sample, "--to", "pdf", "--lang", lang, "-o", f"{work}/out"]),
]
ms = {name: [] for name, _ in steps}
for r in range(rounds):
    for name, cmd in (steps if r % 2 == 0 else steps[::-1]):
        out = subprocess.run(["perf", "stat", "-r", "5", "-x,", "-e", "task-clock"] + cmd,
                             capture_output=True, text=True).stderr
        for line in out.splitlines():
            f = line.split(",")
            if len(f) > 2 and f[2] == "task-clock":
                ms[name].append(float(f[0]))
load = open("/proc/loadavg").read().split()[:3]
print(f"one-document start-up: medians of {rounds} interleaved rounds of 5 runs, task-clock ms; "
      f"load {' '.join(load)} at the end")
prev = None
for name, _ in steps:
    m = statistics.median(ms[name])
    print(f"{name:44s} {m:7.1f}" + (f"  {m - prev:+6.1f}" if prev is not None else ""))
    prev = m
PY
