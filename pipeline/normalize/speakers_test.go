package normalize

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

func TestDetectSpeaker(t *testing.T) {
	cases := []struct {
		lang, text, want string
	}{
		{"en", "Canada recalled that implementation of WSIS commitments would take place at the national level.", "Canada"},
		{"en", "Mr Utsumi said that the WSIS had to create an implementation system.", "Mr Utsumi"},
		{"en", "The ILO supported the USA proposal in document PC-2/DT/2 (rev.2) paragraph 10:", "The ILO"},
		{"en", "Ambassador Janis Karklins, Chairman of WSIS PrepCom said the decision on whether or not a GFC meeting will be convened depends on the quantity of contributions.", "Ambassador Janis Karklins"},
		{"en", "Marc Furrer, Head of the Swiss Delegation, presented a proposal, based on the necessity to raise attention.", "Marc Furrer"},
		{"en", "After the support expressed by UNCTAD, the Chairperson took note of this request and together with Mr. Utsumi will bring it to the next WSIS Bureau meeting.", "the Chairperson"},
		{"en", "Answering Djibouti, Mr Utsumi said that there are fellowships for LDCs participation.", "Mr Utsumi"},
		{"en", "In closing, the Chair asked Tim Kelly to present a short summary of the meeting (annexed).", "the Chair"},
		{"en", "After some welcoming remarks, Chairman Yuri G. Grin briefly presented the role of the ITU Council WG on WSIS.", "Chairman Yuri G. Grin"},
		{"en", "The Conference of NGOs (CONGO) also commended the Chair for inviting to this meeting.", "The Conference of NGOs (CONGO)"},
		{"en", "In the end of the meeting, Mr Utsumi replied to this question about the relations between ITU and NGOs.", "Mr Utsumi"},
		{"en", "Mr. Charles Geiger, WSIS Executive Secretary, said that the Swiss proposal does not only concern initiative.", "Mr. Charles Geiger"},
		{"en", "Francis Muguet, from ENSTA, said in his personal capacity that a strong follow up mechanism was needed.", "Francis Muguet"},
		{"en", "Mr Utsumi, as Secretary General of ITU, replied that contrary to WSIS, other Summits had no implementation mechanism.", "Mr Utsumi"},
		{"en", "The Holy Sea representative mentioned that this Summit has a variety of actors.", "The Holy Sea representative"},
		{"en", "Syria, Canada and Mexico supported the proposal.", "Syria, Canada and Mexico"},
		{"en", "USA added to this that each UN agency should endorse the WSIS action lines.", "USA"},
		{"en", "Ryan; wishes we were all wearing curly white wigs.", "Ryan"},
		{"en", "Ryan asks for comments from the members; no comments.", "Ryan"},
		{"fr", "La France a souligné l'importance du multilinguisme.", "La France"},
		{"fr", "M. Dupont, chef de la délégation suisse, a présenté une proposition.", "M. Dupont"},
		{"fr", "L'OIT a appuyé la proposition.", "L'OIT"},
		{"es", "México señaló que la aplicación debía hacerse a nivel nacional.", "México"},
		{"es", "El representante de México dijo que la propuesta era aceptable.", "El representante de México"},
		{"ru", "Канада напомнила, что осуществление будет происходить на национальном уровне.", "Канада"},
		{"ru", "Г-н Уцуми сказал, что ВВИО должна создать систему.", "Г-н Уцуми"},
		{"zh", "加拿大指出，执行工作将在国家一级进行。", "加拿大"},
		{"zh", "在回答吉布提时，内海先生说，有为最不发达国家提供的奖学金。", "内海先生"},
		{"zh", "加拿大还强调了多利益攸关方办法。", "加拿大"},
		{"ar", "وأشارت كندا إلى أن التنفيذ سيجري على الصعيد الوطني.", "كندا"},
		{"ar", "قال ممثل كندا إن التنفيذ سيجري على الصعيد الوطني.", "ممثل كندا"},
		{"ar", "وردا على جيبوتي، قال السيد أوتسومي إن هناك منحا دراسية.", "السيد أوتسومي"},
		// Verb, subject, object: the subject is the known country or body, not the
		// words up to the next boundary.
		{"ar", "شكرت سوريا الرئيس على عقد هذا الاجتماع.", "سوريا"},
		{"ar", "افتتح الرئيس الجلسة ورحب بالمشاركين.", "الرئيس"},
		{"ar", "وأيدت منظمة العمل الدولية المقترح الوارد في الفقرة 10.", "منظمة العمل الدولية"},
		{"ar", "وذكّرت كندا بأن الحكومات هي التي ستتولى التنفيذ.", "كندا"},
		{"ar", "واختتم الرئيس الجلسة بعد أن أحاط علما بالآراء.", "الرئيس"},
		{"ar", "وأعرب وفد البرازيل عن تأييده للمقترح.", "وفد البرازيل"},

		// Negatives: no speaker rather than a wrong one.
		{"en", "He also asserted that the work of the ITU is strongly rooted in a spirit of partnership.", ""},
		{"en", "Reference should be made to UN Resolution 59/220 and 57/270.", ""},
		{"en", "The chairs explained that there will be interim meetings.", ""},
		{"en", "In this context, international organisations will have a supporting role.", ""},
		{"en", "Unanimous consent approving last years meeting notes.", ""},
		{"en", "Director report; my report is that this meeting is extremely important.", ""},
		{"en", "Noted that charter says enable multipath, there is yet no deliverable.", ""},
		{"en", "Therefore this meeting could not be called an inclusive consultation.", ""},
		{"en", "However, each specialised international agency would be responsible for action lines.", ""},
		{"en", "The meeting agreed to reconvene.", ""},
		{"en", "Two additional Summit documents would be taken note of by the Summit.", ""},
		{"en", "Note: the room has changed.", ""},
		{"fr", "Il a souligné l'importance du sujet.", ""},
		{"zh", "这个问题很重要。", ""},
		{"ar", "في هذا السياق، سيكون للمنظمات الدولية دور داعم.", ""},
	}
	for _, c := range cases {
		if got := Detect(locale(t, c.lang), c.text); got != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.lang, c.text, got, c.want)
		}
	}
}

