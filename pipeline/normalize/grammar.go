package normalize

// grammar is the closed-class vocabulary speaker detection needs beyond the locale's
// speech data (verbs, titles): articles, the small words allowed inside a name, the words
// that open an adverbial lead-in rather than a name, and the words allowed between a
// subject and its verb. These are function words of each language, not names, so short
// lists cover them. They would sit better in locales/data/*.yaml under "speech"; they live
// here until the locale schema grows those keys.
type grammar struct {
	articles   map[string]bool // "the", "la", "los": may open a speaker's name
	connectors map[string]bool // "of", "de", "и": allowed between capitalised words of a name
	leadIns    map[string]bool // "after", "in", "he": cannot open a name
	skips      map[string]bool // "also", "has": may stand between the subject and its verb
	conj       map[string]bool // "and", "et": join several speakers
	// participle is the suffix of a participle that opens a lead-in ("Answering Djibouti,"),
	// with minLen the shortest such word in runes, so short names are not mistaken for one.
	participles []string
	minLen      int
	// adverb is the suffix of manner adverbs allowed before the verb ("briefly").
	adverb string
	// pastEd asks for English present forms of the locale's "-ed" verbs ("agreed" →
	// "agrees"), which board minutes use ("Larry, agrees on membership").
	pastEd bool
}

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Name particles shared by the Latin-script languages ("Bertrand de la Chapelle",
// "Ursula von der Leyen", "Côte d'Ivoire").
var particles = []string{"de", "la", "le", "du", "des", "da", "di", "del", "della", "der", "den", "van", "von", "al", "bin", "ibn", "el", "y", "&"}

var grammars = map[string]*grammar{
	"en": {
		articles:   wordSet("the", "a", "an"),
		connectors: wordSet(append([]string{"of", "for", "and", "on", "the", "to", "in"}, particles...)...),
		leadIns: wordSet("after", "before", "in", "on", "at", "as", "by", "for", "from", "to", "with", "without", "during",
			"under", "over", "following", "regarding", "concerning", "according", "despite", "given", "since", "because",
			"although", "though", "while", "when", "whereas", "if", "unless", "until", "once", "upon", "within", "through",
			"throughout", "about", "against", "among", "between", "into", "of", "this", "that", "these", "those", "it",
			"he", "she", "they", "we", "i", "you", "there", "here", "his", "her", "their", "our", "my", "its", "your",
			"each", "every", "all", "some", "many", "most", "several", "both", "such", "other", "another", "further",
			"furthermore", "moreover", "however", "therefore", "thus", "hence", "also", "then", "finally", "lastly",
			"first", "second", "third", "next", "besides", "nevertheless", "nonetheless", "otherwise", "meanwhile",
			"instead", "indeed", "still", "yet", "so", "and", "but", "or", "nor", "no", "not", "what", "which", "who",
			"whom", "whose", "where", "why", "how", "one", "overall", "later", "earlier", "today", "again", "please",
			"noting", "taking", "being", "having", "recalling", "welcoming", "closing", "opening", "speaking"),
		skips:       wordSet("also", "further", "then", "again", "once", "later", "finally", "subsequently", "too", "has", "had", "have", "thereafter", "furthermore", "moreover"),
		conj:        wordSet("and", "or"),
		participles: []string{"ing"},
		minLen:      8,
		adverb:      "ly",
		pastEd:      true,
	},
	"fr": {
		articles:   wordSet("le", "la", "les", "l'", "l’", "un", "une"),
		connectors: wordSet(append([]string{"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "et", "pour", "sur", "en", "aux", "au"}, particles...)...),
		leadIns: wordSet("après", "avant", "en", "dans", "au", "aux", "à", "pour", "par", "selon", "concernant", "sur", "sous",
			"lors", "depuis", "pendant", "malgré", "avec", "sans", "entre", "vers", "chez", "quant", "s'agissant",
			"s’agissant", "il", "elle", "ils", "elles", "on", "nous", "je", "vous", "ce", "cet", "cette", "ces", "celui",
			"celle", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "mon", "ma", "mes", "toutefois", "cependant",
			"néanmoins", "ensuite", "enfin", "puis", "ainsi", "donc", "aussi", "également", "or", "mais", "et", "ou",
			"si", "lorsque", "quand", "comme", "bien", "tandis", "alors", "chaque", "tous", "toutes", "plusieurs",
			"certains", "certaines", "aucun", "aucune", "notant", "rappelant", "de", "du", "des", "y"),
		skips:       wordSet("aussi", "également", "ensuite", "enfin", "alors", "encore", "pour sa part"),
		conj:        wordSet("et", "ou"),
		participles: []string{"ant"},
		minLen:      8,
		adverb:      "ment",
	},
	"es": {
		articles:   wordSet("el", "la", "los", "las", "un", "una"),
		connectors: wordSet(append([]string{"de", "del", "la", "el", "los", "las", "y", "e", "para", "sobre"}, particles...)...),
		leadIns: wordSet("después", "antes", "en", "con", "por", "para", "según", "sobre", "tras", "durante", "desde", "hacia",
			"entre", "sin", "ante", "respecto", "él", "ella", "ellos", "ellas", "nosotros", "este", "esta", "estos",
			"estas", "ese", "esa", "su", "sus", "nuestro", "nuestra", "además", "asimismo", "también", "luego",
			"finalmente", "pero", "y", "o", "si", "cuando", "mientras", "aunque", "como", "cada", "todos", "varios",
			"algunos", "al", "del", "a", "no", "tomando", "sin embargo"),
		skips:       wordSet("también", "además", "asimismo", "luego", "finalmente", "ha", "había"),
		conj:        wordSet("y", "e", "o"),
		participles: []string{"ando", "iendo"},
		minLen:      9,
		adverb:      "mente",
	},
	"ru": {
		connectors: wordSet("и", "по", "при", "для"),
		leadIns: wordSet("после", "до", "в", "во", "на", "по", "при", "с", "со", "о", "об", "для", "из", "от", "к", "за",
			"между", "перед", "однако", "кроме", "также", "затем", "далее", "наконец", "он", "она", "они", "мы", "я",
			"вы", "это", "этот", "эта", "эти", "его", "ее", "её", "их", "наш", "и", "но", "или", "если", "когда", "хотя",
			"поскольку", "так", "каждый", "все", "многие", "некоторые", "отвечая", "ссылаясь", "учитывая", "отмечая",
			"касаясь", "говоря", "завершая"),
		skips: wordSet("также", "тоже", "затем", "далее", "вновь", "ещё", "еще", "уже", "вновь"),
		conj:  wordSet("и", "или"),
	},
}

// Chinese words that open a lead-in or a clause with no speaker ("在…时", "关于", "他").
var zhLeadIns = []string{"在", "关于", "对于", "根据", "针对", "就", "由于", "因此", "但", "然而", "此外", "同时", "他", "她",
	"它", "这", "那", "该", "其", "我", "随后", "最后", "会议", "如", "若", "虽然", "尽管", "为了", "为", "并", "而", "又", "也"}

// Chinese adverbs allowed between a speaker and the verb ("加拿大还指出").
var zhSkips = []string{"也", "还", "又", "则", "再次", "进一步", "均", "都", "亦", "随后", "并"}

// Arabic words that end the subject after a verb-first clause ("قال ممثل كندا إن …").
var arBoundaries = wordSet("إن", "أن", "بأن", "إلى", "على", "عن", "في", "من", "ما", "الذي", "التي", "أنه", "أنها", "إنه",
	"إنها", "أيضا", "أيضاً", "بين", "مع", "قائلا", "قائلة", "ضرورة", "كذلك", "خلال", "حول")

// Arabic words that open a clause with no speaker.
var arLeadIns = wordSet("في", "بعد", "قبل", "وفي", "وبعد", "ردا", "وردا", "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك", "كما", "لكن", "ولكن", "إذ", "إذا")
