package shape_test

import (
	"fmt"

	"github.com/scribe-un/scribe/formats/pdf/shape"
)

// A PDF writer shapes the paragraph in logical order, breaks it into lines, then puts each
// line into visual order and draws it right-aligned.
func Example() {
	line := shape.Visual(shape.Arabic("الوثيقة A/78/1 (2005)"), true)
	fmt.Printf("%+q\n", line)
	// Output: "A/78/1 (2005) \ufe94\ufed8\ufef4\ufe9b\ufeee\ufedf\ufe8d"
}

func ExampleCanBreakBetween() {
	fmt.Println(shape.CanBreakBetween('会', '议'), shape.CanBreakBetween('议', '。'), shape.CanBreakBetween('（', '草'))
	// Output: true false false
}