// TestSpeakersMinutes checks the minutes style, which needs the whole document as evidence.
func TestSpeakersMinutes(t *testing.T) {
	paras := []struct{ text, want string }{
		{"Ryan: Meeting called to order", "Ryan"},
		{"Ryan; wishes we were all wearing curly white wigs with black robes (for the record).", "Ryan"},
		{"Ryan McDermott - Champion", ""},
		{"Moheeb Zara - Operations Manager", ""},
		{"Ryan: [shows the previous years budget on the projector for review]", "Ryan"},
		{"Unanimous consent approving last years meeting notes.", ""},
		{"Ryan, Would like to see more support from other members of the board.", "Ryan"},
		{"Prescott - I couldn't agree more that Eric and Ryan are shouldering most of the burden.", "Prescott"},
		{"Moheeb, The HeatSync core mission is being fulfilled providing access to a space with tools.", "Moheeb"},
		{"Larry, agrees on membership. Mentions many great people have wandered off.", "Larry"},
		{"Prescott; I haven't been handling the tasks as part of Treasurer", "Prescott"},
		{"Moheeb; in terms of growing our membership that new members are being shown the culture.", "Moheeb"},
		{"Junior; Mentioned that he encourages everyone he can to come to HeatSync.", "Junior"},
		{"Junior, That's what I do.", "Junior"},
		{"However, the lab is getting utilized during the day.", ""},
		{"Note: the lab is closed on Mondays.", ""},
		{"Austin; It would be nice to have maybe a more public view of what we have as members.", "Austin"},
		{"Director report; my report is that this meeting is extremely important personally.", ""},
	}
	doc := &model.Document{Meta: model.Metadata{OriginalLang: "en"}}
	for i, p := range paras {
		doc.Blocks = append(doc.Blocks, &model.Paragraph{Pos: model.Pos{Line: i + 1}, Inlines: model.Texts(p.text, i+1)})
	}
	if err := (Speakers{}).Apply(context.Background(), doc, &model.Env{Locales: locales.MustEmbedded()}); err != nil {
		t.Fatal(err)
	}
	for i, p := range paras {
		if got := doc.Blocks[i].(*model.Paragraph).Speaker; got != p.want {
			t.Errorf("%q: got %q, want %q", p.text, got, p.want)
		}
	}
}

// TestSpeakersDialogue checks "Name: text" notes (IETF minutes): once several names are used
// that way, a name that speaks once is accepted too, while labels are not.
func TestSpeakersDialogue(t *testing.T) {
	paras := []struct{ text, want string }{
		{"Issues: http://svn.tools.ietf.org/svn/wg/httpbis/wg_materials/ietf77/ietf-77-httpbis-issues.xhtml", ""},
		{"Agenda and other info: http://tools.ietf.org/wg/httpbis/agenda", ""},
		{"Yves: w3c is considering using time ranges as a custom range unit", "Yves"},
		{"Yves: fragment processing depends on media type", "Yves"},
		{"Julian: and the sniffing draft", "Julian"},
		{"Julian: we needed a name and your name fit", "Julian"},
		{"Alexey: sniffing is not well-understood outside this context", "Alexey"},
		{"JeffH: the issue is whether this doc is either a collection of mechanisms", "JeffH"},
		{"jeffh: on effective URI - is this work justified?", "jeffh"},
		{"Robert Sayre: Can't add MTI mechanisms by charter", "Robert Sayre"},
		{"Chair: document adoption does not mean it cannot change.", "Chair"},
		{"There are open issues in the tracker.", ""},
	}
	doc := &model.Document{Meta: model.Metadata{OriginalLang: "en"}}
	for i, p := range paras {
		doc.Blocks = append(doc.Blocks, &model.Paragraph{Inlines: model.Texts(p.text, i+1)})
	}
	if err := (Speakers{}).Apply(context.Background(), doc, &model.Env{Locales: locales.MustEmbedded()}); err != nil {
		t.Fatal(err)
	}
	for i, p := range paras {
		if got := doc.Blocks[i].(*model.Paragraph).Speaker; got != p.want {
			t.Errorf("%q: got %q, want %q", p.text, got, p.want)
		}
	}
}

