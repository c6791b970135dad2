// Package datadir finds dyad's shared data folder (treebanks, gold standards,
// corpora): $DYAD_DATA when set, else ../shared/data beside the project. It
// only resolves paths; it never reads or copies the data.
package datadir

import (
	"os"
	"path/filepath"
)

// Env is the environment variable that overrides the data folder.
const Env = "DYAD_DATA"

// Dir returns the data folder. Without $DYAD_DATA it looks for shared/data
// beside the nearest directory holding go.mod (so tests run from any package
// find it), then for ../shared/data from the working directory.
func Dir() string {
	if d := os.Getenv(Env); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err == nil {
		for dir := wd; ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				cand := filepath.Join(filepath.Dir(dir), "shared", "data")
				if isDir(cand) {
					return cand
				}
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return filepath.Join("..", "shared", "data")
}

// Path joins parts under the data folder.
func Path(parts ...string) string {
	return filepath.Join(append([]string{Dir()}, parts...)...)
}

// Exists reports whether the path under the data folder exists.
func Exists(parts ...string) bool {
	_, err := os.Stat(Path(parts...))
	return err == nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
