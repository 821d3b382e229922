package campaign_test

import (
	"strings"
	"testing"

	"github.com/spinwise/spinwise/campaign"
	"golang.org/x/text/encoding/unicode"
)

// TestParseEncoding: every name the CLI's -encoding accepts reads what it
// names; an unknown name is an error.
func TestParseEncoding(t *testing.T) {
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String("key\nkИ\n")
	for _, tc := range []struct {
		name string
		want campaign.Encoding
		in   string
		why  string
	}{
		{name: "utf-16", want: campaign.EncodingUTF16, in: utf16le("key\nkИ\n"), why: "Excel's Unicode Text: BOM, little-endian"},
		{name: "UTF16", want: campaign.EncodingUTF16, in: utf16be, why: "a big-endian BOM is honoured"},
		{name: "unicode", want: campaign.EncodingUTF16, in: "k\x00e\x00y\x00\n\x00k\x00\x18\x04\n\x00", why: "no BOM: little-endian"},
		{name: "windows-1251", want: campaign.EncodingWindows1251, in: "key\nk\xc8\n"},
		{name: "cp1251", want: campaign.EncodingWindows1251, in: "key\nk\xc8\n"},
		{name: "1251", want: campaign.EncodingWindows1251, in: "key\nk\xc8\n"},
		{name: "", want: campaign.EncodingUTF8, in: "key\nkИ\n", why: "the flag's default"},
		{name: "UTF8", want: campaign.EncodingUTF8, in: "key\nkИ\n"},
		{name: "utf-8", want: campaign.EncodingUTF8, in: "key\nkИ\n"},
		{name: "Auto", want: campaign.EncodingAuto, in: utf16be, why: "auto goes by the BOM"},
	} {
		enc, err := campaign.ParseEncoding(tc.name)
		if err != nil || enc != tc.want {
			t.Fatalf("ParseEncoding(%q) = %q, %v; want %q (%s)", tc.name, enc, err, tc.want, tc.why)
		}
		var keys []string
		for r, err := range campaign.ReadCSV(strings.NewReader(tc.in), &campaign.CSVOptions{Encoding: enc}) {
			if err != nil || r.Err != nil {
				t.Fatalf("%q: %v %v (%s)", tc.name, err, r.Err, tc.why)
			}
			keys = append(keys, r.Key)
		}
		if len(keys) != 1 || keys[0] != "kИ" {
			t.Errorf("%q: read keys %q, want [kИ] (%s)", tc.name, keys, tc.why)
		}
	}
	if _, err := campaign.ParseEncoding("koi9"); err == nil {
		t.Error("ParseEncoding(koi9) accepted an unknown name")
	}
}
