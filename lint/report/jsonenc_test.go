package report

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/score"
)

// viaEncodingJSON is v as the JSON report wrote it before the direct
// encoders: encoding/json without HTML escaping, indented at prefix.
func viaEncodingJSON(t testing.TB, v any, prefix string) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	require.NoError(t, enc.Encode(v))
	return strings.TrimSuffix(buf.String(), "\n")
}

// viaValue is v as jsonOut.value writes it now.
func viaValue(t testing.TB, v any, prefix string) string {
	t.Helper()
	var buf bytes.Buffer
	o := newJSONOut(&buf)
	o.value(v, prefix)
	require.NoError(t, o.flush())
	return buf.String()
}

// trickyStrings are the cases encoding/json escapes or could be thought
// to: quotes, backslashes, every control character, DEL, HTML
// characters (not escaped: the report sets SetEscapeHTML(false)), U+2028
// and U+2029, U+FFFD itself, invalid and truncated UTF-8, surrogate
// halves encoded in UTF-8, four-byte characters, Chinese text.
var trickyStrings = []string{
	"", `"`, `\`, `\"`, "a\"b\\c", "<script>&amp;</script>", "\x7f", "\u2028", "\u2029",
	"a\u2028b\u2029c", "\u2027\u202a", "\ufffd", "\xff", "\xc3", "\xe2\x80", "a\xffb\xfe",
	"\xed\xa0\x80", "\xf4\x90\x80\x80", "😀重磅！NMN逆转衰老", "繁體「引號」", "tab\there\nline\r\n",
	"\b\f\v\x00\x1f\x1b", "é" + "\xe9" + "e\u0301",
}

func init() {
	for c := 0; c < 0x20; c++ {
		trickyStrings = append(trickyStrings, string(rune(c)), "x"+string(rune(c))+"y")
	}
}

