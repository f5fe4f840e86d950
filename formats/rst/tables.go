package rst

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

var (
	gridBorder   = lazyre.New(`^\+(?:[-=]+\+)+$`)
	simpleBorder = lazyre.New(`^=+(?: +=+)+$`)
)

// isGridBorder reports the top border of a grid table: "+-----+-----+".
func isGridBorder(t string) bool { return gridBorder.MatchString(t) }

// isSimpleBorder reports a border of a simple table with two or more columns:
// "=====  =====".
func isSimpleBorder(t string) bool { return simpleBorder.MatchString(t) }

// gridTableEnd returns the index just past a grid table: the lines that start with "+" or
// "|" under its top border.
func gridTableEnd(lines []line, i int) int {
	j := i + 1
	for j < len(lines) && (strings.HasPrefix(lines[j].text, "+") || strings.HasPrefix(lines[j].text, "|")) {
		j++
	}
	return j
}

// gridTable reads a grid table. Columns are where the top border has "+"; every full
// border line ends a row (the "=" one ends the header). Cells spanning columns keep their
// text in the first column they cover.
func (p *parser) gridTable(lines []line) []model.Block {
	var cols []int
	for k, c := range lines[0].text {
		if c == '+' {
			cols = append(cols, k)
		}
	}
	tbl := &model.Table{Pos: p.pos(lines[0].no)}
	var cells [][]string
	var rowLine int
	flush := func() {
		if cells == nil {
			return
		}
		row := make([][]model.Inline, len(cells))
		empty := true
		for k, parts := range cells {
			row[k] = p.inlines(strings.Join(parts, " "), rowLine)
			if len(row[k]) > 0 {
				empty = false
			}
		}
		if !empty {
			tbl.Rows = append(tbl.Rows, row)
		}
		cells = nil
	}
	for _, l := range lines[1:] {
		if isGridBorder(l.text) {
			flush()
			if strings.Contains(l.text, "=") && tbl.Header == 0 {
				tbl.Header = len(tbl.Rows) // the "=" border closes the header
			}
			continue
		}
		if cells == nil {
			cells = make([][]string, len(cols)-1)
			rowLine = l.no
		}
		// A line splits where a column boundary holds "|" or "+"; where it holds text, the
		// cell spans that boundary and its text stays whole in the first column it covers.
		for k := 0; k+1 < len(cols); k++ {
			from := cols[k]
			if from >= len(l.text) {
				break
			}
			if k > 0 && l.text[from] != '|' && l.text[from] != '+' {
				continue // spanned over: read with the cell to its left
			}
			to := len(l.text)
			for e := k + 1; e+1 < len(cols); e++ {
				if cols[e] < len(l.text) && (l.text[cols[e]] == '|' || l.text[cols[e]] == '+') {
					to = cols[e]
					break
				}
			}
			seg := l.text[from:to]
			if seg[0] == '|' || seg[0] == '+' {
				seg = seg[1:]
			}
			seg = strings.TrimSpace(strings.Trim(strings.TrimSpace(seg), "|"))
			if seg != "" && strings.Trim(seg, "-=+") != "" {
				cells[k] = append(cells[k], seg)
			}
		}
	}
	flush()
	if len(tbl.Rows) == 0 {
		return nil
	}
	return []model.Block{tbl}
}

// simpleTableEnd returns the index just past a simple table opened by the border at
// lines[i]: its last border is one followed by a blank line or the end. An unclosed table
// is only its border line.
func simpleTableEnd(lines []line, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if isSimpleBorder(lines[j].text) && (j+1 == len(lines) || blank(lines[j+1])) {
			return j + 1
		}
	}
	return i + 1
}

// simpleTable reads a simple table: columns are the runs of "=" of the border; a line
// whose first column is empty continues the row above.
func (p *parser) simpleTable(lines []line) []model.Block {
	if len(lines) < 2 {
		return nil
	}
	type span struct{ from, to int }
	var spans []span
	border := lines[0].text
	for k := 0; k < len(border); {
		if border[k] != '=' {
			k++
			continue
		}
		e := k
		for e < len(border) && border[e] == '=' {
			e++
		}
		spans = append(spans, span{k, e})
		k = e
	}
	tbl := &model.Table{Pos: p.pos(lines[0].no)}
	var row [][]string
	rowLine := 0
	flush := func() {
		if row == nil {
			return
		}
		cells := make([][]model.Inline, len(row))
		for k, parts := range row {
			cells[k] = p.inlines(strings.Join(parts, " "), rowLine)
		}
		tbl.Rows = append(tbl.Rows, cells)
		row = nil
	}
	for k, l := range lines[1:] {
		t := l.text
		if isSimpleBorder(t) || blank(l) || strings.Trim(t, "- ") == "" {
			flush()
			// A border inside the table closes the header rows above it.
			if isSimpleBorder(t) && k+2 < len(lines) && tbl.Header == 0 {
				tbl.Header = len(tbl.Rows)
			}
			continue
		}
		cont := row != nil && strings.TrimSpace(t[:min(spans[0].to, len(t))]) == ""
		if !cont {
			flush()
			row = make([][]string, len(spans))
			rowLine = l.no
		}
		for k, sp := range spans {
			if sp.from >= len(t) {
				break
			}
			end := len(t)
			if k+1 < len(spans) {
				end = min(spans[k+1].from, len(t))
			}
			if seg := strings.TrimSpace(t[sp.from:end]); seg != "" {
				row[k] = append(row[k], seg)
			}
		}
	}
	flush()
	if len(tbl.Rows) == 0 {
		return nil
	}
	return []model.Block{tbl}
}

