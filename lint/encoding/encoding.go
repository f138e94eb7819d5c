// Package encoding turns a file's bytes into UTF-8 text with a map back to
// the file's own byte offsets. It reads UTF-8, GB18030 and Big5, and can
// tell them apart on its own ("auto").
//
// # Detection
//
// Valid UTF-8 is taken as UTF-8. Otherwise the file is decoded as GB18030
// and as Big5; a candidate that meets a byte sequence its encoding does not
// define drops out. GB18030 decodes almost any byte string, so clean
// decoding proves little: each survivor is scored by character frequency.
//
// Each encoding has a block of common Han characters that ordinary text
// draws nearly all its characters from: GB2312 level 1 (lead bytes
// 0xB0–0xD7, the 3,755 most frequent Simplified characters) and Big5's
// 常用字 block (0xA440–0xC67E, 5,401 frequent Traditional characters).
// The bytes of one encoding read as the other scatter over the whole code
// space instead: Big5 trail bytes 0x40–0x7E land in GBK's rare extension
// rows or in its user-defined rows (which x/text leaves unmapped, so such a
// reading fails outright), and GB2312 level 1 read as Big5 falls half
// outside the 常用字 block (lead bytes 0xC6–0xD7).
//
//	score = common / (han + bad)
//
// counts the file's multi-byte characters: common ones encode a Han
// character inside the encoding's own common block, han ones decode to any
// Han character, bad ones decode to U+FFFD, a private-use or an unassigned
// code point. Punctuation, symbols, kana and letters count neither way: they
// are evidence for no encoding in particular. The higher score wins if it is
// at least Threshold.
//
// Measured on the project's corpus (26 zh-Hans and zh-Hant articles): the
// right reading scores ≥ 0.98 on every article and ≥ 0.92 on every line with
// eight or more Han characters. The wrong reading of a whole article never
// decodes; on single lines, GB2312 read as Big5 decodes on a third of them
// and scores 0.26–0.73 (median 0.55), Big5 read as GB18030 never decodes.
// Bytes that are not Chinese text land in the common block by chance: 0.18
// of GB18030's two-byte Han characters are in GB2312 level 1, 0.30 of the
// Big5 decoder's (with HKSCS) are in 常用字. Threshold = 0.75 sits above
// all of these and still accepts a short headline dense in rare characters
// (one in four; chemical names such as 菸鹼醯胺 are the usual cause). Which
// reading wins is settled by comparing the two scores, not by the threshold;
// on a tie the reading with more common characters wins, then GB18030.
package encoding

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/textmap"
	xenc "golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Encoding names as reported in Decoded.Encoding.
const (
	UTF8    = "utf-8"
	GB18030 = "gb18030"
	Big5    = "big5"
	Auto    = "auto"
	UTF16   = "utf-16" // detected only, to say it is not supported
)

// Threshold is the lowest detection score accepted by auto-detection (see
// the package comment).
const Threshold = 0.75

// Decoded is a file's text as UTF-8 with a map back to the file's own bytes.
type Decoded struct {
	Text     []byte       // UTF-8
	Encoding string       // "utf-8", "gb18030" or "big5"
	Origin   *textmap.Map // Text offsets -> file offsets; nil when Text is the file's bytes unchanged
	Guessed  bool         // chosen by auto-detection
	// ValidUTF8 says Text was checked here to be valid UTF-8 (auto-detection
	// checks a file whole before taking it as UTF-8), so the document parser
	// need not check it again.
	ValidUTF8 bool
}

// DecodeError reports bytes that are not valid in the encoding asked for, or
// (Encoding "auto") a file that is none of the encodings detected.
type DecodeError struct {
	Path     string
	Offset   int    // byte offset in the file of the first offending byte
	Encoding string // the encoding asked for, or "auto"
}

