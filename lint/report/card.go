package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// cardWords are the card's headings and connecting words.
var cardWords = map[string]map[string]string{
	"en": {
		"summary": "%s, %s, %d flagged", "studies": "Studies", "none": "no study found",
		"flagged": "Flagged claims", "clean": "no claim flagged", "restsOn": "rests on %s (%d:%d)", "noStudy": "rests on no study",
		"open": "“", "close": "”", "colon": ": ",
	},
	"zh-Hans": {
		"summary": "%d项研究，%d处说法，%d处被标记", "studies": "研究", "none": "未发现研究",
		"flagged": "被标记的说法", "clean": "没有被标记的说法", "restsOn": "依据%s（%d:%d）", "noStudy": "没有依据的研究",
		"open": "“", "close": "”", "colon": "：",
	},
	"zh-Hant": {
		"summary": "%d項研究，%d處說法，%d處被標記", "studies": "研究", "none": "未發現研究",
		"flagged": "被標記的說法", "clean": "沒有被標記的說法", "restsOn": "依據%s（%d:%d）", "noStudy": "沒有依據的研究",
		"open": "“", "close": "”", "colon": "：",
	},
}

func cardWord(locale, key string) string {
	if m, ok := cardWords[locale]; ok {
		return m[key]
	}
	return cardWords["en"][key]
}

// WriteEvidence writes the evidence card of each file: the studies found,
// each at the path:line:column of the sentence that introduces it, with the
// findings about it; then each flagged claim at its own position, the
// rules that flagged it, the study it rests on and why that study does not
// carry it. Files that could not be read are left out (the driver reports
// them).
func WriteEvidence(w io.Writer, files []File, locale string) error {
	b := bufio.NewWriter(w)
	for i, f := range files {
		if f.Error != "" {
			continue
		}
		if i > 0 {
			fmt.Fprintln(b)
		}
		writeCard(b, f, locale)
	}
	return b.Flush()
}

func writeCard(b *bufio.Writer, f File, locale string) {
	word := func(key string) string { return cardWord(locale, key) }
	flagged := 0
	for _, c := range f.Claims {
		if len(c.Rules) > 0 {
			flagged++
		}
	}
	summary := fmt.Sprintf(word("summary"), len(f.Studies), len(f.Claims), flagged)
	if !strings.HasPrefix(locale, "zh") {
		summary = fmt.Sprintf(word("summary"), countOf(len(f.Studies), "study", "studies"), countOf(len(f.Claims), "claim", "claims"), flagged)
	}
	fmt.Fprintf(b, "%s (%s): %s\n", f.Path, f.Language, summary)
	fmt.Fprintf(b, "  %s\n", word("studies"))
	if len(f.Studies) == 0 {
		fmt.Fprintf(b, "    %s\n", word("none"))
	}
	byIndex := map[int]Study{}
	for _, s := range f.Studies {
		byIndex[s.Index] = s
		fmt.Fprintf(b, "    %s:%d:%d: %s%s%s\n", f.Path, s.Start.Line, s.Start.Column, studyName(s.Index, locale), word("colon"), s.Description)
		for _, n := range s.Notes {
			fmt.Fprintf(b, "      [%s] %s\n", n.Rule, n.Message)
		}
	}
	fmt.Fprintf(b, "  %s\n", word("flagged"))
	if flagged == 0 {
		fmt.Fprintf(b, "    %s\n", word("clean"))
	}
	for _, c := range f.Claims {
		if len(c.Rules) == 0 {
			continue
		}
		rests := word("noStudy")
		if s, ok := byIndex[c.Study]; ok {
			rests = fmt.Sprintf(word("restsOn"), studyName(s.Index, locale), s.Start.Line, s.Start.Column)
		}
		fmt.Fprintf(b, "    %s:%d:%d: %s%s%s [%s] %s\n", f.Path, c.Start.Line, c.Start.Column,
			word("open"), c.Excerpt, word("close"), strings.Join(c.Rules, ", "), rests)
		fmt.Fprintf(b, "      %s\n", c.Reason())
	}
}

// studyName is "study 2" or 研究2 (the card's label of a study).
func studyName(index int, locale string) string {
	if strings.HasPrefix(locale, "zh") {
		return fmt.Sprintf("研究%d", index)
	}
	return fmt.Sprintf("study %d", index)
}

// evidenceFile is a file of `hypelint evidence --format json`.
type evidenceFile struct {
	Path     string  `json:"path"`
	Language string  `json:"language,omitempty"`
	Studies  []Study `json:"studies"`
	Claims   []Claim `json:"claims"`
	Error    string  `json:"error,omitempty"`
}

// WriteEvidenceJSON writes the evidence cards as JSON: per file its
// studies and claims, as in --format json (which has them beside the
// findings).
func WriteEvidenceJSON(w io.Writer, files []File, version string) error {
	out := struct {
		Tool  Tool           `json:"tool"`
		Files []evidenceFile `json:"files"`
	}{Tool: Tool{Name: toolName, Version: version}, Files: []evidenceFile{}}
	for _, f := range files {
		out.Files = append(out.Files, evidenceFile{Path: f.Path, Language: f.Language, Studies: f.Studies, Claims: f.Claims, Error: f.Error})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
