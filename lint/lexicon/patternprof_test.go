package lexicon

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/stretchr/testify/require"
)

// patternRun is one run of a pattern on a window of a text, as Match
// makes it.
type patternRun struct {
	pattern  int
	text     string
	from, to int
}

// runsOf appends the runs Match makes on text: the same literal and digit
// gates, byte counts and windows as runPattern.
func runsOf(l *Lexicon, text string, out []patternRun) []patternRun {
	seen := make([]uint64, len(l.regexes))
	var occ []occurrence
	for _, m := range l.ac.find(text, nil) {
		t := &l.terms[m.term]
		start := int(m.end) - len(t.text)
		for _, tr := range t.triggers {
			seen[tr.pattern] |= 1 << tr.clause
			if tr.window {
				occ = append(occ, occurrence{tr.pattern, int32(start), m.end})
			}
		}
	}
	hasDigit := hasASCIIDigit(text)
	for i := range l.regexes {
		p := &l.regexes[i]
		s := seen[i]
		if hasDigit {
			s |= p.digitClause
		}
		if !p.always && (p.clauses == 0 || s != p.clauses) || !p.re.needs().met(text) {
			continue
		}
		if p.always || p.window < 0 {
			out = append(out, patternRun{i, text, 0, len(text)})
			continue
		}
		for _, w := range p.windows(text, int32(i), occ, nil) {
			out = append(out, patternRun{i, text, w.start, w.end})
		}
	}
	return out
}

// byPattern groups runs by pattern.
func byPattern(l *Lexicon, texts []string) [][]patternRun {
	groups := make([][]patternRun, len(l.regexes))
	var runs []patternRun
	for _, text := range texts {
		runs = runsOf(l, text, runs[:0])
		for _, r := range runs {
			groups[r.pattern] = append(groups[r.pattern], r)
		}
	}
	return groups
}

// archiveSentences returns the normalized sentences of the .md and .txt
// files under dir, as the facts analyzer matches them.
func archiveSentences(t testing.TB, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		parse := document.ParseText
		switch filepath.Ext(path) {
		case ".md":
			parse = document.ParseMarkdown
		case ".txt":
		default:
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := parse(path, src)
		if err != nil {
			return nil // not ours to judge here
		}
		for _, b := range doc.Blocks {
			for _, s := range b.Sentences {
				out = append(out, normalize.Normalize(b.Text[s.Start:s.End]).Text)
			}
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

// The time each pattern's runs take over an archive's sentences, by the
// regexp and by the path find takes: where pattern time goes.
//
//	HYPELINT_PATTERN_PROFILE=DIR go test -run PatternProfile -v ./lint/lexicon
func TestPatternProfile(t *testing.T) {
	dir := os.Getenv("HYPELINT_PATTERN_PROFILE")
	if dir == "" {
		t.Skip("set HYPELINT_PATTERN_PROFILE to a directory of articles to profile the patterns on")
	}
	l := builtinLexicon(t)
	sentences := archiveSentences(t, dir)
	groups := byPattern(l, sentences)
	type row struct {
		pattern             int
		runs, bytes         int
		regexp, find        time.Duration
		regexpHits, findHit int
	}
	var rows []row
	var total row
	for i, runs := range groups {
		p := &l.regexes[i]
		r := row{pattern: i, runs: len(runs)}
		var hits []Hit
		start := time.Now()
		for _, run := range runs {
			hits = p.findRegexp(run.text, run.from, run.to, hits[:0])
			r.regexpHits += len(hits)
			r.bytes += run.to - run.from
		}
		r.regexp = time.Since(start)
		start = time.Now()
		for _, run := range runs {
			hits = p.find(run.text, run.from, run.to, hits[:0])
			r.findHit += len(hits)
		}
		r.find = time.Since(start)
		require.Equal(t, r.regexpHits, r.findHit, p.re.src)
		rows = append(rows, r)
		total.runs, total.bytes, total.regexp, total.find = total.runs+r.runs, total.bytes+r.bytes, total.regexp+r.regexp, total.find+r.find
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(b.find, a.find) })
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d sentences; %d runs on %d bytes; regexp %v, find %v\n", len(sentences), total.runs, total.bytes, total.regexp, total.find)
	fmt.Fprintf(&sb, "%4s %8s %10s %10s %10s %6s  %s\n", "#", "runs", "bytes", "regexp", "find", "hits", "pattern")
	for _, r := range rows[:min(40, len(rows))] {
		fmt.Fprintf(&sb, "%4d %8d %10d %10v %10v %6d  %.90s\n", r.pattern, r.runs, r.bytes, r.regexp.Round(time.Microsecond),
			r.find.Round(time.Microsecond), r.findHit, l.regexes[r.pattern].re.src)
	}
	t.Log("\n" + sb.String())
}

// Pattern execution alone: the runs Match makes on the corpus lines, by
// the regexp and by find (go test -bench PatternRuns -benchmem ./lint/lexicon).
func BenchmarkPatternRuns(b *testing.B) {
	l, lines, _ := benchInput(b)
	groups := byPattern(l, lines)
	size := 0
	for _, runs := range groups {
		for _, r := range runs {
			size += r.to - r.from
		}
	}
	for _, way := range []string{"regexp", "find"} {
		b.Run(way, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var hits []Hit
			for b.Loop() {
				for i, runs := range groups {
					p := &l.regexes[i]
					for _, r := range runs {
						if way == "regexp" {
							hits = p.findRegexp(r.text, r.from, r.to, hits[:0])
						} else {
							hits = p.find(r.text, r.from, r.to, hits[:0])
						}
					}
				}
			}
		})
	}
}
