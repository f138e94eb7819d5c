package numbers

import (
	"fmt"
	"os"
	"os/exec"
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
