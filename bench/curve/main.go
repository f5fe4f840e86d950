// Command curve measures scribe's cost curve on this machine: one document per process in
// each language, a batch of N documents, and single inputs from 10 KB to 12 MB (or more),
// DOCX and PDF apart, against the floor program (bench/floor), pandoc (DOCX) and pandoc then
// LibreOffice (PDF). It prints CPU time (user + sys) per document and peak RSS, the medians
// of interleaved runs: every tool runs once per round, so a burst of load on a shared machine
// hits them all alike. Wall time is not reported; on a shared machine it measures the others.
//
// bench/curve.sh builds everything and runs it; see its header for the usual invocations.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// tool is one program measured: scribe (possibly several builds), the floor, a reference.
type tool struct {
	name string
	kind string // "scribe", "floor", "ref"
	path string
}

// job is one measured command for one case, format and tool.
type job struct {
	c      *benchCase
	format string
	t      tool
	argv   []string // run by measure; argv[0] may be "bash"
	samples
	skip string // why the job no longer runs (a timeout, a failure)
}

type samples struct {
	cpu []time.Duration
	rss []int64 // bytes
}

// benchCase is a set of inputs: one file, or a folder of docs files.
type benchCase struct {
	name  string
	input string // file or folder
	docs  int    // documents converted per run
	bytes int64  // total input bytes
	lang  string // output language; "" is the notes' own
}

