// Package normalize builds the matching view of a sentence: NFKC (full-width
// digits and punctuation become ASCII), Traditional Chinese folded to
// Simplified, lower case, white space collapsed, and line breaks inside
// Chinese text removed. The view carries a map back to the original bytes,
// so a match found in the view reports the exact source span.
package normalize

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/hypelint/hypelint/lint/internal/slab"
	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/textmap"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// View is normalized text with a map back to the text it came from.
type View struct {
	Text string
	// Map is Movable(len(source)) whenever the source is not empty: no
	// runs, no empty verbatim pieces, only source offsets inside it (see
	// textmap.Map.ComposeSliceMovable).
	Map textmap.Map
	// MayQuote is false when Text holds none of the quotation marks “ ‘
	// 「 『 (the normalizer saw it write none): a reader looking for them
	// need not search.
	MayQuote bool
	// MayTitle is false when Text holds no 《, the mark that opens a
	// title, likewise.
	MayTitle bool
	// Digits reports an ASCII digit in Text (the normalizer saw itself
	// write one): there is none in the source either, nor a superscript
	// or full-width digit, when it is false.
	Digits bool
}

// Normalize builds the matching view of text.
func Normalize(text string) View {
	var l Letters
	return NormalizeCount(text, &l)
}

// Letters counts the letters of a text as facts needs them to tell its
// language: Han characters (unicode.Han), how many of them are
// Traditional-only forms (zhconv.Fold changes them), and Latin letters
// (letters below U+0250). The normalizer counts them as it passes, so that
// no other walk over the text is needed.
type Letters struct{ Han, Trad, Latin int }

// NormalizeCountIn is NormalizeCount with the view's text and map in a's
// memory: a document's sentences then cost no allocation of their own, and
// none at all once a is reset and reused. The view is valid until a.Reset.
func NormalizeCountIn(text string, a *Arena, l *Letters) View {
	var v View
	normalizeCount(&v, text, a, l)
	return v
}

// NormalizeCountInto is NormalizeCountIn writing the view into *v, which
// is overwritten: a sentence's view is built where the sentence keeps it,
// not copied there through return values.
func NormalizeCountInto(v *View, text string, a *Arena, l *Letters) {
	normalizeCount(v, text, a, l)
}

// NormalizeCount is Normalize that also adds the letters of text to l.
func NormalizeCount(text string, l *Letters) View {
	var v View
	normalizeCount(&v, text, nil, l)
	return v
}

// normalizeCount builds the view into *v, in a's memory, or in memory of
// its own when a is nil, and adds the letters of text to l.
func normalizeCount(v *View, text string, a *Arena, l *Letters) {
	// A document's arena holds the normalizer and its working buffers for
	// all its sentences: no trip to the pool per sentence, and the
	// normalizer is worked on in place, not copied in and out.
	var n *normalizer
	if a != nil {
		n = &a.scratch
	} else {
		n = scratchPool.Get().(*normalizer)
	}
	hanOnce.Do(markChangedHan)
	n.reset(text)
	if a != nil { // written in place: no copy to keep them
		n.out = a.texts.Spare()
		n.b.ResetIn(&a.maps)
	}
	n.run()
	if a != nil {
		v.Text, v.Map = a.keep(n.out), n.b.CloneIn(&a.maps)
		n.out = nil // may be v.Text's memory, which nothing may write again
	} else {
		v.Text, v.Map = string(n.out), n.b.Clone()
	}
	v.MayQuote, v.MayTitle, v.Digits = n.quotes, n.titles, n.digits
	l.add(n.letters)
	n.src = "" // holds no document's text between calls
	if a == nil {
		scratchPool.Put(n)
	}
}

func (l *Letters) add(m Letters) {
	l.Han, l.Trad, l.Latin = l.Han+m.Han, l.Trad+m.Trad, l.Latin+m.Latin
}

// Arena is memory for the views of one document (NormalizeCountIn). Its owner
// decides when no view taken from it is read any more, and only then calls
// Reset: the texts and maps are then overwritten by the next ones.
type Arena struct {
	texts slab.Slab[byte]
	maps  textmap.Arena
	// scratch is the normalizer, with its working memory, that builds
	// each view (copied out to texts and maps): its own, not the pool's.
	scratch normalizer
	// room is the free room of texts Begin gave the batch (see End).
	room []byte
}

// Begin starts a batch of views in a (Add for each, then End): their
// texts are written one after another into a's memory, their maps'
// pieces likewise, and each view is a part of them, with no set-up, copy
// or map of its own. Nothing may be taken from a between Begin and End.
func (a *Arena) Begin() {
	hanOnce.Do(markChangedHan)
	n := &a.scratch
	a.room = a.texts.Spare()
	n.out, n.nfkc, n.letters = a.room, n.nfkc[:0], Letters{}
	n.b.ResetIn(&a.maps)
}

