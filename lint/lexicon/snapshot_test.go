package lexicon

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/rules"
)

// The built-in snapshot's automaton tables are read in place, not copied:
// its header keeps them aligned (see binfmt).
func TestBuiltinSnapshotTablesReadInPlace(t *testing.T) {
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		t.Skip("big-endian: the tables are copied")
	}
	snapshot := rules.LexiconSnapshot
	_, content, ok := strings.Cut(snapshot, "\n") // the header line
	require.True(t, ok)
	l, err := FromSnapshot(content)
	require.NoError(t, err)
	start := uintptr(unsafe.Pointer(unsafe.StringData(snapshot)))
	for name, table := range map[string][]int32{"first": l.ac.first, "edgeNext": l.ac.edgeNext, "term": l.ac.term,
		"fail": l.ac.fail, "dict": l.ac.dict} {
		require.NotEmpty(t, table, name)
		p := uintptr(unsafe.Pointer(&table[0]))
		assert.True(t, p >= start && p < start+uintptr(len(snapshot)), "%s is a copy", name)
	}
}

// CheckSnapshot refuses a snapshot whose automaton links loop (what
// FromBuiltinSnapshot, trusting the built-in one, does not look for).
func TestCheckSnapshotRefusesALoopingLink(t *testing.T) {
	l := builtinLexicon(t)
	data, err := l.Snapshot()
	require.NoError(t, err)
	require.NoError(t, CheckSnapshot(string(data)))
	fail := l.ac.fail
	defer func() { l.ac.fail = fail }()
	l.ac.fail = append([]int32(nil), fail...)
	last := len(fail) - 1
	l.ac.fail[1] = int32(last) // a link to a deeper state
	damaged, err := l.Snapshot()
	require.NoError(t, err)
	assert.Error(t, CheckSnapshot(string(damaged)))
	_, err = FromSnapshot(string(damaged))
	assert.Error(t, err)
}

// Every snapshot read, the built-in one too, refuses a trigger naming no
// pattern: Match indexes its per-pattern state by it unchecked.
func TestSnapshotRefusesATriggerBeyondThePatterns(t *testing.T) {
	l := builtinLexicon(t)
	requireSnapshotRefuses(t, l, 0, func(tr *trigger) { tr.pattern = int32(len(l.regexes)) }, "names pattern")
}

// Every snapshot read refuses a trigger naming a clause past maxClauses:
// Match takes the clause's bit from its three low bits.
func TestSnapshotRefusesATriggerBeyondTheClauses(t *testing.T) {
	requireSnapshotRefuses(t, builtinLexicon(t), 1, func(tr *trigger) { tr.clause = maxClauses }, "names clause")
}

// requireSnapshotRefuses damages trigger k of the first term of l that
// has one, and checks that the built-in snapshot reader refuses the
// snapshot with an error containing want, and the other reader refuses
// it too. l is left as it was.
func requireSnapshotRefuses(t *testing.T, l *Lexicon, k int, damage func(*trigger), want string) {
	t.Helper()
	i := slices.IndexFunc(l.terms, func(tm term) bool { return len(tm.triggers) > k })
	require.GreaterOrEqual(t, i, 0, "a term with trigger %d", k)
	terms := l.terms
	defer func() { l.terms = terms }()
	l.terms = slices.Clone(terms)
	l.terms[i].triggers = slices.Clone(terms[i].triggers)
	damage(&l.terms[i].triggers[k])
	damaged, err := l.Snapshot()
	require.NoError(t, err)
	_, err = FromBuiltinSnapshot(string(damaged))
	assert.ErrorContains(t, err, want)
	_, err = FromSnapshot(string(damaged))
	assert.Error(t, err)
}

// The stored scanner's words are reinterpreted as slots and ends: their
// types must be exactly four and two int32-sized fields.
func TestStoredScannerLayout(t *testing.T) {
	var sl hanSlot
	assert.Equal(t, uintptr(16), unsafe.Sizeof(sl))
	assert.Equal(t, []uintptr{0, 4, 8, 12},
		[]uintptr{unsafe.Offsetof(sl.base), unsafe.Offsetof(sl.check), unsafe.Offsetof(sl.fail), unsafe.Offsetof(sl.kids)})
	var e ending
	assert.Equal(t, uintptr(8), unsafe.Sizeof(e))
	assert.Equal(t, []uintptr{0, 4}, []uintptr{unsafe.Offsetof(e.term), unsafe.Offsetof(e.dict)})
}

// The built-in snapshot holds the scanner the automaton gives, its slots
// and ends read in place, and a process scans with it from the first byte
// (no start rows built).
func TestBuiltinSnapshotStoresTheBuiltScanner(t *testing.T) {
	snapshot := rules.LexiconSnapshot
	_, content, ok := strings.Cut(snapshot, "\n") // the header line
	require.True(t, ok)
	l, err := FromBuiltinSnapshot(content)
	require.NoError(t, err)
	d := l.ac.more.Load()
	require.NotNil(t, d)
	require.NotNil(t, d.han)
	assert.Nil(t, l.ac.rows, "no start rows")
	built := buildHanScanner(l.ac)
	require.NotNil(t, built)
	assert.True(t, built.equal(d.han), "the stored scanner is not the built one")
	assert.False(t, built.equal(&hanScanner{}))
	checkSlots(t, d.han)
	if littleEndian {
		start := uintptr(unsafe.Pointer(unsafe.StringData(snapshot)))
		for name, p := range map[string]uintptr{"slots": uintptr(unsafe.Pointer(&d.han.slots[0])),
			"ends": uintptr(unsafe.Pointer(&d.han.ends[0]))} {
			assert.True(t, p >= start && p < start+uintptr(len(snapshot)), "%s is a copy", name)
		}
	}
	compiled := builtinLexicon(t)
	for _, line := range corpusLines(t) {
		if got, want := l.ac.find(line, nil), compiled.ac.find(line, nil); !slices.Equal(got, want) {
			require.Equal(t, want, got, "%q", line)
		}
	}
}

