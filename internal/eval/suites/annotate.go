package suites

import (
	"sync"

	"github.com/dyadhq/dyad/internal/eval/ud"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/pkg/doc"
)

// The ud suite scores the models through its Annotate hook; here, where
// every package is linked, it is the pipeline's syntax stages.
func init() { ud.Annotate = annotate }

var syntax = sync.OnceValues(func() (*pipeline.Pipeline, error) {
	return pipeline.New(pipeline.Options{From: "tag", Until: "parse"})
})

func annotate(d *doc.Document) error {
	p, err := syntax()
	if err != nil {
		return err
	}
	_, err = p.Process(d)
	return err
}