// Add builds the view of text into *v as NormalizeCountInto would, but
// returns its map instead of setting v.Map (the caller places it: a
// sentence's map is moved to its block's source), and counts its letters
// for Letters. The normalizer starts afresh at text's first byte (a view
// is not the tail of the one before). The view is valid until a.Reset,
// once End has taken it from a.
func (a *Arena) Add(v *View, text string) textmap.Map {
	n := &a.scratch
	first := n.b.Restart()
	n.src, n.base = text, len(n.out)
	n.quotes, n.titles, n.digits = false, false, false
	n.run()
	// The view's bytes from base on (none at all: "" with n.out nil).
	v.Text = unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(n.out)), n.base)), len(n.out)-n.base)
	v.MayQuote, v.MayTitle, v.Digits = n.quotes, n.titles, n.digits
	return n.b.Since(first)
}

// Letters returns the letters of the texts Add has taken since Begin or
// the last call, and counts afresh: a block's, not each sentence's.
func (a *Arena) Letters() Letters {
	l := a.scratch.letters
	a.scratch.letters = Letters{}
	return l
}

// End ends the batch Begin started: its views' texts and maps are taken
// from a where they lie. The texts are in a's free room, as much of it
// as they fill; when they outgrew it (a view that grows its text,
// rare), all of it is taken: the first views are there, the rest in
// memory of their own, which no later view overwrites; a's next batch
// then gets room of the size of this one.
func (a *Arena) End() {
	n := &a.scratch
	room := a.room[:cap(a.room)]
	if cap(n.out) == cap(room) && (cap(room) == 0 || &n.out[:1][0] == &room[0]) {
		a.texts.Commit(n.out) // in the room: succeeds
	} else {
		a.texts.Commit(room)        // the whole room: succeeds
		a.texts.Reserve(len(n.out)) // room again for the next batch
	}
	n.b.TakeIn(&a.maps)
	n.out, n.src, n.base, a.room = nil, "", 0, nil // n.out is the views' memory now
}

// Reserve makes room in a for views of text bytes in all, with pieces
// map pieces, in one chunk each when there is less (exactly that much in
// a fresh arena).
func (a *Arena) Reserve(text, pieces int) {
	a.texts.Reserve(text)
	a.maps.Reserve(pieces)
}

// keep returns b as a string in a's memory: b itself when it was written
// in the room a.texts.Spare gave, otherwise a copy.
func (a *Arena) keep(b []byte) string {
	if out, ok := a.texts.Commit(b); ok {
		if len(out) == 0 {
			return ""
		}
		return unsafe.String(&out[0], len(out))
	}
	return slab.KeepString(&a.texts, b)
}

// Reset makes the arena's memory free for new views: no view taken from it
// since the last Reset may be read any more. The last (largest) chunks are
// kept.
func (a *Arena) Reset() {
	a.texts.Reset()
	a.maps.Reset()
}

// Poison overwrites the texts and maps taken since the last Reset with
// bytes and offsets no view holds (0xFF, invalid UTF-8), and forgets them:
// a test's way of making a view read after its owner let it go show up.
func (a *Arena) Poison() {
	a.texts.Poison(0xFF)
	a.maps.Poison()
}

// scratchPool holds normalizers between calls, with their working buffers
// and map builder, so that a sentence allocates none of them afresh.
var scratchPool = sync.Pool{New: func() any { return new(normalizer) }}

type normalizer struct {
	src     string
	out     []byte
	nfkc    []byte // scratch for one NFKC segment
	b       textmap.Builder
	letters Letters // of src, counted on the way
	// quotes: a quotation mark “ ‘ 「 『 may have been written (View.MayQuote).
	// Only punctSegment and segment write one; the other paths write
	// ASCII, white space and Han characters.
	quotes bool
	titles bool // and likewise 《 (View.MayTitle)
	digits bool // an ASCII digit was written (View.Digits)
	// hanRun's: where its verbatim stretch not yet in the map starts, and
	// how many marks it took.
	verb, marks int
	// base is where src's view starts in out: a batch's views (Arena.Add)
	// are written one after another.
	base int
}

// reset readies n for normalizing src, keeping its buffers.
func (n *normalizer) reset(src string) {
	n.src, n.out, n.nfkc, n.base = src, n.out[:0], n.nfkc[:0], 0
	n.b.Reset()
	n.letters, n.quotes, n.titles, n.digits = Letters{}, false, false, false
}

// run needs hanOnce done (normalizeCount and Arena.Begin see to it, once
// per batch of views, not per view).
func (n *normalizer) run() {
	for i := 0; i < len(n.src); {
		c := n.src[i]
		switch {
		case c < utf8.RuneSelf && isASCIISpace(c):
			i = n.space(i)
		case c < utf8.RuneSelf && (i+1 == len(n.src) || n.src[i+1] < utf8.RuneSelf):
			// ASCII not followed by a possible combining mark: lower-case in
			// place; one byte stays one byte, so the map stays linear.
			j := n.copyASCII(i)
			n.b.Copy(i, j-i)
			i = j
		default:
			// Chinese text first: common Han characters and the marks
			// between them, which hanRun takes as punctSegment would; it
			// stops at anything else.
			if hanRunLead[c] {
				if j := n.hanRun(i); j > i {
					i = j
					break
				}
			}
			r, ok := CommonHanAt(n.src, i)
			size := 3
			if !ok {
				r, size = utf8.DecodeRuneInString(n.src[i:])
			}
			switch {
			case ok:
				// Common Han characters are NFKC-stable; only fold the script
				// (and written Cantonese's function characters). hanRun has
				// taken every one that folding leaves alone (stableHan), so
				// those left here change.
				//
				// Written Cantonese is rare: its map is read only for
				// the characters it holds, and a folded character is
				// written straight into the output.
				start := len(n.out)
				n.letters.Han++
				if cantoneseHan(r) {
					n.out = append(n.out, cantonese[r]...)
					n.record(i, size, start)
					if zhconv.Fold(r) != r {
						n.letters.Trad++
					}
				} else {
					// A folded character is another character: no
					// need to compare it with the source to know.
					n.out = utf8.AppendRune(n.out, zhconv.Fold(r))
					n.b.Replace(i, size, len(n.out)-start)
					n.letters.Trad++
				}
				i += size
			case unicode.IsSpace(r):
				i = n.space(i)
			default:
				i = n.segment(i)
			}
		}
	}
}

