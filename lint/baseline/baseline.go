// Package baseline records the findings an archive already has, so that a
// newsroom adopting hypelint sees only new ones. A finding is identified by
// a fingerprint that survives edits elsewhere in the file: its rule, its
// file, its normalized excerpt and which occurrence of that excerpt it is —
// never its line number.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hypelint/hypelint/lint/normalize"
)

// Version is the baseline file format version.
const Version = 1

// Entry is one recorded finding.
type Entry struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Excerpt     string `json:"excerpt"`
	Occurrence  int    `json:"occurrence"`
	Fingerprint string `json:"fingerprint"`
}

// File is the baseline document.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Key is what identifies a finding before hashing.
type Key struct {
	Rule, Path, Excerpt string
}

// Fingerprinter numbers repeated excerpts within one file: the second
// identical "逆转衰老" of a rule in a file is occurrence 1, and so on.
type Fingerprinter struct {
	seen map[Key]int
}

// NewFingerprinter starts numbering for one run.
func NewFingerprinter() *Fingerprinter { return &Fingerprinter{seen: map[Key]int{}} }

// Next returns the entry for a finding; call it in source order per file.
func (f *Fingerprinter) Next(rule, path, excerpt string) Entry {
	k := Key{Rule: rule, Path: filepath.ToSlash(path), Excerpt: normalizeExcerpt(excerpt)}
	n := f.seen[k]
	f.seen[k] = n + 1
	return Entry{Rule: k.Rule, Path: k.Path, Excerpt: k.Excerpt, Occurrence: n, Fingerprint: fingerprint(k, n)}
}

// normalizeExcerpt makes the excerpt insensitive to width, script, case and
// line wrapping, so re-wrapping a paragraph keeps the finding's identity.
func normalizeExcerpt(s string) string {
	return strings.Join(strings.Fields(normalize.Normalize(s).Text), " ")
}

func fingerprint(k Key, occurrence int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d", k.Rule, k.Path, k.Excerpt, occurrence)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Write writes entries as a baseline file, sorted for stable diffs.
func Write(w io.Writer, entries []Entry) error {
	sorted := append([]Entry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Excerpt != b.Excerpt {
			return a.Excerpt < b.Excerpt
		}
		return a.Occurrence < b.Occurrence
	})
	if sorted == nil {
		sorted = []Entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(File{Version: Version, Findings: sorted})
}

// Set is a loaded baseline.
type Set map[string]bool

// Read loads a baseline file; name is used in errors.
func Read(name string, r io.Reader) (Set, error) {
	var f File
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: not a hypelint baseline: %v", name, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, this hypelint reads version %d", name, f.Version, Version)
	}
	set := Set{}
	for _, e := range f.Findings {
		set[e.Fingerprint] = true
	}
	return set, nil
}

// Has reports whether the baseline records the entry.
func (s Set) Has(e Entry) bool { return s[e.Fingerprint] }
