package lemma

import "strings"

// The curated irregular forms of English, by word class. Each line of a list
// is a lemma followed by its irregular forms. The table learned from the
// treebank overrides these where the treebank's conventions differ.

// irregularVerbs: base, then past and participle forms (and odd present forms).
const irregularVerbs = `
arise arose arisen
awake awoke awoken
be was were been is am are 's 'm 're
bear bore borne born
beat beaten
become became
begin began begun
bend bent
bind bound
bite bit bitten
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
broadcast broadcasted
build built
burn burnt
buy bought
catch caught
choose chose chosen
cling clung
come came
creep crept
deal dealt
dig dug
do did done does
draw drew drawn
dream dreamt
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feed fed
feel felt
fight fought
find found
flee fled
fling flung
fly flew flown flies
forbid forbade forbidden
forecast forecasted
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone goes
grind ground
grow grew grown
hang hung
have had has 've
hear heard
hide hid hidden
hold held
keep kept
kneel knelt
know knew known
lay laid
lead led
lean leant
leap leapt
learn learnt
leave left
lend lent
lie lay lain
light lit
lose lost
make made
mean meant
meet met
mislead misled
mistake mistook mistaken
overcome overcame
overtake overtook overtaken
pay paid
prove proven
rebuild rebuilt
rewrite rewrote rewritten
ride rode ridden
ring rang rung
rise rose risen
run ran
say said says
see saw seen
seek sought
sell sold
send sent
sew sewn
shake shook shaken
shine shone
shoot shot
show shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
sleep slept
slide slid
speak spoke spoken
speed sped
spend spent
spin spun
spit spat
spring sprang sprung
stand stood
steal stole stolen
stick stuck
sting stung
stink stank
strike struck stricken
strive strove striven
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
tread trod trodden
undergo underwent undergone
understand understood
undertake undertook undertaken
uphold upheld
wake woke woken
wear wore worn
weave wove woven
weep wept
win won
wind wound
withdraw withdrew withdrawn
withhold withheld
write wrote written
`

// irregularNouns: singular, then plural forms.
const irregularNouns = `
man men
woman women
child children
foot feet
tooth teeth
goose geese
mouse mice
louse lice
ox oxen
criterion criteria
phenomenon phenomena
analysis analyses
crisis crises
thesis theses
hypothesis hypotheses
diagnosis diagnoses
index indices
appendix appendices
cactus cacti
fungus fungi
alumnus alumni
stimulus stimuli
knife knives
wife wives
life lives
leaf leaves
wolf wolves
half halves
self selves
shelf shelves
thief thieves
loaf loaves
calf calves
`

// irregularAdjectives: positive, then comparative and superlative forms.
const irregularAdjectives = `
good better best
bad worse worst
far farther farthest further furthest
`

// irregularAdverbs: positive, then comparative and superlative forms.
const irregularAdverbs = `
well better best
badly worse worst
far farther farthest further furthest
`

var irregulars = map[string]map[string]string{
	"verb": parseIrregular(irregularVerbs),
	"noun": parseIrregular(irregularNouns),
	"adj":  parseIrregular(irregularAdjectives),
	"adv":  parseIrregular(irregularAdverbs),
}

func parseIrregular(list string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(list, "\n") {
		f := strings.Fields(line)
		for _, form := range f[min(1, len(f)):] {
			if _, dup := m[form]; !dup {
				m[form] = f[0]
			}
		}
	}
	return m
}

// irregular returns the lemma of a lower-cased irregular form with tag xpos.
func irregular(low, xpos string) (string, bool) {
	var group string
	switch xpos {
	case "VBD", "VBN", "VBZ", "VBP", "VBG", "VB":
		group = "verb"
	case "NNS", "NNPS":
		group = "noun"
	case "JJR", "JJS":
		group = "adj"
	case "RBR", "RBS":
		group = "adv"
	default:
		return "", false
	}
	lem, ok := irregulars[group][low]
	return lem, ok
}
