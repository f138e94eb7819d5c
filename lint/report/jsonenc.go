package report

import (
	"maps"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/score"
)

// The JSON report's values are written indented directly, byte for byte
// as encoding/json's Encoder with SetEscapeHTML(false) and SetIndent
// writes them: encoding compact and then re-indenting was 6–12% of an
// archive run with --format json (issue 17). jsonenc_test.go checks every
// type here against encoding/json.

// jsonAppender is a value that appends itself as JSON indented at prefix
// (two spaces a level), as jsonOut.value would encode it.
type jsonAppender interface {
	appendJSON(b []byte, prefix string) []byte
}

// jsonBuilder writes one value's structure: it opens and closes objects
// and arrays and separates their members, as json.Indent lays them out
// (an empty object or array stays "{}" or "[]").
type jsonBuilder struct {
	b      []byte
	prefix string
	spaces bool // prefix is blanks only, and a line break with its indent is part of jsonBreaks
	depth  int
	count  [16]int // members written so far at each open level (SARIF nests 9 deep)
}

func newJSONBuilder(b []byte, prefix string) jsonBuilder {
	spaces := 1+len(prefix)+len(jsonIndent) <= len(jsonBreaks)
	for i := 0; i < len(prefix) && spaces; i++ {
		spaces = prefix[i] == ' '
	}
	return jsonBuilder{b: b, prefix: prefix, spaces: spaces}
}

// jsonBreaks holds every line break with its indent that a blank prefix
// and the levels count allows need: one append writes them.
const jsonBreaks = "\n" + jsonIndent + jsonIndent + jsonIndent

func (e *jsonBuilder) open(c byte) {
	e.b = append(e.b, c)
	e.depth++
	e.count[e.depth] = 0
}

func (e *jsonBuilder) close(c byte) {
	n := e.count[e.depth]
	e.depth--
	if n > 0 {
		e.newline()
	}
	e.b = append(e.b, c)
}

// next starts a member or element of the innermost open level.
func (e *jsonBuilder) next() {
	if e.count[e.depth] > 0 {
		e.b = append(e.b, ',')
	}
	e.count[e.depth]++
	e.newline()
}

// key starts an object member; name needs no escaping.
func (e *jsonBuilder) key(name string) {
	e.next()
	e.b = append(e.b, '"')
	e.b = append(e.b, name...)
	e.b = append(e.b, '"', ':', ' ')
}

func (e *jsonBuilder) newline() {
	if e.spaces {
		e.b = append(e.b, jsonBreaks[:1+len(e.prefix)+2*e.depth]...)
		return
	}
	e.b = append(e.b, '\n')
	e.b = append(e.b, e.prefix...)
	e.b = append(e.b, jsonIndent[:2*e.depth]...)
}

// jsonIndent is the indentation of the deepest level count allows.
const jsonIndent = "                                "

func (e *jsonBuilder) str(name, s string) {
	e.key(name)
	e.b = appendJSONString(e.b, s)
}

func (e *jsonBuilder) int(name string, n int) {
	e.key(name)
	e.b = strconv.AppendInt(e.b, int64(n), 10)
}

func (e *jsonBuilder) bool(name string, v bool) {
	e.key(name)
	e.b = strconv.AppendBool(e.b, v)
}

func (e *jsonBuilder) position(name string, p document.Position) {
	e.key(name)
	e.open('{')
	e.int("line", p.Line)
	e.int("column", p.Column)
	e.int("offset", p.Offset)
	e.close('}')
}

// strings writes a list of strings; nil is null.
func (e *jsonBuilder) strings(name string, xs []string) {
	e.key(name)
	if xs == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.open('[')
	for _, s := range xs {
		e.next()
		e.b = appendJSONString(e.b, s)
	}
	e.close(']')
}

func (x *Finding) appendJSON(b []byte, prefix string) []byte {
	if prefix == jsonFinding && len(x.Fixes) == 0 {
		return appendFindingItem(b, x)
	}
	return x.appendJSONBuilt(b, prefix)
}

