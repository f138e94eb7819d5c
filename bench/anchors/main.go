// Command anchors writes what bench/run needs to time the tools hypelint is
// compared with on the same archive, from the terms of the embedded lexicons
// (rules/lexicon/*.yaml, read by bench/lexterms):
//
//	go run ./bench/anchors -out DIR
//
//	DIR/terms.txt                    every plain term (lower-cased), one a line, for rg -F -f
//	DIR/vale/.vale.ini               a Vale configuration using only the style below
//	DIR/vale/styles/Hypelint/*.yml   one Vale existence rule per overclaim class
//
// bench/run regenerates them on every run, so they cannot drift from the
// lexicons.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hypelint/hypelint/bench/lexterms"
)

func main() {
	out := flag.String("out", "", "folder to write terms.txt and vale/ into")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: anchors -out DIR")
		os.Exit(2)
	}
	if err := write(*out); err != nil {
		fmt.Fprintf(os.Stderr, "anchors: %v\n", err)
		os.Exit(2)
	}
}

// write generates every file under dir.
func write(dir string) error {
	classes, err := lexterms.Classes()
	if err != nil {
		return err
	}
	files := map[string]string{"terms.txt": termList(classes)}
	style, err := valeStyle(classes)
	if err != nil {
		return err
	}
	for name, text := range style {
		files[filepath.Join("vale", name)] = text
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
