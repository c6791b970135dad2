package quote

import "strings"

// cueFlags say how a cue verb takes its arguments.
type cueFlags uint8

const (
	// cSpeech: a verb of saying; it frames direct quotes and takes a clause.
	cSpeech cueFlags = 1 << iota
	// cObject: takes the addressee as object before its clause ("told Y that").
	cObject
	// cThat: only introduces an attribution with an explicit "that" clause
	// (thought and perception verbs: "believes that", "found that").
	cThat
	// cStance: a verb of stance or intent whose content is its object
	// ("criticized the plan", "vowed to repeal it", "called for a ban").
	cStance
)

// cueVerbs are the lemmas that signal an attribution, chosen for news
// reporting: verbs of saying and writing, and the verbs of belief and
// finding that attribute a claim when they take a "that" clause.
var cueVerbs = map[string]cueFlags{
	"say": cSpeech, "tell": cSpeech | cObject, "add": cSpeech, "tweet": cSpeech, "warn": cSpeech | cObject,
	"claim": cSpeech, "state": cSpeech, "write": cSpeech, "argue": cSpeech, "insist": cSpeech,
	"explain": cSpeech, "note": cSpeech, "announce": cSpeech, "declare": cSpeech, "report": cSpeech,
	"confirm": cSpeech, "deny": cSpeech, "suggest": cSpeech, "acknowledge": cSpeech, "admit": cSpeech,
	"assert": cSpeech, "contend": cSpeech, "maintain": cThat, "stress": cSpeech, "emphasize": cSpeech,
	"emphasise": cSpeech, "remark": cSpeech, "reply": cSpeech, "respond": cSpeech, "answer": cSpeech,
	"ask": cSpeech, "caution": cSpeech, "predict": cSpeech, "promise": cSpeech, "pledge": cSpeech,
	"vow": cSpeech, "threaten": cThat, "urge": cSpeech, "concede": cSpeech, "complain": cSpeech,
	"recall": cSpeech, "observe": cSpeech, "continue": cThat, "counter": cSpeech, "retort": cSpeech,
	"quip": cSpeech, "joke": cSpeech, "boast": cSpeech, "allege": cSpeech, "charge": cThat,
	"conclude": cSpeech, "reveal": cSpeech, "disclose": cSpeech, "indicate": cSpeech, "agree": cThat,
	"testify": cSpeech, "inform": cSpeech | cObject, "assure": cSpeech | cObject, "remind": cSpeech | cObject,
	"notify": cSpeech | cObject, "advise": cObject | cThat, "post": cSpeech, "proclaim": cSpeech,
	"mention": cSpeech, "comment": cSpeech, "exclaim": cSpeech, "whisper": cSpeech, "shout": cSpeech,
	"scream": cSpeech, "yell": cSpeech, "chant": cSpeech, "muse": cSpeech, "lament": cSpeech,
	"estimate": cThat, "believe": cThat, "think": cThat, "feel": cThat,
	"hope": cThat, "fear": cThat, "know": cThat, "find": cThat, "show": cThat, "learn": cThat,
	"worry": cThat, "expect": cThat, "hint": cThat, "signal": cThat, "point": cThat, "insinuate": cThat,
	"speculate": cThat, "recognize": cThat, "understand": cThat, "suspect": cThat,
	"doubt": cThat, "realize": cThat, "demonstrate": cThat, "assume": cThat, "imply": cThat,
	"reiterate": cSpeech, "repeat": cSpeech, "echo": cSpeech, "email": cSpeech, "text": cSpeech,
	"clarify": cSpeech, "elaborate": cSpeech, "grouse": cSpeech, "gripe": cSpeech, "groan": cSpeech,
	"demur": cSpeech, "scoff": cSpeech, "sniff": cSpeech, "snap": cSpeech, "marvel": cSpeech,
	"project": cThat, "rule": cThat,
	"guess": cThat, "figure": cThat, "bet": cThat, "wonder": cThat, "remember": cThat, "imagine": cThat,
}

