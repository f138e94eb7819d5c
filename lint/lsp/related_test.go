package lsp

import (
	"encoding/json"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	doctext "github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
)

// relatedText has an emoji (two UTF-16 units, four UTF-8 bytes) before
// the study on its line, so the range's characters depend on the encoding.
const relatedText = "NMN逆转衰老\n\n😀一项研究给小鼠补充NMN。\n"

func TestRelatedInformationPointsAtTheCarriedStudy(t *testing.T) {
	start := len("NMN逆转衰老\n\n😀")
	study := &facts.Study{Index: 1, Population: "animals", Design: "lab", Preclinical: true,
		Span: doctext.Span{Start: start, End: len(relatedText) - 1}}
	claimSpan := doctext.Span{Start: 3, End: 3 + len("逆转衰老")}
	r := &rule.Rule{ID: "reverse-aging-claim", Category: "overclaim", Severity: rule.Error, Messages: map[string]string{"en": "“{term}”"}}
	withStudy := rule.Finding{Rule: r, Span: claimSpan, Term: "逆转衰老", Study: study}
	card := evidence.Build(&facts.Document{Studies: []*facts.Study{study}}, []rule.Finding{withStudy})
	card.Study(study).Model = "小鼠"
	d := &document{uri: "file:///a.txt", text: relatedText, lines: newLines(relatedText)}

	for _, c := range []struct {
		encoding string
		char     int
		locale   string
		message  string
	}{
		{UTF16, 2, "en", "judged against study 1: 小鼠, laboratory experiment, no number of subjects given, no journal, DOI or link"},
		{UTF8, 4, "zh-Hans", "据以判断的研究1：小鼠，实验室研究，未给出样本量，未注明期刊、DOI或链接"},
		{UTF32, 1, "zh-Hant", "據以判斷的研究1：小鼠，實驗室研究，未給出樣本數，未註明期刊、DOI或連結"},
	} {
		s := &server{encoding: c.encoding, locale: c.locale}
		info := s.related(d, withStudy, card)
		require.Len(t, info, 1, c.encoding)
		assert.Equal(t, "file:///a.txt", info[0].Location.URI)
		assert.Equal(t, Position{Line: 2, Character: c.char}, info[0].Location.Range.Start, c.encoding)
		assert.Equal(t, 2, info[0].Location.Range.End.Line)
		assert.Equal(t, c.message, info[0].Message)
	}

	s := &server{encoding: UTF16, locale: "en"}
	assert.Nil(t, s.related(d, rule.Finding{Rule: r, Span: claimSpan}, card), "a finding without a study has none")

	// On the wire: relatedInformation with location and message, and no
	// key at all on a diagnostic without.
	diag := s.diagnostic(d, withStudy)
	diag.RelatedInformation = s.related(d, withStudy, card)
	raw, err := json.Marshal(diag)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"relatedInformation":[{"location":{"uri":"file:///a.txt","range":{"start":{"line":2,"character":2}`)
	raw, err = json.Marshal(s.diagnostic(d, rule.Finding{Rule: r, Span: claimSpan}))
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "relatedInformation")
}

// TestDiagnosticsCarryTheStudyOverTheProtocol opens a draft whose headline
// promises a mouse result: the claim rule's diagnostic points at the
// study's sentence, in UTF-16 positions (the emoji that opens it takes two).
func TestDiagnosticsCarryTheStudyOverTheProtocol(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{"capabilities": map[string]any{}})
	text := "NMN逆转衰老，人人可用\n\n😀一项研究给老年小鼠补充NMN，发表于《自然·衰老》。\n"
	got := c.open("file:///tmp/draft.txt", "plaintext", text)
	with := 0
	for _, d := range got.Diagnostics {
		if d.Code != "animal-result-in-headline" {
			continue
		}
		require.Len(t, d.RelatedInformation, 1)
		info := d.RelatedInformation[0]
		assert.Equal(t, "file:///tmp/draft.txt", info.Location.URI)
		sentence := "😀一项研究给老年小鼠补充NMN，发表于《自然·衰老》。"
		assert.Equal(t, Range{Start: Position{Line: 2, Character: 0}, End: Position{Line: 2, Character: len(utf16.Encode([]rune(sentence)))}},
			info.Location.Range)
		assert.Contains(t, info.Message, "study 1: 小鼠")
		with++
	}
	assert.Equal(t, 1, with, "%+v", got.Diagnostics)
	c.shutdownAndExit()
}
