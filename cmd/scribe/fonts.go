package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/formats/pdf/fontfile"
	"github.com/scribe-un/scribe/locales"
)

// fontOptions reads the font flags (set from the project file when not given).
func fontOptions(cmd *cli.Command, env func(string) string) pdf.FontOptions {
	return pdf.FontOptions{
		Files:      cmd.StringSlice("font"),
		Dirs:       cmd.StringSlice("font-dir"),
		NoSystem:   cmd.Bool("no-system-fonts"),
		IndexCache: fontIndexCache(env),
	}
}

// envFontCache names the environment variable that moves the font index cache to another
// file, or turns it off with "off".
const envFontCache = "SCRIBE_FONT_CACHE"

// fontIndexCache is the file caching the index of the system's fonts: $SCRIBE_FONT_CACHE,
// none when that is "off", else one in the user's cache folder.
func fontIndexCache(env func(string) string) string {
	switch v := env(envFontCache); v {
	case "off":
		return ""
	case "":
		return pdf.DefaultIndexCache()
	default:
		return v
	}
}

func newFontsCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "fonts",
		Usage: "say which font prints each of the six languages in PDF",
		Description: `Says, for each of the six UN languages, which face a PDF would be typeset in (body
text, and headings where they differ) and where it comes from. Latin and Cyrillic text prints in
the embedded Liberation Serif (Times New Roman's metric twin), the same on every machine; Arabic
and Chinese need a TrueType face from the system folders (Linux, macOS, Windows),
$SCRIBE_FONT_DIR, or the folders and files given. A warning marks a fallback: a face the
language's locale does not prefer (Chinese body text in a Hei face when no Song face is
installed: Debian fonts-arphic-uming). Arabic looks best with Amiri (fonts-hosny-amiri);
Chinese needs fonts-wqy-microhei or fonts-droid-fallback at least.`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "font", Usage: "TrueType font file (repeatable)", TakesFile: true},
			&cli.StringSliceFlag{Name: "font-dir", Usage: "folder of fonts (repeatable)", TakesFile: true},
			&cli.BoolFlag{Name: "no-system-fonts", Usage: "as convert would with --no-system-fonts"},
			&cli.BoolFlag{Name: "list", Usage: "also list every usable face found"},
		},
		Action: func(_ context.Context, cmd *cli.Command) error {
			fs, err := pdf.LoadFonts(fontOptions(cmd, stdio.Env))
			if err != nil {
				return err
			}
			set, err := locales.Embedded()
			if err != nil {
				return err
			}
			for _, loc := range set.All() {
				for _, ch := range fs.Choose(loc) {
					role := ""
					if ch.Role != "body" {
						role = " (" + ch.Role + "s)"
					}
					switch {
					case ch.Family == "" || len(ch.Missing) > 0:
						fmt.Fprintf(stdio.Out, "%-3s %-8s NO FONT%s: %s\n", loc.Tag, loc.EnglishName, role, installHint(loc.Tag))
						continue
					}
					where := ch.Source
					if ch.File != "" {
						where += " " + ch.File
					}
					fmt.Fprintf(stdio.Out, "%-3s %-8s %s%s (%s)\n", loc.Tag, loc.EnglishName, ch.Family, role, where)
					if ch.Fallback {
						fmt.Fprintf(stdio.Err, "warning: %s%s: %s is a fallback, not a face the locale prefers (%s)\n", loc.EnglishName, role, ch.Family, installHint(loc.Tag))
					}
				}
			}
			if cmd.Bool("list") {
				for _, f := range fontfile.Discover(cmd.StringSlice("font-dir")) {
					fmt.Fprintf(stdio.Out, "%s\t%s %s\t%s#%d\n", "face", f.Family, f.Style, f.Path, f.Index)
				}
			}
			return nil
		},
	}
}

// installHint says what to install for a language's faces (Debian package names).
func installHint(lang string) string {
	switch lang {
	case "zh":
		return "install a Song face (fonts-arphic-uming) and a Hei face (fonts-wqy-microhei), or pass --font/--font-dir with Chinese TrueType fonts"
	case "ar":
		return "install fonts-hosny-amiri, or pass --font/--font-dir with an Arabic TrueType font"
	}
	return "pass --font with a TrueType font that has the language's letters"
}
