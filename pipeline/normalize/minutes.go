package normalize

import (
	"context"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Placement says where the attendance section goes.
type Placement string

// The places of the attendance section (--attendance).
const (
	AttendanceStart Placement = "start" // before the body, the default
	AttendanceAnnex Placement = "annex" // in an annex after the body
	AttendanceOmit  Placement = "omit"  // not printed (the participants stay in the metadata)
)

// ParsePlacement reads a --attendance value; "" is AttendanceStart.
func ParsePlacement(s string) (Placement, bool) {
	switch p := Placement(strings.ToLower(strings.TrimSpace(s))); p {
	case "":
		return AttendanceStart, true
	case AttendanceStart, AttendanceAnnex, AttendanceOmit:
		return p, true
	}
	return "", false
}

// OutputOptions configure the per-language transforms. The zero value prints the
// attendance at the start and adds no annex of decisions.
type OutputOptions struct {
	// Attendance places the attendance section.
	Attendance Placement
	// ActionsAnnex adds an annex tabling the decisions and action items (--annex actions).
	ActionsAnnex bool
}

// Minutes places, in the output language (env.Locale), what minutes record beside the
// statements: the run-in labels of decisions and action items ("Decision:", "Action:"),
// the attendance section built from Meta.Participants (at the start, in an annex, or
// omitted), and, when asked, the annex "Decisions and action items" that tables them with
// their paragraph numbers, owners and deadlines. It runs after numbering, whose labels the
// annex cites, and rebuilds what it built before, so it is idempotent.
type Minutes struct {
	Options OutputOptions
}

// Name returns "minutes".
func (Minutes) Name() string { return "minutes" }

// The ids of the blocks Minutes builds: they are not in the source, so they have their own.
const (
	idAttendance   = "attendance"
	idAnnexPrefix  = "annex"
	whyAttendStart = "attendance: the participants the notes list, printed before the body, unnumbered"
	whyAttendAnnex = "attendance: the participants the notes list, printed in an annex"
	whyActions     = "annex: the decisions and action items of the body, with their paragraph numbers (--annex actions)"
)

// Apply places the sections in doc for env.Locale.
func (t Minutes) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "minutes", doc, func() error {
		loc, err := outputLocale("minutes", doc, env)
		if err != nil {
			return err
		}
		doc.Blocks = withoutBuilt(doc.Blocks)
		var records []*model.Paragraph
		model.Walk(doc.Blocks, func(b model.Block) bool {
			if p, ok := b.(*model.Paragraph); ok && p.Kind != "" {
				p.Label = runInLabel(loc, p.Kind)
				records = append(records, p)
			}
			return true
		})
		var annexes []*model.Annex
		if att := attendance(doc.Meta.Participants, loc); att != nil {
			switch t.Options.Attendance {
			case AttendanceOmit:
			case AttendanceAnnex:
				att.Why = whyAttendAnnex
				annexes = append(annexes, &model.Annex{Title: loc.Label(locales.Attendance), Blocks: []model.Block{att}, Why: whyAttendAnnex})
			default:
				att.Why = whyAttendStart
				doc.Blocks = append([]model.Block{att}, doc.Blocks...)
			}
		}
		if t.Options.ActionsAnnex && len(records) > 0 {
			annexes = append(annexes, &model.Annex{Title: loc.Label(locales.DecisionsAndActions),
				Blocks: []model.Block{recordsTable(records, loc)}, Why: whyActions})
		}
		for i, a := range annexes {
			a.ID = idAnnexPrefix + strconv.Itoa(i+1)
			a.Label = loc.Label(locales.Annex)
			if len(annexes) > 1 {
				a.Label += " " + locales.Roman(i+1)
			}
			doc.Blocks = append(doc.Blocks, a)
		}
		return nil
	})
}

// withoutBuilt drops the attendance section and annexes an earlier run built.
func withoutBuilt(blocks []model.Block) []model.Block {
	out := blocks[:0]
	for _, b := range blocks {
		switch n := b.(type) {
		case *model.Attendance:
			if n.ID == idAttendance {
				continue
			}
		case *model.Annex:
			if strings.HasPrefix(n.ID, idAnnexPrefix) {
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// runInLabel is the printed run-in label of a decision or action, with the language's
// colon ("Decision:", "Décision\u00a0:", "决定：").
func runInLabel(loc *locales.Locale, k model.ParagraphKind) string {
	key := locales.Decision
	if k == model.KindAction {
		key = locales.Action
	}
	return withColon(loc, loc.Label(key))
}

// withColon adds the colon that ends a label in loc's typography.
func withColon(loc *locales.Locale, label string) string {
	switch loc.Tag {
	case "fr":
		return label + "\u00a0:"
	case "zh":
		return label + "："
	}
	return label + ":"
}

// roleLabel is the attendance label of a role in loc.
func roleLabel(loc *locales.Locale, r model.Role) string {
	switch r {
	case model.RoleChair:
		return loc.Label(locales.Chair)
	case model.RoleGuest:
		return loc.Label(locales.Guests)
	case model.RoleSecretary:
		return loc.Label(locales.Secretary)
	case model.RoleAbsent:
		return loc.Label(locales.Absent)
	}
	return loc.Label(locales.Present)
}

// attendance builds the section from the participants, one group per role in the order of
// model.Roles; nil when there are none.
func attendance(ps []model.Participant, loc *locales.Locale) *model.Attendance {
	if len(ps) == 0 {
		return nil
	}
	a := &model.Attendance{Pos: ps[0].Pos, Title: loc.Label(locales.Attendance), ID: idAttendance}
	sep := loc.Typography.Comma + " "
	if loc.Tag == "zh" {
		sep = "、"
	}
	for _, r := range model.Roles {
		var names []string
		for _, p := range ps {
			if p.Role != r {
				continue
			}
			name := p.Name
			if p.Affiliation != "" {
				name += " (" + p.Affiliation + ")"
			}
			names = append(names, name)
		}
		if len(names) == 0 {
			continue
		}
		label := withColon(loc, roleLabel(loc, r))
		a.Groups = append(a.Groups, model.AttendanceGroup{Role: r, Label: label, Names: names,
			Inlines: []model.Inline{{Kind: model.KindStrong, Text: label}, {Kind: model.KindText, Text: " " + strings.Join(names, sep)}}})
	}
	return a
}

// recordsTable tables decisions and action items: the paragraph number, the label and
// text, the owner and the deadline, under a header row.
func recordsTable(records []*model.Paragraph, loc *locales.Locale) *model.Table {
	t := &model.Table{Pos: records[0].Pos, Header: 1, ID: idAnnexPrefix + "-records"}
	t.Rows = append(t.Rows, [][]model.Inline{
		nil,
		model.Texts(loc.Label(locales.DecisionsAndActions), 0),
		model.Texts(loc.Label(locales.Responsible), 0),
		model.Texts(loc.Label(locales.Deadline), 0),
	})
	for _, p := range records {
		row := [][]model.Inline{
			model.Texts(p.Number.Label, p.Pos.Line),
			model.CloneInlines(p.RunIn()),
			model.Texts(p.Owner, p.Pos.Line),
			model.Texts(p.Due, p.Pos.Line),
		}
		for j := range row {
			if len(row[j]) == 1 && row[j][0].Text == "" {
				row[j] = nil
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
