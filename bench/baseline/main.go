// Command baseline is the yardstick for hypelint's speed: one plain pass
// over the bytes of every file, looking for every lexicon term at once, with
// no parsing, normalization or rules.
//
//	go run ./bench/baseline PATH...
//
// It reads the term lists of the embedded lexicons (rules/lexicon/*.yaml;
// regular-expression patterns are left out), expands their {a,b}
// alternatives, builds one Aho–Corasick automaton over raw bytes (a dense
// table, ASCII case folded) and counts the hits in the .txt, .md, .markdown,
// .html and .htm files below each PATH, reading each file as hypelint does.
// It prints the files, bytes, hits, seconds and MB/s (10⁶ bytes a second)
// from the first read to the last hit, and the MB/s of the matching alone.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hypelint/hypelint/bench/lexterms"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: baseline PATH...")
		os.Exit(2)
	}
	terms, err := lexiconTerms()
	if err != nil {
		fmt.Fprintf(os.Stderr, "baseline: %v\n", err)
		os.Exit(2)
	}
	m := newMatcher(terms)
	paths, err := listFiles(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "baseline: %v\n", err)
		os.Exit(2)
	}
	start := time.Now()
	var bytes, hits int
	var scan time.Duration // the matching alone, without reading the files
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "baseline: %v\n", err)
			os.Exit(2)
		}
		t := time.Now()
		hits += m.count(data)
		scan += time.Since(t)
		bytes += len(data)
	}
	secs := time.Since(start).Seconds()
	mb := float64(bytes) / 1e6
	fmt.Printf("terms=%d states=%d files=%d bytes=%d hits=%d seconds=%.4f MBps=%.1f scan_MBps=%.1f\n",
		len(terms), len(m.hits), len(paths), bytes, hits, secs, mb/secs, mb/scan.Seconds())
}

// listFiles expands directories into the article files below them, in walk
// order; files named directly are kept whatever their extension.
func listFiles(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		err := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || p != arg && !isArticle(p) {
				return nil
			}
			out = append(out, p)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func isArticle(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// lexiconTerms returns every term (and ignore phrase) of the embedded
// lexicons, expanded and lower-cased, without duplicates.
func lexiconTerms() ([]string, error) {
	classes, err := lexterms.Classes()
	if err != nil {
		return nil, err
	}
	return lexterms.All(classes), nil
}
