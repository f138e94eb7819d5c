package facts

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// modifier and isClaim (a byte table) answer as comparing ids does, for
// every class from below zero to beyond the table: with the engine's
// classes numbered in order, with every other one absent (-1), and
// numbered from 200 on, so that some fall beyond the table and the
// engine is not masked.
func TestClassKindsMatchComparingIDs(t *testing.T) {
	for _, number := range []func(n int) int{
		func(n int) int { return n },
		func(n int) int {
			if n%2 == 1 {
				return -1
			}
			return n
		},
		func(n int) int { return 200 + n },
	} {
		seen := map[string]int{}
		ids := engineClasses(func(name string) int {
			if _, ok := seen[name]; !ok {
				seen[name] = number(len(seen))
			}
			return seen[name]
		})
		ids.mask()
		require.Greater(t, len(seen), 40)
		mods, claims := 0, 0
		for class := -3; class < 400; class++ {
			require.Equal(t, ids.modifierByID(class), ids.modifier(class), "modifier(%d)", class)
			require.Equal(t, ids.isClaimByID(class), ids.isClaim(class), "isClaim(%d)", class)
			if ids.modifier(class) {
				mods++
			}
			if ids.isClaim(class) {
				claims++
			}
		}
		require.Greater(t, mods, 3)
		require.Greater(t, claims, 3)
	}
}