// cueNouns are nouns that carry an attribution in "the statement said",
// "in a statement" or "the report found": the medium itself.
var cueNouns = map[string]bool{
	"statement": true, "report": true, "interview": true, "tweet": true, "post": true, "letter": true,
	"speech": true, "release": true, "memo": true, "op-ed": true, "editorial": true, "poll": true,
	"survey": true, "study": true, "analysis": true, "filing": true, "complaint": true, "lawsuit": true,
	"email": true, "e-mail": true, "message": true, "broadcast": true, "remarks": true, "testimony": true,
}

// anonHeads are nouns that name a source without naming who it is:
// "a senior official said", "sources said".
var anonHeads = map[string]bool{
	"official": true, "source": true, "aide": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "diplomat": true, "person": true, "people": true, "insider": true,
	"officer": true, "adviser": true, "advisor": true, "staffer": true, "witness": true,
	"someone": true, "observer": true, "analyst": true, "expert": true, "resident": true,
	"member": true, "one": true, "representative": true, "negotiator": true, "lawmaker": true,
	"operative": true, "associate": true, "ally": true, "friend": true, "employee": true,
	"executive": true, "colleague": true, "activist": true, "leader": true, "strategist": true,
}

// mediaWords mark a proper name as a news medium rather than a person
// addressee ("told The Times of London", "on Fox News").
var mediaWords = map[string]bool{
	"times": true, "news": true, "post": true, "journal": true, "reuters": true, "ap": true,
	"bbc": true, "cnn": true, "msnbc": true, "nbc": true, "abc": true, "cbs": true, "npr": true,
	"pbs": true, "fox": true, "network": true, "radio": true, "tv": true, "television": true,
	"magazine": true, "herald": true, "tribune": true, "guardian": true, "telegraph": true,
	"agency": true, "press": true, "wire": true, "daily": true, "gazette": true, "channel": true,
	"politico": true, "axios": true, "bloomberg": true, "afp": true, "tass": true, "interfax": true,
	"ria": true, "xinhua": true, "al-jazeera": true, "jazeera": true, "economist": true,
	"observer": true, "independent": true, "chronicle": true, "globe": true, "examiner": true,
	"breitbart": true, "huffpost": true, "hill": true, "atlantic": true, "newsweek": true,
	"time": true, "mail": true, "sun": true, "mirror": true, "express": true, "standard": true,
	"today": true, "show": true, "programme": true, "program": true, "podcast": true, "daily's": true,
}

// platforms are media named without an article ("on Twitter").
var platforms = map[string]bool{
	"twitter": true, "facebook": true, "instagram": true, "youtube": true, "telegram": true,
	"truth": true, "x": true, "tiktok": true, "linkedin": true, "weibo": true, "vk": true,
}

// venueNouns head a phrase that says where something was said: "at a
// press conference", "in a statement", "in an interview with X".
var venueNouns = map[string]bool{
	"conference": true, "statement": true, "interview": true, "speech": true, "briefing": true,
	"rally": true, "letter": true, "tweet": true, "post": true, "address": true, "hearing": true,
	"meeting": true, "summit": true, "op-ed": true, "article": true, "column": true,
	"broadcast": true, "appearance": true, "debate": true, "event": true, "release": true,
	"session": true, "call": true, "blog": true, "video": true, "email": true, "message": true,
	"remarks": true, "testimony": true, "memo": true, "posting": true, "podcast": true,
}

// pronouns that a speaker phrase may be, with whether they name one person.
var speakerPronouns = map[string]bool{
	"he": true, "she": true, "i": true, "they": false, "we": false, "it": false,
}

