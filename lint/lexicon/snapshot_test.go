package lexicon

import (
	"encoding/binary"
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
