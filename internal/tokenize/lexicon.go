package tokenize

import (
	"strings"
	"unicode/utf8"
)

// Abbrev is what a period-final word is, for the tokenizer (does the period
// belong to the word?) and the segmenter (can the sentence end here?).
type Abbrev uint8

const (
	// NotAbbrev is an ordinary word: a period after it is punctuation.
	NotAbbrev Abbrev = iota
	// Prefix abbreviations stand before a name or a number and do not end
	// sentences: Mr., Dr., Gen., Sen., St., Mt., No., p., vs.
	Prefix
	// Plain abbreviations may end a sentence: Inc., Corp., etc., Jr., Ill.
	Plain
	// Month and weekday abbreviations: Jan., Sept., Wed. (usually followed by
	// a day number).
	Month
	// Initial is a single letter with a period: E., W.
	Initial
	// Dotted abbreviations have inner periods: U.S., e.g., a.m., Ph.D.
	Dotted
)

type abbrevEntry struct {
	kind Abbrev
	// capOnly entries are abbreviations only when capitalized, because the
	// lower-case form is a common word ("no.", "sat.", "wed.", "mass.").
	capOnly bool
}

// abbrevs maps lower-case abbreviations (without the period) to their kind.
var abbrevs = func() map[string]abbrevEntry {
	m := map[string]abbrevEntry{}
	add := func(kind Abbrev, capOnly bool, words ...string) {
		for _, w := range words {
			m[w] = abbrevEntry{kind, capOnly}
		}
	}
	// Titles and other words that precede a name or number.
	add(Prefix, false, "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "profs", "capt", "lt", "sgt",
		"cpl", "pvt", "adm", "cmdr", "brig", "supt", "insp", "rev", "hon", "st", "sts", "mt", "ft", "vs",
		"pp", "vol", "vols", "viz", "cf", "approx", "nos", "nr", "tel", "fig", "figs", "ref", "refs", "attn",
		"ext", "sec", "para", "eq", "ch", "chap", "dept", "esp", "mme", "mlle", "gov", "govs", "sen", "sens",
		"rep", "reps", "pres", "gen", "col", "maj", "cmdr", "lieut", "atty", "insp", "comdr", "msgr", "fr")
	// Capitalized only, and able to end a sentence, being words too ("said No.").
	add(Plain, true, "no", "art", "op", "ed", "eds")
	// Abbreviations that can end a sentence.
	add(Plain, false, "inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "jr", "sr", "esq", "etc",
		"al", "ave", "blvd", "hwy", "rd", "univ", "assn", "assoc", "intl", "natl", "govt", "mfg", "dist",
		"yrs", "hrs", "mins", "secs", "oz", "lb", "lbs", "sq", "pkg", "est", "misc", "info", "ps", "ibid",
		"mgr", "mgmt", "div", "pty", "cie", "hosp", "cal", "tbsp", "tsp", "pct")
	// US states and Canadian provinces as news writes them (Springfield, Ill.).
	add(Plain, true, "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
		"kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
		"pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wisc", "wyo", "ont", "que", "alta", "sask")
	add(Month, false, "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"tues", "thur", "thurs")
	add(Month, true, "mar", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
	return m
}()

// maxAbbrev is the longest key of abbrevs.
const maxAbbrev = 8

// AbbrevOf classifies word, the letters of a token with or without its final
// period ("Mr", "Mr.", "U.S.", "E.").
func AbbrevOf(word string) Abbrev {
	if n := len(word); n > 1 && word[n-1] == '.' {
		word = word[:n-1]
	}
	if h := strings.LastIndexByte(word, '-'); h >= 0 && h+1 < len(word) {
		word = word[h+1:] // non-U.S., ex-Gov.
	}
	switch n := len(word); {
	case n == 0:
		return NotAbbrev
	case n == 1:
		if isLetterByte(word[0]) {
			return Initial
		}
		return NotAbbrev
	case n > maxAbbrev && !isDotted(word):
		return NotAbbrev
	}
	if isDotted(word) {
		return Dotted
	}
	switch word {
	case "N\u00b0", "n\u00b0", "N\u00ba", "n\u00ba":
		return Prefix // numero: N°. 5
	}
	var buf [maxAbbrev]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if !isLetterByte(c) {
			return NotAbbrev
		}
		buf[i] = lower(c)
	}
	e, ok := abbrevs[string(buf[:len(word)])]
	if !ok || (e.capOnly && !isUpperByte(word[0])) {
		return NotAbbrev
	}
	return e.kind
}

// isDotted reports whether w is letters in groups of one or two separated by
// periods, with at least one period: U.S, e.g, a.m, Ph.D, a.k.a.
func isDotted(w string) bool {
	dots, run := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case isLetterByte(c):
			run++
			if run > 2 {
				return false
			}
		case c == '.' && run > 0:
			dots++
			run = 0
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}

// hyphenPrefixes are the prefixes EWT keeps attached by their hyphen
// (e-mail, non-profit, pre-war); other hyphenated words are split.
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "pre": true, "anti": true, "mid": true, "re": true, "post": true, "co": true,
	"over": true, "pro": true, "multi": true, "ex": true, "sub": true, "semi": true, "cross": true,
	"neo": true, "psycho": true, "socio": true, "counter": true, "intra": true, "micro": true, "un": true,
	"inter": true, "extra": true, "ultra": true, "mega": true, "mini": true, "macro": true, "bi": true,
	"tri": true, "quasi": true, "pseudo": true, "trans": true, "hyper": true, "infra": true, "meta": true,
	"proto": true, "geo": true, "bio": true, "eco": true, "euro": true, "afro": true, "intro": true,
}