// appendJSONBuilt is appendJSON through a jsonBuilder, at any prefix: the
// reference the fast layouts of jsonfast.go are tested against.
func (x *Finding) appendJSONBuilt(b []byte, prefix string) []byte {
	e := newJSONBuilder(b, prefix)
	e.open('{')
	e.str("rule", x.Rule)
	e.str("category", x.Category)
	e.str("severity", x.Severity)
	e.str("message", x.Message)
	e.position("start", x.Start)
	e.position("end", x.End)
	e.str("excerpt", x.Excerpt)
	if x.Role != "" {
		e.str("role", x.Role)
	}
	if len(x.Related) > 0 {
		e.key("related")
		e.open('[')
		for i := range x.Related {
			r := &x.Related[i]
			e.next()
			e.open('{')
			e.position("start", r.Start)
			e.position("end", r.End)
			e.str("message", r.Message)
			e.close('}')
		}
		e.close(']')
	}
	if len(x.Fixes) > 0 {
		e.key("fixes")
		e.open('[')
		for i := range x.Fixes {
			f := &x.Fixes[i]
			e.next()
			e.open('{')
			e.key("span")
			e.open('{')
			e.position("start", f.Span.Start)
			e.position("end", f.Span.End)
			e.close('}')
			e.str("replacement", f.Replacement)
			e.bool("safe", f.Safe)
			e.close('}')
		}
		e.close(']')
	}
	if x.Note != "" {
		e.str("note", x.Note)
	}
	e.close('}')
	return e.b
}

func (s *Study) appendJSON(b []byte, prefix string) []byte {
	if prefix == jsonFinding {
		return appendStudyItem(b, s)
	}
	return s.appendJSONBuilt(b, prefix)
}

// appendJSONBuilt is appendJSON through a jsonBuilder (see Finding's).
func (s *Study) appendJSONBuilt(b []byte, prefix string) []byte {
	e := newJSONBuilder(b, prefix)
	e.open('{')
	e.int("index", s.Index)
	e.str("population", s.Population)
	if s.Model != "" {
		e.str("model", s.Model)
	}
	e.str("design", s.Design)
	e.int("size", s.Size)
	if s.Studies != 0 {
		e.int("studies", s.Studies)
	}
	if s.Venue != "" {
		e.str("venue", s.Venue)
	}
	if s.Link != "" {
		e.str("link", s.Link)
	}
	e.int("sentences", s.Sentences)
	e.str("description", s.Description)
	e.position("start", s.Start)
	e.position("end", s.End)
	e.key("notes")
	if s.Notes == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.open('[')
		for _, n := range s.Notes {
			e.next()
			e.open('{')
			e.str("rule", n.Rule)
			e.str("message", n.Message)
			e.close('}')
		}
		e.close(']')
	}
	e.close('}')
	return e.b
}

func (c *Claim) appendJSON(b []byte, prefix string) []byte {
	if prefix == jsonFinding {
		return appendClaimItem(b, c)
	}
	return c.appendJSONBuilt(b, prefix)
}

// appendJSONBuilt is appendJSON through a jsonBuilder (see Finding's).
func (c *Claim) appendJSONBuilt(b []byte, prefix string) []byte {
	e := newJSONBuilder(b, prefix)
	e.open('{')
	e.str("term", c.Term)
	e.str("class", c.Class)
	e.str("subject", c.Subject)
	e.str("strength", c.Strength)
	e.str("voice", c.Voice)
	e.str("evidence", c.Evidence)
	e.str("where", c.Where)
	e.int("study", c.Study)
	e.position("start", c.Start)
	e.position("end", c.End)
	e.str("excerpt", c.Excerpt)
	e.strings("rules", c.Rules)
	if why := c.Reason(); why != "" {
		e.str("why", why)
	}
	e.close('}')
	return e.b
}

// criteria is a file's score breakdown as the JSON report writes it.
type criteria []score.Criterion

// appendJSON appends the breakdown; ok is false when an Earned is not a
// number JSON can carry (encoding/json then reports the error).
func (cs criteria) appendJSON(b []byte, prefix string) (out []byte, ok bool) {
	if prefix == jsonFileKey {
		return appendCriteriaField(b, cs)
	}
	return cs.appendJSONBuilt(b, prefix)
}

