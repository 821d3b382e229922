package srcpos_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spinwise/spinwise/internal/srcpos"
)

func TestPosition(t *testing.T) {
	rows := []struct {
		name      string
		src       string
		off       int
		line, col int
		why       string
	}{
		{name: "start", src: "abc", off: 0, line: 1, col: 1},
		{name: "ascii", src: "abc", off: 2, line: 1, col: 3},
		{name: "cyrillic", src: "Привет {", off: len("Привет "), line: 1, col: 8, why: "columns count runes, not bytes"},
		{name: "second line", src: "ab\nвг|", off: len("ab\nвг"), line: 2, col: 3},
		{name: "on the newline", src: "ab\ncd", off: 2, line: 1, col: 3, why: "the newline belongs to the line it ends"},
		{name: "after the newline", src: "ab\n", off: 3, line: 2, col: 1},
		{name: "crlf", src: "a\r\nb", off: 3, line: 2, col: 1},
		{name: "invalid byte", src: "a\xffb", off: 2, line: 1, col: 3, why: "an invalid UTF-8 byte counts as one rune"},
		{name: "past the end", src: "ab", off: 9, line: 1, col: 3, why: "an offset past the end is clamped"},
		{name: "negative", src: "ab", off: -1, line: 1, col: 1, why: "a negative offset is clamped"},
		{name: "empty", src: "", off: 0, line: 1, col: 1},
	}
	for _, r := range rows {
		line, col := srcpos.Position(r.src, r.off)
		if line != r.line || col != r.col {
			t.Errorf("%s: Position(%q, %d) = %d:%d, want %d:%d (%s)", r.name, r.src, r.off, line, col, r.line, r.col, r.why)
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("а", 100) + "{" + strings.Repeat("б", 100)
	rows := []struct {
		name      string
		src       string
		line, col int
		want      string
		why       string
	}{
		{name: "first line", src: "Привет {мир", line: 1, col: 8, want: "\tПривет {мир\n\t       ^\n"},
		{name: "second line", src: "a\n{b|c\nd", line: 2, col: 1, want: "\t{b|c\n\t^\n"},
		{name: "tabs kept", src: "\ta\t{", line: 1, col: 4, want: "\t\ta\t{\n\t\t \t^\n", why: "a tab in the line is a tab in the padding, so the caret lines up whatever the tab width"},
		{name: "crlf", src: "a{\r\nb", line: 1, col: 2, want: "\ta{\n\t ^\n", why: "the line's \\r is not printed"},
		{name: "end of line", src: "ab", line: 1, col: 3, want: "\tab\n\t  ^\n", why: "an unclosed group reported at the end"},
		{name: "invalid byte kept", src: "a\xff{", line: 1, col: 3, want: "\ta\xff{\n\t  ^\n"},
		{name: "no such line", src: "a\nb", line: 3, col: 1, want: ""},
		{name: "line 0", src: "a", line: 0, col: 1, want: ""},
		{name: "exactly the window", src: strings.Repeat("x", srcpos.Window), line: 1, col: 80,
			want: "\t" + strings.Repeat("x", 80) + "\n\t" + strings.Repeat(" ", 79) + "^\n"},
		{name: "long line, middle", src: long, line: 1, col: 101,
			want: "\t…" + strings.Repeat("а", 40) + "{" + strings.Repeat("б", 39) + "…\n\t" + strings.Repeat(" ", 41) + "^\n",
			why:  "a long line is cut to the window around the column, each cut marked"},
		{name: "long line, start", src: long, line: 1, col: 1,
			want: "\t" + strings.Repeat("а", 80) + "…\n\t^\n"},
		{name: "long line, end", src: long, line: 1, col: 202,
			want: "\t…" + strings.Repeat("б", 80) + "\n\t" + strings.Repeat(" ", 81) + "^\n",
			why:  "a column after the last rune keeps the line's end in view"},
	}
	for _, r := range rows {
		if got := srcpos.Excerpt(r.src, r.line, r.col); got != r.want {
			t.Errorf("%s: Excerpt(%d:%d) =\n%q\nwant\n%q\n(%s)", r.name, r.line, r.col, got, r.want, r.why)
		}
	}
}

// A ten-megabyte one-line template prints a bounded excerpt.
func TestExcerptHugeLine(t *testing.T) {
	src := strings.Repeat("{a|b}", 2<<20) + "{"
	line, col := srcpos.Position(src, len(src)-1)
	got := srcpos.Excerpt(src, line, col)
	if n := utf8.RuneCountInString(got); n > 2*(srcpos.Window+8) {
		t.Fatalf("excerpt of a %d-byte line is %d runes", len(src), n)
	}
	if !strings.Contains(got, "|b}{\n") || !strings.HasSuffix(got, strings.Repeat(" ", srcpos.Window)+"^\n") {
		t.Errorf("excerpt does not end at the fault:\n%q", got)
	}
}

func FuzzExcerpt(f *testing.F) {
	f.Add("Привет {мир", 7)
	f.Add("a\n\tb\r\nc", 5)
	f.Fuzz(func(t *testing.T, src string, off int) {
		line, col := srcpos.Position(src, off)
		if line < 1 || col < 1 {
			t.Fatalf("Position(%q, %d) = %d:%d", src, off, line, col)
		}
		got := srcpos.Excerpt(src, line, col)
		lines := strings.Split(got, "\n")
		if len(lines) != 3 || lines[2] != "" || !strings.HasSuffix(lines[1], "^") {
			t.Fatalf("Excerpt(%q, %d, %d) = %q: want two lines, the second ending in a caret", src, line, col, got)
		}
		if n := utf8.RuneCountInString(lines[0]); n > srcpos.Window+3 {
			t.Fatalf("excerpt line of %d runes", n)
		}
		if !strings.Contains(src, strings.Trim(lines[0][1:], "…")) {
			t.Fatalf("excerpt %q is not from the source", lines[0])
		}
	})
}

func ExampleExcerpt() {
	src := "Здравствуйте!\n{Ждём вас|Приходите в {пятницу|субботу}"
	line, col := srcpos.Position(src, strings.Index(src, "{Ждём"))
	fmt.Printf("%d:%d\n", line, col)
	fmt.Print(srcpos.Excerpt(src, line, col))
	// Output:
	// 2:1
	// 	{Ждём вас|Приходите в {пятницу|субботу}
	// 	^
}

func ExampleFormat() {
	src := "Добрый день, {{Имя}!"
	fmt.Print(srcpos.Format("hello.txt", 1, 14, `"{{" is not closed`, src))
	// Output:
	// hello.txt:1:14: "{{" is not closed
	// 	Добрый день, {{Имя}!
	// 	             ^
}
