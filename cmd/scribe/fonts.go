package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/formats/pdf/fontfile"
	"github.com/scribe-un/scribe/locales"
)

func newFontsCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "fonts",
		Usage: "list the languages the fonts on this machine can typeset in PDF",
		Description: `Looks for TrueType fonts in the standard font folders (Linux, macOS, Windows), in
$SCRIBE_FONT_DIR and in the folders and files given, and says for each of the six UN languages
whether a PDF can be typeset. Chinese needs a CJK TrueType face (Debian: fonts-droid-fallback or
fonts-wqy-microhei); Arabic looks best with Amiri (fonts-hosny-amiri) and falls back to the
embedded DejaVu Sans.`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "font", Usage: "TrueType font file (repeatable)", TakesFile: true},
			&cli.StringSliceFlag{Name: "font-dir", Usage: "folder of fonts (repeatable)", TakesFile: true},
			&cli.BoolFlag{Name: "list", Usage: "also list every usable face found"},
		},
		Action: func(_ context.Context, cmd *cli.Command) error {
			fs, err := pdf.LoadFonts(pdf.FontOptions{Files: cmd.StringSlice("font"), Dirs: cmd.StringSlice("font-dir")})
			if err != nil {
				return err
			}
			can := fs.Languages()
			set, err := locales.Embedded()
			if err != nil {
				return err
			}
			for _, loc := range set.All() {
				state := "yes"
				if !can[loc.Tag] {
					state = "NO"
					if loc.Tag == "zh" {
						state += " (install fonts-droid-fallback or fonts-wqy-microhei, or pass --font/--font-dir with a CJK TrueType font)"
					}
				}
				fmt.Fprintf(stdio.Out, "%-3s %-8s %s\n", loc.Tag, loc.EnglishName, state)
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
