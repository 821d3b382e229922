package randomizer_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spinwise/spinwise/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenSources are enumerated into testdata/enumerate/NAME.golden: one
// variant a line, Go-quoted, in All's order.
func goldenSources() map[string]string {
	m := map[string]string{
		"nested":      "{x|y} {q {x|y}|r}",
		"permutation": "[+, +кофе|{чай|какао}|выпечка]",
		"mixed":       "{{Имя}}, {|добрый день, }[a|b] {=Document:NAME} {[акция]|\\{скидка\\}}",
		"deep":        "{a{b{c|d}|e}|f}{g|}",
	}
	for _, name := range []string{"appointment", "order_status", "welcome"} {
		m[name] = corpus.Template(name)
	}
	return m
}

func TestGoldenEnumerations(t *testing.T) {
	for name, src := range goldenSources() {
		t.Run(name, func(t *testing.T) {
			s := mustParse(t, src)
			var b strings.Builder
			fmt.Fprintf(&b, "# All() of %q: %v variants\n", src, s.Count())
			for v := range s.All() {
				fmt.Fprintf(&b, "%q\n", v)
			}
			path := filepath.Join("testdata", "enumerate", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("%s (-golden +got):\n%s", path, diff)
			}
		})
	}
}

// generate24K builds the deterministic ~24 KB template of the benchmarks
// (testdata/generated_24k.txt, which bench/js/spintax.mjs reads too):
// Russian sentences with choice groups nested up to three deep,
// permutations with and without a separator, {{...}} and {=...}
// placeholders, and escapes.
func generate24K() string {
	r := rand.New(rand.NewPCG(24, 1024))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	greet := []string{"Здравствуйте", "Добрый день", "Приветствуем", "Доброго времени суток"}
	verbs := []string{"напоминаем", "сообщаем", "хотим рассказать", "спешим поделиться"}
	nouns := []string{"о новой акции", "о скидке", "о поступлении товара", "о смене графика", "о бонусах"}
	items := []string{"кофе", "чай", "выпечка", "десерты", "сэндвичи", "салаты"}
	ph := []string{"{{Имя}}", "{{ .Имя | default \"друг\" }}", "{=Document:NAME}", "{{Компания}}", "{{Дата}}"}
	var b strings.Builder
	for b.Len() < 24*1024 {
		fmt.Fprintf(&b, "{%s|%s|%s}, %s! ", pick(greet), pick(greet), pick(greet), pick(ph))
		fmt.Fprintf(&b, "{Мы|Команда {салона|магазина|сервиса}} {%s|%s} %s. ", pick(verbs), pick(verbs), pick(nouns))
		switch r.IntN(3) {
		case 0:
			fmt.Fprintf(&b, "В меню: [+, +%s|%s|%s]. ", pick(items), pick(items), pick(items))
		case 1:
			fmt.Fprintf(&b, "[Только сегодня|Успейте] {%d|{{Скидка}}}%% {на всё|на {кофе|чай}}. ", 5+r.IntN(20))
		default:
			fmt.Fprintf(&b, "Подробности [в приложении] \\{%d\\} {по ссылке|{у менеджера|у {{Менеджер}}}}. ", r.IntN(100))
		}
		b.WriteString("{Хорошего дня|До встречи|Ждём вас}{!|.}\n")
	}
	return b.String()
}

func TestGenerated24K(t *testing.T) {
	src := generate24K()
	path := filepath.Join("testdata", "generated_24k.txt")
	if *update {
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != src {
		t.Fatalf("%s is not what generate24K builds; run go test -update", path)
	}
	s := mustParse(t, src)
	if len(s.Groups()) < 500 || len(s.Placeholders()) < 100 {
		t.Errorf("generated template has only %d groups and %d placeholders", len(s.Groups()), len(s.Placeholders()))
	}
}
