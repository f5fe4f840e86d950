#!/usr/bin/env bash
# Prints scribe's cost curve on this machine: CPU ms per document and peak RSS for one document
# per process (each language), a batch of N documents, and single inputs from 10 KB to 12 MB,
# DOCX and PDF apart, with the ratios against the floor program (bench/floor: read, write a
# minimal valid file through the same compressors), pandoc (DOCX) and pandoc then LibreOffice
# (PDF), as medians of interleaved runs. See bench/curve/main.go for every flag.
#
# Usage: bench/curve.sh [flags]
#   bench/curve.sh                                  # 5 runs, N=1 in six languages, N=1000, 10k…12m
#   bench/curve.sh -runs 3 -ref-batch 100           # reference tools on 100 of the 1,000 only
#   bench/curve.sh -only size -sizes 12m,60m -ref=false
#   BASE=/path/to/older/scribe bench/curve.sh       # an older build too, interleaved: before/after
# Needs Go; pandoc and soffice (LibreOffice) for the reference ratios (-ref=false without them).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/scribe" ./cmd/scribe
go build -o "$work/floor" ./bench/floor
go build -o "$work/curve" ./bench/curve
args=()
if [ -n "${BASE:-}" ]; then args+=(-scribe "before=$BASE"); fi
args+=(-scribe "scribe=$work/scribe" -floor "$work/floor")
"$work/curve" "${args[@]}" -work "$work/run" "$@"
