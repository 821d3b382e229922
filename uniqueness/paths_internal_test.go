package uniqueness

import (
	"math/rand/v2"
	"testing"
)

// TestDirectAndIDPathsAgree: Distance takes the rune-indexed table for
// short strings of runes below U+2200 and the id-indexed one otherwise;
// both must give the same distance on the same pairs.
func TestDirectAndIDPathsAgree(t *testing.T) {
	defer func() { noDirect = false }()
	rng := rand.New(rand.NewPCG(5, 6))
	alph := []rune("абвгдеёжзий .,—«»№₽abc\u0301\x00")
	for it := 0; it < 2000; it++ {
		a := make([]rune, rng.IntN(300))
		for i := range a {
			a[i] = alph[rng.IntN(len(alph))]
		}
		b := append([]rune(nil), a...)
		for e := rng.IntN(40); e > 0 && len(b) > 0; e-- {
			b[rng.IntN(len(b))] = alph[rng.IntN(len(alph))]
		}
		if rng.IntN(3) == 0 {
			b = b[:rng.IntN(len(b)+1)]
		}
		k := rng.IntN(60) - 1
		noDirect = false
		direct := Distance(string(a), string(b))
		dk, dok := DistanceAtMost(string(a), string(b), k)
		noDirect = true
		ids := Distance(string(a), string(b))
		ik, iok := DistanceAtMost(string(a), string(b), k)
		if direct != ids || dk != ik || dok != iok {
			t.Fatalf("%q %q k=%d: direct %d (%d %v), ids %d (%d %v)", string(a), string(b), k, direct, dk, dok, ids, ik, iok)
		}
	}
}

// TestFullAsmMatchesGo: the assembly kernels for 2, 3 and 4 blocks (amd64)
// leave the same vertical deltas as the Go loops, on random tables and
// texts, including ids at the last row of the table and empty texts.
func TestFullAsmMatchesGo(t *testing.T) {
	type kernel func(peq []uint64, text []int32, st *[8]uint64)
	kernels := []struct {
		w       int
		fast    kernel
		strided func(peq []uint64, stride int, text []int32, st *[8]uint64)
	}{{2, full2, full2Strided}, {3, full3, full3Strided}, {4, full4, full4Strided}}
	rng := rand.New(rand.NewPCG(7, 8))
	for _, k := range kernels {
		for it := 0; it < 300; it++ {
			d := 1 + rng.IntN(40)
			peq := make([]uint64, (d+1)*k.w)
			for i := k.w; i < len(peq); i++ { // row 0 stays zero, as build leaves it
				if rng.IntN(4) == 0 {
					peq[i] = rng.Uint64()
				} else {
					peq[i] = rng.Uint64() & rng.Uint64() & rng.Uint64()
				}
			}
			text := make([]int32, rng.IntN(300))
			for i := range text {
				text[i] = int32(rng.IntN(d + 1))
			}
			if len(text) > 0 {
				text[len(text)-1] = int32(d)
			}
			var got, want [8]uint64
			k.fast(peq, text, &got)
			k.strided(peq, k.w, text, &want)
			if got != want {
				t.Fatalf("%d blocks, iteration %d (d=%d, %d columns): fast %x, Go %x", k.w, it, d, len(text), got, want)
			}
		}
	}
}

// TestDecodeSmall: decodeSmall agrees with a []rune conversion whenever it
// reports success, and reports failure exactly when some rune (an invalid
// byte being U+FFFD) is not below smallRunes. The generator favours the
// boundaries of the three-byte fast path (overlong forms, U+21FF/U+2200).
func TestDecodeSmall(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", " ", "ж", "ё", "—", "«", "№", "₽", "\u21ff", "\u2200", "\u0800", "\u07ff", "😀",
		"\xe0\x80\x80", "\xe0\x9f\xbf", "\xe2\x88", "\xe2", "\xc2", "\xc0\x80", "\x80", "\xed\xa0\x80", "\xef\xbf\xbd"}
	var buf []rune
	for it := 0; it < 20000; it++ {
		var sb []byte
		for k := rng.IntN(12); k > 0; k-- {
			sb = append(sb, pieces[rng.IntN(len(pieces))]...)
		}
		s := string(sb)
		want := []rune(s)
		wantOK := true
		for _, r := range want {
			wantOK = wantOK && r < smallRunes
		}
		got, ok := decodeSmall(buf, s)
		buf = got
		if ok != wantOK {
			t.Fatalf("%q: ok %v, want %v", s, ok, wantOK)
		}
		if ok && string(got) != string(want) {
			t.Fatalf("%q: runes %q, want %q", s, string(got), string(want))
		}
	}
}

