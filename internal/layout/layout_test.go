package layout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/storybot/storybot"

// maxLines is the longest a function may be, from its func line to its
// closing brace. Past it, a function does several things that deserve
// names; the matcher's stages in particular must stay small enough for the
// next stage to be added beside them, not inside them. Tests are exempt:
// their length is mostly tables of cases.
const maxLines = 80

// root is the module's root directory, two levels above this package.
func root(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("no go.mod at %s: %v", dir, err)
	}
	return dir
}

// goFiles calls fn for every Go file of the module but the comparison
// programs under bench/, which are other projects' code.
func goFiles(t *testing.T, fn func(rel string, f *ast.File, fset *token.FileSet)) {
	t.Helper()
	dir := root(t)
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if rel == "bench" || rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		fn(filepath.ToSlash(rel), f, fset)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFunctionsAreShort(t *testing.T) {
	goFiles(t, func(rel string, f *ast.File, fset *token.FileSet) {
		if strings.HasSuffix(rel, "_test.go") {
			return
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			from, to := fset.Position(fn.Pos()).Line, fset.Position(fn.End()).Line
			if n := to - from + 1; n > maxLines {
				t.Errorf("%s:%d: %s is %d lines, more than %d: split it into named steps", rel, from, fn.Name.Name, n, maxLines)
			}
		}
	})
}

// layers rank the module's packages in the flow of a question; a package
// may import only packages of a lower rank. The longest prefix of a
// package's path gives its rank. A generator under internal/ sits just
// above the package whose data it makes, which it may import.
var layers = map[string]float64{
	"story":              0,   // the built-in story: bytes, no code
	"internal/benchdocs": 0.5, // the documents facts', match's and bot's benchmarks run on; imports story
	"english":            0,
	"english/internal":   0.5,
	"facts":              1,
	"fragment":           1.2, // text-fragment links; its tests read facts documents
	"internal/squad":     1.5, // reads SQuAD into facts documents
	"match":              2,
	"match/internal":     2.5,
	"state":              0,  // what replicas share (memory or Redis); imports nothing of the module
	"state/statetest":    -1, // starts a redis-server for tests; imports nothing of the module
	"bot":                3,
	"internal/testbot":   3.2, // what the adapters' tests share; imports bot, facts, story
	"metrics":            4,   // counts what bot and the adapters do
	"adapters":           4,
	"adapters/internal":  3.5, // what more than one adapter needs (retries)
	"cmd":                5,
	"internal/layout":    0,  // these tests, which import nothing of the module
	"internal/randtext":  -1, // random texts for tests; imports nothing of the module
}

// layer returns the rank of the package at path (relative to the module).
func layer(t *testing.T, path string) float64 {
	best, rank := "", -1.0
	for prefix, r := range layers {
		if (path == prefix || strings.HasPrefix(path, prefix+"/")) && len(prefix) > len(best) {
			best, rank = prefix, r
		}
	}
	if best == "" {
		t.Errorf("package %s has no place in the flow: add it to layers (and to docs/ARCHITECTURE.md)", path)
	}
	return rank
}

func TestImportsFlowOneWay(t *testing.T) {
	goFiles(t, func(rel string, f *ast.File, _ *token.FileSet) {
		pkg := filepath.ToSlash(filepath.Dir(rel))
		rank := layer(t, pkg)
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			dep, inModule := strings.CutPrefix(path, module+"/")
			if !inModule || dep == pkg {
				continue
			}
			if layer(t, dep) >= rank {
				t.Errorf("%s imports %s, which is not below %s in the flow (docs/ARCHITECTURE.md)", rel, dep, pkg)
			}
		}
	})
}

func TestTheGuardsSeeViolations(t *testing.T) {
	// The layers must rank the flow as documented, or the test above
	// would pass on anything.
	for _, c := range [][2]string{{"facts", "english"}, {"match", "facts"}, {"bot", "match"}, {"adapters/slack", "bot"}, {"cmd/storybot", "adapters/slack"}, {"match/internal/fitrank", "match"}} {
		if layer(t, c[0]) <= layer(t, c[1]) {
			t.Errorf("%s is not above %s", c[0], c[1])
		}
	}
}
