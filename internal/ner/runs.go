package ner

import "strings"

// Words that end or head names of a kind, in lower case: a capitalized
// run ending in "Inc" or "Ministry" is an organization, one ending in
// "Street" or "County" a place. The recognizer reads the class as a
// feature and learns how far to trust it. They are facts of English
// naming, listed by hand.
const (
	headNone byte = iota
	headOrg
	headLoc
	headPer // honorifics and titles before a name
)

var nameHeads = func() map[string]byte {
	m := map[string]byte{}
	add := func(class byte, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = class
		}
	}
	add(headOrg, `inc inc. corp corp. corporation co co. company companies ltd ltd. llc llp plc ag gmbh sa
group holdings partners associates bank bancorp fund trust capital securities exchange airlines airways
motors energy power petroleum oil gas communications telecom networks systems technologies software
university college institute academy school schools society association federation union league council
committee commission board bureau agency authority department ministry office administration service
services party front movement army navy corps police force forces guard brigade court parliament senate
congress assembly government foundation organization organisation center centre hospital clinic church
news times post journal herald tribune gazette daily press magazine radio tv television channel network
records studios pictures entertainment club team united fc orchestra band restaurant cafe bar grill
hotel inn store stores shop market mart depot`)
	add(headLoc, `street st st. avenue ave ave. road rd rd. boulevard blvd lane drive way highway freeway
square park river lake lakes sea ocean bay gulf coast beach island islands mountain mountains mount mt
hill hills valley canyon desert forest county province state states city town village district region
peninsula airport station bridge tower building palace castle cathedral mall plaza`)
	add(headPer, `mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir lady lord president minister senator
governor mayor king queen prince princess pope rev rev. father sister brother uncle aunt judge general
gen. col. capt. sgt. chairman ceo secretary`)
	return m
}()

// connectors may sit inside a capitalized name ("Bank of England",
// "Procter & Gamble", "Department of Housing and Urban Development").
var connectors = map[string]bool{"of": true, "&": true, "and": true, "de": true, "du": true, "for": true, "the": true, "'s": true}

// capRuns marks, for each token, its capitalized run: the maximal sequence
// of capitalized words, joined across connectors followed by a capitalized
// word. It fills runFirst/runLast (-1 outside a run).
func (s *sentence) capRuns() {
	n := s.len()
	s.runFirst = growI(s.runFirst, n)
	s.runLast = growI(s.runLast, n)
	markRuns(n, func(i int) bool { sh := s.shape[i]; return len(sh) > 0 && sh[0] == 'X' },
		func(i int) bool { return connectors[s.lower[i]] }, s.runFirst, s.runLast)
}

// markRuns is capRuns over n words, given which are capitalized and which
// are connectors.
func markRuns(n int, isCap, isConn func(int) bool, runFirst, runLast []int32) {
	for i := 0; i < n; {
		if !isCap(i) {
			runFirst[i], runLast[i] = -1, -1
			i++
			continue
		}
		j := i + 1
		for j < n {
			if isCap(j) {
				j++
				continue
			}
			if isConn(j) && j+1 < n && isCap(j+1) {
				j += 2
				continue
			}
			break
		}
		for k := i; k < j; k++ {
			runFirst[k], runLast[k] = int32(i), int32(j-1)
		}
		i = j
	}
}

func growI(a []int32, n int) []int32 {
	if cap(a) < n {
		return make([]int32, n)
	}
	return a[:n]
}

// runFeatures returns, for token i, its position in its capitalized run
// (0 none, 1 single, 2 first, 3 inside, 4 last), the run's length (capped
// at 5), and the classes of the run's last and first words.
func (s *sentence) runInfo(i int) (pos, length, last, first byte) {
	a, b := s.runFirst[i], s.runLast[i]
	if a < 0 {
		return 0, 0, 0, 0
	}
	pos, length = runPlace(i, a, b)
	return pos, length, nameHeads[s.lower[b]], nameHeads[s.lower[a]]
}

// runPlace returns token i's position in the run [a, b] (1 single, 2
// first, 3 inside, 4 last) and the run's length, capped at 5.
func runPlace(i int, a, b int32) (pos, length byte) {
	switch {
	case a == b:
		pos = 1
	case int32(i) == a:
		pos = 2
	case int32(i) == b:
		pos = 4
	default:
		pos = 3
	}
	return pos, byte(min(b-a+1, 5))
}
