package infer

import (
	"fmt"
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// mastheadWindow is how many lines at the top may be masthead material.
const mastheadWindow = 8

// venueWords name places where meetings are held, in the six languages; a line near the top
// that holds one is a venue line. Duty stations are included because notes often give only
// the city.
var venueWords = map[string]bool{
	"room": true, "hall": true, "building": true, "headquarters": true, "palais": true,
	"palace": true, "centre": true, "center": true, "tower": true, "auditorium": true,
	"salle": true, "bâtiment": true, "siège": true, "sala": true, "edificio": true,
	"sede": true, "palacio": true, "зал": true, "здание": true, "комната": true,
	"штаб-квартира": true, "дворец": true, "geneva": true, "genève": true, "ginebra": true,
	"женева": true, "new york": true, "vienna": true, "vienne": true, "viena": true, "вена": true,
	"nairobi": true, "найроби": true, "online": true, "virtual": true, "videoconference": true,
	"zoom": true, "webex": true, "teams": true,
}

// venueSubstrings are keywords of scripts without spaces, matched inside the line.
var venueSubstrings = []string{"会议室", "大楼", "总部", "会议厅", "日内瓦", "纽约", "维也纳", "内罗毕",
	"قاعة", "مبنى", "مقر", "جنيف", "نيويورك", "فيينا", "نيروبي"}

// Masthead labels ("Venue: …", "Lieu : …"). The locale labels for venue and date are added
// at run time so a corrected locale file is honoured.
var mastheadLabels = map[string]model.FrontKind{
	"venue": model.FrontVenue, "place": model.FrontVenue, "location": model.FrontVenue, "lieu": model.FrontVenue, "lugar": model.FrontVenue,
	"место": model.FrontVenue, "地点": model.FrontVenue, "المكان": model.FrontVenue,
	"date": model.FrontDate, "fecha": model.FrontDate, "дата": model.FrontDate, "日期": model.FrontDate, "التاريخ": model.FrontDate,
	"time": model.FrontDate, "heure": model.FrontDate, "hora": model.FrontDate, "время": model.FrontDate, "时间": model.FrontDate, "الوقت": model.FrontDate,
	"symbol": model.FrontSymbol, "cote": model.FrontSymbol, "signatura": model.FrontSymbol,
	"title": model.FrontTitle, "subject": model.FrontTitle, "titre": model.FrontTitle, "objet": model.FrontTitle, "título": model.FrontTitle,
	"asunto": model.FrontTitle, "тема": model.FrontTitle, "主题": model.FrontTitle, "الموضوع": model.FrontTitle,
	"meeting": model.FrontOther, "chair": model.FrontOther, "present": model.FrontOther, "attendees": model.FrontOther,
	"participants": model.FrontOther, "séance": model.FrontOther, "réunion": model.FrontOther, "reunión": model.FrontOther,
	"sesión": model.FrontOther, "заседание": model.FrontOther, "会议": model.FrontOther, "الاجتماع": model.FrontOther,
}

// reSymbol matches a UN-style document symbol standing alone ("A/HRC/59/1",
// "ITU/WSIS/2005/INF.1").
var reSymbol = lazyre.New(`^[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-()]+)+$`)

// frontGuess is what the masthead rules make of one line.
type frontGuess struct {
	kind model.FrontKind
	why  string
}

// label returns the masthead kind of a "Label: value" line.
func (in *inferrer) label(t string) (model.FrontKind, string) {
	i := strings.IndexAny(t, ":：")
	if i <= 0 || i > 40 {
		return "", ""
	}
	key := strings.ToLower(strings.TrimSpace(t[:i]))
	if k, ok := mastheadLabels[key]; ok {
		return k, t[:i]
	}
	for _, loc := range in.locs {
		switch key {
		case strings.ToLower(loc.Label(locales.Venue)):
			return model.FrontVenue, t[:i]
		case strings.ToLower(loc.Label(locales.Date)):
			return model.FrontDate, t[:i]
		}
	}
	return "", ""
}

// venueKeyword returns the place word a line holds, if any.
func venueKeyword(t string) string {
	words := wordsOf(t)
	for i, w := range words {
		if venueWords[w] {
			return w
		}
		if i+1 < len(words) && venueWords[w+" "+words[i+1]] {
			return w + " " + words[i+1]
		}
	}
	for _, s := range venueSubstrings {
		if strings.Contains(t, s) {
			return s
		}
	}
	return ""
}

// dateLine reports a line that is mostly a date or a time range, and describes it.
func (in *inferrer) dateLine(t string) (string, bool) {
	if units(t) > 16 || hasURL(t) {
		return "", false
	}
	rest := t
	var parts []string
	if m, ok := in.set.FindDate(t); ok {
		parts = append(parts, "a date ("+m.ISO()+")")
		rest = t[:m.Start] + " " + t[m.End:]
	}
	if tr, ok := locales.FindTimeRange(rest); ok {
		if tr.End != "" {
			parts = append(parts, "a time ("+tr.Start+"–"+tr.End+")")
		} else {
			parts = append(parts, "a time ("+tr.Start+")")
		}
		rest = rest[:tr.From] + " " + rest[tr.To:]
	}
	if len(parts) == 0 || units(rest) > 6 {
		return "", false
	}
	return strings.Join(parts, " and "), true
}

// titleish reports a short line that could head the notes: a title, an organ, a meeting name.
func titleish(it *item) bool {
	t := it.text
	return it.units >= 1 && it.units <= 10 && !endsPunct(t) && !speakerLead(t) && !hasURL(t)
}

// masthead claims the venue, date, title and symbol lines at the top of the notes for
// doc.Front. It looks at no more than mastheadWindow lines, and stops at the first line that
// is body text (long, or a full sentence) or carries a cue.
func (in *inferrer) masthead() {
	w, dateAt, whys := in.frontWindow()
	guess := in.guessFront(w, whys)
	var end int // last claimed index, -1 for none
	if dateAt >= 0 {
		end = in.claimAroundDate(guess, w, dateAt)
	} else {
		end = in.claimTitleLines(guess, w)
	}
	for i := 0; i <= end; i++ {
		it := &in.items[i]
		it.kind = kFront
		in.doc.Front = append(in.doc.Front, model.FrontLine{
			Pos: in.pos(it.line), Kind: guess[i].kind, Text: it.text, Why: guess[i].why,
		})
	}
}

// frontWindow measures the top of the notes that may be masthead material: it returns its
// length in items, the index of the last date line in it (-1 if none) and, per item, what
// date or time it names ("" if none).
func (in *inferrer) frontWindow() (w, dateAt int, whys []string) {
	items := in.items
	dateAt = -1
	whys = make([]string, 0, mastheadWindow)
	for w < len(items) && w < mastheadWindow {
		it := &items[w]
		if it.kind != kText || it.units > 20 {
			break
		}
		what, isDate := in.dateLine(it.text)
		if endsSentence(it.text) && !isDate {
			break
		}
		if isDate {
			dateAt = w
		}
		whys = append(whys, what)
		w++
	}
	return w, dateAt, whys
}

// guessFront says what each of the first w items would be on its own: a labelled line, a
// date line, a symbol, a venue; the zero frontGuess when nothing in the line tells.
func (in *inferrer) guessFront(w int, whys []string) []frontGuess {
	guess := make([]frontGuess, w)
	for i := 0; i < w; i++ {
		it := &in.items[i]
		if kind, lbl := in.label(it.text); kind != "" {
			guess[i] = frontGuess{kind, fmt.Sprintf("%s: labelled %q", kind, lbl)}
			continue
		}
		switch {
		case whys[i] != "":
			guess[i] = frontGuess{model.FrontDate, "date: names " + whys[i] + " near the top"}
		case reSymbol.MatchString(it.text):
			guess[i] = frontGuess{model.FrontSymbol, "symbol: a document symbol standing alone near the top"}
		case venueKeyword(it.text) != "":
			guess[i] = frontGuess{model.FrontVenue, fmt.Sprintf("venue: names a place (%q) near the top", venueKeyword(it.text))}
		}
	}
	return guess
}

// claimAroundDate claims everything down to the date line at dateAt, and the venue and
// symbol lines right under it; lines above the date that nothing names become the title
// (the first), a venue (a comma-separated line just above the date) or other front lines.
// It returns the index of the last claimed item.
func (in *inferrer) claimAroundDate(guess []frontGuess, w, dateAt int) int {
	end := dateAt
	for end+1 < w && (guess[end+1].kind == model.FrontVenue || guess[end+1].kind == model.FrontSymbol) {
		end++
	}
	for i := 0; i <= end; i++ {
		if guess[i].kind != "" {
			continue
		}
		switch {
		case i == dateAt-1 && strings.Contains(in.items[i].text, ","):
			guess[i] = frontGuess{model.FrontVenue, "venue: a place-like line (parts separated by commas) just above the date"}
		case i == 0:
			guess[i] = frontGuess{model.FrontTitle, "title: first line, above the date line"}
		default:
			guess[i] = frontGuess{model.FrontOther, "other: a short line between the title and the date"}
		}
	}
	return end
}

// claimTitleLines, for notes without a date line, claims the labelled, symbol and venue
// lines at the very top, then at most three short title-like lines closed by a blank line,
// unless they are a heading (one line followed by body text). It returns the index of the
// last claimed item, -1 for none.
func (in *inferrer) claimTitleLines(guess []frontGuess, w int) int {
	items := in.items
	k := 0
	for k < w && guess[k].kind != "" {
		k++
	}
	run := k
	for run < w && run-k < 3 && titleish(&items[run]) && (run == k || !items[run].blankBefore) {
		run++
	}
	if run == k || run >= len(items) || !items[run].blankBefore ||
		(run-k < 2 && in.isBody(items, run, int(items[run-1].units))) {
		return k - 1
	}
	for i := k; i < run; i++ {
		if i == 0 {
			guess[i] = frontGuess{model.FrontTitle, "title: short line at the top, set apart by a blank line, not followed by body text"}
		} else {
			guess[i] = frontGuess{model.FrontOther, "other: short line at the top, with the title"}
		}
	}
	return run - 1
}
