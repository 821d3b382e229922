package campaign

import (
	"bytes"
	"io"
)

// crOnly reports whether head, the start of a text file, ends its lines
// with a carriage return alone, as classic Mac OS did (Excel for Mac up to
// 2011 saves "CSV (Macintosh)" so): a CR and no LF. Read as it is, such a
// file is one long header line and no rows.
func crOnly(head []byte) bool {
	return bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0
}

// crReader reads a file of CR-only line ends as LF-ended lines.
type crReader struct{ r io.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}