func (e *DecodeError) Error() string {
	if e.Encoding == UTF16 {
		return fmt.Sprintf("%s: UTF-16 is not supported; convert to UTF-8", e.Path)
	}
	if e.Encoding == Auto {
		return fmt.Sprintf("%s: byte offset %d: not valid UTF-8, and not recognisable as GB18030 or Big5 (name the encoding explicitly if it is one of them)", e.Path, e.Offset)
	}
	return fmt.Sprintf("%s: byte offset %d: invalid %s byte sequence", e.Path, e.Offset, e.Encoding)
}

// Names lists the accepted names. Matching is case-insensitive, "" means
// "auto", and "utf8" (utf-8), "gbk", "gb2312" (gb18030), "big-5" and "cp950"
// (big5) are accepted as aliases.
func Names() []string { return []string{Auto, UTF8, GB18030, Big5} }

var aliases = map[string]string{
	"": Auto, Auto: Auto,
	UTF8: UTF8, "utf8": UTF8,
	GB18030: GB18030, "gbk": GB18030, "gb2312": GB18030,
	Big5: Big5, "big-5": Big5, "cp950": Big5,
}

// Evidence is how many multi-byte characters auto-detection scores before
// it decides: the start of a file tells its encoding as well as the whole,
// and a 50 MB file is then decoded once, not once per candidate.
const Evidence = 1 << 16

// Decode converts data, the contents of the file at path, to UTF-8 from the
// encoding called name (see Names).
func Decode(path string, data []byte, name string) (*Decoded, error) {
	canon, ok := aliases[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return nil, fmt.Errorf("%s: unknown encoding %q (want one of %s)", path, name, strings.Join(Names(), ", "))
	}
	if looksUTF16(data) {
		return nil, &DecodeError{Path: path, Offset: 0, Encoding: UTF16}
	}
	switch canon {
	case UTF8:
		return &Decoded{Text: data, Encoding: UTF8}, nil
	case GB18030, Big5:
		r, bad := decode(canon, data)
		if bad >= 0 {
			return nil, &DecodeError{Path: path, Offset: bad, Encoding: canon}
		}
		return r.decoded(canon, false), nil
	}
	if validUTF8(data) {
		return &Decoded{Text: data, Encoding: UTF8, Guessed: true, ValidUTF8: true}, nil
	}
	// Score each reading on the file's first Evidence characters, then
	// decode the whole file in the best one; a reading that meets an
	// invalid sequence later gives way to the next.
	var candidates []*result
	for _, enc := range []string{GB18030, Big5} { // GB18030 first: it wins full ties
		r, bad := scan(enc, data, Evidence, false)
		if bad < 0 && r.score() >= Threshold {
			r.enc = enc
			candidates = append(candidates, r)
		}
	}
	if len(candidates) == 2 && candidates[1].better(candidates[0]) {
		candidates[0], candidates[1] = candidates[1], candidates[0]
	}
	for _, c := range candidates {
		if r, bad := decode(c.enc, data); bad < 0 {
			return r.decoded(c.enc, true), nil
		}
	}
	return nil, &DecodeError{Path: path, Offset: firstInvalidUTF8(data), Encoding: Auto}
}

// looksUTF16 reports a UTF-16 file: a byte-order mark, or zero bytes on one
// side of at least half the byte pairs and hardly any on the other (the
// high bytes of Latin text; Chinese text without a mark goes undetected).
func looksUTF16(data []byte) bool {
	if hasUTF16Mark(data) {
		return true
	}
	head := data[:min(len(data), 4096)]
	// Nearly every file has no zero byte at all: the library's vector
	// search says so before any counting.
	return bytes.IndexByte(head, 0) >= 0 && zerosOnOneSide(head)
}

// hasUTF16Mark reports a UTF-16 byte-order mark (either order).
func hasUTF16Mark(data []byte) bool {
	return len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF)
}