// stanceVerbs attribute a position rather than words: their content is the
// object or the infinitive after them, or the object of the particle
// listed. A leading "!" makes the particle required ("talked about X";
// "talked" alone attributes nothing); a leading "~" requires the word
// after the object ("sees the deal as a disaster"). They make Stance attributions, which
// are not quotes.
var stanceVerbs = map[string]string{
	"criticize": "", "criticise": "", "praise": "", "support": "", "endorse": "", "oppose": "",
	"want": "", "seek": "", "defend": "", "accuse": "", "blame": "", "condemn": "", "reject": "",
	"welcome": "", "dismiss": "", "question": "about", "describe": "", "discuss": "", "demand": "",
	"propose": "", "favor": "", "favour": "", "back": "", "attack": "", "slam": "", "blast": "",
	"plan": "", "intend": "", "recommend": "", "challenge": "", "decry": "", "denounce": "",
	"applaud": "", "laud": "", "mock": "", "ridicule": "", "cite": "", "call": "!for on",
	"push": "!for", "talk": "!about of", "speak": "!about of", "complain": "about", "focus": "!on",
	"hint": "at", "refer": "!to", "respond": "!to", "react": "!to", "argue": "for against",
	"warn": "of about against", "worry": "about", "insist": "!on", "comment": "on",
	"advocate": "for", "campaign": "!for against", "rail": "!against",
	"vow": "", "pledge": "", "promise": "", "urge": "", "ask": "about", "deny": "", "confirm": "",
	"announce": "", "acknowledge": "", "admit": "", "mention": "", "report": "", "predict": "",
	"suggest": "", "threaten": "", "reveal": "", "estimate": "", "show": "",
	"agree": "with to", "refuse": "", "decline": "", "expect": "", "hope": "", "fear": "",
	"vote": "!for against", "boast": "about of", "brag": "!about", "apologize": "!for",
	"joke": "!about", "testify": "about", "write": "!about of", "express": "", "voice": "",
	"tout": "", "thank": "", "congratulate": "", "assail": "", "lambaste": "",
	"embrace": "", "champion": "",
	"portray": "", "highlight": "", "order": "", "encourage": "", "prefer": "", "consider": "",
	"identify": "", "decide": "", "remember": "", "hail": "", "herald": "", "trumpet": "",
	"disavow": "", "repudiate": "", "renounce": "", "disparage": "", "belittle": "", "insult": "",
	"target": "", "accept": "", "regret": "", "dispute": "", "contest": "", "downplay": "",
	"point": "", "regard": "~as", "see": "~as", "view": "~as", "characterize": "", "depict": "", "cast": "~as",
	"paint": "~as", "brand": "", "label": "", "dub": "", "tag": "~as", "frame": "~as",
	// Verbs of judging, backing and naming common in political reporting.
	"bash": "", "hammer": "", "fault": "", "scold": "", "rebuke": "", "chide": "", "berate": "",
	"excoriate": "", "lambast": "", "commend": "", "salute": "", "celebrate": "", "bemoan": "",
	"articulate": "", "reference": "", "invoke": "", "recount": "", "compare": "", "deem": "",
	"term": "", "side": "!with", "align": "!with", "stump": "!for",
	"rally": "!behind around", "believe": "!in", "look": "!for", "like": "!to", "touch": "!on",
	"shrug": "!off", "retweet": "", "offer": "",
	// Verbs of saying that also take what was said as a plain object
	// ("tweeted her thanks", "recalled her days in the Senate",
	// "reiterated his support").
	"tweet": "", "recall": "", "reiterate": "", "echo": "", "post": "",
	"list": "", "nominate": "", "sign": "",
	"caution": "!against", "lobby": "!for against to",
	"approve": "", "promote": "", "present": "", "plead": "!for with",
}

// stanceAdjectives attribute a position through "be": "X is critical of
// Y", "she was clear that ...", with the particles they take.
var stanceAdjectives = map[string]string{
	"critical": "of", "proud": "of", "clear": "about that", "confident": "that about of", "sure": "that about of",
	"concerned": "about that", "worried": "about that", "skeptical": "of about that", "optimistic": "about that",
	"aware": "of that", "supportive": "of", "adamant": "that about", "convinced": "that of",
	"hopeful": "that about", "certain": "that of", "unhappy": "with about", "happy": "with about that",
	"opposed": "to", "committed": "to", "angry": "about at with", "frustrated": "with by about",
	"furious": "about at with", "open": "to", "wary": "of", "fond": "of", "eager": "to", "determined": "to",
	"willing": "to", "ready": "to", "reluctant": "to", "unwilling": "to", "hesitant": "to",
	"satisfied": "with", "dissatisfied": "with", "disappointed": "in with by that", "pleased": "with by that",
	"excited": "about by", "upset": "about with by that", "enthusiastic": "about", "comfortable": "with",
	"uncomfortable": "with", "split": "on over", "divided": "on over", "interested": "in", "keen": "to on",
	"hostile": "to toward", "sympathetic": "to toward", "receptive": "to", "dismissive": "of",
	"fearful": "of that", "suspicious": "of", "doubtful": "about that", "grateful": "for to",
	"thankful": "for", "glad": "that to", "sorry": "for about that", "afraid": "of that to",
}

