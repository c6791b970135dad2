package parse

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
)

// TestExperiment trains on EWT and scores dev, for trying settings by hand:
//
//	DYAD_PARSE_EXPERIMENT=1 go test -run Experiment -v -timeout 2h ./internal/parse
//
// with DYAD_PARSE_TRAIN and DYAD_PARSE_DEV (files; default EWT), DYAD_PARSE_EPOCHS,
// DYAD_PARSE_SEED, DYAD_PARSE_OUT (a model file to write) and the settings below.
func TestExperiment(t *testing.T) {
	if os.Getenv("DYAD_PARSE_EXPERIMENT") == "" {
		t.Skip("set DYAD_PARSE_EXPERIMENT=1 to run")
	}
	trainPath, devPath := os.Getenv("DYAD_PARSE_TRAIN"), os.Getenv("DYAD_PARSE_DEV")
	if trainPath == "" {
		trainPath = datatest.Require(t, "ud-ewt", "en_ewt-ud-train.conllu")
	}
	if devPath == "" {
		devPath = datatest.Require(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	}
	train, err := conllu.ReadFile(trainPath)
	if err != nil {
		t.Fatal(err)
	}
	dev, err := conllu.ReadFile(devPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Train: train, Dev: dev, Log: os.Stderr, Seed: envInt("DYAD_PARSE_SEED", 1),
		Epochs: int(envInt("DYAD_PARSE_EPOCHS", 30)), MinWordCount: int(envInt("DYAD_PARSE_MINWORD", 2)),
		ExploreFrom: int(envInt("DYAD_PARSE_EXPLORE_FROM", 2)), MinUpdates: int(envInt("DYAD_PARSE_MINUPD", 2)),
		Patience: int(envInt("DYAD_PARSE_PATIENCE", 5)), Features: int(envInt("DYAD_PARSE_FEATURES", DefaultFeatures))}
	t0 := time.Now()
	p, err := Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %s", time.Since(t0))
	if out := os.Getenv("DYAD_PARSE_OUT"); out != "" {
		if err := p.SaveFile(out); err != nil {
			t.Fatal(err)
		}
	}
}

func envInt(name string, def uint64) uint64 {
	if v, err := strconv.ParseUint(os.Getenv(name), 10, 64); err == nil {
		return v
	}
	return def
}

// TestPruneExperiment scores a saved model ($DYAD_PARSE_MODEL) pruned at
// several thresholds on a dev file ($DYAD_PARSE_DEV), with its speed.
func TestPruneExperiment(t *testing.T) {
	if os.Getenv("DYAD_PARSE_PRUNE") == "" {
		t.Skip("set DYAD_PARSE_PRUNE=1 (with DYAD_PARSE_MODEL and DYAD_PARSE_DEV) to run")
	}
	p := testParser(t)
	dev, err := conllu.ReadFile(os.Getenv("DYAD_PARSE_DEV"))
	if err != nil {
		t.Fatal(err)
	}
	mins := []int16{0, 50, 100, 200, 400, 800}
	if v := os.Getenv("DYAD_PARSE_PRUNE_MINS"); v != "" { // e.g. "500,600"
		mins = mins[:0]
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.ParseInt(f, 10, 16)
			if err != nil {
				t.Fatal(err)
			}
			mins = append(mins, int16(n))
		}
	}
	for _, min := range mins {
		q := newParser(p.lx, p.m.pruned(min))
		d := GoldTokens(dev)
		c0 := cpuTime()
		q.Parse(d)
		q.Parse(d)
		cpu := cpuTime() - c0
		sc := ScoreDocument(d, dev)
		var b bytes.Buffer
		if err := q.Save(&b); err != nil {
			t.Fatal(err)
		}
		t.Logf("min %4d: %8d features, table %8d, file %5.1f MB, UAS %.2f LAS %.2f, %.0f words/cpu-s",
			min, q.m.features(), len(q.m.ents), float64(b.Len())/1e6, sc.UAS(), sc.LAS(), float64(2*len(d.Tokens))/cpu.Seconds())
	}
}