// zerosOnOneSide reports zero bytes on one side of at least half of head's
// byte pairs and hardly any on the other.
func zerosOnOneSide(head []byte) bool {
	var zeros [2]int
	for i, c := range head {
		if c == 0 {
			zeros[i%2]++
		}
	}
	pairs := len(head) / 2
	for side := range 2 {
		if pairs > 0 && zeros[side] >= max(1, pairs/2) && zeros[1-side]*10 <= zeros[side] {
			return true
		}
	}
	return false
}

// result is a decoding with the counts that score it.
type result struct {
	enc              string
	text             []byte
	origin           textmap.Map
	common, han, bad int
}

func (r *result) decoded(enc string, guessed bool) *Decoded {
	return &Decoded{Text: r.text, Encoding: enc, Origin: &r.origin, Guessed: guessed}
}

// score is the detection score of the package comment; 0 without evidence.
func (r *result) score() float64 {
	if r.han+r.bad == 0 {
		return 0
	}
	return float64(r.common) / float64(r.han+r.bad)
}

// better reports whether r beats o: a higher score, or as high with more
// common characters.
func (r *result) better(o *result) bool {
	if r.score() != o.score() {
		return r.score() > o.score()
	}
	return r.common > o.common
}

// decode decodes the whole of data in enc (GB18030 or Big5). It returns the
// offset of the first invalid byte, or -1.
func decode(enc string, data []byte) (*result, int) {
	return scan(enc, data, -1, true)
}

// scan reads data in enc one character at a time, counting what scores it,
// until limit multi-byte characters (all of them if limit < 0); with build
// it also writes the UTF-8 text and the map back to the file's bytes, one
// piece per run of characters of the same widths. It returns the offset of
// the first invalid byte, or -1. A character cut off by the limit is not
// an error.
func scan(enc string, data []byte, limit int, build bool) (*result, int) {
	charLen, table := gbLen, tableOf(GB18030)
	if enc == Big5 {
		charLen, table = big5Len, tableOf(Big5)
	}
	r := &result{}
	var b textmap.Builder
	if build {
		// Two bytes become three for most characters; a rare file that needs
		// more lets append grow it.
		r.text = make([]byte, 0, len(data)+len(data)/2+16)
	}
	seen := 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(data) && data[j] < utf8.RuneSelf {
				j++
			}
			if build {
				r.text = append(r.text, data[i:j]...)
				b.Copy(i, j-i)
			}
			i = j
			continue
		}
		if limit >= 0 && seen >= limit {
			break
		}
		seen++
		n := charLen(data[i:])
		if n == 0 {
			return nil, i
		}
		var out []byte
		if n == 2 {
			e := &table[twoByteIndex(data[i], data[i+1])]
			if e.n == 0 {
				return nil, i
			}
			out = e.out[:e.n]
			r.han += int(e.han)
			r.bad += int(e.bad)
			r.common += int(e.common)
		} else {
			var buf [16]byte
			var ok bool
			if out, ok = decodeSlow(enc, data[i:i+n], buf[:]); !ok {
				return nil, i
			}
			han, bad := classify(out)
			r.han += han
			r.bad += bad
		}
		if build {
			r.text = append(r.text, out...)
			b.Run(i, n, len(out))
		}
		i += n
	}
	if build {
		r.origin = b.Map()
	}
	return r, -1
}

// entry is the decoding of one two-byte sequence, with its counts for the
// score (n = 0: not a valid sequence).
type entry struct {
	n, han, bad, common uint8
	out                 [4]byte
}

// Two-byte sequences have a lead byte 0x81–0xFE and a trail byte 0x40–0xFE
// in both encodings (charLen checks which trail bytes each allows).
func twoByteIndex(c0, c1 byte) int { return int(c0-0x81)*191 + int(c1-0x40) }

var (
	tablesOnce sync.Once
	tables     map[string][]entry
)

// tableOf returns the decodings of every two-byte sequence of enc, built
// once: a table lookup per character instead of a decoder call.
func tableOf(enc string) []entry {
	tablesOnce.Do(func() {
		tables = map[string][]entry{GB18030: buildTable(GB18030), Big5: buildTable(Big5)}
	})
	return tables[enc]
}

