package main

import (
	"testing"
)

// TestParseEncoding: every -encoding name decodes what it names; utf-8 is
// no decoder at all (strict UTF-8 in the reader).
func TestParseEncoding(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want string
	}{
		{"utf-16", "\xff\xfek\x00\x18\x04", "kИ"}, // Excel's Unicode Text: BOM, little-endian
		{"UTF16", "\xfe\xff\x00k\x04\x18", "kИ"},  // a big-endian BOM is honoured
		{"unicode", "k\x00\x18\x04", "kИ"},        // no BOM: little-endian
		{"windows-1251", "k\xc8", "kИ"},
		{"cp1251", "k\xc8", "kИ"},
	} {
		enc, err := parseEncoding(tc.name)
		if err != nil || enc == nil {
			t.Fatalf("parseEncoding(%q) = %v, %v", tc.name, enc, err)
		}
		if got, err := enc.NewDecoder().String(tc.in); err != nil || got != tc.want {
			t.Errorf("%s: decoded %q as %q, %v; want %q", tc.name, tc.in, got, err, tc.want)
		}
	}
	for _, name := range []string{"", "utf-8", "UTF8"} {
		if enc, err := parseEncoding(name); enc != nil || err != nil {
			t.Errorf("parseEncoding(%q) = %v, %v; want nil, nil", name, enc, err)
		}
	}
	if _, err := parseEncoding("koi9"); err == nil {
		t.Error("parseEncoding(koi9) accepted an unknown name")
	}
}
