package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v3"
)

func newManCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "print the manual page (roff), generated from the commands' help",
		Description: `Writes scribe(1) in roff to standard output. Install it with:

  scribe man > ~/.local/share/man/man1/scribe.1     (then: man scribe)
  sudo sh -c 'scribe man > /usr/local/share/man/man1/scribe.1'`,
		Action: func(_ context.Context, cmd *cli.Command) error {
			return writeManPage(stdio.Out, cmd.Root())
		},
	}
}

// writeManPage renders the command tree as a man page: the same text as --help, so the two
// cannot disagree. The page carries no date, so it is the same on every build of a version.
func writeManPage(w io.Writer, root *cli.Command) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH SCRIBE 1 \"\" \"scribe %s\" \"User Commands\"\n", roffEscape(readBuild().release()))
	b.WriteString(".SH NAME\nscribe \\- " + roffEscape(root.Usage) + "\n")
	b.WriteString(".SH SYNOPSIS\n.B scribe\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIINPUT\\fR...]\n")
	b.WriteString(".SH DESCRIPTION\n")
	roffText(&b, root.Description)
	b.WriteString(".SH GLOBAL OPTIONS\n")
	roffFlags(&b, root.Flags)
	b.WriteString(".SH COMMANDS\n")
	var walk func(c *cli.Command, prefix string)
	walk = func(c *cli.Command, prefix string) {
		for _, sub := range c.Commands {
			if sub.Hidden || sub.Name == "help" {
				continue
			}
			name := strings.TrimSpace(prefix + " " + sub.Name)
			fmt.Fprintf(&b, ".SS \"scribe %s %s\"\n", roffEscape(name), roffEscape(sub.ArgsUsage))
			roffText(&b, sub.Usage+".")
			if sub.Description != "" {
				roffText(&b, sub.Description)
			}
			roffFlags(&b, sub.Flags)
			walk(sub, name)
		}
	}
	walk(root, "")
	b.WriteString(`.SH ENVIRONMENT
.TP
.B SOURCE_DATE_EPOCH
Seconds since 1970: fixes every timestamp written into the outputs.
.TP
.B SCRIBE_FONT_DIR
A further folder of TrueType fonts for PDF output, as if given with \-\-font\-dir.
.TP
.B SCRIBE_FONT_CACHE
The file caching the index of the system's fonts (names, styles and digests, keyed by
each font file's path, size and modification time), or \fBoff\fR to read the fonts each
time; by default \fIscribe/fonts\-v3.json\fR in the user's cache folder
($XDG_CACHE_HOME or ~/.cache on Linux).
.TP
.B NO_COLOR, TERM=dumb
Plain progress lines instead of a redrawn bar.
.SH FILES
.TP
.B ./scribe.yaml
Project file: defaults for the flags, keyed by their long names (see \fBscribe init\fR).
.TP
.B OUTPUT/.scribe\-manifest.json
What produced each output, for \-\-skip\-unchanged.
.SH EXIT STATUS
0 success; 1 an input failed (or the run was interrupted); 2 usage error (unknown flag,
format, language or key of the project file).
.SH SEE ALSO
The README of github.com/scribe\-un/scribe.
`)
	_, err := io.WriteString(w, b.String())
	return err
}

// roffFlags lists flags as tagged paragraphs.
func roffFlags(b *strings.Builder, flags []cli.Flag) {
	for _, f := range flags {
		if vf, ok := f.(cli.VisibleFlag); ok && !vf.IsVisible() {
			continue
		}
		var names []string
		for _, n := range f.Names() {
			if len(n) == 1 {
				names = append(names, "\\-"+n)
			} else {
				names = append(names, "\\-\\-"+roffEscape(n))
			}
		}
		usage, def := "", ""
		if df, ok := f.(cli.DocGenerationFlag); ok {
			usage = df.GetUsage()
			if df.TakesValue() {
				names[0] += " \\fI" + strings.ToUpper(df.TypeName()) + "\\fR"
				def = df.GetDefaultText()
				if def == "" {
					def = df.GetValue()
				}
			}
		}
		b.WriteString(".TP\n.B " + strings.Join(names, ", ") + "\n" + roffEscape(usage))
		if def != "" && def != `""` && def != "0" && def != "[]" {
			b.WriteString(" (default: " + roffEscape(strings.Trim(def, `"`)) + ")")
		}
		b.WriteString("\n")
	}
}

// roffText writes help text: paragraphs become .PP, indented lines (examples) are kept as
// they are.
func roffText(b *strings.Builder, text string) {
	b.WriteString(".PP\n")
	inExample := false
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			if inExample {
				b.WriteString(".fi\n.RE\n")
				inExample = false
			}
			b.WriteString(".PP\n")
		case strings.HasPrefix(line, "  "):
			if !inExample {
				b.WriteString(".RS\n.nf\n")
				inExample = true
			}
			b.WriteString(roffEscape(strings.TrimSpace(line)) + "\n")
		default:
			if inExample {
				b.WriteString(".fi\n.RE\n")
				inExample = false
			}
			b.WriteString(roffEscape(line) + "\n")
		}
	}
	if inExample {
		b.WriteString(".fi\n.RE\n")
	}
}

// roffEscape protects backslashes, leading control characters and hyphens, and writes
// characters beyond ASCII as roff's \[uXXXX], which every man(1) renders.
func roffEscape(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case i == 0 && (r == '.' || r == '\''):
			b.WriteString(`\&` + string(r))
		case r > 0x7e:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
