package campaign_test

import (
	"errors"
	"io"
	"testing"

	"github.com/spinwise/spinwise/campaign"
)

// zeros is an endless stream with no line break (/dev/zero), which gives
// up after limit bytes so that a reader that would never stop fails the
// test instead of hanging it.
type zeros struct{ read, limit int }

func (z *zeros) Read(p []byte) (int, error) {
	if z.read >= z.limit {
		return 0, io.ErrUnexpectedEOF
	}
	clear(p)
	z.read += len(p)
	return len(p), nil
}

// TestReadEndless: a stream with no line break stops either reader with an
// *InputError, within a bounded read.
func TestReadEndless(t *testing.T) {
	for _, tc := range []struct {
		name string
		read func(io.Reader) error
	}{
		{"jsonl", func(r io.Reader) error {
			for _, err := range campaign.ReadJSONL(r, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{"csv", func(r io.Reader) error {
			for _, err := range campaign.ReadCSV(r, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			z := &zeros{limit: 256 << 20}
			err := tc.read(z)
			var ie *campaign.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v after %d MiB: want an *InputError that stops the read", err, z.read>>20)
			}
			t.Logf("%v after %d MiB", err, z.read>>20)
		})
	}
}
