package campaign_test

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/campaign"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// got is a recipient as the tests compare it: the error as text.
type got struct {
	Key  string
	Data map[string]any
	Line int
	Err  string
}

// utf16le encodes s as Excel saves "Unicode Text": UTF-16LE with a BOM.
func utf16le(s string) string {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

// win1251 encodes s in Windows-1251, as a CRM export on a Russian Windows
// saves it.
func win1251(s string) string {
	b, err := charmap.Windows1251.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

func collect(t *testing.T, src iter.Seq2[campaign.Recipient, error]) ([]got, error) {
	t.Helper()
	var out []got
	for r, err := range src {
		if err != nil {
			var ie *campaign.InputError
			if !errors.As(err, &ie) {
				t.Errorf("source error %v (%T) is not an *InputError", err, err)
			}
			return out, err
		}
		g := got{Key: r.Key, Data: r.Data, Line: r.Line}
		if r.Err != nil {
			g.Err = r.Err.Error()
		}
		out = append(out, g)
	}
	return out, nil
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		opts  *campaign.CSVOptions
		want  []got
		fatal string // the source's error, if it stops
	}{
		{
			name: "comma with key column",
			in:   "Имя,key\nАнна,c1\nБорис,c2\n",
			want: []got{
				{Key: "c1", Line: 2, Data: map[string]any{"Имя": "Анна", "key": "c1"}},
				{Key: "c2", Line: 3, Data: map[string]any{"Имя": "Борис", "key": "c2"}},
			},
		},
		{
			name: "semicolon detected, BOM stripped, CRLF, header trimmed",
			in:   "\uFEFFid; Имя ;Сумма\r\n7;Анна;\"1 234,50\"\r\n",
			want: []got{{Key: "7", Line: 2, Data: map[string]any{"id": "7", "Имя": "Анна", "Сумма": "1 234,50"}}},
		},
		{
			name: "commas inside quotes do not outvote semicolons",
			in:   "key;Адрес\n1;\"г. Москва, ул. Ленина, д. 5\"\n",
			want: []got{{Key: "1", Line: 2, Data: map[string]any{"key": "1", "Адрес": "г. Москва, ул. Ленина, д. 5"}}},
		},
		{
			name: "KEY in another case is the key column",
			in:   "Имя,KEY\nАнна,x\n",
			want: []got{{Key: "x", Line: 2, Data: map[string]any{"Имя": "Анна", "KEY": "x"}}},
		},
		{
			name: "named key column",
			in:   "a,b\n1,2\n",
			opts: &campaign.CSVOptions{Key: "b"},
			want: []got{{Key: "2", Line: 2, Data: map[string]any{"a": "1", "b": "2"}}},
		},
		{
			name: "ragged rows are error rows with their line; the next row is fine",
			in:   "key,Имя\nc1,Анна,лишнее\nc2\nc3,Вера\n",
			want: []got{
				{Key: "c1", Line: 2, Err: "line 2: 3 fields, but the header has 2"},
				{Key: "c2", Line: 3, Err: "line 3: 1 fields, but the header has 2"},
				{Key: "c3", Line: 4, Data: map[string]any{"key": "c3", "Имя": "Вера"}},
			},
		},
		{
			name: "invalid UTF-8 in a data row is that row's error",
			in:   "key,Имя\nc1,\xc0\xe0\xed\xed\xe0\nc2,Анна\n",
			want: []got{
				{Key: "c1", Line: 2, Err: `line 2, column 4: column "Имя" is not valid UTF-8 but reads as Windows-1251 Cyrillic (an export from Excel or an older CRM?); save the file as UTF-8, or read it as windows-1251`},
				{Key: "c2", Line: 3, Data: map[string]any{"key": "c2", "Имя": "Анна"}},
			},
		},
		{
			name: "a quoted field over two lines: the next record's line is right",
			in:   "key,Текст\nc1,\"две\nстроки\"\nc2,одна\n",
			want: []got{
				{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Текст": "две\nстроки"}},
				{Key: "c2", Line: 4, Data: map[string]any{"key": "c2", "Текст": "одна"}},
			},
		},
		{
			name: "empty key",
			in:   "key,Имя\n,Анна\n",
			want: []got{{Line: 2, Err: `line 2, column 1: empty key in column "key"`}},
		},
		{
			// FieldPos counts bytes; the column counts runes, and a quoted
			// field over two lines counts only from its last line.
			name: "columns count runes after a multi-line field",
			in:   "Текст;Имя;key\n\"две\nстроки\";Анна; \n",
			want: []got{{Line: 2, Err: `line 3, column 14: empty key in column "key"`}},
		},
		{
			name:  "Windows-1251 header stops the file",
			in:    "key,\xc8\xec\xff\nc1,x\n",
			fatal: "line 1, column 5: the header is not valid UTF-8 but reads as Windows-1251 Cyrillic (an export from Excel or an older CRM?); save the file as UTF-8, or read it as windows-1251",
		},
		{
			name: "a Windows-1251 export read as Windows-1251",
			in:   win1251("key;Имя;Компания\nc1;Ёлкина Анна;ООО «Ромашка» № 5\nc2;Пётр;\"Лютик; и Ко\"\n"),
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingWindows1251},
			want: []got{
				{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Ёлкина Анна", "Компания": "ООО «Ромашка» № 5"}},
				{Key: "c2", Line: 3, Data: map[string]any{"key": "c2", "Имя": "Пётр", "Компания": "Лютик; и Ко"}},
			},
		},
		{
			name: "a file with the UTF-8 BOM is UTF-8 whatever Encoding says",
			in:   "\uFEFFkey,Имя\nc1,Анна\n",
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingWindows1251},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Анна"}}},
		},
		{
			// Each Cyrillic letter is one byte in the file and two after
			// decoding: the bound is on what the reader holds. 100,000
			// bytes in the file are under the bound plus csv.Reader's
			// read-ahead (64 KiB); 200,000 decoded are over it.
			name: "MaxRecord counts decoded bytes",
			in:   win1251("key,Имя\nc1,\"" + strings.Repeat("я", 100_000) + "\"\n"),
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingWindows1251, MaxRecord: 80_000},
			fatal: "line 2: the record that starts here is longer than 80000 bytes: a quote that never closes? " +
				"(CSV quoting: a field with a quote must be quoted, and its quotes doubled)",
		},
		{
			name: "a UTF-16 file is read by its BOM whatever Encoding says",
			in:   utf16le("key\tИмя\r\nc1\tАнна\r\n"),
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Анна"}}},
		},
		{
			name: "a big-endian UTF-16 file read as Windows-1251 is UTF-16 by its BOM",
			in:   "\xfe\xff\x00k\x00e\x00y\x00\n\x00c\x001\x00\n",
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingWindows1251},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1"}}},
		},
		{
			name: "auto reads a Windows-1251 export",
			in:   win1251("key;Имя;Адрес\nc1;Анна;г. Москва, ул. Ленина, д. 5 — «Салон»\n"),
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingAuto},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Анна", "Адрес": "г. Москва, ул. Ленина, д. 5 — «Салон»"}}},
		},
		{
			name: "bytes that are not UTF-8 nor Cyrillic are not called Windows-1251",
			in:   "key,Name\nc1,\x80\x81\x82\n",
			want: []got{{Key: "c1", Line: 2, Err: `line 2, column 4: column "Name" is not valid UTF-8; save the file as UTF-8`}},
		},
		{
			name: "Excel's Unicode Text read as UTF-16",
			in:   utf16le("key\tИмя\r\nc1\tАнна\r\n"),
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingUTF16},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Анна"}}},
		},
		{
			name: "auto reads a UTF-16 file by its BOM",
			in:   utf16le("key\tИмя\r\nc1\tАнна\r\n"),
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingAuto},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Анна"}}},
		},
		{
			name: "auto reads a big-endian UTF-16 file by its BOM",
			in:   "\xfe\xff\x00k\x00e\x00y\x00\n\x00c\x001\x00\n",
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingAuto},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1"}}},
		},
		{
			name: "auto reads a file without a BOM as UTF-8",
			in:   "key,Имя\nc1,Анна\n",
			opts: &campaign.CSVOptions{Encoding: campaign.EncodingAuto},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Анна"}}},
		},
		{
			name:  "an unknown Encoding stops the source",
			in:    "key\nc1\n",
			opts:  &campaign.CSVOptions{Encoding: "koi8-r"},
			fatal: `campaign: unknown CSVOptions.Encoding "koi8-r": use one of the Encoding constants or ParseEncoding`,
		},
		{
			name:  "empty file",
			in:    "",
			fatal: "line 1: the file is empty: expected a header row",
		},
		{
			name:  "repeated header name",
			in:    "key,Имя,Имя\n",
			fatal: `line 1, column 9: columns 2 and 3 are both named "Имя"`,
		},
		{
			name:  "missing named key column",
			in:    "a,b\n",
			opts:  &campaign.CSVOptions{Key: "id"},
			fatal: `line 1: no key column "id" in the header`,
		},
		{
			// The unclosed quote would otherwise read the rest of a file of
			// any size into one field.
			name: "a record over MaxRecord stops the file at the line it starts",
			in:   "key,Имя\nc1,\"две\nстроки\"\nc2,\"" + strings.Repeat("я\n", 100_000) + "\n",
			opts: &campaign.CSVOptions{MaxRecord: 1000},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "две\nстроки"}}},
			fatal: "line 4: the record that starts here is longer than 1000 bytes: a quote that never closes? " +
				"(CSV quoting: a field with a quote must be quoted, and its quotes doubled)",
		},
		{
			name: "a header over MaxRecord",
			in:   strings.Repeat("a", 200_000) + "\n",
			opts: &campaign.CSVOptions{MaxRecord: 1000},
			fatal: "line 1: the record that starts here is longer than 1000 bytes: a quote that never closes? " +
				"(CSV quoting: a field with a quote must be quoted, and its quotes doubled)",
		},
		{
			name: "a record under MaxRecord is read whole",
			in:   "key,Имя\nc1," + strings.Repeat("я", 400) + "\n",
			opts: &campaign.CSVOptions{MaxRecord: 1000},
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": strings.Repeat("я", 400)}}},
		},
		{
			// Company names in quotes, unquoted, are common in CRM exports:
			// one such row must not stop the whole batch.
			name: "a bare quote is its row's error, and the next rows are read",
			in:   "key;Компания\nc1;Ромашка\nc2;ООО \"Ромашка\"\nc3;Лютик\n",
			want: []got{
				{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Компания": "Ромашка"}},
				{Key: "c2", Line: 3, Err: `line 3: a quote inside a field that is not quoted; put the field in quotes ` +
					`and double its quotes: "ООО ""Ромашка"""`},
				{Key: "c3", Line: 4, Data: map[string]any{"key": "c3", "Компания": "Лютик"}},
			},
		},
		{
			name: "a stray quote after a quoted field is its row's error; a faulty key field leaves the key empty",
			in:   "key,Имя\nc1,\"Бо\"\"рис\"x\n\"c\"2,Анна\nc3,Вера\n",
			want: []got{
				{Key: "c1", Line: 2, Err: `line 2: extraneous or missing " in quoted-field (CSV quoting: a field with ` +
					`a quote must be quoted, and its quotes doubled)`},
				{Line: 3, Err: `line 3: extraneous or missing " in quoted-field (CSV quoting: a field with ` +
					`a quote must be quoted, and its quotes doubled)`},
				{Key: "c3", Line: 4, Data: map[string]any{"key": "c3", "Имя": "Вера"}},
			},
		},
		{
			name: "a quote that does not close before the next line may have swallowed records: it stops the file",
			in:   "key,Имя\nc1,Анна\nc2,\"Борис\nc3,Вера\n",
			want: []got{{Key: "c1", Line: 2, Data: map[string]any{"key": "c1", "Имя": "Анна"}}},
			fatal: `line 4: the record that starts on line 3: extraneous or missing " in quoted-field (CSV quoting: a field with a quote must be quoted, ` +
				`and its quotes doubled)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := collect(t, campaign.ReadCSV(strings.NewReader(tt.in), tt.opts))
			if diff := cmp.Diff(tt.want, out); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			gotFatal := ""
			if err != nil {
				gotFatal = err.Error()
			}
			if gotFatal != tt.fatal {
				t.Errorf("source error = %q, want %q", gotFatal, tt.fatal)
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts *campaign.JSONOptions
		want []got
	}{
		{
			name: "strings and numbers; blank lines skipped; BOM",
			in:   "\uFEFF{\"key\":\"c1\",\"Имя\":\"Анна\",\"Дней\":3,\"Доля\":0.5}\n\n   \n{\"key\":42}\n",
			want: []got{
				{Key: "c1", Line: 1, Data: map[string]any{"key": "c1", "Имя": "Анна", "Дней": int64(3), "Доля": 0.5}},
				{Key: "42", Line: 4, Data: map[string]any{"key": int64(42)}},
			},
		},
		{
			name: "bad lines are error rows; no final newline",
			in:   "[1,2]\n{\"Имя\":\"Анна\"}\n{\"key\":\"c3\"} {}\n{\"key\":\"c4\"}",
			want: []got{
				{Line: 1, Err: "line 1, column 1: not a JSON object: json: cannot unmarshal array into Go value of type map[string]interface {}"},
				{Line: 2, Err: `line 2: no "key" member (a string or a number) to use as the key`},
				{Line: 3, Err: "line 3, column 14: not a JSON object"},
				{Key: "c4", Line: 4, Data: map[string]any{"key": "c4"}},
			},
		},
		{
			name: "a line over MaxLine is its own error, and the next line is read",
			in:   "{\"key\":\"" + strings.Repeat("я", 100) + "\"}\n{\"id\":\"c2\"}\n",
			opts: &campaign.JSONOptions{Key: "id", MaxLine: 64},
			want: []got{
				{Line: 1, Err: "line 1: line longer than 64 bytes"},
				{Key: "c2", Line: 2, Data: map[string]any{"id": "c2"}},
			},
		},
		{
			// A key with spaces around it must still match the suppression
			// list; numbers beyond int64 or float64's 15 digits stay as
			// written instead of being rounded.
			name: "keys trimmed; long numbers kept as written",
			in: "{\"key\":\" 79990001122 \"}\n" +
				"{\"key\":12345678901234567890,\"Заказ\":98765432109876543210,\"Сумма\":1234.5,\"Доля\":1e-3,\"Точно\":1499.9899999999998,\"Огромное\":1e400}\n" +
				"{\"key\":7.9991234567e10}\n",
			want: []got{
				{Key: "79990001122", Line: 1, Data: map[string]any{"key": " 79990001122 "}},
				{Key: "12345678901234567890", Line: 2, Data: map[string]any{
					"key": json.Number("12345678901234567890"), "Заказ": json.Number("98765432109876543210"),
					"Сумма": 1234.5, "Доля": 0.001, "Точно": 1499.9899999999998, "Огромное": json.Number("1e400")}},
				{Key: "79991234567", Line: 3, Data: map[string]any{"key": 7.9991234567e10}},
			},
		},
		{
			name: "invalid UTF-8",
			in:   "{\"key\":\"\xff\"}\n",
			want: []got{{Line: 1, Err: "line 1, column 9: not valid UTF-8; save the file as UTF-8"}},
		},
		{
			// The column counts runes from the line's start, its leading
			// white space included.
			name: "syntax error column",
			in:   "  {\"key\":\"c1\",\"Имя\":\"Анна\",}\nnull\n{\"key\":\"c3\"\n",
			want: []got{
				{Line: 1, Err: `line 1, column 28: not a JSON object: invalid character '}' looking for beginning of object key string`},
				{Line: 2, Err: "line 2, column 1: not a JSON object"},
				{Line: 3, Err: "line 3, column 12: not a JSON object: unexpected EOF"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := collect(t, campaign.ReadJSONL(strings.NewReader(tt.in), tt.opts))
			if err != nil {
				t.Fatalf("source error: %v", err)
			}
			if diff := cmp.Diff(tt.want, out); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRecords(t *testing.T) {
	// A CRM webhook decoded by encoding/json gives phone numbers as float64.
	var hook []map[string]any
	if err := json.Unmarshal([]byte(`[{"id":79991234567},{"id":" c2 "}]`), &hook); err != nil {
		t.Fatal(err)
	}
	recs := []map[string]any{{"id": "a", "x": 1}, {"x": 2}, {"id": 7}, {"id": "  "}, hook[0], hook[1]}
	out, err := collect(t, campaign.Records(recs, "id"))
	if err != nil {
		t.Fatal(err)
	}
	want := []got{
		{Key: "a", Data: recs[0]},
		{Data: recs[1], Err: `the record has no "id" field to use as its key`},
		{Key: "7", Data: recs[2]},
		{Data: recs[3], Err: `the record has no "id" field to use as its key`},
		{Key: "79991234567", Data: recs[4]},
		{Key: "c2", Data: recs[5]},
	}
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

type stringer struct{}

func (stringer) String() string { return " s1 " }

func TestKeyText(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{nil, ""}, {"", ""}, {" c1\t", "c1"}, {json.Number("79991234567"), "79991234567"},
		{79991234567.0, "79991234567"}, {1e21, "1000000000000000000000"}, {2.5, "2.5"},
		{float32(16777216), "16777216"}, {7, "7"}, {int64(-7), "-7"}, {uint64(1 << 63), "9223372036854775808"},
		{stringer{}, "s1"}, {true, "true"},
	} {
		if got := campaign.KeyText(tc.in); got != tc.want {
			t.Errorf("KeyText(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzReadCSV checks the reader's invariants on any bytes: no panic, errors
// typed with a line, lines that never go back, and every good record holding
// one value per header name.
func FuzzReadCSV(f *testing.F) {
	f.Add("key,Имя\nc1,Анна\n")
	f.Add("\uFEFFa;b\r\n1;\"2;3\"\r\n4\n")
	f.Add("key,x\n\"c1\",\"a\"\"b\"\nc2,\"open\n")
	f.Add("key;Компания\nc1;ООО \"Ромашка\"\nc2;x\n")
	f.Add("k\n\xff\n")
	f.Add(win1251("key;Имя\nc1;Ёлкина «Анна»\n"))
	f.Add("key,Имя\rc1,Анна\rc2,\"a\rb\"\r")
	f.Fuzz(func(t *testing.T, in string) {
		for _, opts := range []*campaign.CSVOptions{nil, {Encoding: campaign.EncodingWindows1251}} {
			last := 0
			for r, err := range campaign.ReadCSV(strings.NewReader(in), opts) {
				if err != nil {
					var ie *campaign.InputError
					if !errors.As(err, &ie) || ie.Line < 1 {
						t.Fatalf("source error %#v is not an *InputError with a line", err)
					}
					break
				}
				if r.Line <= last {
					t.Fatalf("record line %d after line %d", r.Line, last)
				}
				last = r.Line
				if r.Err != nil {
					var ie *campaign.InputError
					if !errors.As(r.Err, &ie) || ie.Line != r.Line {
						t.Fatalf("record error %#v does not carry the record's line %d", r.Err, r.Line)
					}
					// Every byte decodes in Windows-1251, so no field can
					// be invalid UTF-8 (unless a BOM made the file UTF-8).
					if opts != nil && strings.Contains(ie.Msg, "not valid UTF-8") && !strings.HasPrefix(in, "\uFEFF") {
						t.Fatalf("read as Windows-1251, yet %v", r.Err)
					}
					continue
				}
				if r.Key == "" || r.Data == nil {
					t.Fatalf("good record without key or data: %+v", r)
				}
			}
		}
	})
}

// FuzzReadJSONL: no panic, one record per non-blank line, errors with lines.
func FuzzReadJSONL(f *testing.F) {
	f.Add("{\"key\":\"c1\"}\n\n{\"key\":2}")
	f.Add("[]\n{")
	f.Add("{\"key\":\" 7 \",\"n\":98765432109876543210,\"f\":-0.000120e+5}\n{\"key\":1e400}")
	f.Fuzz(func(t *testing.T, in string) {
		want := 0
		// A UTF-16 byte-order mark makes the file UTF-16.
		if strings.HasPrefix(in, "\xff\xfe") || strings.HasPrefix(in, "\xfe\xff") {
			dec, _, err := transform.String(unicode.BOMOverride(encoding.Nop.NewDecoder()), in)
			if err != nil {
				return // not UTF-16 after all: the count is not the point
			}
			in = dec
		}
		// Lines end at LF (CRLF's CR is blank), or, in a file whose first
		// 64 KiB hold a CR and no LF (old Excel for Mac), at every CR.
		lines := in
		if head := in[:min(len(in), 64<<10)]; !strings.Contains(head, "\n") && strings.Contains(head, "\r") {
			lines = strings.ReplaceAll(in, "\r", "\n")
		}
		for i, l := range strings.Split(lines, "\n") {
			if i == 0 {
				l = strings.TrimPrefix(l, "\uFEFF")
			}
			if strings.TrimSpace(l) != "" {
				want++
			}
		}
		n := 0
		for r, err := range campaign.ReadJSONL(strings.NewReader(in), nil) {
			if err != nil {
				t.Fatalf("a strings.Reader cannot fail: %v", err)
			}
			n++
			if r.Err == nil && (r.Key == "" || r.Data == nil || r.Key != strings.TrimSpace(r.Key)) {
				t.Fatalf("good record without a trimmed key or without data: %+v", r)
			}
		}
		if n != want {
			t.Fatalf("%d records from %d non-blank lines", n, want)
		}
	})
}

// TestNumbersEndToEnd: what a webhook or a JSON Lines export holds reaches the
// suppression list and the text as the CRM wrote it.
func TestNumbersEndToEnd(t *testing.T) {
	c, err := campaign.New("Заказ №{{Заказ}} на {{Сумма}} ₽", &campaign.Options{NoAnalysis: true, Suppress: []string{"79991234567"}})
	if err != nil {
		t.Fatal(err)
	}
	var hook []map[string]any
	if err := json.Unmarshal([]byte(`[{"key":79991234567,"Заказ":1,"Сумма":1},{"key":79990001122,"Заказ":2,"Сумма":1500.5}]`), &hook); err != nil {
		t.Fatal(err)
	}
	jsonl := "{\"key\":\" 79991234567 \",\"Заказ\":3,\"Сумма\":1}\n{\"key\":\"c4\",\"Заказ\":98765432109876543210,\"Сумма\":12}\n"
	var got []string
	for _, src := range []iter.Seq2[campaign.Recipient, error]{campaign.Records(hook, ""), campaign.ReadJSONL(strings.NewReader(jsonl), nil)} {
		if _, err := c.Run(context.Background(), src, func(r campaign.Row) error {
			if r.Err != nil {
				got = append(got, r.Key+": "+string(r.Err.Kind))
			} else {
				got = append(got, r.Key+": "+r.Text)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"79991234567: suppressed",
		"79990001122: Заказ №2 на 1500.5 ₽",
		"79991234567: suppressed",
		"c4: Заказ №98765432109876543210 на 12 ₽",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestJSONDecimalsStayFloats: a decimal with float artefacts, as JavaScript
// exports write them, is a float64 that printf and round read.
func TestJSONDecimalsStayFloats(t *testing.T) {
	c, err := campaign.New(`Сумма {{ printf "%.2f" .Сумма }} ₽, целых {{ .Сумма | int }}, {{ round .Сумма 1 }}`, &campaign.Options{NoAnalysis: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if _, err := c.Run(context.Background(), campaign.ReadJSONL(strings.NewReader(`{"key":"c1","Сумма":1499.9899999999998}`), nil), func(r campaign.Row) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Key, r.Err.Message)
		}
		got = append(got, r.Text)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"Сумма 1499.99 ₽, целых 1499, 1500"}; !cmp.Equal(want, got) {
		t.Errorf("got %q, want %q", got, want)
	}
}