// appendJSONBuilt is appendJSON through a jsonBuilder (see Finding's).
func (cs criteria) appendJSONBuilt(b []byte, prefix string) (out []byte, ok bool) {
	if cs == nil {
		return append(b, "null"...), true
	}
	e := newJSONBuilder(b, prefix)
	e.open('[')
	for _, c := range cs {
		if math.IsNaN(c.Earned) || math.IsInf(c.Earned, 0) {
			return b, false
		}
		e.next()
		e.open('{')
		e.str("id", c.ID)
		e.str("question", c.Question)
		e.bool("applicable", c.Applicable)
		e.bool("satisfied", c.Satisfied)
		e.int("findings", c.Findings)
		e.key("earned")
		e.b = appendJSONFloat(e.b, c.Earned)
		e.close('}')
	}
	e.close(']')
	return e.b, true
}

// appendJSONFloat appends a finite float64 as encoding/json writes it:
// the shortest form that reads back the same, in exponent form only for
// very small or very large magnitudes.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json does.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const jsonHex = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes it without
// HTML escaping: `"` and `\` escaped, control characters as \b \f \n \r
// \t or \u00XX, invalid UTF-8 as \ufffd, U+2028 and U+2029 as \u2028 and
// \u2029, everything else as is. Printable ASCII and well-formed two- and
// three-byte characters (nearly all of a report's text) are stepped over
// with a table lookup and a check of their continuation bytes; the rest
// is decoded as a rune. A string of plain ASCII alone (most of a
// report's strings: classes, roles, rule ids, English messages) is
// tested a word at a time and copied whole.
func appendJSONString(b []byte, s string) []byte {
	if plainASCII(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	return appendJSONStringScan(b, s)
}

// plainASCII reports whether s is all printable ASCII other than '"'
// and '\\', which appendJSONString writes as is. It stops at the first
// sixteen bytes that hold another byte (a Chinese string's first
// character).
func plainASCII(s string) bool {
	n := len(s)
	switch {
	case n >= 8:
		i := 0
		for ; i+16 <= n; i += 16 {
			if unplainASCII(swar.Load8(s[i:i+8]))|unplainASCII(swar.Load8(s[i+8:i+16])) != 0 {
				return false
			}
		}
		if i+8 <= n && unplainASCII(swar.Load8(s[i:i+8])) != 0 {
			return false
		}
		return unplainASCII(swar.Load8(s[n-8:])) == 0
	case n >= 4:
		// The first four bytes and the last four (overlapping below
		// eight) in one word.
		return unplainASCII(uint64(load4(s))|uint64(load4(s[n-4:]))<<32) == 0
	}
	for i := 0; i < n; i++ {
		if jsonByte[s[i]] != jsonCopy {
			return false
		}
	}
	return true
}

// load4 reads the first four bytes of s as a little-endian word.
func load4(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// appendJSONStringScan is appendJSONString for a string with a byte
// other than plain ASCII: it steps over plain runs and escapes the rest.
func appendJSONStringScan(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONEscaped(b, s)
	return append(b, '"')
}

// appendJSONPiece appends s escaped as in a JSON string, without quotes:
// a piece of a string written in parts (a claim's reason, see
// appendClaimItem).
func appendJSONPiece(b []byte, s string) []byte {
	if plainASCII(s) {
		return append(b, s...)
	}
	return appendJSONEscaped(b, s)
}

// appendJSONEscaped is appendJSONStringScan without the quotes.
func appendJSONEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch jsonByte[c] {
		case jsonCopy:
			i = plainASCIIEnd(s, i+1)
			continue
		case jsonLead2:
			if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				i += 2
				continue
			}
		case jsonLead3:
			// A run of three-byte characters (Chinese text) in a loop of
			// its own.
			if plain3(s, i) {
				i = plainWideEnd(s, i+3)
				continue
			}
		case jsonEscape:
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', jsonHex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}

// plain3 reports whether a well-formed three-byte character that needs no
// escaping starts at s[i]: a lead E1–EC, EE or EF with two continuation
// bytes, and not a separator (E2 80 A8, E2 80 A9). E0 (overlong forms)
// and ED (surrogates) are left to the decoder.
func plain3(s string, i int) bool {
	return i+2 < len(s) && jsonByte[s[i]] == jsonLead3 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
		!(s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8)
}

// plainWideEnd returns where the run of characters plain3 accepts from i
// ends. Two at a time while an eight-byte load shows two leads of
// wideLead, each with two continuation bytes; then, and for a run with
// E2 (“ ” — and the separators), one at a time.
func plainWideEnd(s string, i int) int {
	const conts, contBits = 0x0000C0C000C0C000, 0x0000808000808000 // bytes 1, 2, 4 and 5
	for i+8 <= len(s) {
		w := swar.Load8(s[i : i+8])
		if w&conts != contBits || !wideLead[byte(w)] || !wideLead[byte(w>>24)] {
			break
		}
		i += 6
	}
	for i < len(s) && plain3(s, i) {
		i += 3
	}
	return i
}

// wideLead marks the leads plain3 accepts (jsonLead3) but E2, which
// leads U+2028 and U+2029 as well: a character with one and two
// continuation bytes needs no test of its own.
var wideLead = func() (t [256]bool) {
	for c := range 256 {
		t[c] = jsonByte[c] == jsonLead3 && c != 0xE2
	}
	return t
}()

// plainASCIIEnd returns where the run of printable ASCII other than '"'
// and '\\' from i ends, eight bytes at a time: the first byte of a word
// that ends the run is the lowest flagged by unplainASCII. A string's
// last bytes are read as the word that ends it, the bytes before i
// shifted out (the zero bytes shifted in end the run at the string's
// end); only a string shorter than a word is read byte by byte.
func plainASCIIEnd(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if m := unplainASCII(swar.Load8(s[i : i+8])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	if i < len(s) && len(s) >= 8 {
		last := swar.Load8(s[len(s)-8:]) >> (8 * (i - (len(s) - 8)))
		return i + bits.TrailingZeros64(unplainASCII(last))/8
	}
	for i < len(s) && jsonByte[s[i]] == jsonCopy {
		i++
	}
	return i
}

// unplainASCII has the high bit set of each byte of x that is not
// printable ASCII other than '"' and '\\', and perhaps of bytes above
// such a byte (a borrow carries up), never below the lowest: its
// lowest set bit is exact. A byte's high bit is set in x from 0x80 up,
// and in y - n*ones where the byte of y is below n (x below 0x20, x^'"'
// or x^'\\' zero) or from n+0x80 up (where x has it already).
func unplainASCII(x uint64) uint64 {
	const ones = swar.Ones
	quote, backslash := x^('"'*ones), x^('\\'*ones)
	return (x | (x - 0x20*ones) | (quote - ones) | (backslash - ones)) & swar.Highs
}

// What appendJSONString does with a byte where a character starts.
const (
	jsonDecode = iota // decode the rune (four-byte leads, E0, ED, stray bytes)
	jsonCopy          // printable ASCII other than '"' and '\\'
	jsonEscape        // '"', '\\' and control characters
	jsonLead2         // C2–DF: a two-byte character if one continuation byte follows
	jsonLead3         // E1–EC, EE, EF: a three-byte character if two follow
)

var jsonByte = func() (t [256]uint8) {
	for c := range 0x80 {
		t[c] = jsonCopy
		if c < 0x20 || c == '"' || c == '\\' {
			t[c] = jsonEscape
		}
	}
	for c := 0xC2; c <= 0xDF; c++ {
		t[c] = jsonLead2
	}
	for c := 0xE1; c <= 0xEF; c++ {
		if c != 0xED {
			t[c] = jsonLead3
		}
	}
	return t
}()

// SARIF results, one per finding, are written the same way.

func (e *jsonBuilder) text(name string, t sarifText) {
	e.key(name)
	e.open('{')
	e.str("text", t.Text)
	e.close('}')
}

func (e *jsonBuilder) optInt(name string, n *int) {
	if n != nil {
		e.int(name, *n)
	}
}

func (e *jsonBuilder) artifact(uri string) {
	e.key("artifactLocation")
	e.open('{')
	e.str("uri", uri)
	e.close('}')
}

func (e *jsonBuilder) region(name string, r *sarifRegion) {
	e.key(name)
	e.open('{')
	e.int("startLine", r.StartLine)
	e.int("startColumn", r.StartColumn)
	e.int("endLine", r.EndLine)
	e.int("endColumn", r.EndColumn)
	e.optInt("charOffset", r.CharOffset)
	e.optInt("charLength", r.CharLength)
	if r.Snippet != nil {
		e.text("snippet", *r.Snippet)
	}
	e.close('}')
}

func (e *jsonBuilder) locations(name string, ls []sarifLocation) {
	e.key(name)
	if ls == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.open('[')
	for i := range ls {
		l := &ls[i]
		e.next()
		e.open('{')
		e.optInt("id", l.ID)
		e.key("physicalLocation")
		e.open('{')
		e.artifact(l.PhysicalLocation.ArtifactLocation.URI)
		if r := l.PhysicalLocation.Region; r != nil {
			e.region("region", r)
		}
		e.close('}')
		if l.Message != nil {
			e.text("message", *l.Message)
		}
		e.close('}')
	}
	e.close(']')
}

// stringMap writes a map with its keys sorted, as encoding/json does.
func (e *jsonBuilder) stringMap(name string, m map[string]string) {
	e.key(name)
	if m == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.open('{')
	if len(m) == 1 { // the usual case: one fingerprint
		for k, v := range m {
			e.next()
			e.b = appendJSONString(e.b, k)
			e.b = append(e.b, ':', ' ')
			e.b = appendJSONString(e.b, v)
		}
	} else {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			e.next()
			e.b = appendJSONString(e.b, k)
			e.b = append(e.b, ':', ' ')
			e.b = appendJSONString(e.b, m[k])
		}
	}
	e.close('}')
}

func (r *sarifResult) appendJSON(b []byte, prefix string) []byte {
	e := newJSONBuilder(b, prefix)
	e.open('{')
	e.str("ruleId", r.RuleID)
	e.optInt("ruleIndex", r.RuleIndex)
	e.str("level", r.Level)
	e.text("message", r.Message)
	e.locations("locations", r.Locations)
	e.stringMap("partialFingerprints", r.PartialFingerprints)
	if len(r.RelatedLocations) > 0 {
		e.locations("relatedLocations", r.RelatedLocations)
	}
	if len(r.Suppressions) > 0 {
		e.key("suppressions")
		e.open('[')
		for _, s := range r.Suppressions {
			e.next()
			e.open('{')
			e.str("kind", s.Kind)
			if s.Justification != "" {
				e.str("justification", s.Justification)
			}
			e.close('}')
		}
		e.close(']')
	}
	if len(r.Fixes) > 0 {
		e.key("fixes")
		e.open('[')
		for i := range r.Fixes {
			f := &r.Fixes[i]
			e.next()
			e.open('{')
			e.text("description", f.Description)
			e.key("artifactChanges")
			if f.ArtifactChanges == nil {
				e.b = append(e.b, "null"...)
			} else {
				e.open('[')
				for j := range f.ArtifactChanges {
					c := &f.ArtifactChanges[j]
					e.next()
					e.open('{')
					e.artifact(c.ArtifactLocation.URI)
					e.key("replacements")
					if c.Replacements == nil {
						e.b = append(e.b, "null"...)
					} else {
						e.open('[')
						for k := range c.Replacements {
							rep := &c.Replacements[k]
							e.next()
							e.open('{')
							e.region("deletedRegion", &rep.DeletedRegion)
							e.text("insertedContent", rep.InsertedContent)
							e.close('}')
						}
						e.close(']')
					}
					e.close('}')
				}
				e.close(']')
			}
			e.close('}')
		}
		e.close(']')
	}
	if r.Properties != nil {
		e.key("properties")
		e.open('{')
		e.str("note", r.Properties.Note)
		e.close('}')
	}
	e.close('}')
	return e.b
}
