package normalize

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/hypelint/hypelint/lint/internal/swar"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refHanRun is hanRun as it was before it wrote into n.out's spare room
// and recorded verbatim stretches lazily: each stable stretch found by
// stableHanRun and appended, each mark taken by commonPunct or
// punctSegment, each fold appended, one map call each.
func (n *normalizer) refHanRun(i int) int {
	for {
		if j := n.stableHanRun(i); j > i {
			n.out = append(n.out, n.src[i:j]...)
			n.b.Copy(i, j-i)
			n.letters.Han += (j - i) / 3
			i = j
		}
		r, ok := CommonHanAt(n.src, i)
		if !ok {
			if i+3 <= len(n.src) && punctLead[n.src[i]] && (n.commonPunct(i) || n.punctSegment(i)) {
				i += 3
				continue
			}
			return i
		}
		f := hanFoldOf(r)
		if f == 0 {
			return i
		}
		n.out = append(n.out, byte(f), byte(f>>8), byte(f>>16))
		n.b.Replace(i, 3, 3)
		n.letters.Han++
		n.letters.Trad++
		i += 3
	}
}

// hanRun, which writes into n.out's spare room and records a verbatim
// stretch's map piece only when a replacement or its end closes it, gives
// what refHanRun gives (end, text written after what was there, map,
// letters, marks noted) from every offset of random Chinese text: stable
// and Traditional characters, written Cantonese, the commonest marks and
// others, each before Han, ASCII, combining marks and the text's end,
// punctuation that grows under NFKC, and cut and invalid UTF-8; in a
// buffer with room to spare, with exactly the room it needs, and with
// none (it grows the buffer).
func TestHanRunMatchesReference(t *testing.T) {
	hanOnce.Do(markChangedHan)
	hanFoldsOnce.Do(markHanFolds) // folds from the table, not left to run's general path
	pieces := []string{"研究", "发现", "衰老", "小鼠", "的", "逆轉", "發現", "萬", "隻", "書", "嘅", "冇", "咗",
		"，", "。", "、", "“", "”", "《", "》", "！", "？", "：", "（", "）", "…", "〇", "々", "︙", "㍱", "１",
		"\u0301", "\u3099", "a", "Z", " ", "\n", "\xff", "\xe4\xb8", "\xe4", "\xbf", "\u4dff", "\ua000", "\U00020000"}
	rng := rand.New(rand.NewSource(13))
	fast, grown := 0, 0
	for round := 0; round < 20000; round++ {
		var sb strings.Builder
		for k := rng.Intn(24); k > 0; k-- {
			if rng.Intn(3) == 0 {
				sb.WriteString(pieces[rng.Intn(5)]) // long stable stretches too
				continue
			}
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := sb.String()
		for i := 0; i < len(s); i++ {
			if _, ok := CommonHanAt(s, i); !ok {
				continue // run calls it at a common Han character
			}
			prefix := []byte("Xy研")
			ref := normalizer{src: s, out: append([]byte(nil), prefix...)}
			j := ref.refHanRun(i)

			room := 0 // no room: hanRun grows the buffer
			switch rng.Intn(4) {
			case 0:
				grown++
			case 1:
				room = len(s) - i + 8 // exactly what it asks for
				fast++
			default:
				room = len(s) - i + 8 + rng.Intn(20)
				fast++
			}
			got := normalizer{src: s, out: outWithRoom(prefix, room)}
			gj := got.hanRun(i)
			if gj != j || !bytes.Equal(got.out, ref.out) || got.letters != ref.letters ||
				got.quotes != ref.quotes || got.titles != ref.titles {
				t.Fatalf("hanRun(%q, %d) = %d %q %+v, reference %d %q %+v", s, i, gj, got.out, got.letters, j, ref.out, ref.letters)
			}
			require.Equal(t, ref.b.Map(), got.b.Map(), "hanRun(%q, %d) map", s, i)
		}
	}
	assert.Greater(t, fast, 100000, "runs written with room to spare")
	assert.Greater(t, grown, 30000, "runs that grew the buffer")
}

// stableHanRun returns the end of the run of common Han characters from i
// that folding leaves alone (Simplified text), two characters a word while
// eight bytes are left: the step hanRun's reference and the fast-path tests
// are built on (hanRun does the same inside its own loop).
func (n *normalizer) stableHanRun(i int) int {
	s := n.src // held in a register: n.src is read again after every store otherwise
	for i+8 <= len(s) {
		w := swar.Load8(s[i : i+8])
		// Two three-byte sequences: lead bytes 1110xxxx, the others 10xxxxxx.
		if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 || !stableHanWord(w) {
			break
		}
		if !stableHanWord(w >> 24) {
			return i + 3
		}
		i += 6
	}
	for i+3 <= len(s) {
		c := s[i : i+3]
		w := uint64(c[0]) | uint64(c[1])<<8 | uint64(c[2])<<16
		if w&0xC0C0F0 != 0x8080E0 || !stableHanWord(w) {
			break
		}
		i += 3
	}
	return i
}
