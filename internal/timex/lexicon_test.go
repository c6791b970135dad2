package timex

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"
)

// TestLexiconCoversGrammar checks that every word the grammar compares with
// a.is("...") is in the lexicon: is() matches lexicon entries only, so a
// missing word would silently never match.
func TestLexiconCoversGrammar(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "is" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			w, _ := strconv.Unquote(lit.Value)
			if lexicon[w] == nil {
				t.Errorf("%s: is(%q): word not in the lexicon", fset.Position(lit.Pos()), w)
			}
			return true
		})
	}
}