// TestWaveMatchesGo: the wavefront kernel (AVX2 on amd64, a Go stand-in
// elsewhere) leaves the same vertical deltas as the Go 4-block loop, for
// tables of stride 2 to 6 (rows narrower than its 4 lanes read the padding
// build leaves), texts of 0 to 5 columns (fewer than the wavefront's
// depth) and long ones, and ids at the table's last row.
func TestWaveMatchesGo(t *testing.T) {
	if !useWave {
		t.Log("no AVX2 here: checking the portable wave4")
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for it := 0; it < 3000; it++ {
		stride := 2 + rng.IntN(5)
		d := 1 + rng.IntN(40)
		rows := (d + 1) * stride
		peq := make([]uint64, rows+wavePad)
		for i := stride; i < rows; i++ {
			if rng.IntN(4) == 0 {
				peq[i] = rng.Uint64()
			} else {
				peq[i] = rng.Uint64() & rng.Uint64() & rng.Uint64()
			}
		}
		for i := rows; i < len(peq); i++ {
			peq[i] = rng.Uint64() // padding: read by the lanes past the table's stride, never used
		}
		n := rng.IntN(6)
		if it%2 == 0 {
			n = rng.IntN(400)
		}
		text := make([]int32, n)
		for i := range text {
			text[i] = int32(rng.IntN(d + 1))
		}
		if n > 0 {
			text[rng.IntN(n)] = int32(d)
		}
		var got, il [8]uint64
		wave4(peq, stride*8, text, &got)
		full4Strided(peq, stride, text, &il)
		w := min(stride, 4)
		for b := 0; b < w; b++ {
			if got[b] != il[2*b] || got[4+b] != il[2*b+1] {
				t.Fatalf("iteration %d (stride %d, d=%d, %d columns), block %d: wave VP %x VN %x, Go VP %x VN %x",
					it, stride, d, n, b, got[b], got[4+b], il[2*b], il[2*b+1])
			}
		}
	}
}

// TestWaveAndScalarPathsAgree: with the wavefront kernel switched off,
// every public function gives the same answers on the same pairs (2 to 4
// blocks, with and without cutoffs, through the rune-indexed and the id
// tables).
func TestWaveAndScalarPathsAgree(t *testing.T) {
	saved := useWave
	defer func() { useWave, noDirect = saved, false }()
	rng := rand.New(rand.NewPCG(13, 14))
	alph := []rune("абвгдеёжзий .,—«»№₽abc😀\u0301")
	for it := 0; it < 1500; it++ {
		a := make([]rune, 65+rng.IntN(200))
		for i := range a {
			a[i] = alph[rng.IntN(len(alph))]
		}
		b := append([]rune(nil), a...)
		for e := rng.IntN(80); e > 0 && len(b) > 0; e-- {
			switch i := rng.IntN(len(b)); rng.IntN(3) {
			case 0:
				b[i] = alph[rng.IntN(len(alph))]
			case 1:
				b = append(b[:i], b[i+1:]...)
			default:
				b = append(b[:i], append([]rune{alph[rng.IntN(len(alph))]}, b[i:]...)...)
			}
		}
		sa, sb := string(a), string(b)
		k := rng.IntN(120) - 1
		minSim := rng.Float64()
		type answers struct {
			d, dk   int
			ok, sok bool
			sim     float64
		}
		ask := func() answers {
			var r answers
			r.d = Distance(sa, sb)
			r.dk, r.ok = DistanceAtMost(sa, sb, k)
			r.sim, r.sok = SimilarityAtLeast(sa, sb, minSim)
			return r
		}
		noDirect = it%2 == 1
		useWave = saved
		fast := ask()
		useWave = false
		slow := ask()
		if fast != slow {
			t.Fatalf("%q %q k=%d min=%v: wave %+v, scalar %+v", sa, sb, k, minSim, fast, slow)
		}
	}
}
