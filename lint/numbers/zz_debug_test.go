package numbers

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hypelint/hypelint/lint/normalize"
)

func dump(text string) string {
	var b strings.Builder
	for _, m := range Find(text) {
		fmt.Fprintf(&b, " [%s|%s v=%g a=%v vg=%v s=%q an=%v]", text[m.Start:m.End], m.Kind, m.Value, m.Approx, m.Vague, m.Subject, m.Animal)
	}
	return b.String()
}

func TestZZDebug(t *testing.T) {
	in := os.Getenv("NUMS")
	if in == "" {
		t.Skip()
	}
	for _, line := range strings.Split(in, "\n") {
		if line != "" {
			fmt.Printf("%s =>%s\n", line, dump(line))
		}
	}
}

func TestZZCorpus(t *testing.T) {
	files := os.Getenv("CORPUS")
	if files == "" {
		t.Skip()
	}
	for _, f := range strings.Fields(files) {
		b, _ := os.ReadFile(f)
		v := normalize.Normalize(string(b))
		for _, sent := range splitSent(v.Text) {
			ms := Find(sent)
			if len(ms) == 0 {
				continue
			}
			fmt.Printf("%s\n   =>%s\n", sent, dump(sent))
		}
	}
}

func splitSent(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune("。！？!?\n", r) || r == '.' && i+1 < len(s) && s[i+1] == ' ' {
			out = append(out, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(out, s[start:])
}