// asciiRun returns the end of the run of ASCII that starts at i (whose
// first byte qualifies): no white space but single spaces between words,
// and no byte followed by a possible combining mark. Such a run is copied
// as a whole.
func (n *normalizer) asciiRun(i int) int {
	j := i + 1
	for j < len(n.src) {
		// Eight bytes at a time while the byte loop would step over all
		// of them (see wordASCII8).
		for j+8 <= len(n.src) && wordASCII8(swar.Load8(n.src[j:])) {
			j += 8
		}
		if j == len(n.src) {
			break
		}
		if c := n.src[j]; !plainASCII[c] {
			// A single space between words is copied as it is, which is
			// what space would make of it.
			if c != ' ' || j+1 == len(n.src) || !plainASCII[n.src[j+1]] {
				break
			}
		}
		j++
	}
	if j < len(n.src) && n.src[j] >= utf8.RuneSelf && j > i+1 {
		j-- // the last one may take a combining mark
	}
	return j
}

// copyASCII is asciiRun that also appends the run lower-cased to n.out
// and counts its letters: each word asciiRun tests is lower-cased and
// stored as it is loaded, where copying the run and then lower-casing the
// copy read it twice more. It needs room for eight bytes more than the
// rest of the text past n.out's end, which a view's arena nearly always
// has; otherwise it copies and lower-cases the run after asciiRun.
func (n *normalizer) copyASCII(i int) int {
	s := n.src
	if cap(n.out)-len(n.out) < len(s)-i+8 {
		j := n.asciiRun(i)
		start := len(n.out)
		n.out = append(n.out, s[i:j]...)
		n.letters.Latin += lowerASCIIRun(n.out[start:])
		n.digits = n.digits || hasDigit(n.out[start:])
		return j
	}
	o, room := len(n.out), n.out[:cap(n.out)]
	letters := 0
	// digits gathers each byte b (all ASCII) as (b^'0')-10, whose top bit
	// is set when b is a digit, and each word likewise: a borrow across
	// bytes starts only at a digit, so the top bits say whether there is
	// one.
	c := lowerASCII(s[i])
	digits := uint64((c ^ '0') - 10)
	room[o] = c
	if 'a' <= c && c <= 'z' {
		letters++
	}
	j := i + 1
	o++
	for j < len(s) {
		for j+8 <= len(s) {
			w := swar.Load8(s[j : j+8])
			if !wordASCII8(w) {
				break
			}
			w = lowerASCIIWord(w)
			binary.LittleEndian.PutUint64(room[o:o+8], w)
			letters += swar.LowerLetters(w)
			digits |= w ^ '0'*ones8 - 10*ones8
			j, o = j+8, o+8
		}
		if j == len(s) {
			break
		}
		c := s[j]
		if !plainASCII[c] && (c != ' ' || j+1 == len(s) || !plainASCII[s[j+1]]) {
			break
		}
		c = lowerASCII(c)
		room[o] = c
		if 'a' <= c && c <= 'z' {
			letters++
		}
		digits |= uint64((c ^ '0') - 10)
		j, o = j+1, o+1
	}
	if j < len(s) && s[j] >= utf8.RuneSelf && j > i+1 {
		// The last one may take a combining mark: it is not the run's.
		j, o = j-1, o-1
		if c := room[o]; 'a' <= c && c <= 'z' {
			letters--
		}
	}
	n.out = room[:o]
	n.letters.Latin += letters
	// A digit given back to the next path above is written again there.
	n.digits = n.digits || digits&highs8 != 0
	return j
}

// plainASCII marks the ASCII bytes other than white space.
var plainASCII = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !isASCIISpace(byte(c))
	}
	return t
}()

