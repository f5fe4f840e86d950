package normalize

import (
	"context"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

func TestSymbolPattern(t *testing.T) {
	tests := []struct {
		name, source, date, symbol, pattern, want string
	}{
		{"stem and year", "notes/pc2-day1.txt", "2005-05-02", "", "PC-2/{stem}/{yyyy}", "PC-2/pc2-day1/2005"},
		{"no date", "a.md", "", "", "X/{stem}/{yyyy}", "X/a/"},
		{"own symbol kept", "a.txt", "2005-05-02", "PC-2/DT/2", "X/{stem}", "PC-2/DT/2"},
		{"own pattern filled", "a.txt", "2005-05-02", "Y/{stem}", "X/{stem}", "X/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &model.Document{Source: tt.source, Meta: model.Metadata{Date: tt.date, Symbol: tt.symbol}}
			if err := (SymbolPattern{Pattern: tt.pattern}).Apply(context.Background(), doc, nil); err != nil {
				t.Fatal(err)
			}
			if doc.Meta.Symbol != tt.want {
				t.Errorf("symbol = %q, want %q", doc.Meta.Symbol, tt.want)
			}
		})
	}
}