// Scanners of random lexicons (and none, for terms that are not UTF-8)
// come back from a snapshot as they were stored.
func TestStoredScannerRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 19))
	alphabet := []string{"a", "中", "丁", "龥", "䀀", "ꀀ", "é", "\xe4", "\xb8"}
	for round := range 200 {
		var terms []string
		seen := map[string]bool{}
		for range 1 + rng.IntN(30) {
			var sb strings.Builder
			for range 1 + rng.IntN(4) {
				k := rng.IntN(len(alphabet))
				if round%2 == 0 {
					k = rng.IntN(len(alphabet) - 2) // UTF-8 terms: a scanner
				}
				sb.WriteString(alphabet[k])
			}
			if !seen[sb.String()] {
				seen[sb.String()] = true
				terms = append(terms, sb.String())
			}
		}
		h := buildHanScanner(buildAutomaton(terms))
		if round%2 == 0 {
			require.NotNil(t, h, "%q", terms)
		}
		st := h.store()
		loaded, err := st.load()
		require.NoError(t, err)
		require.True(t, h.equal(loaded), "%q", terms)
	}
}

// A snapshot whose stored scanner is damaged, or another lexicon's, is
// refused by FromSnapshot and CheckSnapshot; one whose scanner has the
// wrong sizes is refused by FromBuiltinSnapshot too.
func TestSnapshotRefusesAWrongScanner(t *testing.T) {
	l := builtinLexicon(t)
	h := buildHanScanner(l.ac)
	require.NotNil(t, h)
	other := buildHanScanner(buildAutomaton([]string{"研究", "小鼠", "mice"}))
	withScanner := func(h *hanScanner) string {
		l.ac.more.Store(&denseRows{han: h})
		defer l.ac.more.Store(nil)
		data, err := l.Snapshot()
		require.NoError(t, err)
		return string(data)
	}
	good := withScanner(h)
	require.NoError(t, CheckSnapshot(good))
	emitting := slices.IndexFunc(h.slots, func(sl hanSlot) bool { return sl.base < 0 })
	require.Positive(t, emitting)
	damages := map[string]func(d *hanScanner){
		"a fail link": func(d *hanScanner) { d.slots[len(d.slots)/3].fail++ },
		"a kids filter": func(d *hanScanner) {
			u := slices.IndexFunc(d.slots, func(sl hanSlot) bool { return sl.kids != 0 })
			d.slots[u].kids ^= 1 << 7
		},
		"an end":      func(d *hanScanner) { d.ends[emitting].term++ },
		"a wide code": func(d *hanScanner) { d.wide['中'-0x4000]++ },
		"a root kid":  func(d *hanScanner) { d.rootKids-- },
	}
	for name, damage := range damages {
		d := *h
		d.slots, d.ends = slices.Clone(h.slots), slices.Clone(h.ends)
		damage(&d)
		data := withScanner(&d)
		assert.Error(t, CheckSnapshot(data), name)
		_, err := FromSnapshot(data)
		assert.ErrorContains(t, err, "symbol scanner", name)
	}
	stale := withScanner(other)
	_, err := FromSnapshot(stale)
	assert.ErrorContains(t, err, "symbol scanner", "another lexicon's scanner")
	cut := *h
	cut.slots, cut.ends = h.slots[:len(h.slots)-1], h.ends[:len(h.ends)-1] // not a power of two
	for _, load := range []func(string) (*Lexicon, error){FromSnapshot, FromBuiltinSnapshot} {
		_, err := load(withScanner(&cut))
		assert.ErrorContains(t, err, "symbol scanner of")
	}
	loaded, err := FromBuiltinSnapshot(good)
	require.NoError(t, err)
	assert.True(t, h.equal(loaded.ac.more.Load().han))
}

// A snapshot keeps the clause bits' layout, so that loading lays out
// nothing: a loaded lexicon has the compiled one's bit set, and a
// snapshot whose bits are not its patterns' is refused by the checking
// reader (a stale layout would gate patterns wrongly).
func TestSnapshotKeepsTheClauseBits(t *testing.T) {
	l := builtinLexicon(t)
	data, err := l.Snapshot()
	require.NoError(t, err)
	loaded, err := FromBuiltinSnapshot(string(data))
	require.NoError(t, err)
	require.Equal(t, l.clauseBit, loaded.clauseBit)
	require.Equal(t, l.clauses, loaded.clauses)
	fresh := &clauseBits{}
	require.Equal(t, fresh.layOut(l), loaded.clauseBit)
	require.Equal(t, *fresh, loaded.clauses)

	for _, damage := range []func(b [][8]int32){
		func(b [][8]int32) { b[0], b[1] = b[1], b[0] },
		func(b [][8]int32) {
			i := slices.IndexFunc(b, func(c [8]int32) bool { return c[0] >= 0 })
			b[i][0]++
		},
	} {
		bits := l.clauseBit
		l.clauseBit = slices.Clone(bits)
		damage(l.clauseBit)
		damaged, err := l.Snapshot()
		l.clauseBit = bits
		require.NoError(t, err)
		_, err = FromSnapshot(string(damaged))
		assert.ErrorContains(t, err, "clause bits")
	}
}
