package numbers

import (
	"fmt"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// builtAtStart records whether the package's init built the tables.
var builtAtStart bool

// firstUseEnv makes the test binary, run again by TestFindLoadsTables,
// call Find before anything has loaded the tables and print what it found.
const firstUseEnv = "HYPELINT_NUMBERS_FIRST_USE"

const firstUseText = "一项纳入1,013名受试者的研究 and more than 2,000 people, 三成"

// TestMain builds the tables before the tests, as FindInto would: many
// tests call the scanner's parts directly.
func TestMain(m *testing.M) {
	builtAtStart = tablesBuilt.Load()
	if os.Getenv(firstUseEnv) != "" {
		fmt.Printf("%v %+v", builtAtStart, Find(firstUseText))
		os.Exit(0)
	}
	loadTables()
	os.Exit(m.Run())
}

func TestTablesAreBuiltOnFirstUseNotAtInit(t *testing.T) {
	if builtAtStart {
		t.Fatal("the tables were built when the package was initialised")
	}
	if !tablesBuilt.Load() {
		t.Fatal("loadTables did not build the tables")
	}
}

// TestFindLoadsTables runs this test binary again so that Find is the
// first to need the tables: it must find what it finds here.
func TestFindLoadsTables(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), firstUseEnv+"=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("first-use run: %v", err)
	}
	want := fmt.Sprintf("false %+v", Find(firstUseText))
	if string(out) != want {
		t.Fatalf("Find on first use gave\n%s\nwant\n%s", out, want)
	}
}

// readsNoTable lists the exported functions that need no table.
var readsNoTable = map[string]bool{"Kind.String": true}

// TestEntryPointsLoadTables: every exported function of the package calls
// loadTables, or an exported function that does, before anything else
// could read a table (see tables.go).
func TestEntryPointsLoadTables(t *testing.T) {
	sources, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	calls := map[string]string{} // an exported function: the first function its body calls
	for _, path := range sources {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !fn.Name.IsExported() {
				continue
			}
			name := fn.Name.Name
			if fn.Recv != nil {
				recv := fn.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				id, ok := recv.(*ast.Ident)
				if !ok || !id.IsExported() {
					continue
				}
				name = id.Name + "." + name
			}
			calls[name] = ""
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok && calls[name] == "" {
					if id, ok := c.Fun.(*ast.Ident); ok {
						calls[name] = id.Name
					}
				}
				return calls[name] == ""
			})
		}
	}
	if len(calls) < 3 {
		t.Fatalf("found only %v", calls)
	}
	var loads func(name string, depth int) bool
	loads = func(name string, depth int) bool {
		first := calls[name]
		return first == "loadTables" || (depth < len(calls) && first != "" && loads(first, depth+1))
	}
	for name := range calls {
		if !readsNoTable[name] && !loads(name, 0) {
			t.Errorf("%s does not call loadTables first (nor an exported function that does)", name)
		}
	}
}
