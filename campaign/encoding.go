package campaign

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names the character encoding of a CSV file (CSVOptions.Encoding).
// The zero value "" is UTF-8, like EncodingUTF8.
type Encoding string

// The encodings ReadCSV reads. Whatever the encoding, a file that starts
// with a byte-order mark is read as the mark says (UTF-8, or UTF-16 of
// either byte order): the mark cannot begin a text in another encoding.
const (
	// EncodingUTF8 is UTF-8, where a byte sequence that is not UTF-8 is an
	// error (an *InputError whose Encoding names Windows-1251 when the
	// bytes read as Cyrillic in it).
	EncodingUTF8 Encoding = "utf-8"
	// EncodingWindows1251 is the Cyrillic code page of Excel and older
	// CRMs on a Russian Windows.
	EncodingWindows1251 Encoding = "windows-1251"
	// EncodingUTF16 is Excel's "Unicode Text" (tab-separated UTF-16):
	// little-endian unless the file's byte-order mark says big-endian.
	EncodingUTF16 Encoding = "utf-16"
	// EncodingAuto reads the byte-order mark, and without one UTF-8, or
	// Windows-1251 when the file's first 64 KiB are not UTF-8 and read as
	// Cyrillic in it.
	EncodingAuto Encoding = "auto"
)

// ParseEncoding returns the Encoding a user's name stands for, in any letter
// case: "utf-8" (or "utf8", or ""), "windows-1251" ("cp1251", "1251"),
// "utf-16" ("utf16", "unicode") or "auto". It is the CLI's -encoding flag.
func ParseEncoding(name string) (Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "utf-8", "utf8", "":
		return EncodingUTF8, nil
	case "windows-1251", "cp1251", "1251":
		return EncodingWindows1251, nil
	case "utf-16", "utf16", "unicode":
		return EncodingUTF16, nil
	case "auto":
		return EncodingAuto, nil
	}
	return "", fmt.Errorf("unknown encoding %q: use utf-8, windows-1251 or utf-16 (or auto)", name)
}

// decoder returns the x/text decoding for e given the file's first bytes
// head, or nil for UTF-8 read as it is.
func (e Encoding) decoder(head []byte) (encoding.Encoding, error) {
	switch e {
	case "", EncodingUTF8:
		return nil, nil
	case EncodingWindows1251:
		return charmap.Windows1251, nil
	case EncodingUTF16:
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	case EncodingAuto:
		if isUTF16BOM(head) {
			return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
		}
		return nil, nil
	}
	return nil, fmt.Errorf("campaign: unknown CSVOptions.Encoding %q: use one of the Encoding constants or ParseEncoding", string(e))
}

// isUTF16BOM reports whether head starts with a UTF-16 byte-order mark.
func isUTF16BOM(head []byte) bool {
	return bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})
}
