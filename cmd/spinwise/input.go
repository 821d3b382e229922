package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/randomizer"
	"github.com/spinwise/spinwise/template"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// syntaxPos is a template syntax error's position and message.
type syntaxPos struct {
	offset, line, col int
	msg               string
}

func syntaxError(err error) (syntaxPos, bool) {
	var te *template.Error
	if errors.As(err, &te) {
		return syntaxPos{te.Offset, te.Line, te.Col, te.Msg}, true
	}
	var se *randomizer.SyntaxError
	if errors.As(err, &se) {
		return syntaxPos{se.Offset, se.Line, se.Col, se.Msg}, true
	}
	return syntaxPos{}, false
}

// excerptRunes is how many runes of the faulty line printSyntax shows on
// each side of the fault: a one-line template of megabytes prints a window
// around the fault, not the line.
const excerptRunes = 40

// printSyntax prints "file:line:col: message", the source line around the
// fault (at most excerptRunes runes each side, "…" where it is cut) and a
// caret under the column (tabs are kept so the caret lines up).
func printSyntax(w io.Writer, file, src string, p syntaxPos) {
	fmt.Fprintf(w, "%s:%d:%d: %s\n", file, p.line, p.col, p.msg)
	if p.offset < 0 || p.offset > len(src) {
		return
	}
	start := strings.LastIndexByte(src[:p.offset], '\n') + 1
	end := strings.IndexByte(src[p.offset:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += p.offset
	}
	end = start + len(strings.TrimRight(src[start:end], "\r"))
	// Walk back and forth from the fault by runes.
	from := p.offset
	for n := 0; from > start && n < excerptRunes; n++ {
		_, size := utf8.DecodeLastRuneInString(src[start:from])
		from -= size
	}
	to := min(p.offset, end)
	for n := 0; to < end && n < excerptRunes; n++ {
		_, size := utf8.DecodeRuneInString(src[to:end])
		to += size
	}
	var text, pad strings.Builder
	if from > start {
		text.WriteString("…")
		pad.WriteByte(' ')
	}
	text.WriteString(src[from:to])
	for _, r := range src[from:min(p.offset, end)] {
		if r == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	if to < end {
		text.WriteString("…")
	}
	fmt.Fprintf(w, "\t%s\n\t%s^\n", text.String(), pad.String())
}

// maxTemplateBytes caps a template file: far beyond any message (a rendered
// message is at most 64 KiB), and small enough to read whole.
const maxTemplateBytes = 16 << 20

// readTemplate reads a template file ("-": stdin), at most
// maxTemplateBytes: a byte-order mark is dropped (UTF-16 with its BOM is
// decoded), and the final line breaks end the file, not the message.
func (c *cli) readTemplate(file string) (string, error) {
	b, err := c.readInput(file, "a template", maxTemplateBytes)
	if err != nil {
		return "", err
	}
	if b, err = decodeBOM(b); err != nil {
		return "", fmt.Errorf("%s: %v", displayName(file), err)
	}
	return strings.TrimRight(string(crLines(b)), "\r\n"), nil
}

// crLines turns the line ends of a text whose lines end in CR alone
// (classic Mac OS) into LF; other texts are returned as they are.
func crLines(b []byte) []byte {
	if bytes.IndexByte(b, '\n') >= 0 || bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

// decodeBOM drops a UTF-8 byte-order mark and decodes UTF-16 that starts
// with its mark (Notepad's "Unicode"); other bytes are returned as they are.
func decodeBOM(b []byte) ([]byte, error) {
	if bytes.HasPrefix(b, []byte("\xff\xfe")) || bytes.HasPrefix(b, []byte("\xfe\xff")) {
		d, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), b)
		if err != nil {
			return nil, fmt.Errorf("UTF-16 that cannot be decoded: %v", err)
		}
		return d, nil
	}
	return bytes.TrimPrefix(b, []byte("\uFEFF")), nil
}

// loadTemplate reads a template file ("-": stdin) and builds the campaign.
// On failure it prints the error and returns the exit code.
func (c *cli) loadTemplate(cmd, file string, opts *campaign.Options) (*campaign.Campaign, string, int) {
	src, err := c.readTemplate(file)
	if err != nil {
		return nil, "", c.errorf(exitUsage, cmd, "%v", err)
	}
	camp, err := campaign.New(src, opts)
	if err != nil {
		if p, ok := syntaxError(err); ok {
			printSyntax(c.stderr, displayName(file), src, p)
			return nil, src, exitUsage
		}
		return nil, src, c.errorf(exitUsage, cmd, "%s: %v", displayName(file), err)
	}
	return camp, src, exitOK
}

func displayName(file string) string {
	if file == "-" {
		return "<stdin>"
	}
	return file
}

func parseUnit(s string) (chunk.Unit, error) {
	switch strings.ToLower(s) {
	case "runes", "rune", "":
		return chunk.Runes, nil
	case "utf16", "utf-16":
		return chunk.UTF16, nil
	case "graphemes", "grapheme":
		return chunk.Graphemes, nil
	}
	return 0, fmt.Errorf("unknown unit %q: use runes, utf16 or graphemes", s)
}

// dataSource is an opened recipients file.
type dataSource struct {
	recipients iter.Seq2[campaign.Recipient, error]
	counter    *countingReader
	size       int64  // bytes; 0 when unknown (stdin)
	format     string // "csv" or "jsonl"
	close      func()
	// interrupt closes the file being read (stdin too), so that a read
	// blocked on a pipe or looping over an endless stream ends.
	interrupt func()
}

// firstByte returns the first byte of the data after a byte-order mark and
// white space (within the first 4 KiB), or 0, without consuming anything.
func firstByte(br *bufio.Reader) byte {
	head, _ := br.Peek(4096)
	if head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n"); len(head) > 0 {
		return head[0]
	}
	return 0
}

