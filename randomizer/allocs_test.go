// The race detector makes sync.Pool drop items on purpose, so allocation
// counts mean something only without it.

//go:build !race

package randomizer_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/spinwise/spinwise/internal/corpus"
)

func TestSpinAllocs(t *testing.T) {
	for _, name := range corpus.TemplateNames() {
		s := mustParse(t, corpus.Template(name))
		r := rand.New(rand.NewPCG(1, 2))
		if a := testing.AllocsPerRun(200, func() { _ = s.Spin(r) }); a > 1 {
			t.Errorf("%s: Spin allocates %.1f times, want 1 (the string)", name, a)
		}
		_, maxRunes := s.LengthRange()
		buf := make([]byte, 0, 4*maxRunes+64)
		if a := testing.AllocsPerRun(200, func() { buf = s.AppendSpin(buf[:0], r) }); a > 0 {
			t.Errorf("%s: AppendSpin into a buffer with room allocates %.1f times, want 0", name, a)
		}
		e := &countingEmitter{}
		if a := testing.AllocsPerRun(200, func() { s.SpinTo(r, e) }); a > 0 {
			t.Errorf("%s: SpinTo allocates %.1f times, want 0", name, a)
		}
		i := big.NewInt(1)
		if a := testing.AllocsPerRun(200, func() { _ = s.VariantTo(i, e) }); a > 0 {
			t.Errorf("%s: VariantTo allocates %.1f times, want 0", name, a)
		}
	}
}
