package hyphen_test

import (
	"fmt"

	"github.com/scribe-un/scribe/formats/pdf/hyphen"
)

func ExampleDict_Hyphenate() {
	for _, c := range []struct{ lang, word string }{
		{"en", "hyphenation"}, {"fr", "l’économie"}, {"es", "información"}, {"ru", "Председатель"},
	} {
		d, err := hyphen.Load(c.lang)
		if err != nil {
			panic(err)
		}
		fmt.Println(d.Hyphenate(c.word, "-"))
	}
	// Output:
	// hy-phen-ation
	// l’éco-no-mie
	// in-for-ma-ción
	// Пред-се-да-тель
}

func ExampleDict_Breaks() {
	d, err := hyphen.Load("en")
	if err != nil {
		panic(err)
	}
	for _, token := range []string{"(consultation),", "Secretary-General", "A/HRC/59/1", "WSIS"} {
		fmt.Printf("%s:", token)
		for _, b := range d.Breaks(token, hyphen.Rules{}) {
			if b.Hyphen {
				fmt.Printf(" %s-", token[:b.Byte])
			} else {
				fmt.Printf(" %s", token[:b.Byte])
			}
		}
		fmt.Println()
	}
	// Output:
	// (consultation),: (con- (consul- (consulta-
	// Secretary-General: Secretary-
	// A/HRC/59/1:
	// WSIS:
}
