package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"128 variants; the template reads [Заказ Имя]",
		"link https://shop.example.ru/track/545134: ",
		"[1/2] ",
		"Павел",
		"without a name: ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	msgs, _, _ := strings.Cut(got, "without a name")
	if strings.Contains(msgs, "{{") {
		t.Errorf("a placeholder was left in the output:\n%s", got)
	}
}
