package tag

import (
	"strings"

	prosetag "github.com/jdkato/prose/v3/tag"
)

// uposOfPTB maps a Penn Treebank tag to the UD tag EWT most often gives it,
// refined by the word where the treebank's choice depends on it (forms of
// "be" are AUX, "not" is PART, subordinators are SCONJ).
func uposOfPTB(word, ptb string, _ []prosetag.Token, _ int) string {
	low := strings.ToLower(word)
	switch ptb {
	case "NN", "NNS":
		return "NOUN"
	case "NNP", "NNPS":
		return "PROPN"
	case "JJ", "JJR", "JJS":
		return "ADJ"
	case "RB", "RBR", "RBS":
		if low == "not" || low == "n't" {
			return "PART"
		}
		return "ADV"
	case "WRB":
		return "ADV"
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		switch low {
		case "be", "is", "am", "are", "was", "were", "been", "being", "'s", "'re", "'m":
			return "AUX"
		}
		return "VERB"
	case "MD":
		return "AUX"
	case "IN":
		switch low {
		case "that", "because", "if", "whether", "although", "though", "while", "unless", "whereas":
			return "SCONJ"
		}
		return "ADP"
	case "RP":
		return "ADP"
	case "DT", "PDT":
		return "DET"
	case "WDT", "PRP", "PRP$", "WP", "WP$", "EX":
		return "PRON"
	case "CC":
		return "CCONJ"
	case "CD", "LS":
		return "NUM"
	case "TO", "POS":
		return "PART"
	case "UH":
		return "INTJ"
	case "SYM", "$", "#":
		return "SYM"
	case "FW":
		return "X"
	case ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "(", ")", "HYPH", "NFP", "\"":
		return "PUNCT"
	}
	return "X"
}
