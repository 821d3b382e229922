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

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/randomizer"
	"github.com/spinwise/spinwise/template"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// positioned is a syntax error that can print its source line with a caret
// under the column.
type positioned interface {
	ErrorWithPosition(name, src string) string
}

// syntaxError returns err's template or spintax syntax error.
func syntaxError(err error) (positioned, bool) {
	var te *template.Error
	if errors.As(err, &te) {
		return te, true
	}
	var se *randomizer.SyntaxError
	if errors.As(err, &se) {
		return se, true
	}
	return nil, false
}

// printSyntax prints "file:line:col: message", the source line and a caret
// under the column (columns count runes; tabs are kept so the caret lines
// up; a long line is cut to 80 runes around the column).
func printSyntax(w io.Writer, file, src string, p positioned) {
	fmt.Fprint(w, asFlags(p.ErrorWithPosition(file, src)))
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

// openData opens the recipients file ("-": stdin) as CSV or JSON Lines:
// format "csv" or "jsonl", or "" to decide by the extension (.jsonl,
// .ndjson, .json: JSON Lines; .csv: CSV) or else by the first character
// ('{': JSON Lines). enc is -encoding, for CSV; JSON Lines are UTF-8.
func (c *cli) openData(name, format, key, enc string) (*dataSource, error) {
	charset, err := campaign.ParseEncoding(enc)
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
		if charset != campaign.EncodingUTF8 && charset != campaign.EncodingAuto {
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