// tableDirective reads ".. csv-table::", ".. list-table::" and ".. table::". The title
// argument becomes a paragraph above the table.
func (p *parser) tableDirective(name, arg string, opts map[string]string, content []line, no, depth int) ([]model.Block, error) {
	var out []model.Block
	if arg != "" {
		if ins := p.inlines(arg, no); len(ins) > 0 {
			out = append(out, &model.Paragraph{Pos: p.pos(no), Inlines: ins, Numbered: true, Why: "reStructuredText " + name + " title"})
		}
	}
	switch name {
	case "csv-table":
		if opts["file"] != "" || opts["url"] != "" {
			p.warn.Warn(stage, p.pos(no), "csv-table reads its data from %q, which scribe does not open; left out", opts["file"]+opts["url"])
		}
		tbl := &model.Table{Pos: p.pos(no)}
		if h := opts["header"]; h != "" {
			tbl.Rows = append(tbl.Rows, p.csvRows(h, opts, no)...)
			tbl.Header = len(tbl.Rows)
		}
		var text []string
		for _, l := range content {
			text = append(text, l.text)
		}
		first := no
		if len(content) > 0 {
			first = content[0].no
		}
		tbl.Rows = append(tbl.Rows, p.csvRows(strings.Join(text, "\n"), opts, first)...)
		if n := headerRows(opts); n > 0 && tbl.Header == 0 {
			tbl.Header = min(n, len(tbl.Rows))
		}
		if len(tbl.Rows) > 0 {
			out = append(out, tbl)
		}
	case "list-table":
		inner, err := p.blocks(content, depth+1)
		if err != nil {
			return nil, err
		}
		if tbl := listTable(p.pos(no), inner); tbl != nil {
			tbl.Header = min(headerRows(opts), len(tbl.Rows))
			out = append(out, tbl)
		}
	default: // table: its content is a grid or simple table
		inner, err := p.blocks(content, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, inner...)
	}
	return out, nil
}

// csvRows parses CSV text into rows of cells, as the csv-table directive's delim and quote
// options say.
func (p *parser) csvRows(text string, opts map[string]string, no int) [][][]model.Inline {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.TrimLeadingSpace = true
	if d := opts["delim"]; d != "" {
		switch d {
		case "tab":
			r.Comma = '\t'
		case "space":
			r.Comma = ' '
		default:
			if c := []rune(d)[0]; c != '"' && c != '\r' && c != '\n' && c != 0xFFFD {
				r.Comma = c
			}
		}
	}
	var rows [][][]model.Inline
	for k := 0; ; k++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// Malformed CSV: keep the rest of the text as one cell rather than lose it.
			line, _ := r.FieldPos(0)
			rest := strings.Join(strings.Split(text, "\n")[max(line-1, 0):], " ")
			rows = append(rows, [][]model.Inline{p.inlines(rest, no+k)})
			break
		}
		row := make([][]model.Inline, len(rec))
		line, _ := r.FieldPos(0)
		for c, f := range rec {
			row[c] = p.inlines(strings.Join(strings.Fields(f), " "), no+line-1)
		}
		rows = append(rows, row)
	}
	return rows
}

// listTable turns the two-level bullet list of a list-table into rows of cells.
func listTable(pos model.Pos, inner []model.Block) *model.Table {
	tbl := &model.Table{Pos: pos}
	for _, b := range inner {
		l, ok := b.(*model.List)
		if !ok {
			continue
		}
		for _, rowItem := range l.Items {
			var row [][]model.Inline
			if len(rowItem.Inlines) > 0 {
				row = append(row, rowItem.Inlines)
			}
			for _, ch := range rowItem.Children {
				cl, ok := ch.(*model.List)
				if !ok {
					for _, para := range flatten([]model.Block{ch}) {
						row = append(row, para.Inlines)
					}
					continue
				}
				for _, cell := range cl.Items {
					ls := []textrun.Line{{Inlines: cell.Inlines}}
					for _, para := range flatten(cell.Children) {
						ls = append(ls, textrun.Line{Inlines: para.Inlines})
					}
					row = append(row, textrun.Join(ls))
				}
			}
			if len(row) > 0 {
				tbl.Rows = append(tbl.Rows, row)
			}
		}
	}
	if len(tbl.Rows) == 0 {
		return nil
	}
	return tbl
}

// headerRows reads a table directive's :header-rows: option.
func headerRows(opts map[string]string) int {
	n, err := strconv.Atoi(strings.TrimSpace(opts["header-rows"]))
	if err != nil || n < 0 {
		return 0
	}
	return n
}
