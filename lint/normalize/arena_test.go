package normalize

import (
	"math/rand"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestNormalizeCountInMatchesNormalize builds the views of random texts in one
// arena, resetting it now and then as a document's owner does, and checks
// each against Normalize while it is valid: the same text and map, and
// the views taken since the last reset unchanged by those taken after.
func TestNormalizeCountInMatchesNormalize(t *testing.T) {
	pieces := []string{"a", "Z", "1", " ", "  ", "\n", "研究", "發現", "嘅", "，", "。", "１２", "ＮＭＮ", "e\u0301", "ﬁ", "😀",
		strings.Repeat("长", 3000)} // longer than a first chunk
	rng := rand.New(rand.NewSource(7))
	var a Arena
	var letters Letters
	type kept struct {
		src  string
		view View
	}
	var live []kept
	for round := 0; round < 5000; round++ {
		if rng.Intn(40) == 0 {
			for _, k := range live { // all still as built, just before the reset
				want := Normalize(k.src)
				require.Equal(t, want.Text, k.view.Text, "%q", k.src)
				require.Equal(t, want.Map, k.view.Map, "%q", k.src)
			}
			a.Reset()
			live = live[:0]
		}
		var sb strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		src := sb.String()
		got, want := NormalizeCountIn(src, &a, &letters), Normalize(src)
		require.Equal(t, want.Text, got.Text, "%q", src)
		require.Equal(t, want.Map, got.Map, "%q", src)
		live = append(live, kept{src, got})
	}
}

// TestArenaReusesItsMemory: after Reset the next view's text is written
// where the first one's was (no allocation), and Poison overwrites a view
// taken before it.
func TestArenaReusesItsMemory(t *testing.T) {
	var a Arena
	var letters Letters
	first := NormalizeCountIn("研究发现", &a, &letters)
	a.Reset()
	second := NormalizeCountIn("NMN逆转衰老", &a, &letters)
	require.Same(t, unsafe.StringData(first.Text), unsafe.StringData(second.Text), "where the first was")
	require.Equal(t, "nmn逆转衰老", second.Text)
	allocs := testing.AllocsPerRun(100, func() {
		a.Reset()
		NormalizeCountIn("研究发现，NMN逆转衰老。", &a, &letters)
	})
	if !raceEnabled {
		require.Zero(t, allocs)
	}

	a.Poison()
	require.NotEqual(t, "nmn逆转衰老", second.Text)
	require.Equal(t, strings.Repeat("\xff", len(second.Text)), second.Text)
	require.NotEqual(t, Normalize("NMN逆转衰老").Map.Start(3), second.Map.Start(3))
}

// TestArenaWritesViewsInPlace: NormalizeCountIn writes each view's text
// straight into the arena's room, one after the other, so the next view
// leaves the last one as it was; a view longer than the room left is
// written elsewhere and copied into a new chunk, and is as right.
func TestArenaWritesViewsInPlace(t *testing.T) {
	var a Arena
	var letters Letters
	a.Reserve(64, 8)
	room := unsafe.SliceData(a.texts.Chunk())
	first := NormalizeCountIn("ＮＭＮ逆轉衰老，研究發現", &a, &letters)
	second := NormalizeCountIn("Young blood REVERSES ageing", &a, &letters)
	require.Same(t, room, unsafe.StringData(first.Text), "the first view where the room starts")
	require.Equal(t, unsafe.Add(unsafe.Pointer(room), len(first.Text)), unsafe.Pointer(unsafe.StringData(second.Text)), "the second right after it")
	long := strings.Repeat("研究發現", 10)
	third := NormalizeCountIn(long, &a, &letters)
	require.NotEqual(t, unsafe.Pointer(room), unsafe.Pointer(unsafe.SliceData(a.texts.Chunk())), "a new chunk")
	require.Same(t, unsafe.SliceData(a.texts.Chunk()), unsafe.StringData(third.Text), "the long view at the new chunk's start")
	require.Equal(t, "nmn逆转衰老,研究发现", first.Text)
	require.Equal(t, "young blood reverses ageing", second.Text)
	require.Equal(t, Normalize(long).Text, third.Text)
}