// isHyphenPrefix reports whether the letters w form a prefix of hyphenPrefixes.
func isHyphenPrefix(w string) bool {
	if len(w) > 7 {
		return false
	}
	var buf [7]byte
	for i := 0; i < len(w); i++ {
		buf[i] = lower(w[i])
	}
	return hyphenPrefixes[string(buf[:len(w)])]
}

// split is how a contraction written without an apostrophe divides: the
// first word's length, then the second's (the rest is a third word).
type split struct{ a, b uint8 }

// bareContractions are contractions written without an apostrophe that EWT
// treats as multiword tokens. Forms that are also ordinary words ("its",
// "lets", "ill", "wed", "id", "your") are left alone.
var bareContractions = map[string]split{
	"dont": {2, 2}, "cant": {2, 2}, "wont": {2, 2}, "didnt": {3, 2}, "doesnt": {4, 2}, "couldnt": {5, 2},
	"wouldnt": {5, 2}, "shouldnt": {6, 2}, "isnt": {2, 2}, "wasnt": {3, 2}, "werent": {4, 2}, "arent": {3, 2},
	"hasnt": {3, 2}, "havent": {4, 2}, "hadnt": {3, 2}, "aint": {2, 2}, "arnt": {2, 2},
	"im": {1, 1}, "ive": {1, 2}, "youre": {3, 2}, "theyre": {4, 2}, "thats": {4, 1}, "whats": {4, 1},
	"hes": {2, 1}, "shes": {3, 1}, "theres": {5, 1}, "heres": {4, 1}, "itll": {2, 2}, "youll": {3, 2},
	"youve": {3, 2}, "theyve": {4, 2}, "theyll": {4, 2}, "cannot": {3, 3}, "gonna": {3, 2},
	"wanna": {3, 2}, "gotta": {3, 2}, "outta": {3, 2}, "dunno": {2, 1}, "sorta": {4, 1},
	"alot": {1, 3},
}

// contextContraction is a bare contraction that is also an ordinary word
// ("its", "lets", "your"): it splits only before a word the ordinary
// reading cannot stand before. The possessive "its" never comes before an
// article, "not" or an adverb ("its a shame", "its not", "its really
// good"), while the verb "lets" takes an object ("lets them"), so a bare
// verb after it means "let's".
type contextContraction struct {
	sp   split
	norm string
	// next are the words that make it a contraction, written in lower
	// case ("its A series" is the possessive).
	next map[string]bool
	// afterWord allows the split after a word (not only at the start of a
	// clause, after punctuation): false for "lets", since "it lets go of"
	// is the verb.
	afterWord bool
}

var contextContractions = map[string]contextContraction{
	"its": {split{2, 1}, "'s", wordSet("a an the not really simply definitely just been like also now " +
		"getting going gonna nothing so always never probably actually totally too ok okay because"), true},
	"your": {split{3, 1}, "'re", wordSet("a an the not gonna so in on"), true},
	"lets": {split{3, 1}, "'s", wordSet("go get see hope just not try talk say be make take face do start keep " +
		"look put play stop move have pray eat meet think give call find wait remember hear focus work " +
		"celebrate all check ask help"), false},
}

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// maxBare is the longest key of bareContractions.
const maxBare = 8

// bareFilter[n][first] has a bit for the last letter of each bare
// contraction of n letters starting with first (context contractions
// included), so that most words skip the map lookups.
var bareFilter = func() (f [maxBare + 1][26]uint32) {
	for w := range bareContractions {
		f[len(w)][w[0]-'a'] |= 1 << (w[len(w)-1] - 'a')
	}
	for w := range contextContractions {
		f[len(w)][w[0]-'a'] |= 1 << (w[len(w)-1] - 'a')
	}
	return f
}()

// mayBeBare reports whether the ASCII letters w may be a bare contraction.
func mayBeBare(w string) bool {
	first, last := lower(w[0])-'a', lower(w[len(w)-1])-'a'
	return first < 26 && last < 26 && bareFilter[len(w)][first]&(1<<last) != 0
}