// parseEncoding returns the encoding of CSV data that -encoding names; nil
// is UTF-8.
func parseEncoding(s string) (encoding.Encoding, error) {
	switch strings.ToLower(s) {
	case "utf-8", "utf8", "":
		return nil, nil
	case "windows-1251", "cp1251", "1251":
		return charmap.Windows1251, nil
	case "utf-16", "utf16", "unicode":
		// Excel's "Unicode Text": little-endian unless its BOM says not
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	}
	return nil, fmt.Errorf("unknown encoding %q: use utf-8, windows-1251 or utf-16", s)
}

// openData opens the recipients file ("-": stdin) as CSV or JSON Lines:
// format "csv" or "jsonl", or "" to decide by the extension (.jsonl,
// .ndjson, .json: JSON Lines; .csv: CSV) or else by the first character
// ('{': JSON Lines). enc is -encoding, for CSV; JSON Lines are UTF-8.
func (c *cli) openData(name, format, key, enc string) (*dataSource, error) {
	charset, err := parseEncoding(enc)
	if err != nil {
		return nil, err
	}
	ds := &dataSource{close: func() {}, interrupt: func() {}}
	var r io.Reader
	if name == "-" {
		r = c.stdin
		if f, ok := c.stdin.(*os.File); ok {
			ds.interrupt = func() { f.Close() }
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				f.Close()
				return nil, fmt.Errorf("%s is a directory", name)
			}
			ds.size = st.Size()
		}
		r = f
		ds.close = func() { f.Close() }
		ds.interrupt = ds.close
	}
	ds.counter = &countingReader{r: r}
	br := bufio.NewReaderSize(ds.counter, 64<<10)
	format = strings.ToLower(format)
	if format == "" || format == "auto" {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".jsonl", ".ndjson", ".json":
			format = "jsonl"
		case ".csv":
			format = "csv"
		default:
			format = "csv"
			if firstByte(br) == '{' {
				format = "jsonl"
			}
		}
	}
	ds.format = format
	switch format {
	case "csv":
		ds.recipients = campaign.ReadCSV(br, &campaign.CSVOptions{Key: key, Encoding: charset})
	case "jsonl":
		if charset != nil {
			ds.close()
			return nil, fmt.Errorf("-encoding %s: JSON Lines are always UTF-8", enc)
		}
		// A JSON array (an API's answer saved as .json) would be read line
		// by line as broken objects, one error row per line.
		if firstByte(br) == '[' {
			ds.close()
			return nil, fmt.Errorf("%s holds a JSON array; -data reads JSON Lines, one object per line (jq -c '.[]' converts an array)", displayName(name))
		}
		ds.recipients = campaign.ReadJSONL(br, &campaign.JSONOptions{Key: key})
	default:
		ds.close()
		return nil, fmt.Errorf("unknown data format %q: use csv or jsonl", format)
	}
	return ds, nil
}