// stanceNouns carry a position as a noun, with the particles that open
// its content: "Trump's criticism of the deal", "her support for the
// bill", "his calls to end it", "their claim that ...". The possessor is
// the holder.
var stanceNouns = map[string]string{
	"criticism": "of", "support": "for of", "opposition": "to", "endorsement": "of", "attack": "on against",
	"comment": "on about", "remark": "on about", "praise": "for of", "view": "on of", "decision": "to",
	"plan": "to for", "promise": "to that", "pledge": "to that", "call": "for to", "demand": "for that",
	"claim": "that to", "allegation": "that of", "accusation": "that of", "complaint": "about that",
	"critique": "of", "defense": "of", "defence": "of", "concern": "about that over", "warning": "about of that",
	"push": "for to", "proposal": "to for", "vow": "to", "refusal": "to", "commitment": "to", "embrace": "of",
	"condemnation": "of", "denunciation": "of", "rejection": "of", "argument": "that for against",
	"belief": "that in", "insistence": "that on", "assertion": "that", "suggestion": "that", "hope": "that for",
	"fear": "that of about", "stance": "on", "position": "on", "attitude": "toward towards", "doubt": "that about",
	"threat": "to", "offer": "to", "request": "for to", "appeal": "for to", "admission": "that", "denial": "of that",
	"announcement": "that of", "prediction": "that of", "insult": "to", "recommendation": "that to",
	"speech": "about on", "question": "about", "advice": "to for", "rhetoric": "about on toward against",
	"speculation": "that about", "idea": "that", "response": "to", "reply": "to", "talk": "of about",
	"message": "that of",
	// Attitudes and accounts held by their possessor.
	"desire": "to for", "opinion": "of on about that", "assessment": "of that", "reaction": "to",
	"answer": "to", "explanation": "of for that", "account": "of", "description": "of",
	"characterization": "of", "take": "on", "objection": "to", "disdain": "for", "contempt": "for",
	"admiration": "for", "enthusiasm": "for", "skepticism": "of about", "distrust": "of",
	"frustration": "with over", "anger": "at over about", "outrage": "over at", "disapproval": "of",
	"approval": "of", "statement": "that about on", "assurance": "that", "confidence": "in that",
	"faith": "in", "plea": "for to", "invitation": "to", "challenge": "to", "intention": "to of",
	"wish": "to for that", "ambition": "to of", "vision": "of for",
}

// makeNouns are the nouns of saying that "make" turns into a cue ("made
// the case that ...", "made an appeal to voters"), with the particles
// that open their content when no "that" clause follows.
var makeNouns = map[string]string{
	"case": "for against", "point": "about", "argument": "for against", "appeal": "to for",
	"pitch": "to for", "plea": "to for", "promise": "to", "pledge": "to", "claim": "about",
	"accusation": "against", "allegation": "against", "prediction": "about", "statement": "about on",
	"comment": "about on", "remark": "about on",
}

// raiseNouns are the nouns of doubt that "raise" turns into a cue ("raised
// questions about his record"), with the particles that open their content.
var raiseNouns = map[string]string{
	"question": "about over", "concern": "about over", "doubt": "about over", "alarm": "about over",
	"objection": "to", "suspicion": "about over", "worry": "about over",
}

// lexSet makes a set of the space-separated words ws.
func lexSet(ws string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(ws) {
		m[w] = true
	}
	return m
}
