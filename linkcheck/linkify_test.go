package linkcheck_test

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spinwise/spinwise/linkcheck"
)

// linkifyCase is one case of testdata/linkify/links.txt.
type linkifyCase struct {
	line int
	in   string
	want string // the first link expected
}

var linkifyComment = regexp.MustCompile(`\s+%\s.*$|\s+%$`)

func readLinkify(t *testing.T, name string) (links []linkifyCase, notLinks []linkifyCase) {
	t.Helper()
	f, err := os.Open("testdata/linkify/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var block []linkifyCase
	flush := func() {
		if len(block) == 0 {
			return
		}
		c := block[0]
		c.want = c.in
		if len(block) > 1 {
			c.want = block[1].in
		}
		links = append(links, c)
		block = block[:0]
	}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "%") {
			continue
		}
		line = linkifyComment.ReplaceAllString(line, "")
		if name == "not_links.txt" {
			if strings.TrimSpace(line) != "" {
				notLinks = append(notLinks, linkifyCase{line: n, in: line})
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		block = append(block, linkifyCase{line: n, in: line})
	}
	flush()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return links, notLinks
}

// linkifyDiffers lists, by input, every fixture where spinwise decides
// differently from linkify-it, with what Check returns as the first link
// ("" for none) and why. TestLinkify fails when a listed case starts to agree
// (remove it then) or when an unlisted one differs.
var linkifyDiffers = map[string]struct{ got, why string }{
	// links.txt
	"//test.123":                  {"", "a protocol-relative host needs a public TLD or localhost; 123 is no TLD, and a WhatsApp message never needs a scheme-less local host"},
	`test."foo".bar@gmail.co.uk!`: {"bar@gmail.co.uk", "quoted local parts are not supported; the domain, which is what a checker judges, is still found"},
	"➡.ws/䨹":                      {"", "a bare host must start with a letter or digit: symbols and emoji glued to a domain (👉salon.ru) are common in WhatsApp text and are not part of it; with a scheme, http://➡.ws/ is found"},
	// not_links.txt
	"hppt://example.com":                {"example.com", "the host after an unknown or misspelt scheme is still a link a messenger shows (and hxxxp://bit.ly must not hide a shortener)"},
	"_http://example.com":               {"http://example.com", "'_' opens WhatsApp italics: _http://example.com_ is an italic link, and a checker should rather report than miss"},
	"_//example.com":                    {"//example.com", "as above: '_' is WhatsApp italics markup"},
	"_example.com":                      {"example.com", "as above: '_' is WhatsApp italics markup"},
	"http://example.com_":               {"http://example.com", "a trailing '_' closes WhatsApp italics and is trimmed"},
	"google.com:500000 // invalid port": {"google.com", "an invalid port is not part of the link, but the host before it is still a link a reader can follow"},
	"path:to:file.pm":                   {"file.pm", "pm is a real TLD (Saint Pierre and Miquelon) and 'Сайт:salon.ru' is common in Russian text, so a host after ':' is a link"},
	"///test.com":                       {"test.com", "a host after two or more slashes is a link a reader can follow (a browser skips any run of slashes after http:), so ///bit.ly/x must not hide a shortener"},
}

func TestLinkify(t *testing.T) {
	links, _ := readLinkify(t, "links.txt")
	_, notLinks := readLinkify(t, "not_links.txt")
	if len(links) < 100 || len(notLinks) < 30 {
		t.Fatalf("read %d links and %d not-links: fixture format changed?", len(links), len(notLinks))
	}
	c := linkcheck.New(nil)
	used := map[string]bool{}
	check := func(file string, lc linkifyCase) {
		got := ""
		if ls := c.Check(lc.in); len(ls) > 0 {
			got = ls[0].Text
		}
		if d, ok := linkifyDiffers[lc.in]; ok {
			used[lc.in] = true
			if got != d.got {
				t.Errorf("%s:%d %q: got %q, the listed difference says %q", file, lc.line, lc.in, got, d.got)
			}
			return
		}
		if got != lc.want {
			t.Errorf("%s:%d %q: got %q, want %q", file, lc.line, lc.in, got, lc.want)
		}
	}
	for _, lc := range links {
		check("links.txt", lc)
	}
	for _, lc := range notLinks {
		check("not_links.txt", lc)
	}
	for in := range linkifyDiffers {
		if !used[in] {
			t.Errorf("listed difference %q is not in the fixtures", in)
		}
	}
}

// TestLinkifyWrapped re-runs the fixtures that agree inside Russian text.
func TestLinkifyWrapped(t *testing.T) {
	links, _ := readLinkify(t, "links.txt")
	_, notLinks := readLinkify(t, "not_links.txt")
	c := linkcheck.New(nil)
	for _, lc := range append(links, notLinks...) {
		if _, ok := linkifyDiffers[lc.in]; ok {
			continue
		}
		for _, w := range [][2]string{{"Ссылка: ", " спасибо"}, {"\n", " \n"}} {
			msg := w[0] + lc.in + w[1]
			got := ""
			if ls := c.Check(msg); len(ls) > 0 {
				got = ls[0].Text
				if ls[0].Start < len(w[0]) {
					t.Errorf("%q: link %q starts in the wrapping", msg, got)
				}
			}
			if got != lc.want {
				t.Errorf("%d %q: got %q, want %q", lc.line, msg, got, lc.want)
			}
		}
	}
}
