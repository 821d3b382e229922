package campaign_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spinwise/spinwise/campaign"
)

// TestReadCSVLineEnds: a file whose lines end in CR alone (Excel for Mac's
// "CSV (Macintosh)") reads as the same file with LF: every record, with its
// line. Read as it is it would be one header line and no rows.
func TestReadCSVLineEnds(t *testing.T) {
	lf := []got{
		{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Анна"}},
		{Key: "c2", Line: 3, Data: map[string]any{"key": "c2", "Имя": "две\nстроки"}},
		{Key: "c3", Line: 5, Data: map[string]any{"key": "c3", "Имя": "Вера"}},
	}
	for _, tc := range []struct {
		name, in string
		opts     *campaign.CSVOptions
		why      string
	}{
		{"LF", "key,Имя\nc1,Анна\nc2,\"две\nстроки\"\nc3,Вера\n", nil, "the reference"},
		{"CRLF", "key,Имя\r\nc1,Анна\r\nc2,\"две\nстроки\"\r\nc3,Вера\r\n", nil, "Windows; a quoted LF stays"},
		{"CR", "key,Имя\rc1,Анна\rc2,\"две\rстроки\"\rc3,Вера\r", nil, "classic Mac: a quoted CR is that file's line break"},
		{"CR, no final break", "key,Имя\rc1,Анна\rc2,\"две\rстроки\"\rc3,Вера", nil, "the last record ends the file"},
		{"CR with a BOM", "\uFEFFkey,Имя\rc1,Анна\rc2,\"две\rстроки\"\rc3,Вера\r", nil, "the mark is dropped first"},
		{"CR in Windows-1251", win1251("key,Имя\rc1,Анна\rc2,\"две\rстроки\"\rc3,Вера\r"), &campaign.CSVOptions{Encoding: campaign.EncodingWindows1251}, "decoded, then the line ends"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := collect(t, campaign.ReadCSV(strings.NewReader(tc.in), tc.opts))
			if err != nil {
				t.Fatalf("%v (%s)", err, tc.why)
			}
			if diff := cmp.Diff(lf, rows); diff != "" {
				t.Errorf("rows differ from the LF file's (-want +got), %s:\n%s", tc.why, diff)
			}
		})
	}
}

// TestReadJSONLLineEnds: JSON Lines with CR-only line ends, or saved as
// UTF-16 with its mark, read as the LF UTF-8 file does.
func TestReadJSONLLineEnds(t *testing.T) {
	want := []got{
		{Key: "c1", Line: 1, Data: map[string]any{"key": "c1", "Имя": "Анна"}},
		{Key: "c2", Line: 2, Data: map[string]any{"key": "c2", "Имя": "Борис"}},
	}
	lf := "{\"key\":\"c1\",\"Имя\":\"Анна\"}\n{\"key\":\"c2\",\"Имя\":\"Борис\"}\n"
	for _, tc := range []struct{ name, in, why string }{
		{"LF", lf, "the reference"},
		{"CR", strings.ReplaceAll(lf, "\n", "\r"), "classic Mac line ends"},
		{"CRLF", strings.ReplaceAll(lf, "\n", "\r\n"), "Windows line ends"},
		{"UTF-16", utf16le(lf), "Notepad's \"Unicode\", read by its mark"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := collect(t, campaign.ReadJSONL(strings.NewReader(tc.in), nil))
			if err != nil {
				t.Fatalf("%v (%s)", err, tc.why)
			}
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("rows differ from the LF file's (-want +got), %s:\n%s", tc.why, diff)
			}
		})
	}
}