// hanRun normalizes the Chinese text from i on and returns where it
// ends: stable stretches of common Han characters copied whole, and
// between them the characters that fold to a character of three bytes
// written from hanFolds and the punctuation punctSegment takes, each a
// piece of the map as the general path makes it. It stops at
// anything else, written Cantonese and a fold to another length included,
// which run's general path takes (at i itself, it returns i). A
// Traditional text folds many of its characters: here each costs a table
// read, not a turn of run's loop through the fold table and the encoder.
//
// Chinese text is mostly short stable stretches between commas, so the
// loop writes straight into n.out's spare room and records a verbatim
// stretch's map piece only when a replacement or the end closes it: no
// append and no call per stretch. Nothing it writes itself is longer than
// what it read, so room for the rest of the text and a word to spare is
// enough (punctSegment, which may write more, appends and is followed by
// a new check).
func (n *normalizer) hanRun(i int) int {
	s := n.src // held in a register: n.src is read again after every store otherwise
	start := i
	// The values the rare paths change live in n, not in the loop's
	// registers: a value carried round the loop that does not fit in a
	// register costs a store every turn.
	n.verb, n.marks = i, 0 // the verbatim stretch [n.verb, i) is not in the map yet
	var o int
	var room []byte
loop:
	for {
		if need := len(s) - i + 8; cap(n.out)-len(n.out) < need {
			n.out = slices.Grow(n.out, need)
		}
		o, room = len(n.out), n.out[:cap(n.out)]
		for {
			// Two stable characters a word while eight bytes are left (both
			// three bytes long, both in stableHan), stored as loaded: bytes
			// past the run are overwritten or left out of n.out. w's low
			// three bytes are then the character at i, read once.
			var w uint64
			if i+8 <= len(s) {
				w = swar.Load8(s[i : i+8])
				if w&0xC0C0F0C0C0F0 == 0x8080E08080E0 && stableHanWord(w) {
					binary.LittleEndian.PutUint64(room[o:o+8], w)
					if stableHanWord(w >> 24) {
						i, o = i+6, o+6
						continue
					}
					i, o = i+3, o+3
					w >>= 24 // the character that ends the stretch
				}
			} else if i+3 <= len(s) {
				w = uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16
			} else {
				break loop
			}
			c := uint32(w) & 0xFFFFFF
			if c&0xC0C0F0 == 0x8080E0 { // three bytes long
				if stableHanWord(w) {
					binary.LittleEndian.PutUint32(room[o:o+4], c) // one byte past: room to spare
					i, o = i+3, o+3
					continue
				}
				// A common Han character that is not stable changes, and a
				// three-byte character that does not change is no common Han
				// character if it is not stable: one bit says both.
				if changed := changedHan3[w&0x3F0F]; changed&(1<<((w>>16)&0x3F)) != 0 {
					if !hanFoldsBuilt.Load() && !hanFoldsReady() {
						break loop
					}
					f := builtHanFold(w, changed)
					if f == 0 {
						break loop
					}
					n.b.Copy(n.verb, i-n.verb)
					n.b.Replace(i, 3, 3)
					binary.LittleEndian.PutUint32(room[o:o+4], f)
					i, o = i+3, o+3
					n.verb = i
					n.letters.Trad++
					continue
				}
			}
			if (c == commaBytes || c == stopBytes || c == enumCommaBytes) && noMarkAt(s, i+3) {
				// ， 。 、 before a common Han character, ASCII or the end:
				// what punctSegment writes for them, known without decoding
				// the mark and reading its table.
				n.marks++
				if c == commaBytes { // NFKC makes it ASCII
					n.b.Copy(n.verb, i-n.verb)
					n.b.Replace(i, 3, 1)
					room[o] = ','
					i, o = i+3, o+1
					n.verb = i
				} else { // unchanged
					binary.LittleEndian.PutUint32(room[o:o+4], c) // one byte past: room to spare
					i, o = i+3, o+3
				}
				continue
			}
			if !punctLead[byte(c)] {
				break loop
			}
			n.out = room[:o]
			n.b.Copy(n.verb, i-n.verb)
			n.verb = i
			if !n.punctSegment(i) {
				break loop
			}
			n.marks++
			i += 3
			n.verb = i
			continue loop // punctSegment appended: room is made again
		}
	}
	n.out = room[:o]
	n.b.Copy(n.verb, i-n.verb)
	// Every character taken is three bytes long: Han, or a mark
	// (punctSegment counts the Han ones among those itself).
	n.letters.Han += int(uint(i-start)/3) - n.marks
	return i
}

// hanFoldOf returns the folded form of common Han character r, which
// changes (changedHan), as its three UTF-8 bytes from the lowest, or 0
// when the general path folds it (written Cantonese, a fold to another
// length, and every character until hanFoldsBudget of them have been
// asked for).
func hanFoldOf(r rune) uint32 {
	if !hanFoldsBuilt.Load() && !hanFoldsReady() {
		return 0
	}
	var b [4]byte
	utf8.EncodeRune(b[:], r)
	w := uint64(binary.LittleEndian.Uint32(b[:]))
	return builtHanFold(w, changedHan3[w&0x3F0F])
}

// builtHanFold is hanFoldOf, once hanFolds is built, of the changed
// character in the low three bytes of w, read as they lie there (no
// decoding), changed being its row of changedHan3. The folds are held by
// rank among the changed characters, in the order of the rows and bits
// of changedHan3: hanRank counts those before each row.
func builtHanFold(w, changed uint64) uint32 {
	below := changed & (1<<((w>>16)&0x3F) - 1)
	return hanFolds[int(hanRank[w&0x3F0F])+bits.OnesCount64(below)]
}

// hanFoldsReady builds hanFolds once hanFoldsBudget folds have been
// asked for before, and reports whether it is built. Building the table
// loads zhconv's, which a Simplified text with a few Traditional
// characters does not need. Apart from builtHanFold, which inlines.
func hanFoldsReady() bool {
	if hanFoldsAsked.Add(1) <= hanFoldsBudget {
		return false
	}
	hanFoldsOnce.Do(markHanFolds)
	return true
}

