package randomizer

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestPickerMatchesSlice: the Fenwick picker hands out the same numbers as
// deleting from an ordered slice, for sizes on both sides of the switch.
func TestPickerMatchesSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 63, 64, 65, 66, 100, 127, 128, 129, 1000} {
		for it := 0; it < 20; it++ {
			p := newPicker(n)
			ref := make([]int32, n)
			for j := range ref {
				ref[j] = int32(j)
			}
			for len(ref) > 0 {
				k := rng.IntN(len(ref))
				if it == 0 {
					k = len(ref) - 1 // always the last
				} else if it == 1 {
					k = 0 // always the first
				}
				want := ref[k]
				ref = slices.Delete(ref, k, k+1)
				if got := p.take(k); got != want {
					t.Fatalf("n=%d: take(%d) = %d, want %d", n, k, got, want)
				}
			}
		}
	}
}

// TestLargePermutationVariant: Variant unranks a permutation of more than
// 64 options (the Fenwick path and the split factorial digits) exactly as
// the textbook does, one big division per digit; options with choices of
// their own take the inner digits, as for small groups.
func TestLargePermutationVariant(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{65, 100, 300} {
		opts := make([]string, n)
		for j := range opts {
			opts[j] = "o" + strconv.Itoa(j)
		}
		opts[7] = "{x|y|z}" // 3 inner choices, so Count = 3 * n!
		src := "[+,+" + strings.Join(opts, "|") + "]"
		s, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		fact := new(big.Int).MulRange(1, int64(n))
		if want := new(big.Int).Mul(fact, big.NewInt(3)); s.Count().Cmp(want) != 0 {
			t.Fatalf("n=%d: Count = %v, want 3*%d!", n, s.Count(), n)
		}
		for it := 0; it < 30; it++ {
			buf := make([]byte, len(fact.Bytes())+8)
			for j := range buf {
				buf[j] = byte(rng.Uint32())
			}
			rank := new(big.Int).Mod(new(big.Int).SetBytes(buf), fact)
			switch it {
			case 0:
				rank.SetInt64(0)
			case 1:
				rank.Sub(fact, big.NewInt(1))
			}
			inner := int64(rng.IntN(3))
			i := new(big.Int).Add(new(big.Int).Mul(rank, big.NewInt(3)), big.NewInt(inner))
			got, err := s.Variant(i)
			if err != nil {
				t.Fatal(err)
			}
			// The textbook unranking, most significant digit first.
			avail := make([]string, n)
			copy(avail, opts)
			avail[7] = string("xyz"[inner])
			var want []string
			r := new(big.Int).Set(rank)
			f := new(big.Int).MulRange(1, int64(n-1))
			d := new(big.Int)
			for j := range n {
				if j > 0 {
					f.Quo(f, big.NewInt(int64(n-j)))
				}
				r.QuoRem(r, f, d)
				k := int(r.Int64())
				want = append(want, avail[k])
				avail = slices.Delete(avail, k, k+1)
				r, d = d, r
			}
			if w := strings.Join(want, ","); got != w {
				t.Fatalf("n=%d rank %v inner %d:\n got %.200s\nwant %.200s", n, rank, inner, got, w)
			}
		}
	}
}