// randomString mixes ASCII, control bytes, multibyte characters, the
// separators and stray bytes.
func randomString(r *rand.Rand) string {
	pieces := []string{"a", " ", `"`, `\`, "<", ">", "&", "\n", "\t", "\x01", "\x7f", "é", "中", "藥",
		"😀", "\u2028", "\u2029", "\ufffd", "\xff", "\x80", "\xe4\xb8", "\xf0\x9f", "/", "%", "'"}
	var sb strings.Builder
	for range r.IntN(24) {
		if r.IntN(4) == 0 {
			sb.WriteByte(byte(r.IntN(256)))
		} else {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
	}
	return sb.String()
}

func TestJSONStringMatchesEncodingJSON(t *testing.T) {
	check := func(s string) {
		assert.Equal(t, viaEncodingJSON(t, s, ""), string(appendJSONString(nil, s)), "%q", s)
	}
	for _, s := range trickyStrings {
		check(s)
	}
	r := rand.New(rand.NewPCG(17, 1))
	for range 20000 {
		check(randomString(r))
	}
	// Every rune, and every two-byte sequence (valid or not).
	var sb strings.Builder
	for c := rune(0); c <= utf8.MaxRune; c += 7 {
		sb.WriteRune(c)
	}
	check(sb.String())
	for i := range 1 << 16 {
		check(string([]byte{byte(i >> 8), byte(i)}))
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendJSONString(nil, s)), viaEncodingJSON(t, s, ""); got != want {
			t.Fatalf("%q: got %s, encoding/json %s", s, got, want)
		}
	})
}

func TestJSONFloatMatchesEncodingJSON(t *testing.T) {
	floats := []float64{0, math.Copysign(0, -1), 1, 0.5, 1.0 / 3, -2.25, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21,
		1.2345e22, -1e-9, math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789.125}
	r := rand.New(rand.NewPCG(17, 2))
	for range 2000 {
		floats = append(floats, math.Float64frombits(r.Uint64()))
	}
	for _, x := range floats {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		assert.Equal(t, viaEncodingJSON(t, x, ""), string(appendJSONFloat(nil, x)), "%v", x)
	}
}

func position(r *rand.Rand) document.Position {
	return document.Position{Line: r.IntN(5000), Column: r.IntN(300), Offset: r.IntN(1 << 30)}
}

// fullFinding has every field set, with strings that need escaping.
func fullFinding() Finding {
	p := func(l, c, o int) document.Position { return document.Position{Line: l, Column: c, Offset: o} }
	return Finding{
		Rule: "miracle-cure-claim", Category: "overclaim", Severity: "error",
		Message: "\"神药\" presents a <miracle> & more\u2028", Start: p(1, 2, 3), End: p(4, 5, 6),
		Excerpt: "神药\t\"quoted\"\\\xff", Role: "headline",
		Related: []Related{
			{Start: p(7, 8, 9), End: p(10, 11, 12), Message: "the study: mice (n=12)"},
			{Start: p(13, 14, 15), End: p(16, 17, 18), Message: "second\u2029"},
		},
		Fixes: []Fix{
			{Span: FixSpan{p(19, 20, 21), p(22, 23, 24)}, Replacement: "疗法", Safe: true},
			{Span: FixSpan{p(25, 26, 27), p(28, 29, 30)}, Replacement: "", Safe: false},
		},
		Note: "Ask for the rate\nof side effects.",
	}
}

func TestFindingEncodesAsEncodingJSON(t *testing.T) {
	full := fullFinding()
	cases := map[string]Finding{
		"every field": full,
		"no optional": {Rule: "r", Severity: "info", Start: full.Start, End: full.End},
		"zero":        {},
		"empty lists": {Related: []Related{}, Fixes: []Fix{}},
	}
	for name, x := range cases {
		for _, prefix := range []string{"", jsonFinding, "\t"} {
			assert.Equal(t, viaEncodingJSON(t, &x, prefix), viaValue(t, &x, prefix), "%s at %q", name, prefix)
		}
	}
}

func TestEvidenceEncodesAsEncodingJSON(t *testing.T) {
	p := document.Position{Line: 3, Column: 4, Offset: 5}
	studies := []Study{
		{Index: 1, Population: "animals", Model: "mice", Design: "lab", Size: 12, Studies: 3, Venue: "Cell <x>", Link: "https://doi.org/10.1/x?a=1&b=2",
			Sentences: 2, Description: "小鼠研究\u2028", Start: p, End: p, Notes: []Note{{Rule: "r1", Message: "m\"1"}, {Rule: "r2", Message: ""}}},
		{Index: 2, Population: "unknown", Design: "unknown", Notes: []Note{}},
		{}, // nil notes: null
	}
	for _, s := range studies {
		assert.Equal(t, viaEncodingJSON(t, &s, jsonFinding), viaValue(t, &s, jsonFinding))
	}
	claims := []Claim{
		{Term: "逆转衰老", Class: "cure", Subject: "people", Strength: "direct", Voice: "writer", Evidence: "preclinical", Where: "headline",
			Study: 1, Start: p, End: p, Excerpt: "逆转\n衰老\xfe", Rules: []string{"a", "b\\"}, Why: "only mice"},
		{Rules: []string{}},
		{}, // nil rules: null
	}
	for _, c := range claims {
		assert.Equal(t, viaEncodingJSON(t, &c, jsonFinding), viaValue(t, &c, jsonFinding))
	}
	crit := []score.Criterion{
		{ID: "disclosure", Question: "Does it name \"funding\"?", Applicable: true, Satisfied: true, Findings: 2, Earned: 0.5},
		{ID: "x", Earned: 1e-7}, {ID: "y", Earned: 1.0 / 3}, {},
	}
	for _, cs := range [][]score.Criterion{crit, {}, nil} {
		assert.Equal(t, viaEncodingJSON(t, cs, jsonFileKey), viaValue(t, cs, jsonFileKey))
	}
	for _, v := range []any{"a\"<b>\xff", "", 0, -17, 100} {
		assert.Equal(t, viaEncodingJSON(t, v, jsonFileKey), viaValue(t, v, jsonFileKey))
	}
}

// A breakdown with NaN is refused as encoding/json refuses it, not
// written as something that is not JSON.
func TestCriteriaNaNIsAnError(t *testing.T) {
	o := newJSONOut(io.Discard)
	o.value([]score.Criterion{{Earned: math.NaN()}}, "")
	assert.Error(t, o.flush())
}

// Random findings and evidence, against encoding/json.
func TestRandomReportsEncodeAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 3))
	maybe := func() string {
		if r.IntN(2) == 0 {
			return ""
		}
		return randomString(r)
	}
	for range 2000 {
		x := Finding{Rule: randomString(r), Category: maybe(), Severity: maybe(), Message: randomString(r), Start: position(r), End: position(r),
			Excerpt: randomString(r), Role: maybe(), Note: maybe()}
		for range r.IntN(3) {
			x.Related = append(x.Related, Related{Start: position(r), End: position(r), Message: randomString(r)})
		}
		for range r.IntN(3) {
			x.Fixes = append(x.Fixes, Fix{Span: FixSpan{position(r), position(r)}, Replacement: maybe(), Safe: r.IntN(2) == 0})
		}
		require.Equal(t, viaEncodingJSON(t, &x, jsonFinding), viaValue(t, &x, jsonFinding))
		s := Study{Index: r.IntN(9), Population: maybe(), Model: maybe(), Design: maybe(), Size: r.IntN(3) * r.IntN(1000), Studies: r.IntN(3),
			Venue: maybe(), Link: maybe(), Sentences: r.IntN(9), Description: maybe(), Start: position(r), End: position(r)}
		for range r.IntN(3) {
			s.Notes = append(s.Notes, Note{Rule: maybe(), Message: maybe()})
		}
		require.Equal(t, viaEncodingJSON(t, &s, jsonFinding), viaValue(t, &s, jsonFinding))
		c := Claim{Term: maybe(), Class: maybe(), Excerpt: randomString(r), Why: maybe(), Study: r.IntN(4), Start: position(r), End: position(r)}
		for range r.IntN(3) {
			c.Rules = append(c.Rules, maybe())
		}
		require.Equal(t, viaEncodingJSON(t, &c, jsonFinding), viaValue(t, &c, jsonFinding))
	}
}

// benchmarkFile is a corpus article with many findings, linted with the
// built-in rules and resolved as --format json resolves it.
func benchmarkFile(b testing.TB) File {
	const path = "../../corpus/zh-Hans/cordyceps-youth-molecule-ad.txt"
	src, err := os.ReadFile(path)
	require.NoError(b, err)
	l, err := lint.Default()
	require.NoError(b, err)
	res, err := l.LintText(path, src)
	require.NoError(b, err)
	f := NewFile(path, res, "en")
	require.NotEmpty(b, f.Findings)
	return f
}

// oldJSONWriter writes a file as the JSON report did before the direct
// encoders: every value through encoding/json, compact then re-indented.
type oldJSONWriter struct{ o *jsonOut }

func (w oldJSONWriter) value(v any, prefix string) {
	w.o.encode(v, prefix, "  ")
	if w.o.err == nil {
		w.o.Write(bytes.TrimSuffix(w.o.scratch.Bytes(), []byte("\n")))
	}
}

func (w oldJSONWriter) file(f File) {
	w.value(f.Path, jsonFileKey)
	w.value(f.Language, jsonFileKey)
	for i := range f.Findings {
		w.value(&f.Findings[i], jsonFinding)
	}
	w.value(*f.Score, jsonFileKey)
	w.value(f.Criteria, jsonFileKey)
	for i := range f.Studies {
		w.value(&f.Studies[i], jsonFinding)
	}
	for i := range f.Claims {
		w.value(&f.Claims[i], jsonFinding)
	}
}

func (w *jsonOut) directFile(f File) {
	w.value(f.Path, jsonFileKey)
	w.value(f.Language, jsonFileKey)
	for i := range f.Findings {
		w.value(&f.Findings[i], jsonFinding)
	}
	w.value(*f.Score, jsonFileKey)
	w.value(f.Criteria, jsonFileKey)
	for i := range f.Studies {
		w.value(&f.Studies[i], jsonFinding)
	}
	for i := range f.Claims {
		w.value(&f.Claims[i], jsonFinding)
	}
}

// The benchmark's two paths write the same bytes.
func TestBenchmarkPathsAgree(t *testing.T) {
	f := benchmarkFile(t)
	var old, direct bytes.Buffer
	oo, do := newJSONOut(&old), newJSONOut(&direct)
	oldJSONWriter{oo}.file(f)
	do.directFile(f)
	require.NoError(t, oo.flush())
	require.NoError(t, do.flush())
	assert.Equal(t, old.String(), direct.String())
	assert.Greater(t, old.Len(), 1000)
}

// BenchmarkJSONFile encodes one article's report (38 findings, a study,
// 17 claims): the values as the JSON writer writes them, directly and
// through encoding/json as before.
func BenchmarkJSONFile(b *testing.B) {
	f := benchmarkFile(b)
	b.Run("direct", func(b *testing.B) {
		o := newJSONOut(io.Discard)
		b.ReportAllocs()
		for b.Loop() {
			o.directFile(f)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		w := oldJSONWriter{newJSONOut(io.Discard)}
		b.ReportAllocs()
		for b.Loop() {
			w.file(f)
		}
	})
}

// fullSARIFResult has every field of a result set, nested lists with
// more than one element, and strings that need escaping.
func fullSARIFResult() sarifResult {
	n := func(v int) *int { return &v }
	region := func(l int) *sarifRegion {
		return &sarifRegion{StartLine: l, StartColumn: l + 1, EndLine: l + 2, EndColumn: l + 3, CharOffset: n(l + 4), CharLength: n(0),
			Snippet: &sarifText{Text: "神药\"\u2028\xff"}}
	}
	loc := func(id *int, l int, msg *sarifText) sarifLocation {
		return sarifLocation{ID: id, PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: "a%20b/c.txt"}, Region: region(l)}, Message: msg}
	}
	return sarifResult{
		RuleID: "miracle-cure-claim", RuleIndex: n(0), Level: "error", Message: sarifText{Text: "<\"m\">\n"},
		Locations:           []sarifLocation{loc(nil, 1, nil), {PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: "x"}}}},
		PartialFingerprints: map[string]string{fingerprintKey: "abc:1", "a/v0": "\x01", "z": ""},
		RelatedLocations:    []sarifLocation{loc(n(1), 5, &sarifText{Text: "the study"}), loc(n(2), 9, &sarifText{})},
		Suppressions:        []sarifSuppression{{Kind: InSource, Justification: "quoted\tword"}, {Kind: External}},
		Fixes: []sarifFix{
			{Description: sarifText{Text: `Replace with "疗法"`}, ArtifactChanges: []sarifArtifactEdit{
				{ArtifactLocation: sarifArtifactLocation{URI: "u"}, Replacements: []sarifReplacement{
					{DeletedRegion: *region(3), InsertedContent: sarifText{Text: "疗法"}},
					{DeletedRegion: sarifRegion{StartLine: 1}, InsertedContent: sarifText{}},
				}},
				{ArtifactLocation: sarifArtifactLocation{URI: "v"}, Replacements: []sarifReplacement{}},
				{},
			}},
			{Description: sarifText{Text: "empty"}, ArtifactChanges: []sarifArtifactEdit{}},
			{},
		},
		Properties: &sarifNote{Note: "Ask for the rate\nof side effects."},
	}
}

func TestSARIFResultEncodesAsEncodingJSON(t *testing.T) {
	full := fullSARIFResult()
	cases := map[string]sarifResult{
		"every field":  full,
		"one print":    {RuleID: "r", Level: "note", Locations: full.Locations, PartialFingerprints: map[string]string{fingerprintKey: "x"}},
		"zero":         {},
		"empty lists":  {Locations: []sarifLocation{}, PartialFingerprints: map[string]string{}, RelatedLocations: []sarifLocation{}, Suppressions: []sarifSuppression{}, Fixes: []sarifFix{}},
		"no note text": {Properties: &sarifNote{}},
	}
	for name, r := range cases {
		for _, prefix := range []string{"", sarifResultKey} {
			assert.Equal(t, viaEncodingJSON(t, &r, prefix), viaValue(t, &r, prefix), "%s at %q", name, prefix)
		}
	}
}

// The SARIF results of real files, every one against encoding/json.
func TestSARIFResultsOfAFileEncodeAsEncodingJSON(t *testing.T) {
	f := benchmarkFile(t)
	f.Suppressed = []Suppressed{{Finding: f.Findings[0], Kind: InSource, Justification: "quoted"}}
	results := sarifResults(f, sarifURI(f.Path), newRuleTable(Run{Files: []File{f}}))
	require.NotEmpty(t, results)
	for i := range results {
		require.Equal(t, viaEncodingJSON(t, &results[i], sarifResultKey), viaValue(t, &results[i], sarifResultKey))
	}
}

// BenchmarkSARIFFile encodes the SARIF results of the article of
// BenchmarkJSONFile, directly and through encoding/json as before.
func BenchmarkSARIFFile(b *testing.B) {
	f := benchmarkFile(b)
	results := sarifResults(f, sarifURI(f.Path), newRuleTable(Run{Files: []File{f}}))
	b.Run("direct", func(b *testing.B) {
		o := newJSONOut(io.Discard)
		b.ReportAllocs()
		for b.Loop() {
			for i := range results {
				o.value(&results[i], sarifResultKey)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		w := oldJSONWriter{newJSONOut(io.Discard)}
		b.ReportAllocs()
		for b.Loop() {
			for i := range results {
				w.value(&results[i], sarifResultKey)
			}
		}
	})
}
