#!/usr/bin/env bash
# Converts the same N generated notes with scribe (DOCX+PDF) and with pandoc (text → DOCX
# only, one process per file, as people run it) on this machine, and prints wall times, CPU
# time, peak memory and the speed ratios: the median of RUNS runs of each (interleaved, so a
# burst of load on a shared machine hits every tool alike).
#
# Usage: bench/compare.sh [N] [JOBS]        (defaults: 1000, 2)
# Environment: RUNS (default 3); NO_PANDOC=1 measures scribe only (memory growth with N).
set -euo pipefail
N=${1:-1000}
JOBS=${2:-2}
RUNS=${RUNS:-3}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building scribe…"
go build -o "$work/scribe" ./cmd/scribe
mkdir -p "$work/notes"
seed=testdata/wsis-itu-consultation-2005-05-02.txt
for i in $(seq 1 "$N"); do
  # Vary the text a little so no cache could help either tool.
  sed "s/Canada/Canada ($i)/; s/2 May 2005/$(( (i % 28) + 1 )) May 2005/" "$seed" > "$work/notes/n$i.txt"
done
export SOURCE_DATE_EPOCH=1114992000
pandoc=0
if [ -z "${NO_PANDOC:-}" ]; then
  if command -v pandoc >/dev/null; then pandoc=1; else echo "pandoc not installed (apt-get install pandoc): ratio not measured"; fi
fi
echo "$N notes, $RUNS runs each; load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"

# measure LABEL COMMAND…: one run; appends "wall cpu peakMB" to $work/LABEL.
measure() {
  local label=$1; shift
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r secs kb user sys < "$work/time"
  echo "$secs $(echo "$user+$sys" | bc -l) $(echo "$kb/1024" | bc -l)" >> "$work/$label"
}
for r in $(seq 1 "$RUNS"); do
  measure jobsN "$work/scribe" convert -r "$work/notes" --to docx,pdf --jobs "$JOBS" -o "$work/out" -q
  files=$(find "$work/out" -type f | wc -l)
  measure jobs1 "$work/scribe" convert -r "$work/notes" --to docx,pdf --jobs 1 -o "$work/out" -q
  if [ "$pandoc" = 1 ]; then
    measure pandoc bash -c 'mkdir -p "$0/out"; for f in "$0"/notes/*.txt; do
      pandoc -f markdown -t docx -o "$0/out/$(basename "$f" .txt).docx" "$f"; done' "$work"
  fi
done

# median COLUMN LABEL
median() { cut -d' ' -f"$1" "$work/$2" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
report() { # label, file
  printf '%-30s %8.2f s  %8.2f s CPU (%.1f ms/input)  %7.1f MB peak\n' "$1" "$(median 1 "$2")" \
    "$(median 2 "$2")" "$(echo "$(median 2 "$2")*1000/$N" | bc -l)" "$(median 3 "$2")"
}
echo "medians:"
report "scribe docx+pdf --jobs $JOBS" jobsN
report "scribe docx+pdf --jobs 1" jobs1
if [ "$pandoc" = 1 ]; then
  report "pandoc txt→docx (per file)" pandoc
  printf 'scribe (docx+pdf) is %.1f× faster than pandoc (docx only)\n' "$(echo "$(median 1 pandoc)/$(median 1 jobsN)" | bc -l)"
fi
printf -- '--jobs %s gives %.2f× the throughput of --jobs 1\n' "$JOBS" "$(echo "$(median 1 jobs1)/$(median 1 jobsN)" | bc -l)"
echo "scribe wrote $files files per run"