func main() {
	var scribes multiFlag
	flag.Var(&scribes, "scribe", "scribe binary to measure, as NAME=PATH or PATH (repeatable: compare builds)")
	floorBin := flag.String("floor", "", "floor program (bench/floor), built")
	runs := flag.Int("runs", 5, "interleaved rounds; medians are reported")
	batch := flag.Int("batch", 1000, "documents in the batch case (0: no batch case)")
	sizesFlag := flag.String("sizes", "10k,120k,1.2m,12m", "single-input sizes, comma-separated (k, m suffixes)")
	langsFlag := flag.String("langs", "en,fr,es,ru,ar,zh", "languages of the one-document-per-process PDF cases")
	refs := flag.Bool("ref", true, "measure pandoc and pandoc + LibreOffice when installed")
	refBatch := flag.Int("ref-batch", 0, "convert only this many batch documents with the reference tools (0: all); costs are per document either way")
	refTimeout := flag.Duration("ref-timeout", 5*time.Minute, "give up a reference tool on a case after this long")
	corpus := flag.String("corpus", "", "folder of more English notes (.txt, .md) to build the sized inputs from")
	work := flag.String("work", "", "working folder (default: a temporary one, removed at the end)")
	only := flag.String("only", "one,batch,size", "cases to run: one, batch, size")
	flag.Parse()
	if len(scribes) == 0 || *floorBin == "" {
		fmt.Fprintln(os.Stderr, "curve: -scribe and -floor are required (bench/curve.sh passes them)")
		os.Exit(2)
	}
	root, err := repoRoot()
	check(err)
	dir := *work
	if dir == "" {
		dir, err = os.MkdirTemp("", "scribe-curve-")
		check(err)
		defer os.RemoveAll(dir)
	}
	os.Setenv("SOURCE_DATE_EPOCH", "1114992000")

	var tools []tool
	for _, s := range scribes {
		name, path, ok := strings.Cut(s, "=")
		if !ok {
			name, path = "scribe", s
		}
		tools = append(tools, tool{name: name, kind: "scribe", path: path})
	}
	tools = append(tools, tool{name: "floor", kind: "floor", path: *floorBin})
	pandoc, soffice := "", ""
	if *refs {
		pandoc, _ = exec.LookPath("pandoc")
		soffice, _ = exec.LookPath("soffice")
		if pandoc == "" {
			fmt.Println("pandoc is not installed: no reference ratios")
		}
	}
	loProfile := "file://" + filepath.Join(dir, "lo-profile")

	seed, err := os.ReadFile(filepath.Join(root, "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	check(err)
	var cases []*benchCase
	want := strings.Split(*only, ",")
	if slices.Contains(want, "one") {
		p := filepath.Join(dir, "one", "notes.txt")
		check(os.MkdirAll(filepath.Dir(p), 0o755))
		check(os.WriteFile(p, seed, 0o644))
		for _, l := range strings.Split(*langsFlag, ",") {
			cases = append(cases, &benchCase{name: "N=1 " + l, input: p, docs: 1, bytes: int64(len(seed)), lang: l})
		}
	}
	if slices.Contains(want, "batch") && *batch > 0 {
		d := filepath.Join(dir, "batch")
		n, err := makeBatch(d, seed, *batch)
		check(err)
		cases = append(cases, &benchCase{name: fmt.Sprintf("N=%d", *batch), input: d, docs: *batch, bytes: n})
	}
	if slices.Contains(want, "size") {
		sources, err := sourceTexts(root, *corpus)
		check(err)
		for _, s := range strings.Split(*sizesFlag, ",") {
			size, err := parseSize(s)
			check(err)
			p := filepath.Join(dir, "size", "notes-"+s+".txt")
			n, err := makeSized(p, sources, size)
			check(err)
			cases = append(cases, &benchCase{name: s, input: p, docs: 1, bytes: n})
		}
	}

	var jobs []*job
	for _, c := range cases {
		formats := []string{"docx", "pdf"}
		if c.lang != "" && c.lang != "en" {
			formats = []string{"pdf"} // the languages differ in fonts and shaping, drawn in PDF
		}
		for _, f := range formats {
			for _, t := range tools {
				if t.kind == "floor" && c.lang != "" && c.lang != "en" {
					continue
				}
				jobs = append(jobs, &job{c: c, format: f, t: t, argv: command(t, c, f, dir)})
			}
			if pandoc != "" && (c.lang == "" || c.lang == "en") {
				if f == "docx" {
					jobs = append(jobs, &job{c: c, format: f, t: tool{name: "pandoc", kind: "ref"},
						argv: refCommand(c, dir, *refBatch, "")})
				} else if soffice != "" {
					jobs = append(jobs, &job{c: c, format: f, t: tool{name: "pandoc+LO", kind: "ref"},
						argv: refCommand(c, dir, *refBatch, loProfile)})
				}
			}
		}
	}
	if soffice != "" && pandoc != "" {
		// LibreOffice builds its profile on first start; do that outside the measurements.
		warm := filepath.Join(dir, "lo-warm")
		_ = exec.Command("soffice", "--headless", "-env:UserInstallation="+loProfile, "--convert-to", "pdf", "--outdir", warm, filepath.Join(root, "README.md")).Run()
	}

	start := time.Now()
	load0 := loadAvg()
	for r := 0; r < *runs; r++ {
		for _, j := range jobs {
			if j.skip != "" {
				continue
			}
			timeout := time.Duration(0)
			if j.t.kind == "ref" {
				timeout = *refTimeout
			}
			cpu, rss, err := measure(j.argv, filepath.Join(dir, "out"), timeout)
			if err != nil {
				j.skip = err.Error()
				fmt.Fprintf(os.Stderr, "curve: %s %s %s: %v\n", j.c.name, j.format, j.t.name, err)
				continue
			}
			j.cpu = append(j.cpu, cpu)
			j.rss = append(j.rss, rss)
		}
		fmt.Fprintf(os.Stderr, "curve: round %d of %d done (%s)\n", r+1, *runs, time.Since(start).Round(time.Second))
	}
	report(os.Stdout, jobs, *runs, *refBatch, load0, loadAvg())
}

// command is the argv converting case c to format f with tool t into dir/out.
func command(t tool, c *benchCase, f, dir string) []string {
	out := filepath.Join(dir, "out")
	switch t.kind {
	case "floor":
		if c.docs > 1 {
			return []string{t.path, "-to", f, "-o", out, "-r", c.input}
		}
		return []string{t.path, "-to", f, "-o", out, c.input}
	default:
		argv := []string{t.path, "convert", "--to", f, "-o", out, "-q",
			"--max-blocks", "100000000", "--max-input-size", "1000000000"}
		if c.lang != "" {
			argv = append(argv, "--lang", c.lang)
		}
		if c.docs > 1 {
			return append(argv, "-r", c.input)
		}
		return append(argv, c.input)
	}
}

// refCommand is the shell command converting case c with pandoc to DOCX, one process per
// file as people run it, then (when profile is set) every DOCX to PDF with one LibreOffice.
func refCommand(c *benchCase, dir string, limit int, profile string) []string {
	script := `set -e; out=$1; mkdir -p "$out"; shift 2
for f in "$@"; do pandoc -f markdown -t docx -o "$out/$(basename "$f" .txt).docx" "$f"; done
`
	if profile != "" {
		script += `soffice --headless "-env:UserInstallation=$0" --convert-to pdf --outdir "$out" "$out"/*.docx >/dev/null
`
	}
	files := []string{c.input}
	if c.docs > 1 {
		entries, err := os.ReadDir(c.input)
		check(err)
		files = files[:0]
		for _, e := range entries {
			files = append(files, filepath.Join(c.input, e.Name()))
		}
		if limit > 0 && limit < len(files) {
			files = files[:limit]
		}
	}
	if profile == "" {
		profile = "-"
	}
	return append([]string{"bash", "-c", script, profile, filepath.Join(dir, "out"), "--"}, files...)
}

// docsRun is how many documents one run of j converts.
func (j *job) docsRun(refBatch int) int {
	if j.t.kind == "ref" && j.c.docs > 1 && refBatch > 0 && refBatch < j.c.docs {
		return refBatch
	}
	return j.c.docs
}

// measure runs argv after emptying out and returns the CPU time (user + sys, the process
// and every child it waited for) and the peak RSS of the largest of them.
func measure(argv []string, out string, timeout time.Duration) (time.Duration, int64, error) {
	if err := os.RemoveAll(out); err != nil {
		return 0, 0, err
	}
	ctx := context.Background()
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	// Peak RSS comes from /usr/bin/time, which forks: a child of this program starts as a
	// vfork sharing its memory, and the kernel counts that memory in the child's peak.
	rssFile := ""
	if timeBin != "" {
		rssFile = filepath.Join(filepath.Dir(out), "rss")
		argv = append([]string{timeBin, "-f", "%M", "-o", rssFile}, argv...)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		return 0, 0, fmt.Errorf("over %s", timeout)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("%v: %s", err, firstLine(stderr.String()))
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, errors.New("no resource usage on this system")
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	rss := ru.Maxrss
	if rssFile != "" {
		b, err := os.ReadFile(rssFile)
		if err != nil {
			return 0, 0, err
		}
		if rss, err = strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err != nil {
			return 0, 0, fmt.Errorf("/usr/bin/time: %q", b)
		}
	}
	return cpu, rss * 1024, nil
}

// timeBin is GNU time, which reports the peak RSS of what it runs; "" when it is missing.
var timeBin = func() string {
	if p, err := exec.LookPath("/usr/bin/time"); err == nil {
		return p
	}
	return ""
}()

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// report prints one line per case, format and tool.
func report(w *os.File, jobs []*job, runs, refBatch int, load0, load1 string) {
	host, _ := os.Hostname()
	fmt.Fprintf(w, "scribe cost curve, %s, %s: %s, %d CPUs, %s; Go %s\n",
		time.Now().UTC().Format("2006-01-02"), host, cpuModel(), runtime.NumCPU(), memTotal(), runtime.Version())
	fmt.Fprintf(w, "medians of %d interleaved runs; load average %s at start, %s at end\n", runs, load0, load1)
	fmt.Fprintf(w, "CPU = user + sys per document; ×floor = CPU ÷ the floor's; ref÷ = reference CPU ÷ this CPU\n")
	if timeBin == "" {
		fmt.Fprintf(w, "(no /usr/bin/time: peak RSS includes this program's own, about 10-30 MB)\n")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-10s %-4s %-12s %11s %10s %9s %8s %8s\n", "case", "fmt", "tool", "CPU ms/doc", "peak RSS", "RSS/in B", "×floor", "ref÷")
	type key struct {
		c *benchCase
		f string
	}
	floor := map[key]float64{}
	ref := map[key]float64{}
	for _, j := range jobs {
		if len(j.cpu) == 0 {
			continue
		}
		ms := float64(median(j.cpu)) / 1e6 / float64(j.docsRun(refBatch))
		switch j.t.kind {
		case "floor":
			floor[key{j.c, j.format}] = ms
		case "ref":
			ref[key{j.c, j.format}] = ms
		}
	}
	last := ""
	for _, j := range jobs {
		k := key{j.c, j.format}
		if g := j.c.name + j.format; g != last && last != "" {
			fmt.Fprintln(w)
			last = g
		} else {
			last = g
		}
		name := j.t.name
		if j.t.kind == "ref" && j.c.docs > 1 && refBatch > 0 && refBatch < j.c.docs {
			name += fmt.Sprintf("(%d)", refBatch)
		}
		if len(j.cpu) == 0 {
			fmt.Fprintf(w, "%-10s %-4s %-12s %11s  (%s)\n", j.c.name, j.format, name, "-", j.skip)
			continue
		}
		ms := float64(median(j.cpu)) / 1e6 / float64(j.docsRun(refBatch))
		rss := median(j.rss)
		perIn := "-"
		if j.c.docs == 1 {
			perIn = fmt.Sprintf("%.1f", float64(rss)/float64(j.c.bytes))
		}
		xf, rf := "-", "-"
		if f := floor[k]; f > 0 && j.t.kind == "scribe" {
			xf = fmt.Sprintf("%.1f", ms/f)
		}
		if r := ref[k]; r > 0 && j.t.kind == "scribe" {
			rf = fmt.Sprintf("%.1f", r/ms)
		}
		fmt.Fprintf(w, "%-10s %-4s %-12s %11.2f %7.1f MB %9s %8s %8s\n", j.c.name, j.format, name, ms, float64(rss)/(1<<20), perIn, xf, rf)
		if j.skip != "" {
			fmt.Fprintf(w, "%-10s %-4s %-12s (later runs: %s)\n", "", "", "", j.skip)
		}
	}
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func memTotal() string {
	b, _ := os.ReadFile("/proc/meminfo")
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return fmt.Sprintf("%.0f GiB RAM", float64(kb)/(1<<20))
		}
	}
	return "? RAM"
}

func parseSize(s string) (int64, error) {
	mul := 1.0
	t := strings.ToLower(s)
	switch {
	case strings.HasSuffix(t, "k"):
		mul, t = 1e3, t[:len(t)-1]
	case strings.HasSuffix(t, "m"):
		mul, t = 1e6, t[:len(t)-1]
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f <= 0 {
		return 0, fmt.Errorf("size %q: want e.g. 10k, 1.2m", s)
	}
	return int64(f * mul), nil
}

func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run inside the scribe module")
	}
	return filepath.Dir(mod), nil
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "curve:", err)
		os.Exit(1)
	}
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }
