package randomizer

import (
	"strings"
	"testing"
	"unsafe"
)

// TestTextArenaPadded: run reads up to copyPad-1 bytes past a piece of the
// text arena, so Parse must keep the arena as the first bytes of a string
// that goes on for copyPad bytes more.
func TestTextArenaPadded(t *testing.T) {
	for l := range 70 {
		s, err := Parse("{a|b}" + strings.Repeat("я", l/2) + strings.Repeat("z", l%2) + "[x|y]")
		if err != nil {
			t.Fatal(err)
		}
		if len(s.arena) != len(s.text)+copyPad || unsafe.StringData(s.arena) != unsafe.StringData(s.text) {
			t.Fatalf("arena of %d bytes is not followed by %d bytes of padding (%d bytes in all)", len(s.text), copyPad, len(s.arena))
		}
		if pad := s.arena[len(s.text):]; pad != strings.Repeat("\x00", copyPad) {
			t.Fatalf("padding %q, want zeros", pad)
		}
	}
}