// stableHanWord reports whether the three-byte sequence in the low bytes
// of w (lead byte 1110xxxx, then two 10xxxxxx, already tested) is a
// common Han character normalization leaves alone: the bit of the rune it
// encodes in stableHan, whose row is the lead byte's low four bits and
// the second byte's low six as they lie in w (one mask, no shifts).
func stableHanWord(w uint64) bool {
	return stableHan[w&0x3F0F]&(1<<((w>>16)&0x3F)) != 0
}

// stableHanRow is the row of stableHan that holds three-byte rune r: the
// lead byte's low four bits (r>>12) and, from bit 8, the second byte's
// low six ((r>>6)&0x3F).
func stableHanRow(r rune) int { return int(r>>12) | int(r>>6&0x3F)<<8 }

func isCommonHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// CommonHanAt decodes the common Han character (U+4E00 to U+9FFF) at s[i:],
// if there is one, without the general decoder: they are most of the runes
// of Chinese text and all three bytes long (lead bytes E4 to E9). It is
// not utf8x.Rune3At: it tests only the lead bytes of that range, which
// leaves no overlong form or surrogate to rule out.
func CommonHanAt(s string, i int) (rune, bool) {
	if i+3 > len(s) {
		return 0, false
	}
	c := s[i : i+3] // one bounds check, and small enough to inline
	if c[0]-0xE4 > 0xE9-0xE4 || (uint16(c[1])|uint16(c[2])<<8)&0xC0C0 != 0x8080 {
		return 0, false
	}
	r := rune(c[0]&0x0F)<<12 | rune(c[1]&0x3F)<<6 | rune(c[2]&0x3F)
	return r, r >= 0x4E00
}

// hanChanged has a bit per common Han character that normalization
// changes (a Traditional form, written Cantonese): looking up the fold
// table and the Cantonese map for every character was a fifth of
// normalizing.
var (
	hanOnce    sync.Once
	hanChanged [zhconv.CommonHanWords]uint64
	// stableHan has a bit per three-byte rune that is a common Han
	// character normalization leaves alone: what stableHanRun steps over.
	// Indexed by the bits of the first two bytes that the rune keeps, as
	// they lie in a little-endian word (stableHanRow), whatever the lead
	// byte, it needs no range test. Of its 126 KiB only the 6 KiB of the
	// rows of U+4E00–U+9FFF are read as Chinese text is scanned.
	stableHan [0x3F10]uint64
	// changedHan3 has a bit per common Han character that changes, laid
	// out as stableHan: a three-byte character hanRun reads is stable,
	// changed, or not a common Han character.
	changedHan3 [0x3F10]uint64
	// hanFolds holds what hanFoldOf returns for each changed character,
	// in the order of changedHan3's rows and bits, and hanRank how many
	// of them come before each row; built by markHanFolds.
	hanFolds      []uint32
	hanRank       [0x3F10]uint16
	hanFoldsOnce  sync.Once
	hanFoldsBuilt atomic.Bool  // hanFolds and hanRank are built
	hanFoldsAsked atomic.Int64 // folds asked for before they were
)

// hanFoldsBudget is how many changed characters hanFoldOf leaves to the
// general path before it builds its table: a text with a few Traditional
// characters folds them there instead of building the table, and
// zhconv's with it.
const hanFoldsBudget = 1024

func markChangedHan() {
	hanChanged = zhconv.CommonHanFolds()
	for r := range cantonese {
		setChangedHan(r)
		cantoneseMask |= 1 << (r % 64)
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !changedHan(r) {
			stableHan[stableHanRow(r)] |= 1 << (r % 64)
		} else {
			changedHan3[stableHanRow(r)] |= 1 << (r % 64)
		}
	}
	markPunctStarts()
}

// markHanFolds builds hanFolds and hanRank (after markChangedHan).
func markHanFolds() {
	for row, changed := range changedHan3 {
		hanRank[row] = uint16(len(hanFolds))
		for ; changed != 0; changed &= changed - 1 {
			r := rune(row&0xF)<<12 | rune(row>>8)<<6 | rune(bits.TrailingZeros64(changed))
			hanFolds = append(hanFolds, packedFold(r))
		}
	}
	hanFoldsBuilt.Store(true)
}

// packedFold is r's entry of hanFolds: its fold's three bytes from the
// lowest, or 0 for written Cantonese and a fold to another length.
func packedFold(r rune) uint32 {
	if cantoneseHan(r) {
		return 0
	}
	var b [4]byte
	if utf8.EncodeRune(b[:], zhconv.Fold(r)) != 3 {
		return 0
	}
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16
}

// cantoneseMask has bit r%64 set for each rune r of the cantonese map: a
// changed character whose bit is clear is not in the map.
var cantoneseMask uint64

// cantoneseHan reports whether r may be in the cantonese map (after
// markChangedHan has run); the map decides.
func cantoneseHan(r rune) bool {
	if cantoneseMask&(1<<(r%64)) == 0 {
		return false
	}
	_, ok := cantonese[r]
	return ok
}