func buildTable(enc string) []entry {
	common := gbCommon
	if enc == Big5 {
		common = big5Common
	}
	t := make([]entry, 126*191)
	var buf [16]byte
	for c0 := 0x81; c0 <= 0xFE; c0++ {
		for c1 := 0x40; c1 <= 0xFE; c1++ {
			out, ok := decodeSlow(enc, []byte{byte(c0), byte(c1)}, buf[:])
			if !ok || len(out) > 4 {
				continue // stays invalid (no sequence decodes to more than 4 bytes)
			}
			e := &t[twoByteIndex(byte(c0), byte(c1))]
			e.n = uint8(copy(e.out[:], out))
			han, bad := classify(out)
			e.han, e.bad = uint8(han), uint8(bad)
			if han > 0 && common(byte(c0), byte(c1)) {
				e.common = uint8(han)
			}
		}
	}
	return t
}

// decodeSlow decodes one character's bytes with x/text into buf.
func decodeSlow(enc string, seq, buf []byte) ([]byte, bool) {
	var e xenc.Encoding = simplifiedchinese.GB18030
	if enc == Big5 {
		e = traditionalchinese.Big5
	}
	nDst, _, err := e.NewDecoder().Transform(buf, seq, true)
	out := buf[:nDst]
	// The decoders write U+FFFD for what they cannot map; the one
	// sequence that legitimately encodes it is GB18030's four bytes,
	// which then decode to that rune alone.
	if err != nil || nDst == 0 || (bytes.ContainsRune(out, utf8.RuneError) && !(len(seq) == 4 && string(out) == "\uFFFD")) {
		return nil, false
	}
	return out, true
}

// classify counts the Han and the bad runes of a decoded character.
func classify(out []byte) (han, bad int) {
	for _, c := range string(out) {
		switch {
		case isBad(c):
			bad++
		case unicode.Is(unicode.Han, c):
			han++
		}
	}
	return han, bad
}

// gbLen is the length of the GB18030 sequence that s starts with (s[0] is
// not ASCII), or 0 if it is malformed. A lone 0x80 is the euro sign, as in
// x/text and the WHATWG decoder.
func gbLen(s []byte) int {
	c0 := s[0]
	switch {
	case c0 == 0x80:
		return 1
	case c0 == 0xFF || len(s) < 2:
		return 0
	case 0x40 <= s[1] && s[1] <= 0xFE && s[1] != 0x7F:
		return 2
	case 0x30 <= s[1] && s[1] <= 0x39 && len(s) >= 4 &&
		0x81 <= s[2] && s[2] <= 0xFE && 0x30 <= s[3] && s[3] <= 0x39:
		return 4
	}
	return 0
}

// big5Len is the length of the Big5 sequence that s starts with (s[0] is not
// ASCII), or 0 if it is malformed.
func big5Len(s []byte) int {
	if s[0] < 0x81 || s[0] == 0xFF || len(s) < 2 {
		return 0
	}
	if c1 := s[1]; (0x40 <= c1 && c1 <= 0x7E) || (0xA1 <= c1 && c1 <= 0xFE) {
		return 2
	}
	return 0
}

// gbCommon: GB2312 level 1, rows 16–55.
func gbCommon(c0, c1 byte) bool { return 0xB0 <= c0 && c0 <= 0xD7 && c1 >= 0xA1 }

// big5Common: Big5 常用字, 0xA440–0xC67E.
func big5Common(c0, c1 byte) bool {
	code := int(c0)<<8 | int(c1)
	return 0xA440 <= code && code <= 0xC67E
}

// isBad reports runes no real text is made of: U+FFFD, private use,
// surrogates and unassigned code points.
func isBad(r rune) bool {
	if r == utf8.RuneError || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r) {
		return true
	}
	return !(unicode.IsGraphic(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r))
}

// firstInvalidUTF8 is the offset of the first byte that is not valid UTF-8.
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
