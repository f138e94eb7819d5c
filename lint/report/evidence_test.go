package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/report"
)

// mixedArticle promises people in its headline what its only study showed
// in mice. The line before the study holds an emoji, so the study's
// columns and offsets differ.
const mixedArticle = "NMN逆转衰老，人人可用\n\n😀好消息。\n一项研究给老年小鼠补充NMN，发表于《自然·衰老》。\n"

// mixedResult lints mixedArticle and sets the facts the study and claim
// passes set on it (a mouse study opened by the body sentence, the
// headline's 逆转衰老 attributed to it), with the finding on 逆转衰老
// carrying the study, as claim rules do.
func mixedResult(t *testing.T) (*lint.Result, *facts.Study) {
	t.Helper()
	res, err := defaultLinter(t).LintText("mixed.txt", []byte(mixedArticle))
	require.NoError(t, err)
	// Plain text with one paragraph a line: the emoji line and the study
	// are blocks of their own.
	require.Len(t, res.Facts.Blocks, 3)
	// Start from no studies and no claims, whatever the analysis found:
	// these tests are about the card, not about finding studies.
	res.Facts.Studies = nil
	for _, b := range res.Facts.Blocks {
		for _, s := range b.Sentences {
			s.Study, s.Claims = nil, nil
		}
	}
	for i := range res.Findings {
		res.Findings[i].Study = nil
	}
	opening := res.Facts.Blocks[2].Sentences[0]
	study := &facts.Study{Index: 1, Population: "animals", Animal: true, Design: "lab", Preclinical: true,
		Venue: true, Sentences: 1, Span: opening.Span, Opens: opening.Index}
	res.Facts.Studies = []*facts.Study{study}
	opening.Study = study
	found := false
	for i, x := range res.Findings {
		if x.Rule.ID == "reverse-aging-claim" {
			res.Findings[i].Study = study
			title := res.Facts.Blocks[0].Sentences[0]
			title.Claims = []*facts.Claim{{Term: "逆转衰老", Class: "antiaging", Subject: "people", Strength: "direct",
				Voice: "writer", Evidence: "preclinical", Summary: true, Span: x.Span, Study: study}}
			found = true
		}
	}
	require.True(t, found, "reverse-aging-claim flags the headline")
	return res, study
}

