#!/usr/bin/env bash
# Converts the same N generated notes with scribe (DOCX+PDF) and with pandoc (text → DOCX
# only, one process per file, as people run it) on this machine, and prints wall times, peak
# memory and the speed ratio. Usage: bench/compare.sh [N] [JOBS]   (defaults: 1000, 2)
set -euo pipefail
N=${1:-1000}
JOBS=${2:-2}
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
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
timed() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r secs kb user sys < "$work/time"
  # CPU time (user+sys) is printed too: unlike wall time it stays meaningful when other
  # work shares the machine (check the load average before trusting the wall times).
  printf '%-32s %8.2f s  %7.1f MB peak  %8.2f s CPU (%.1f ms/input)\n' "$label" "$secs" "$(echo "$kb/1024" | bc -l)" \
    "$(echo "$user+$sys" | bc -l)" "$(echo "($user+$sys)*1000/$N" | bc -l)"
  echo "$secs"  > "$work/last"
}
timed "scribe docx+pdf --jobs $JOBS" "$work/scribe" convert -r "$work/notes" --to docx,pdf --jobs "$JOBS" -o "$work/out-scribe" -q
s=$(cat "$work/last")
timed "scribe docx+pdf --jobs 1" "$work/scribe" convert -r "$work/notes" --to docx,pdf --jobs 1 -o "$work/out-scribe1" -q
s1=$(cat "$work/last")
if command -v pandoc >/dev/null; then
  mkdir -p "$work/out-pandoc"
  timed "pandoc txt→docx (per file)" bash -c 'for f in "$0"/notes/*.txt; do pandoc -f markdown -t docx -o "$0/out-pandoc/$(basename "$f" .txt).docx" "$f"; done' "$work"
  p=$(cat "$work/last")
  printf 'scribe (docx+pdf) is %.1f× faster than pandoc (docx only)\n' "$(echo "$p/$s" | bc -l)"
else
  echo "pandoc not installed (apt-get install pandoc) — ratio not measured"
fi
printf -- '--jobs %s gives %.2f× the throughput of --jobs 1\n' "$JOBS" "$(echo "$s1/$s" | bc -l)"
echo "outputs: $(find "$work/out-scribe" -type f | wc -l) files"
