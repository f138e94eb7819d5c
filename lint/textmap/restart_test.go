package textmap

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// Maps built one after another in one builder in an arena's room
// (ResetIn, Restart, Since, TakeIn) equal the same maps built each in a
// builder of its own, also once later maps have been taken from the
// arena: no piece of one extends the last of the one before, and none is
// overwritten whether the pieces stayed in the room or outgrew it.
func TestRestartSinceMatchOwnBuilders(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var a Arena
	for round := 0; round < 5000; round++ {
		if rng.Intn(4) == 0 { // a fresh arena with little room: the pieces outgrow it
			a = Arena{}
			a.Reserve(1 + rng.Intn(40))
		}
		var all Builder
		all.ResetIn(&a)
		var want, got []Map
		for n := 1 + rng.Intn(5); n > 0; n-- {
			var own Builder
			first := all.Restart()
			src := 0
			for k := rng.Intn(30); k > 0; k-- {
				srcLen := 1 + rng.Intn(3)
				switch rng.Intn(3) {
				case 0:
					own.Copy(src, srcLen)
					all.Copy(src, srcLen)
				case 1:
					d := rng.Intn(2)
					own.Replace(src, srcLen, d)
					all.Replace(src, srcLen, d)
				default:
					own.Run(src, 2, 3)
					all.Run(src, 2, 3)
					srcLen = 2
				}
				src += srcLen
			}
			want = append(want, own.Clone())
			got = append(got, all.Since(first))
		}
		all.TakeIn(&a)
		var later Builder // taken after: must not overwrite the maps above
		later.ResetIn(&a)
		later.Replace(-7, 1, 1)
		later.CloneIn(&a)
		for k := range want {
			require.Equal(t, want[k], got[k], "map %d of round %d", k, round)
		}
	}
}
