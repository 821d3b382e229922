package campaign

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Recipient is one record of the input: a key and the fields the template
// reads.
type Recipient struct {
	// Key identifies the recipient in the output rows and in the
	// suppression list.
	Key string
	// Data holds the recipient's fields by name, as the template reads them.
	Data map[string]any
	// Line is the 1-based line of the input where the record starts; 0 when
	// the record does not come from a file.
	Line int
	// Err, when not nil, says the reader could not read this record; Run
	// turns it into an error row of KindInput and goes on with the next one.
	Err error
}

// InputError is an error in the recipients' input, at a line and, where the
// reader knows it, a column: the start of the CSV field at fault (a field
// that is not valid UTF-8, an empty key, a bad header name) or the JSON
// Lines byte at fault (a syntax error, invalid UTF-8, data after the
// object).
type InputError struct {
	Line int // 1-based; 0 when not known
	Col  int // 1-based, in runes (an invalid UTF-8 byte counts as one); 0 when not known
	Msg  string
	// Encoding, when the fault is bytes that are not UTF-8 but read as
	// another encoding's text (Windows-1251 Cyrillic), is that encoding:
	// reading the file with it (CSVOptions.Encoding, or EncodingAuto)
	// would succeed. "" otherwise.
	Encoding Encoding
}