func setChangedHan(r rune) {
	i := r - 0x4E00
	hanChanged[i/64] |= 1 << (i % 64)
}

// changedHan reports whether common Han character r changes (after
// markChangedHan has run).
func changedHan(r rune) bool {
	i := r - 0x4E00
	return hanChanged[i/64]&(1<<(i%64)) != 0
}

// segment normalizes one NFKC segment starting at i and returns its end.
func (n *normalizer) segment(i int) int {
	r, size := utf8.DecodeRuneInString(n.src[i:])
	end := i + size
	if end < len(n.src) && !startsSegment(n.src, end) {
		end = len(n.src)
		if k := norm.NFKC.NextBoundaryInString(n.src[i:], true); k > 0 {
			end = i + k
		}
	}
	start := len(n.out)
	if i+size == end {
		n.out = append(n.out, singleRune(r)...)
		n.record(i, size, start)
		n.count(r)
		n.marksIn(start)
		n.digits = n.digits || hasDigit(n.out[start:])
		return end
	}
	for k := i; k < end; {
		r, size := utf8.DecodeRuneInString(n.src[k:])
		n.count(r)
		k += size
	}
	n.nfkc = norm.NFKC.AppendString(n.nfkc[:0], n.src[i:end])
	for k := 0; k < len(n.nfkc); {
		r, size := utf8.DecodeRune(n.nfkc[k:])
		n.out = utf8.AppendRune(n.out, unicode.ToLower(zhconv.Fold(r)))
		k += size
	}
	n.record(i, end-i, start)
	n.marksIn(start)
	n.digits = n.digits || hasDigit(n.out[start:])
	return end
}

// marksIn notes the quotation and title marks segment wrote from start:
// whatever it writes is looked at (the path is rare: most punctuation
// takes punctSegment). Only a written byte E2 or E3 can begin one.
func (n *normalizer) marksIn(start int) {
	out := n.out[start:]
	if bytes.IndexByte(out, 0xE2) < 0 && bytes.IndexByte(out, 0xE3) < 0 {
		return
	}
	n.quotes = n.quotes || bytes.ContainsAny(out, quoteMarks)
	n.titles = n.titles || bytes.Contains(out, []byte("《"))
}

// punctSegment normalizes the punctuation mark at i when it is an NFKC
// segment of its own (the commas and stops of Chinese text between Han
// characters) and no white space, as segment would, without the general
// decoder; it reports false, having done nothing, for anything else.
func (n *normalizer) punctSegment(i int) bool {
	r, ok := punctAt(n.src, i)
	if !ok {
		return false
	}
	f := &punctForms[punctIndex(r)]
	if f.flags&punctTaken == 0 {
		return false
	}
	// A segment of its own unless a combining mark follows: Chinese text
	// goes on with a common Han character, tested in line.
	if j := i + 3; j < len(n.src) && n.src[j] >= utf8.RuneSelf {
		if _, ok := CommonHanAt(n.src, j); !ok && !startsSegment(n.src, j) {
			return false
		}
	}
	if f.flags&punctSame != 0 { // 。、“”《》: a verbatim copy
		n.out = append(n.out, n.src[i:i+3]...)
		n.b.Copy(i, 3)
		if f.flags&(punctQuote|punctTitle) != 0 {
			n.quotes = n.quotes || f.flags&punctQuote != 0
			n.titles = n.titles || f.flags&punctTitle != 0
		}
	} else {
		start := len(n.out)
		n.out = append(n.out, f.out...)
		n.b.Replace(i, 3, len(n.out)-start)
		n.quotes = n.quotes || f.flags&punctQuote != 0
		n.digits = n.digits || f.flags&punctDigit != 0
	}
	if f.flags&punctIsHan != 0 { // the rest are neither Han nor Latin letters
		n.count(r)
	}
	return true
}

// noMarkAt reports that s[j:] begins with a common Han character, ASCII
// or nothing, none of which is a combining mark: where hanRun takes
// the mark that ends at j.
func noMarkAt(s string, j int) bool {
	if j < len(s) && s[j] >= utf8.RuneSelf {
		_, ok := CommonHanAt(s, j)
		return ok
	}
	return true
}

// The UTF-8 bytes of ， 。 、 from the lowest (see hanRun).
const (
	commaBytes     = 0xEF | 0xBC<<8 | 0x8C<<16 // U+FF0C
	stopBytes      = 0xE3 | 0x80<<8 | 0x82<<16 // U+3002
	enumCommaBytes = 0xE3 | 0x80<<8 | 0x81<<16 // U+3001
)

// punctForm is what punctSegment writes for a rune of the punctuation
// blocks and what it notes of it, worked out once (markPunctStarts)
// instead of for every mark.
type punctForm struct {
	out   string // singleRune(r)
	flags uint8
}

const (
	punctTaken uint8 = 1 << iota // in punctStarts and no white space: punctSegment takes it
	punctSame                    // out is the rune itself
	punctQuote                   // opensQuote(r)
	punctTitle                   // r is 《
	punctIsHan                   // punctHan(r)
	punctDigit                   // out holds an ASCII digit (０–９)
)

// punctForms is indexed by punctIndex.
var punctForms [0xB0 + 0xF0]punctForm

