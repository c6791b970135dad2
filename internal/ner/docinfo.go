package ner

// Document-level evidence: a name is usually written the same way and
// used the same way throughout a story, so each word carries what the
// other sentences of its document say about it ("Enron" alone after
// "Enron Investment Partners"; "Miramar" after "in Miramar"). The bits
// are gathered over the whole document, this token included.
const (
	docCapMid   = 1 << iota // capitalized, not first in its sentence
	docLower                // written in lower case
	docGaz                  // inside an actor-dictionary match
	docOrgRun               // in a capitalized run ending in an organization word
	docLocRun               // in a capitalized run ending in a place word
	docAfterPer             // after a title or honorific
	docLongRun              // in a capitalized run of two words or more
	docAfterIn              // after "in", "at", "from", "to"
)

// docInfo maps lower-case words to their document bits.
type docInfo map[string]uint8

var placePreps = map[string]bool{"in": true, "at": true, "from": true, "to": true, "near": true}

// addSentence folds one sentence (words added, capRuns done) into the
// document's bits.
func (di docInfo) addSentence(s *sentence) {
	for i, lw := range s.lower {
		sh := s.shape[i]
		if sh == "" {
			continue
		}
		var b uint8
		switch {
		case sh[0] == 'X' && i > 0:
			b |= docCapMid
		case sh[0] == 'x':
			b |= docLower
		}
		if s.gaz[i]&^gazFolded != 0 {
			b |= docGaz
		}
		if a, z := s.runFirst[i], s.runLast[i]; a >= 0 {
			switch nameHeads[s.lower[z]] {
			case headOrg:
				b |= docOrgRun
			case headLoc:
				b |= docLocRun
			}
			if z > a {
				b |= docLongRun
			}
		}
		if i > 0 {
			if nameHeads[s.lower[i-1]] == headPer {
				b |= docAfterPer
			}
			if placePreps[s.lower[i-1]] {
				b |= docAfterIn
			}
		}
		di[lw] |= b
	}
}