// FuzzNameWords checks the word scanner of the speakers' evidence pass against what it
// replaces: strings.Fields, then what is not a letter trimmed from both ends, then the
// words that start with a lower-case letter looked up in the set.
func FuzzNameWords(f *testing.F) {
	for _, s := range []string{
		"Ryan: the chair and ryan, agreed.", "  (ryan) «jeffh»\u00a0and\u2003in\tfor\nfrom ",
		"élan Élan éLAN élan, x", "a\u0085b c\u200bd", "\xffryan ryan\xff r\xffyan", "ryan's ryan’s -ryan- 3ryan",
		"Ned and jck: in closing, the chair", "", " ", "ryan",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	words := []string{"ryan", "and", "in", "for", "from", "jeffh", "élan", "chair", "closing", "r", "a", "b", "jck", "ned"}
	f.Fuzz(func(t *testing.T, text string, skipFirst bool) {
		var s nameWords
		set := map[string]bool{}
		for _, w := range words {
			s.add(w)
			set[w] = true
		}
		want := map[string]bool{}
		first := true
		for w := range strings.FieldsSeq(text) {
			if first && skipFirst {
				first = false
				continue
			}
			first = false
			w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			if r, _ := utf8.DecodeRuneInString(w); w != "" && unicode.IsLower(r) && set[w] {
				want[w] = true
			}
		}
		s.markLower(text, skipFirst)
		for _, w := range words {
			if s.found[w] != want[w] {
				t.Errorf("%q (skip first %v): %q found %v, want %v", text, skipFirst, w, s.found[w], want[w])
			}
		}
	})
}

// refDropSkips is dropSkips as it was before it kept the segment's own spacing.
func refDropSkips(d *speakerDetector, seg string) string {
	words := strings.Fields(seg)
	for len(words) > 0 {
		w := words[len(words)-1]
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(r) {
			break
		}
		if d.g.skips[lw] || (d.g.adverb != "" && strings.HasSuffix(lw, d.g.adverb) && utf8.RuneCountInString(lw) > len(d.g.adverb)+2) {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// FuzzSpeakerHelpers holds the word helpers of the detector to the plain code they
// replaced: fieldCount and fieldsWithOffsets to strings.Fields, lowerHas to strings.ToLower and a map lookup,
// dropSkips to refDropSkips.
func FuzzSpeakerHelpers(f *testing.F) {
	for _, s := range []string{
		"Canada also", "the Chair  has  briefly", "Mr\u00a0Utsumi also", " Ana also ", "Ana\talso", "MR. UTSUMI",
		"Le Président a également", "L'OIT", "İstanbul", "Straße", "\xffalso also", "ÉTATS-UNIS also",
	} {
		f.Add(s)
	}
	en := newSpeakerDetector(&model.Document{}, locale(f, "en"), vocab{})
	fr := newSpeakerDetector(&model.Document{}, locale(f, "fr"), vocab{})
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fieldCount(s, 3), min(len(strings.Fields(s)), 4); got != want {
			t.Errorf("fieldCount(%q, 3) = %d, want %d", s, got, want)
		}
		var words []string
		for _, tok := range fieldsWithOffsets(nil, s, -1) {
			words = append(words, tok.text)
		}
		if want := strings.Fields(s); strings.Join(words, "|") != strings.Join(want, "|") || len(words) != len(want) {
			t.Errorf("fieldsWithOffsets(%q) = %q, want %q", s, words, want)
		}
		for _, d := range []*speakerDetector{en, fr} {
			for _, m := range []map[string]bool{d.titles, d.verbs, d.g.leadIns, {strings.ToLower(s): true}} {
				if got, want := d.lowerHas(m, s), m[strings.ToLower(s)]; got != want {
					t.Errorf("lowerHas(%q) = %v, want %v", s, got, want)
				}
			}
			seg := strings.TrimSpace(s)
			if got, want := d.dropSkips(seg), refDropSkips(d, seg); got != want {
				t.Errorf("%s dropSkips(%q) = %q, want %q", d.loc.Tag, seg, got, want)
			}
		}
	})
}
