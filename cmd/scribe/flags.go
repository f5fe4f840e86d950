package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/pipeline/model"
)

// readFlags are the flags of every command that reads notes, main ones first; limitFlags
// follow them.
func readFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "project file with defaults; its keys are these flags' names (default: ./scribe.yaml when present)", TakesFile: true},
		&cli.StringFlag{Name: "from", Aliases: []string{"f"}, Usage: "input format: notes, markdown, docx, html, json, mediawiki, rst, irc, org (default: by extension, then by content)"},
		&cli.StringFlag{Name: "source-lang", Usage: "language the notes are written in (default: front matter, else detected from the script)"},
		&cli.StringFlag{Name: "title", Usage: "report title (overrides the notes); per language as '{en: …, fr: …}'"},
		&cli.StringFlag{Name: "subtitle", Usage: "line under the title, e.g. \"Note by the Secretariat\"; per language as '{en: …, fr: …}'"},
		&cli.StringFlag{Name: "body", Usage: "organ or body that met, printed on the masthead; per language as '{en: General Assembly, fr: Assemblée générale}'"},
		&cli.StringFlag{Name: "session", Usage: "session line under the masthead, e.g. \"Fifty-ninth session\"; per language as '{en: …, fr: …}'"},
		&cli.StringFlag{Name: "agenda-item", Usage: "agenda item: a number (3, 4 (b)) written out in each language, or a line as written"},
		&cli.StringFlag{Name: "symbol", Usage: "document symbol, e.g. A/HRC/59/1; {stem} and {yyyy} are replaced"},
		&cli.StringFlag{Name: "distribution", Usage: "General, Limited or Restricted (or your own line)"},
		&cli.StringFlag{Name: "original", Usage: "language named on the masthead's \"Original:\" line, when it is not the notes' language (a translation being filed); never changes how the notes are read"},
		&cli.StringFlag{Name: "job", Usage: "UN job number for the first page's foot, e.g. 05-35610 (printed with the language letter and a barcode)"},
		&cli.BoolFlag{Name: "please-recycle", Usage: "print \"Please recycle\" at the foot of the first page"},
		&cli.StringFlag{Name: "locales", Usage: "folder of corrected locale files (<lang>.yaml) overlaid on the built-in ones", TakesFile: true},
		&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors (see README, \"--strict\")"},
	}
}

// limitFlags bound what one input may use. They come last in --help, after the flags
// people use every day.
func limitFlags() []cli.Flag {
	return []cli.Flag{
		&sizeFlag{Name: "max-input-size", Usage: "largest input file accepted, a `SIZE` such as 1048576, 512KiB, 64MiB or 1GiB", Value: model.DefaultMaxInputBytes},
		&sizeFlag{Name: "max-inflated-size", Usage: "largest inflated `SIZE` of a DOCX input, per part and in total", Value: model.DefaultMaxInflatedBytes},
		&cli.IntFlag{Name: "max-depth", Usage: "deepest nesting accepted (lists, XML elements)", Value: model.DefaultMaxDepth},
		&cli.IntFlag{Name: "max-blocks", Usage: "most paragraphs, headings and list items accepted in one document", Value: model.DefaultMaxBlocks},
		&sizeFlag{Name: "max-memory", Usage: "memory `SIZE` the inputs converted at once may need, estimated before reading and before writing each input; an input that would need more is refused alone, the rest of a batch goes on",
			DefaultText: "half the machine's memory"},
	}
}

// verboseFlag is the root's --verbose, -v, inherited by every command so that -v means the
// same everywhere (the version is --version, at the top only).
func verboseFlag() cli.Flag {
	return &cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print every warning in full, and internal details (stacks of internal errors)"}
}

// sizeFlag is a byte count written as people write sizes: 1048576, 64MiB, "1.5 GiB", 500KB.
type sizeFlag = cli.FlagBase[int64, cli.NoConfig, sizeValue]

type sizeValue struct{ p *int64 }

func (sizeValue) Create(v int64, p *int64, _ cli.NoConfig) cli.Value {
	*p = v
	return &sizeValue{p: p}
}

func (sizeValue) ToString(v int64) string { return formatSize(v) }

func (s *sizeValue) Set(str string) error {
	n, err := parseSize(str)
	if err != nil {
		return err
	}
	*s.p = n
	return nil
}

func (s *sizeValue) Get() any { return *s.p }

func (s *sizeValue) String() string {
	if s.p == nil {
		return ""
	}
	return formatSize(*s.p)
}

// sizeUnits are the accepted suffixes: IEC binary units, SI decimal units, and bare K, M, G
// read as binary (as most tools do).
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "kb": 1000,
	"m": 1 << 20, "mib": 1 << 20, "mb": 1000 * 1000,
	"g": 1 << 30, "gib": 1 << 30, "gb": 1000 * 1000 * 1000,
}

// parseSize reads "64MiB", "64 MiB", "1.5GiB", "500KB" or a plain number of bytes.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	}
	mult, ok := sizeUnits[unit]
	if !ok || num == "" {
		return 0, fmt.Errorf("%q is not a size (write e.g. 1048576, 512KiB, 64MiB, 1GiB)", s)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 || f*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("%q is not a size (write e.g. 1048576, 512KiB, 64MiB, 1GiB)", s)
	}
	return int64(f * float64(mult)), nil
}

// formatSize writes n in the largest binary unit that divides it ("64 MiB").
func formatSize(n int64) string {
	for _, u := range []struct {
		name string
		mult int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.mult && n%u.mult == 0 {
			return strconv.FormatInt(n/u.mult, 10) + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10)
}

// sizeOf reads a sizeFlag's value.
func sizeOf(cmd *cli.Command, name string) int64 {
	v, _ := cmd.Value(name).(int64)
	return v
}
