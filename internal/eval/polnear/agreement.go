package polnear

import (
	"context"
	"fmt"

	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/pkg/doc"
)

// asSystem turns one annotator's attributions into system attributions,
// so that two annotators can be scored against each other.
func asSystem(gold []Attribution) []System {
	out := make([]System, len(gold))
	for i, g := range gold {
		out[i] = System{Source: g.Source, Cue: g.Cue, Content: g.Content,
			HasSource: g.HasSource && g.Source.End > g.Source.Start,
			HasCue:    g.Cue.End > g.Cue.Start}
	}
	return out
}

// Agreement measures the human ceiling of the suite's metrics. On the
// articles of dir that several people annotated, it scores every ordered
// pair of annotators (one as gold, the other as system: the same alignment
// rules as Score), and dyad against each annotator of the same articles.
// Metrics are prefixed human_ and system_.
func Agreement(ctx context.Context, dir string) (*eval.Report, error) {
	all, err := LoadAll(dir)
	if err != nil {
		return nil, err
	}
	// Group the annotations of each article (LoadAll keeps them together).
	var groups [][]Article
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].Name == all[i].Name {
			j++
		}
		if j-i > 1 {
			groups = append(groups, all[i:j])
		}
		i = j
	}
	if len(groups) == 0 {
		return nil, fmt.Errorf("polnear: %s: no article has more than one annotator's file", dir)
	}
	process, err := newProcessor()
	if err != nil {
		return nil, err
	}
	var human, system Counts
	var notes []string
	pairs, anns := 0, 0
	for _, g := range groups {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text := g[0].Text
		d := &doc.Document{ID: g[0].Name, Text: text, Origin: g[0].Name}
		qs, err := process(d)
		if err != nil {
			return nil, err
		}
		sys := Systems(qs)
		var h, s Counts
		for a := range g {
			anns++
			s.Add(Score(text, g[a].Gold, sys))
			for b := range g {
				if a != b {
					pairs++
					h.Add(Score(text, g[a].Gold, asSystem(g[b].Gold)))
				}
			}
		}
		human.Add(h)
		system.Add(s)
		ho, _, hs, hc := h.Headline()
		so, _, ss, sc := s.Headline()
		notes = append(notes, fmt.Sprintf("%s (%d annotators): human %.3f/%.3f/%.3f, dyad %.3f/%.3f/%.3f",
			g[0].Name, len(g), ho, hs, hc, so, ss, sc))
	}
	rep := eval.NewReport("polnear-agreement", dir)
	setMetrics(rep, "human_", human)
	setMetrics(rep, "system_", system)
	rep.Set("articles", float64(len(groups)))
	rep.Set("annotations", float64(anns))
	rep.Set("annotator_pairs", float64(pairs))
	rep.Notef("human_: every ordered pair of annotators of an article, one as gold and one as system; system_: dyad against each annotator of the same articles")
	rep.Notef("alignment rules: internal/eval/polnear/score.go (Counts)")
	rep.Notef("per article, content overlap / source / cue F1:")
	for _, n := range notes {
		rep.Notef("  %s", n)
	}
	return rep, nil
}
