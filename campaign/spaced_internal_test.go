package campaign

import "testing"

func TestSpaceBeforeDot(t *testing.T) {
	cases := []struct {
		in   string
		want bool
		why  string
	}{
		{"bit . ly/abc", true, "a spaced dot: the tidy would glue it"},
		{"site :8080", true, "a spaced colon"},
		{"a b c.", false, "spaces, but none right before a dot"},
		{"ООО «Ромашка» . Москва", true, "after Cyrillic text"},
		{"trailing space ", false, "a space at the end has nothing after it"},
		{" .", true, "at the start"},
		{"", false, "empty"},
		{"a.b:c", false, "no spaces at all"},
	}
	for _, tc := range cases {
		if got := spaceBeforeDot(tc.in); got != tc.want {
			t.Errorf("spaceBeforeDot(%q) = %v, want %v: %s", tc.in, got, tc.want, tc.why)
		}
	}
}