// quoteMarks are the quotation marks View.MayQuote is about.
const quoteMarks = "“‘「『"

// opensQuote reports the runes of punctSegment's blocks that normalize to
// a quotation mark View.MayQuote is about: “ ‘ 「 『 themselves, and the
// half-width ｢ (「).
func opensQuote(r rune) bool {
	return r == '“' || r == '‘' || r == '「' || r == '『' || r == '｢'
}

// punctHan reports the Han characters among the runes punctAt takes (々,
// 〇, the Hangzhou numerals, 〸–〻), without unicode.Is: 、 and 。 are
// among the commonest characters of Chinese text.
func punctHan(r rune) bool {
	return r == 0x3005 || r == 0x3007 || r >= 0x3021 && r <= 0x3029 || r >= 0x3038 && r <= 0x303B
}

// count counts rune r of the source in n.letters, as a Han character
// (and a Traditional-only one) or a Latin letter (below U+0250).
func (n *normalizer) count(r rune) {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r|0x20 && r|0x20 <= 'z' {
			n.letters.Latin++
		}
	case unicode.Is(unicode.Han, r):
		n.letters.Han++
		if zhconv.Fold(r) != r {
			n.letters.Trad++
		}
	case r < 0x250 && unicode.IsLetter(r):
		n.letters.Latin++
	}
}

// startsSegment reports a rune at s[i:] that NFKC always starts a segment
// with, as norm.NFKC.NextBoundaryInString would find (ASCII and common Han
// characters: starters that nothing combines with), so that the segment
// before it is known without asking: most segments that change are one
// full-width punctuation mark before Chinese text.
func startsSegment(s string, i int) bool {
	if s[i] < utf8.RuneSelf {
		return true
	}
	if _, ok := CommonHanAt(s, i); ok {
		return true
	}
	// Punctuation after punctuation (。” ）， ……): the table of the blocks
	// Chinese text is full of says which of them start a segment.
	if r, ok := punctAt(s, i); ok {
		k := punctIndex(r)
		return punctStarts[k/64]&(1<<(k%64)) != 0
	}
	return false
}