// Error returns "line LINE, column COL: MSG", "line LINE: MSG" when the
// column is not known, or MSG when neither is.
func (e *InputError) Error() string {
	if e.Line > 0 && e.Col > 0 {
		return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
	}
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Records returns a source over recipients held in memory: maps such as a
// CRM export gives, with the key in the field named key (an empty key field
// name means "key"). Values are used as they are. The key is its field's
// value as text, as [KeyText] writes it: a string trimmed of surrounding
// white space, a number in plain digits (79991234567 decoded by
// encoding/json into a float64 is "79991234567", never "7.9991234567e+10"),
// so that it matches the suppression list. A record whose key field is
// missing or empty becomes an error row.
func Records(records []map[string]any, key string) iter.Seq2[Recipient, error] {
	if key == "" {
		key = "key"
	}
	return func(yield func(Recipient, error) bool) {
		for _, m := range records {
			r := Recipient{Data: m, Key: KeyText(m[key])}
			if r.Key == "" {
				r.Err = &InputError{Msg: fmt.Sprintf("the record has no %q field to use as its key", key)}
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

// KeyText returns a key field's value as a recipient key: a string (or a
// json.Number) trimmed of surrounding white space; an integer or a float in
// plain decimal digits, without an exponent (a phone number decoded by
// encoding/json as the float64 7.9991234567e+10 is "79991234567"); "" for
// nil; anything else as fmt.Sprint writes it, trimmed.
func KeyText(v any) string {
	switch k := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(k)
	case json.Number:
		return strings.TrimSpace(string(k))
	case float64:
		return strconv.FormatFloat(k, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(k), 'f', -1, 32)
	case int:
		return strconv.Itoa(k)
	case int64:
		return strconv.FormatInt(k, 10)
	case fmt.Stringer:
		return strings.TrimSpace(k.String())
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

// CSVOptions configures ReadCSV. A nil *CSVOptions means the defaults.
type CSVOptions struct {
	// Comma is the field separator; 0 detects ',', ';' or a tab from the
	// header line (the one that occurs most outside quotes; ',' on a tie).
	Comma rune
	// Key is the name of the key column; "" means a column named "key"
	// (in any letter case) if there is one, else the first column.
	Key string
	// MaxRecord is the longest record (header included) accepted, in bytes;
	// 0 means 1 MiB. A longer record stops the source: it is most likely a
	// quote that never closes, and the reader cannot tell where the next
	// record starts. It bounds the memory one record can take.
	MaxRecord int
	// Encoding is the file's character encoding; "" means UTF-8, where a
	// byte sequence that is not UTF-8 is an error. Set it for an export
	// saved in a legacy code page: EncodingWindows1251 for a CSV saved by
	// Excel or an older CRM on a Russian Windows, EncodingUTF16 for Excel's
	// "Unicode Text" (tab-separated UTF-16), EncodingAuto to go by the
	// bytes. A file that starts with a byte-order mark is read as the mark
	// says whatever Encoding says: the UTF-8 mark cannot begin a
	// Windows-1251 text (it would read "п»ї"), nor a UTF-16 mark a UTF-8
	// one. An Encoding that is
	// none of the constants stops the source with an error. MaxRecord counts
	// the bytes after decoding.
	Encoding Encoding
}

// notUTF8 is the error for text that is not UTF-8, at line and col, what
// naming it ("the header", "column \"Имя\""): when the bytes read as
// Windows-1251 Cyrillic it says so and sets Encoding.
func notUTF8(line, col int, what, text string) *InputError {
	if looksWindows1251([]byte(text)) {
		return &InputError{Line: line, Col: col, Encoding: EncodingWindows1251,
			Msg: what + " is not valid UTF-8 but reads as Windows-1251 Cyrillic (an export from Excel or an older CRM?); save the file as UTF-8, or read it as windows-1251"}
	}
	return &InputError{Line: line, Col: col, Msg: what + " is not valid UTF-8; save the file as UTF-8"}
}

// recordLimiter fails a read once more than max bytes (plus the read-ahead
// of csv.Reader's own buffer) have been read since the current record
// started.
type recordLimiter struct {
	r           io.Reader
	read, start int64
	max         int64
	afterLine   int // the line the current record follows, for the error
}

var errRecordTooLong = errors.New("record too long")

func (l *recordLimiter) Read(p []byte) (int, error) {
	if l.read-l.start > l.max+csvReadAhead {
		return 0, errRecordTooLong
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

const csvReadAhead = 64 << 10 // bytes; more than csv.Reader buffers

const bom = "\uFEFF"

// ReadCSV returns a source over a CSV file with a header row, as CRM exports
// write them: UTF-8 with or without a byte-order mark (or the encoding
// CSVOptions.Encoding names), fields separated by
// ',' or ';' (detected), quoted as RFC 4180 says. Header names are trimmed of
// white space; lines may end in CRLF, LF or, as classic Mac OS wrote them,
// CR alone; every column becomes a field of Data under its header name,
// the key column included.
//
// Errors are of two weights. A record the reader can still delimit is that
// recipient's error row (Recipient.Err, an *InputError with its line): a row
// with more or fewer fields than the header, a field that is not valid
// UTF-8, an empty key, a quoting error within one line (a bare quote, as in
// ООО "Ромашка" unquoted). A fault that makes the rest of the file
// unreadable stops the source with an *InputError: an empty file, a header
// that is not valid UTF-8 (the file is probably in Windows-1251: then
// InputError.Encoding says so), an empty or repeated header name, a quote that does not close before
// the next line, a record longer than CSVOptions.MaxRecord bytes (so memory
// stays bounded whatever the file).
func ReadCSV(r io.Reader, opts *CSVOptions) iter.Seq2[Recipient, error] {
	var o CSVOptions
	if opts != nil {
		o = *opts
	}
	return func(yield func(Recipient, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		head, _ := br.Peek(4)
		dec, err := o.Encoding.decoder(head)
		switch {
		case err != nil:
			yield(Recipient{}, &InputError{Msg: err.Error()})
			return
		case bytes.HasPrefix(head, []byte(bom)):
			br.Discard(len(bom))
		case isUTF16BOM(head):
			// The mark says what the file is, whatever Encoding says
			// (Excel's "Unicode Text" saved by someone who did not know).
			br = bufio.NewReaderSize(transform.NewReader(br, xunicode.BOMOverride(encoding.Nop.NewDecoder())), 64<<10)
		case o.Encoding == EncodingAuto:
			// No mark: UTF-8, unless the bytes read as Windows-1251.
			if head, _ := br.Peek(csvReadAhead); looksWindows1251(head) {
				br = bufio.NewReaderSize(transform.NewReader(br, charmap.Windows1251.NewDecoder()), 64<<10)
			}
		case dec != nil:
			br = bufio.NewReaderSize(transform.NewReader(br, dec.NewDecoder()), 64<<10)
		}
		if head, _ := br.Peek(csvReadAhead); crOnly(head) {
			br = bufio.NewReaderSize(crReader{br}, 64<<10)
		}
		comma := o.Comma
		if comma == 0 {
			comma = detectComma(br)
		}
		maxRecord := o.MaxRecord
		if maxRecord <= 0 {
			maxRecord = 1 << 20
		}
		lim := &recordLimiter{r: br, max: int64(maxRecord)}
		tooLong := func() error {
			return &InputError{Line: lim.afterLine + 1, Msg: fmt.Sprintf(
				"the record that starts here is longer than %d bytes: a quote that never closes? (CSV quoting: a field with a quote must be quoted, and its quotes doubled)", maxRecord)}
		}
		cr := csv.NewReader(lim)
		cr.Comma = comma
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		header, err := cr.Read()
		if err != nil {
			if errors.Is(err, errRecordTooLong) {
				err = tooLong()
			}
			if err == io.EOF {
				err = &InputError{Line: 1, Msg: "the file is empty: expected a header row"}
			}
			yield(Recipient{}, csvError(err))
			return
		}
		lim.afterLine = lastLine(cr, header)
		header = append([]string(nil), header...)
		headerCols := fieldCols(cr, header, comma)
		keyCol, err := csvHeader(header, o.Key, headerCols)
		if err != nil {
			yield(Recipient{}, err)
			return
		}
		for {
			lim.start = cr.InputOffset()
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if errors.Is(err, errRecordTooLong) {
				yield(Recipient{}, tooLong())
				return
			}
			if err != nil {
				if r, ok := csvRowError(err, header, keyCol, rec); ok {
					lim.afterLine = r.Line
					if !yield(r, nil) {
						return
					}
					continue
				}
				yield(Recipient{}, csvError(err))
				return
			}
			line, _ := cr.FieldPos(0)
			lim.afterLine = lastLine(cr, rec)
			if !yield(csvRecipient(header, keyCol, rec, line, func(i int) (int, int) {
				l, _ := cr.FieldPos(i)
				return l, fieldCol(cr, rec, i, comma)
			}), nil) {
				return
			}
		}
	}
}

// lastLine returns the line where the record just read ends.
func lastLine(cr *csv.Reader, rec []string) int {
	if len(rec) == 0 {
		return 0
	}
	line, _ := cr.FieldPos(len(rec) - 1)
	return line + strings.Count(rec[len(rec)-1], "\n")
}

// fieldCol returns the 1-based column in runes of the start of field i of
// the record rec that cr has just read. csv.Reader.FieldPos counts bytes;
// the bytes beyond one per rune before the field on its line are all in the
// fields before it (quotes and separators are ASCII, but for a non-ASCII
// separator), so they are subtracted.
func fieldCol(cr *csv.Reader, rec []string, i int, comma rune) int {
	line, col := cr.FieldPos(i)
	sepExtra := utf8.RuneLen(comma) - 1
	for j := i - 1; j >= 0; j-- {
		l, _ := cr.FieldPos(j)
		v := rec[j]
		if l != line { // a quoted field over several lines ends on this one
			v = v[strings.LastIndexByte(v, '\n')+1:]
		}
		col -= len(v) - utf8.RuneCountInString(v) + sepExtra
		if l != line {
			break
		}
	}
	return col
}

// fieldCols returns the rune column of every field of rec, which cr has
// just read (see fieldCol).
func fieldCols(cr *csv.Reader, rec []string, comma rune) []int {
	cols := make([]int, len(rec))
	for i := range rec {
		cols[i] = fieldCol(cr, rec, i, comma)
	}
	return cols
}

// detectComma picks the separator that occurs most, outside quotes, in the
// first line.
func detectComma(br *bufio.Reader) rune {
	buf, _ := br.Peek(64 << 10)
	var n [3]int
	seps := [3]byte{',', ';', '\t'}
	quoted := false
scan:
	for _, c := range buf {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			break scan
		default:
			for i, s := range seps {
				if c == s {
					n[i]++
				}
			}
		}
	}
	best := 0
	for i := range seps {
		if n[i] > n[best] {
			best = i
		}
	}
	return rune(seps[best])
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error() + " (CSV quoting: a field with a quote must be quoted, and its quotes doubled)"
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			msg = `a quote inside a field that is not quoted; put the field in quotes and double its quotes: "ООО ""Ромашка"""`
		case pe.StartLine > 0 && pe.StartLine != pe.Line:
			msg = fmt.Sprintf("the record that starts on line %d: %s", pe.StartLine, msg)
		}
		return &InputError{Line: pe.Line, Msg: msg}
	}
	return err
}

// csvRowError turns a quoting error confined to one line (a bare quote in
// an unquoted field, as in ООО "Ромашка"; a stray quote after a quoted
// field) into that record's error row: encoding/csv has consumed exactly
// that line, so the next record is read as usual. A quoting error over
// several lines (a quote that never closes) may have swallowed the records
// after it, so it stays fatal. rec holds the fields parsed before the
// fault; the key is taken from it when the key column is among them.
func csvRowError(err error, header []string, keyCol int, rec []string) (Recipient, bool) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) || pe.Line != pe.StartLine ||
		!(errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote)) {
		return Recipient{}, false
	}
	r := Recipient{Line: pe.StartLine, Err: csvError(err)}
	if keyCol < len(rec) && keyCol < len(header) {
		r.Key = strings.ToValidUTF8(strings.TrimSpace(rec[keyCol]), "\uFFFD")
	}
	return r, true
}

// csvHeader validates and trims the header in place and returns the key
// column's index. cols are the header fields' rune columns on line 1.
func csvHeader(header []string, key string, cols []int) (int, error) {
	seen := make(map[string]int, len(header))
	keyCol := -1
	for i, h := range header {
		if !utf8.ValidString(h) {
			return 0, notUTF8(1, cols[i], "the header", strings.Join(header, ","))
		}
		h = strings.TrimSpace(h)
		header[i] = h
		if h == "" {
			return 0, &InputError{Line: 1, Col: cols[i], Msg: fmt.Sprintf("column %d has no name in the header", i+1)}
		}
		if j, dup := seen[h]; dup {
			return 0, &InputError{Line: 1, Col: cols[i], Msg: fmt.Sprintf("columns %d and %d are both named %q", j+1, i+1, h)}
		}
		seen[h] = i
		switch {
		case key != "" && h == key:
			keyCol = i
		case key == "" && keyCol < 0 && strings.EqualFold(h, "key"):
			keyCol = i
		}
	}
	if keyCol < 0 {
		if key != "" {
			return 0, &InputError{Line: 1, Msg: fmt.Sprintf("no key column %q in the header", key)}
		}
		keyCol = 0
	}
	return keyCol, nil
}

// csvRecipient builds the recipient of record rec, which starts at line; pos
// gives a field's line and rune column, for an error row.
func csvRecipient(header []string, keyCol int, rec []string, line int, pos func(int) (line, col int)) Recipient {
	r := Recipient{Line: line}
	if keyCol < len(rec) {
		r.Key = strings.ToValidUTF8(strings.TrimSpace(rec[keyCol]), "\uFFFD")
	}
	if len(rec) != len(header) {
		r.Err = &InputError{Line: line, Msg: fmt.Sprintf("%d fields, but the header has %d", len(rec), len(header))}
		return r
	}
	for i, v := range rec {
		if !utf8.ValidString(v) {
			l, c := pos(i)
			r.Err = notUTF8(l, c, fmt.Sprintf("column %q", header[i]), v)
			return r
		}
	}
	if r.Key == "" {
		l, c := pos(keyCol)
		r.Err = &InputError{Line: l, Col: c, Msg: fmt.Sprintf("empty key in column %q", header[keyCol])}
		return r
	}
	r.Data = make(map[string]any, len(header))
	for i, v := range rec {
		r.Data[header[i]] = v
	}
	return r
}

// JSONOptions configures ReadJSONL. A nil *JSONOptions means the defaults.
type JSONOptions struct {
	// Key is the name of the key field; "" means "key".
	Key string
	// MaxLine is the longest line accepted, in bytes; 0 means 1 MiB. A
	// longer line is that record's error row; one that has not ended
	// after 64 MiB stops the source (an endless stream is not JSON Lines).
	MaxLine int
}

// maxSkip bounds how much of a line longer than JSONOptions.MaxLine is read
// past, in bytes, looking for its end.
const maxSkip = 64 << 20

// ReadJSONL returns a source over JSON Lines: one JSON object per line, its
// members the recipient's fields. Strings stay strings; integers become
// int64, or stay a json.Number, written as it was, when they do not fit
// (an order number of 20 digits is never rounded); other numbers become
// float64. The key field (a string or a number) is the key, as [KeyText]
// writes it. Blank lines are skipped; lines may end in LF, CRLF or CR alone,
// and a file with a UTF-16 byte-order mark is decoded by it. A line that is
// not a JSON object, has no key or is longer than MaxLine is that
// recipient's error row; only a read error of the underlying reader, or a
// line that has not ended after 64 MiB, stops the source.
func ReadJSONL(r io.Reader, opts *JSONOptions) iter.Seq2[Recipient, error] {
	var o JSONOptions
	if opts != nil {
		o = *opts
	}
	if o.Key == "" {
		o.Key = "key"
	}
	if o.MaxLine <= 0 {
		o.MaxLine = 1 << 20
	}
	return func(yield func(Recipient, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		if head, _ := br.Peek(2); isUTF16BOM(head) {
			// Saved as "Unicode" by a Windows editor: read by its mark.
			br = bufio.NewReaderSize(transform.NewReader(br, xunicode.BOMOverride(encoding.Nop.NewDecoder())), 64<<10)
		}
		if head, _ := br.Peek(csvReadAhead); crOnly(head) {
			br = bufio.NewReaderSize(crReader{br}, 64<<10)
		}
		var buf []byte
		for line := 1; ; line++ {
			buf = buf[:0]
			tooLong := false
			var err error
			skipped := 0
			for {
				var part []byte
				part, err = br.ReadSlice('\n')
				if len(buf)+len(part) > o.MaxLine {
					tooLong = true
					skipped += len(part)
				} else {
					buf = append(buf, part...)
				}
				if err != bufio.ErrBufferFull {
					break
				}
				if skipped > maxSkip {
					// No line break in sight: not JSON Lines, or an endless
					// stream (/dev/zero); reading on would never end.
					yield(Recipient{}, &InputError{Line: line, Msg: fmt.Sprintf("the line has not ended after %d MiB: this is not JSON Lines", maxSkip>>20)})
					return
				}
			}
			if err != nil && err != io.EOF {
				yield(Recipient{}, err)
				return
			}
			if line == 1 {
				buf = bytes.TrimPrefix(buf, []byte(bom))
			}
			text := bytes.TrimSpace(buf)
			if len(text) > 0 || tooLong {
				lead := buf[:len(buf)-len(bytes.TrimLeftFunc(buf, unicode.IsSpace))] // the white space before text
				rec := jsonRecipient(text, line, utf8.RuneCount(lead), o)
				if tooLong {
					rec = Recipient{Line: line, Err: &InputError{Line: line, Msg: fmt.Sprintf("line longer than %d bytes", o.MaxLine)}}
				}
				if !yield(rec, nil) {
					return
				}
			}
			if err == io.EOF {
				return
			}
		}
	}
}

// jsonErrorOffset returns the byte offset in the line's text of the fault
// that made dec.Decode return err, or, with a nil err, of the data after
// the object (dec.More has skipped the white space before it): the byte of
// a syntax error, the start of a value that is not an object, the end of a
// line (of n bytes) that ends too soon.
func jsonErrorOffset(err error, dec *json.Decoder, n int) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return int(se.Offset) - 1 // Offset counts the bytes read, the faulty one included
	case errors.As(err, &te):
		return 0 // Decode into a map fails only on a value that is not an object: the line's start
	case errors.Is(err, io.ErrUnexpectedEOF):
		return n
	}
	return int(dec.InputOffset())
}

// firstInvalid returns the offset of the first byte of b that does not start
// a valid UTF-8 sequence, or len(b).
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// jsonNumber returns a JSON number as an int64 when it is an integer that
// fits, as the json.Number itself when it is an integer that does not (an
// order number of 20 digits is sent as it was written, not rounded; the
// template reads it as a number too), and otherwise as a float64, which
// printf, int and round read as they always have: a decimal such as an
// export's 1499.9899999999998 is a float however many digits it has.
func jsonNumber(n json.Number) any {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return i
	}
	if !strings.ContainsAny(string(n), ".eE") {
		return n
	}
	if f, err := n.Float64(); err == nil {
		return f
	}
	return n
}

// jsonRecipient builds the recipient of one line's text, which lead runes of
// white space precede on the line.
func jsonRecipient(text []byte, line, lead int, o JSONOptions) Recipient {
	r := Recipient{Line: line}
	// col is the rune column of byte off of text.
	col := func(off int) int {
		off = min(max(off, 0), len(text))
		return lead + 1 + utf8.RuneCount(text[:off])
	}
	if !utf8.Valid(text) {
		r.Err = &InputError{Line: line, Col: col(firstInvalid(text)), Msg: "not valid UTF-8; save the file as UTF-8"}
		return r
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil || m == nil || dec.More() {
		msg := "not a JSON object"
		if err != nil {
			msg += ": " + err.Error()
		}
		off := 0 // a null: the line's start
		if err != nil || m != nil {
			off = jsonErrorOffset(err, dec, len(text))
		}
		r.Err = &InputError{Line: line, Col: col(off), Msg: msg}
		return r
	}
	for k, v := range m {
		if n, ok := v.(json.Number); ok {
			m[k] = jsonNumber(n)
		}
	}
	switch k := m[o.Key].(type) {
	case string, int64, float64, json.Number:
		r.Key = KeyText(k)
	}
	if r.Key == "" {
		r.Err = &InputError{Line: line, Msg: fmt.Sprintf("no %q member (a string or a number) to use as the key", o.Key)}
		return r
	}
	r.Data = m
	return r
}
