package ner

// The reference path of the exactness tests: training's own featurize
// (features.go), a plain map from each feature to its weights and the
// package's Viterbi. It is slow and simple; Recognize's fast path must agree
// with it exactly, labels and emission scores.

type refModel struct {
	m    *Model
	rows map[uint64][nLabels]int16
	sent sentence
	sc   scratch
}

func newRefModel(m *Model) *refModel {
	rows := make(map[uint64][nLabels]int16, m.index.len())
	m.index.each(func(k uint64, r int32) { rows[k] = *m.index.weights(r) })
	return &refModel{m: m, rows: rows, sent: sentence{cl: m.cl, mem: m.mem}}
}

// decode labels the words of one sentence, leaving the emission scores in
// r.sc.score.
func (r *refModel) decode(words, upos, xpos []string, gaz []uint8) []int {
	s := &r.sent
	s.reset()
	for i, w := range words {
		var g uint8
		if gaz != nil {
			g = gaz[i]
		}
		s.add(w, upos[i], xpos[i], g)
	}
	s.featurize()
	n := s.len()
	sc := &r.sc
	sc.score = growF(sc.score, n*nLabels)
	for i := 0; i < n; i++ {
		var acc [nLabels]int32
		for _, f := range s.feats[s.off[i]:s.off[i+1]] {
			if w, ok := r.rows[f]; ok {
				for l := range acc {
					acc[l] += int32(w[l])
				}
			}
		}
		for l := range acc {
			sc.score[i*nLabels+l] = float32(acc[l]) * r.m.scale
		}
	}
	return viterbi(sc, n, &r.m.trans)
}