func TestJSONCarriesStudiesClaimsAndRelated(t *testing.T) {
	res, _ := mixedResult(t)
	f := report.NewFile("mixed.txt", res, "en")
	var buf bytes.Buffer
	require.NoError(t, report.WriteJSON(&buf, []report.File{f, unreadable("gone.txt")}, "1.0"))

	var doc struct {
		Files []struct {
			Path     string
			Findings []struct {
				Rule    string
				Related []struct {
					Start, End struct{ Line, Column, Offset int }
					Message    string
				}
			}
			Studies []map[string]any
			Claims  []map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc), buf.String())
	require.Len(t, doc.Files, 2)
	file := doc.Files[0]

	require.Len(t, file.Studies, 1)
	s := file.Studies[0]
	assert.EqualValues(t, 1, s["index"])
	assert.Equal(t, "animals", s["population"])
	assert.Equal(t, "小鼠", s["model"])
	assert.Equal(t, "lab", s["design"])
	assert.EqualValues(t, 0, s["size"])
	assert.Equal(t, "《自然·衰老》", s["venue"])
	assert.Equal(t, "小鼠, laboratory experiment, no number of subjects given, venue 《自然·衰老》", s["description"])
	// Line 4, column 1; the offset counts the bytes before it: the title
	// line (31 bytes with its newline), a blank line, and "😀好消息。\n".
	studyStart := int(len("NMN逆转衰老，人人可用\n\n😀好消息。\n"))
	assert.Equal(t, map[string]any{"line": 4.0, "column": 1.0, "offset": float64(studyStart)}, s["start"])
	assert.Equal(t, []any{}, s["notes"])

	require.Len(t, file.Claims, 1)
	c := file.Claims[0]
	assert.Equal(t, "逆转衰老", c["excerpt"])
	assert.Equal(t, "headline", c["where"])
	assert.EqualValues(t, 1, c["study"])
	assert.Equal(t, []any{"reverse-aging-claim"}, c["rules"])
	assert.Equal(t, "The headline claims “逆转衰老” for people; the study it rests on (study 1) used 小鼠, not people.", c["why"])
	assert.Equal(t, map[string]any{"line": 1.0, "column": 4.0, "offset": 3.0}, c["start"])

	related := 0
	for _, x := range file.Findings {
		if x.Rule != "reverse-aging-claim" {
			assert.Empty(t, x.Related, "%s carries no study", x.Rule)
			continue
		}
		require.Len(t, x.Related, 1)
		r := x.Related[0]
		related++
		assert.Equal(t, 4, r.Start.Line)
		assert.Equal(t, 1, r.Start.Column)
		assert.Equal(t, studyStart, r.Start.Offset)
		assert.Equal(t, 4, r.End.Line)
		assert.Equal(t, "judged against study 1: 小鼠, laboratory experiment, no number of subjects given, venue 《自然·衰老》", r.Message)
	}
	assert.Equal(t, 1, related)

	assert.Equal(t, "gone.txt", doc.Files[1].Path)
	assert.NotNil(t, doc.Files[1].Studies, "an unreadable file still has the arrays")
	assert.NotNil(t, doc.Files[1].Claims)
	assert.Contains(t, buf.String(), `"studies": []`)
}

func TestJSONEvidenceInTheMessageLocale(t *testing.T) {
	res, _ := mixedResult(t)
	f := report.NewFile("mixed.txt", res, "zh-Hant")
	require.Len(t, f.Claims, 1)
	assert.Equal(t, "標題把“逆转衰老”說成對人有效；它所依據的研究1用的是小鼠，不是人。", f.Claims[0].Reason())
	assert.Equal(t, "小鼠，實驗室研究，未給出樣本數，出處《自然·衰老》", f.Studies[0].Description)
}

func TestRelatedComesFromTheCarriedSpan(t *testing.T) {
	res, study := mixedResult(t)
	// Move the study to the emoji sentence: the related location follows
	// the span the finding carries, whatever the text there says.
	moved := res.Facts.Blocks[1].Sentences[0].Span
	study.Span = moved
	f := report.NewFile("mixed.txt", res, "en")
	x := findingOf(t, f, "reverse-aging-claim", "逆转衰老")
	require.Len(t, x.Related, 1)
	assert.Equal(t, moved, x.Related[0].Span())
	assert.Equal(t, 3, x.Related[0].Start.Line)
	assert.Equal(t, len("NMN逆转衰老，人人可用\n\n"), x.Related[0].Start.Offset)
}