// bareNorm gives the normalized form of the clitic of a bare contraction.
var bareNorm = map[string]string{
	"nt": "n't", "m": "'m", "ve": "'ve", "re": "'re", "s": "'s", "ll": "'ll",
}

// clitics are the endings split off after an apostrophe (lower case), and
// cliticForms their normalized forms.
var (
	clitics     = [...]string{"s", "m", "d", "ll", "re", "ve"}
	cliticForms = [...]string{"'s", "'m", "'d", "'ll", "'re", "'ve"}
)

// leadingApostrophe are words spelled with a leading apostrophe, kept whole
// when they stand alone ('s after a space, 'em, 'cause, '90s).
var leadingApostrophe = map[string]bool{
	"s": true, "m": true, "d": true, "ll": true, "re": true, "ve": true, "em": true, "cause": true,
	"til": true, "bout": true, "n": true, "tis": true, "twas": true,
}

// topLevelDomains are endings that make "word.com" a domain name, so that a
// capitalized ending (Newsfeed.Com) is not read as a missing space.
var topLevelDomains = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "mil": true, "int": true,
	"info": true, "biz": true, "co": true, "uk": true, "us": true, "ca": true, "de": true, "fr": true,
	"io": true, "tv": true, "au": true, "nz": true, "jp": true, "cn": true, "ru": true, "in": true,
	"eu": true, "ch": true, "nl": true, "it": true, "es": true, "se": true, "be": true, "ie": true,
	"za": true, "br": true, "mx": true, "kr": true, "tw": true, "hk": true, "sg": true, "ae": true,
	"name": true, "mobi": true, "aero": true, "coop": true, "pro": true, "tk": true, "ly": true,
}

// fileExtensions end file names kept whole (notes.doc, ENRON.XLS).
var fileExtensions = map[string]bool{
	"doc": true, "docx": true, "xls": true, "xlsx": true, "pdf": true, "jpg": true, "jpeg": true,
	"gif": true, "png": true, "bmp": true, "tif": true, "tiff": true, "txt": true, "htm": true,
	"html": true, "asp": true, "aspx": true, "php": true, "exe": true, "zip": true, "url": true,
	"ppt": true, "pptx": true, "csv": true, "xml": true, "mp3": true, "mp4": true, "avi": true,
	"mov": true, "wav": true, "wmv": true, "rtf": true, "msg": true, "dat": true, "log": true,
	"ini": true, "js": true, "css": true, "jsp": true, "cgi": true, "pl": true, "py": true,
}

// starters are words that often begin a sentence and seldom follow an
// abbreviation inside one: after "U.S." or "E." a capitalized starter means a
// new sentence, any other capitalized word (a name) means the same one.
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "an", "the", "this", "that", "these", "those", "there", "here", "then", "thus", "hence",
		"i", "you", "he", "she", "it", "we", "they", "my", "your", "his", "her", "its", "our", "their",
		"me", "him", "us", "them", "who", "what", "when", "where", "why", "how", "which", "whose",
		"whether", "if", "but", "and", "or", "nor", "so", "yet", "also", "however", "meanwhile",
		"moreover", "furthermore", "nevertheless", "nonetheless", "instead", "indeed", "still", "even",
		"only", "in", "on", "at", "for", "from", "by", "with", "without", "after", "before", "as", "while",
		"during", "although", "though", "because", "since", "until", "unless", "once", "today",
		"yesterday", "tomorrow", "now", "some", "many", "most", "all", "both", "each", "every", "few",
		"several", "no", "not", "none", "one", "other", "others", "another", "such", "is", "are", "was",
		"were", "be", "been", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would",
		"should", "shall", "may", "might", "must", "let", "please", "thanks", "thank", "yes", "well",
		"oh", "ok", "okay", "hi", "hello", "dear", "sure", "maybe", "perhaps", "again", "besides",
		"despite", "under", "over", "about", "against", "among", "between", "into", "through",
		"according", "asked", "earlier", "later", "last", "next", "first", "second", "finally",
		"anyway", "otherwise", "currently", "recently", "previously", "officials", "analysts",
	} {
		m[w] = true
	}
	return m
}()

// Starters returns the sentence-initial function words IsStarter knows, in
// lower case.
func Starters() []string {
	out := make([]string, 0, len(starters))
	for w := range starters {
		out = append(out, w)
	}
	return out
}

// IsStarter reports whether the word (capitalized or not) is a common
// sentence-initial function word: The, He, How, Did...
func IsStarter(word string) bool {
	if len(word) == 0 || len(word) > 12 {
		return false
	}
	var buf [12]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return false
		}
		buf[i] = lower(c)
	}
	return starters[string(buf[:len(word)])]
}