// punctAt decodes the rune at s[i:] when it is one of the punctuation
// blocks punctStarts covers: general punctuation (U+2000–U+206F), CJK
// symbols and punctuation (U+3000–U+303F), half- and full-width forms
// (U+FF00–U+FFEF). Like CommonHanAt it is not utf8x.Rune3At: three lead
// bytes and the block ranges are all it needs to test.
func punctAt(s string, i int) (rune, bool) {
	if i+3 > len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	c0 := s[i]
	if c0 != 0xE2 && c0 != 0xE3 && c0 != 0xEF {
		return 0, false
	}
	r := rune(c0&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	switch {
	case r >= 0x2000 && r <= 0x206F, r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
		return r, true
	}
	return 0, false
}

// hanRunLead marks the lead bytes of common Han characters and of the
// marks punctAt accepts: where hanRun may take the text.
var hanRunLead = [256]bool{0xE2: true, 0xE3: true, 0xE4: true, 0xE5: true, 0xE6: true, 0xE7: true,
	0xE8: true, 0xE9: true, 0xEF: true}

// punctLead marks the lead bytes of the runes punctAt accepts.
var punctLead = [256]bool{0xE2: true, 0xE3: true, 0xEF: true}

// punctIndex numbers the runes punctAt accepts from 0.
func punctIndex(r rune) rune {
	switch {
	case r < 0x3000:
		return r - 0x2000
	case r < 0xFF00:
		return 0x70 + r - 0x3000
	}
	return 0xB0 + r - 0xFF00
}

// punctStarts has a bit per rune punctAt accepts that NFKC always starts
// a segment with: norm.NFKC.NextBoundaryInString ends a segment before it
// after "a", and so after anything (its boundary test reads how many
// non-starters the rune leads with, not what came before; the test checks
// every mark after every mark and a sample of other runes). Set by
// markChangedHan.
var punctStarts [(0xB0 + 0xF0 + 63) / 64]uint64

func markPunctStarts() {
	for _, block := range [][2]rune{{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}} {
		for r := block[0]; r <= block[1]; r++ {
			if norm.NFKC.NextBoundaryInString("a"+string(r), true) == 1 {
				k := punctIndex(r)
				punctStarts[k/64] |= 1 << (k % 64)
				if !unicode.IsSpace(r) {
					punctForms[k].flags |= punctTaken
				}
			}
			f := &punctForms[punctIndex(r)]
			f.out = singleRune(r)
			if f.out == string(r) {
				f.flags |= punctSame
			}
			if opensQuote(r) {
				f.flags |= punctQuote
			}
			if r == '《' {
				f.flags |= punctTitle
			}
			if punctHan(r) {
				f.flags |= punctIsHan
			}
			if hasDigit([]byte(f.out)) {
				f.flags |= punctDigit
			}
		}
	}
}

// singles caches the normalized form of one-rune segments (full-width
// punctuation and digits, "…", "℃"...), nearly all the segments that
// change: the norm package allocates a reorder buffer for each such call.
// The blocks of punctuation Chinese text is full of (general punctuation,
// CJK symbols, full-width forms) and Latin-1 (ASCII before a Chinese
// character is a segment of its own) have slots of their own, read without
// hashing.
var (
	singles     sync.Map // rune → string
	singleSlots [4][0x100]atomic.Pointer[string]
)

func singleRune(r rune) string {
	var slot *atomic.Pointer[string]
	switch r >> 8 {
	case 0x00:
		slot = &singleSlots[3][r]
	case 0x20:
		slot = &singleSlots[0][r&0xFF]
	case 0x30:
		slot = &singleSlots[1][r&0xFF]
	case 0xFF:
		slot = &singleSlots[2][r&0xFF]
	}
	if slot != nil {
		if p := slot.Load(); p != nil {
			return *p
		}
		out := normalizeRune(r)
		slot.Store(&out)
		return out
	}
	if v, ok := singles.Load(r); ok {
		return v.(string)
	}
	out := normalizeRune(r)
	if r <= 0xFFFF { // bounds the cache whatever the input
		singles.Store(r, out)
	}
	return out
}

// normalizeRune is the normalized form of r as a segment of its own.
func normalizeRune(r rune) string {
	var out []byte
	for _, c := range norm.NFKC.String(string(r)) {
		out = utf8.AppendRune(out, unicode.ToLower(zhconv.Fold(c)))
	}
	return string(out)
}

// record maps what was written to out from start on to src[i:i+size]: a
// verbatim copy when unchanged.
func (n *normalizer) record(i, size, start int) {
	if string(n.out[start:]) == n.src[i:i+size] {
		n.b.Copy(i, size)
		return
	}
	n.b.Replace(i, size, len(n.out)-start)
}

// space collapses the white-space run at i to one ASCII space, or drops it
// at the ends of the text and at a line break between two Chinese characters
// (a PDF wrap inside a word).
func (n *normalizer) space(i int) int {
	j := i
	newline := false
	for j < len(n.src) {
		r, size := utf8.DecodeRuneInString(n.src[j:])
		if !unicode.IsSpace(r) {
			break
		}
		newline = newline || r == '\n' || r == '\r'
		j += size
	}
	switch {
	case len(n.out) == n.base || j == len(n.src), newline && n.wrapAt(j):
		n.b.Replace(i, j-i, 0)
	case j-i == 1 && n.src[i] == ' ':
		n.out = append(n.out, ' ')
		n.b.Copy(i, 1)
	default:
		n.out = append(n.out, ' ')
		n.b.Replace(i, j-i, 1)
	}
	return j
}

// wrapAt reports a line break between two Chinese characters: the one
// written last and the one at src[j].
func (n *normalizer) wrapAt(j int) bool {
	prev, _ := utf8.DecodeLastRune(n.out[n.base:])
	next, _ := utf8.DecodeRuneInString(n.src[j:])
	return isCJK(prev) && isCJK(next)
}

// hasDigit reports an ASCII digit in b (a few bytes a rare path wrote).
func hasDigit(b []byte) bool {
	for _, c := range b {
		if c-'0' < 10 {
			return true
		}
	}
	return false
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

const (
	ones8  = swar.Ones
	highs8 = swar.Highs
)

// wordASCII8 reports whether every byte of w is in 0x20–0x7F (printable
// ASCII or DEL), with no two spaces in a row and no space last: words and
// the single spaces between them, which asciiRun copies, the byte after w
// being no matter. A byte below 0x20 borrows into its high bit when 0x20 is
// taken from it; a borrow only ever makes the answer false, never true.
func wordASCII8(w uint64) bool {
	if (w|(w-0x20*ones8))&highs8 != 0 {
		return false
	}
	// The spaces' high bits, exactly: with every byte below 0x80 adding
	// 0x7F carries into the high bit of each byte but a zero one.
	v := w ^ 0x20*ones8
	spaces := ^((v + 0x7F*ones8) | v | 0x7F*ones8)
	return spaces&(spaces>>8) == 0 && spaces>>63 == 0
}

// lowerASCIIRun lower-cases b, which is all ASCII, in place: eight bytes at
// a time, then byte by byte. It returns how many letters b holds.
func lowerASCIIRun(b []byte) int {
	k, letters := 0, 0
	for ; k+8 <= len(b); k += 8 {
		w := binary.LittleEndian.Uint64(b[k:])
		w = lowerASCIIWord(w)
		binary.LittleEndian.PutUint64(b[k:], w)
		letters += swar.LowerLetters(w)
	}
	for ; k < len(b); k++ {
		b[k] = lowerASCII(b[k])
		if 'a' <= b[k] && b[k] <= 'z' {
			letters++
		}
	}
	return letters
}

// lowerASCIIWord lower-cases the eight bytes of w, all below 0x80. With
// every byte below 0x80 no addition carries across bytes: the high bit of
// w+(0x80-'A') says c >= 'A', of w+(0x80-'Z'-1) says c > 'Z'; upper-case
// letters have the first and not the second, and get 0x20 added.
func lowerASCIIWord(w uint64) uint64 {
	upper := ((w + (0x80-'A')*ones8) ^ (w + (0x80-'Z'-1)*ones8)) & highs8
	return w | upper>>2
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isCJK reports Han characters, kana and CJK or full-width punctuation:
// text between which a line break is a wrap, not a word break.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”'
}