func TestSARIFRelatedLocations(t *testing.T) {
	res, study := mixedResult(t)
	f := report.NewFile("news/mixed.txt", res, "en")
	doc, raw := writeSARIF(t, newRun(t, f, emojiFile(t, "plain.txt"))) // validated against the 2.1.0 schema

	var related struct {
		Runs []struct {
			Results []struct {
				RuleID           string `json:"ruleId"`
				RelatedLocations []struct {
					ID               int `json:"id"`
					Message          struct{ Text string }
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct {
							StartLine, StartColumn, EndLine, EndColumn int
							CharOffset, CharLength                     int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(raw, &related))
	withStudy := 0
	for i, r := range related.Runs[0].Results {
		if doc.Runs[0].Results[i].Locations[0].PhysicalLocation.ArtifactLocation.URI != "news/mixed.txt" {
			continue // the other file's studies are whatever the analysis finds
		}
		if r.RuleID != "reverse-aging-claim" {
			assert.Empty(t, r.RelatedLocations, "%s carries no study", r.RuleID)
			continue
		}
		withStudy++
		require.Len(t, r.RelatedLocations, 1)
		loc := r.RelatedLocations[0]
		assert.Equal(t, 1, loc.ID)
		assert.Equal(t, "news/mixed.txt", loc.PhysicalLocation.ArtifactLocation.URI)
		reg := loc.PhysicalLocation.Region
		assert.Equal(t, 4, reg.StartLine)
		assert.Equal(t, 1, reg.StartColumn)
		// Code points before the study: the title line (12 and its
		// newline), the blank line, "😀好消息。" and its newline.
		assert.Equal(t, 12+1+1+6, reg.CharOffset)
		assert.Equal(t, len([]rune(mixedArticle[study.Span.Start:study.Span.End])), reg.CharLength)
		assert.Contains(t, loc.Message.Text, "study 1")
	}
	assert.Equal(t, 1, withStudy)
}

func TestEvidenceCardText(t *testing.T) {
	res, study := mixedResult(t)
	// A finding about the study as a whole (no number of animals).
	unsized := res.Findings[0]
	unsized.Span, unsized.Study, unsized.Term = study.Span, study, ""
	unsized.Rule = defaultLinter(t).Rules.Get("study-without-sample-size")
	require.NotNil(t, unsized.Rule)
	res.Findings = append(res.Findings, unsized)
	f := report.NewFile("mixed.txt", res, "en")
	clean := lintFile(t, "clean.txt", "A note\n\nNothing to see here.\n", "en")

	var buf bytes.Buffer
	require.NoError(t, report.WriteEvidence(&buf, []report.File{f, unreadable("gone.txt"), clean}, "en"))
	assert.Equal(t, `mixed.txt (zh-Hans): 1 study, 1 claim, 1 flagged
  Studies
    mixed.txt:4:1: study 1: 小鼠, laboratory experiment, no number of subjects given, venue 《自然·衰老》
      [study-without-sample-size] `+unsized.Message("en")+`
  Flagged claims
    mixed.txt:1:4: “逆转衰老” [reverse-aging-claim] rests on study 1 (4:1)
      The headline claims “逆转衰老” for people; the study it rests on (study 1) used 小鼠, not people.

clean.txt (en): 0 studies, 0 claims, 0 flagged
  Studies
    no study found
  Flagged claims
    no claim flagged
`, buf.String())

	buf.Reset()
	require.NoError(t, report.WriteEvidence(&buf, []report.File{report.NewFile("mixed.txt", res, "zh-Hant")}, "zh-Hant"))
	assert.Contains(t, buf.String(), "mixed.txt (zh-Hans): 1項研究，1處說法，1處被標記\n  研究\n    mixed.txt:4:1: 研究1：小鼠，實驗室研究")
	assert.Contains(t, buf.String(), "[reverse-aging-claim] 依據研究1（4:1）\n      標題把“逆转衰老”說成對人有效")
}

func TestEvidenceCardJSON(t *testing.T) {
	res, _ := mixedResult(t)
	var buf bytes.Buffer
	require.NoError(t, report.WriteEvidenceJSON(&buf, []report.File{report.NewFile("mixed.txt", res, "en"), unreadable("gone.txt")}, "9.9"))
	var doc struct {
		Tool  struct{ Name, Version string }
		Files []struct {
			Path, Error string
			Studies     []struct{ Index int }
			Claims      []struct {
				Rules []string
				Why   string
			}
			Findings any
		}
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc), buf.String())
	assert.Equal(t, "9.9", doc.Tool.Version)
	require.Len(t, doc.Files, 2)
	assert.Nil(t, doc.Files[0].Findings, "the card has no findings list")
	require.Len(t, doc.Files[0].Studies, 1)
	require.Len(t, doc.Files[0].Claims, 1)
	assert.Equal(t, []string{"reverse-aging-claim"}, doc.Files[0].Claims[0].Rules)
	assert.NotEmpty(t, doc.Files[0].Claims[0].Why)
	assert.Contains(t, doc.Files[1].Error, "permission denied")
}

// TestWriteJSONStreamsTheSameDocument checks that writing the files one by
// one gives what encoding the whole document gives.
func TestWriteJSONStreamsTheSameDocument(t *testing.T) {
	res, _ := mixedResult(t)
	cases := map[string][]report.File{
		"none":    nil,
		"empty":   {},
		"one":     {report.NewFile("a<b>&.txt", res, "en")},
		"several": {report.NewFile("mixed.txt", res, "zh-Hant"), unreadable("gone.txt"), emojiFile(t, "e.txt")},
	}
	for name, files := range cases {
		var got bytes.Buffer
		require.NoError(t, report.WriteJSON(&got, files, "1.0"), name)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		all := files
		if all == nil {
			all = []report.File{}
		}
		require.NoError(t, enc.Encode(report.JSON{Tool: report.Tool{Name: "hypelint", Version: "1.0"}, Files: all}))
		assert.Equal(t, want.String(), got.String(), name)
	}
}

// JSON and SARIF carry the flagged claims only; `hypelint evidence` (and
// its summary's count) every claim.
func TestFileListsFlaggedClaimsEvidenceFileAll(t *testing.T) {
	res, study := mixedResult(t)
	// An unflagged claim in the study's own sentence: no finding names it.
	opening := res.Facts.Blocks[2].Sentences[0]
	opening.Claims = []*facts.Claim{{Term: "补充", Class: "intervention", Subject: "animals", Strength: "direct",
		Voice: "writer", Evidence: "preclinical", Span: opening.Span, Study: study}}

	flagged := report.NewFile("mixed.txt", res, "en")
	require.Len(t, flagged.Claims, 1)
	assert.Equal(t, "逆转衰老", flagged.Claims[0].Excerpt)
	assert.Equal(t, []string{"reverse-aging-claim"}, flagged.Claims[0].Rules)

	all := report.NewEvidenceFile("mixed.txt", res, "en")
	require.Len(t, all.Claims, 2)
	assert.Empty(t, all.Claims[1].Rules, "the unflagged claim is on the card")
	assert.Equal(t, flagged.Studies, all.Studies, "studies are the same either way")

	var text bytes.Buffer
	require.NoError(t, report.WriteEvidence(&text, []report.File{all}, "en"))
	assert.Contains(t, text.String(), "1 study, 2 claims, 1 flagged")
}

// A claim's term is the card's term, held in the report's own memory: the
// excerpt's string when they read the same (no copy of its own), else a
// copy; either stays right once the facts give their memory back for the
// next file (Release).
func TestClaimTermSharesTheExcerpt(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	shared := 0
	for _, path := range []string{"../../corpus/zh-Hans/cordyceps-youth-molecule-ad.txt", "../../corpus/en/blind-forum-nmn-user-post.txt"} {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		res, err := l.Lint(lint.Input{Path: path, Data: src, Card: true})
		require.NoError(t, err)
		var terms []string
		for _, c := range res.Card.Claims {
			if c.Flagged() {
				terms = append(terms, strings.Clone(c.Term))
			}
		}
		f := report.NewFile(path, res, "en")
		res.Release()
		// Another file's analysis takes the memory given back.
		_, err = l.Lint(lint.Input{Path: path, Data: src, Card: true})
		require.NoError(t, err)
		require.Len(t, f.Claims, len(terms))
		for i, c := range f.Claims {
			require.Equal(t, terms[i], c.Term)
			if c.Term == c.Excerpt {
				require.Same(t, unsafe.StringData(c.Excerpt), unsafe.StringData(c.Term), "a term reading as its excerpt shares the excerpt's string")
				shared++
			}
		}
	}
	require.Positive(t, shared)
}
