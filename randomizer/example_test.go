package randomizer_test

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"

	"github.com/spinwise/spinwise/randomizer"
)

func ExampleParse() {
	s, err := randomizer.Parse("{Здравствуйте|Добрый день}, {{Имя}}! [+, +кофе|чай] \\{не группа\\}")
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Count(), "variants")
	fmt.Println(s.Placeholders()[0].Text)

	_, err = randomizer.Parse("Привет,\n{друг|коллега")
	var se *randomizer.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Line, se.Col, se.Offset)
		fmt.Println(err)
	}
	// Output:
	// 4 variants
	// {{Имя}}
	// 2 1 14
	// randomizer:2:1: unclosed '{'; close it with '}' or escape it as '\{'
}

func ExampleSpintax_Spin() {
	s, _ := randomizer.Parse("{Привет|Здравствуйте}, {{Имя}}! {Как дела|Как жизнь}?")
	r := rand.New(rand.NewPCG(7, 7)) // inject the randomness: repeatable
	for range 5 {
		fmt.Println(s.Spin(r))
	}
	// Output:
	// Здравствуйте, {{Имя}}! Как жизнь?
	// Привет, {{Имя}}! Как дела?
	// Здравствуйте, {{Имя}}! Как жизнь?
	// Здравствуйте, {{Имя}}! Как дела?
	// Привет, {{Имя}}! Как дела?
}

// A sender renders message after message into one buffer: AppendSpin
// allocates nothing once the buffer has grown to the longest variant.
func ExampleSpintax_AppendSpin() {
	s, _ := randomizer.Parse("{Привет|Здравствуйте}, {{Имя}}! [+, +чай|кофе|сок]?")
	r := rand.New(rand.NewPCG(7, 7))
	var buf []byte
	for range 3 {
		buf = s.AppendSpin(buf[:0], r)
		fmt.Printf("%s\n", buf) // or write buf to the request body
	}
	// Output:
	// Здравствуйте, {{Имя}}! кофе, чай, сок?
	// Здравствуйте, {{Имя}}! чай, кофе, сок?
	// Привет, {{Имя}}! сок, кофе, чай?
}

func ExampleSpintax_Count() {
	s, _ := randomizer.Parse(strings.Repeat("{a|b|c|d|e|f|g|h|i|j}", 30) + "[x|y|z]")
	fmt.Println(s.Count()) // 10^30 * 3!: far beyond an int64
	// Output:
	// 6000000000000000000000000000000
}

func ExampleSpintax_All() {
	s, _ := randomizer.Parse("{x|y} {q {x|y}|r}")
	for v := range s.All() {
		fmt.Println(v)
	}
	// Output:
	// x q x
	// x q y
	// x r
	// y q x
	// y q y
	// y r
}

func ExampleSpintax_All_permutation() {
	s, _ := randomizer.Parse("[+, +a|b|c]")
	for v := range s.All() {
		fmt.Println(v)
	}
	// Output:
	// a, b, c
	// a, c, b
	// b, a, c
	// b, c, a
	// c, a, b
	// c, b, a
}

func ExampleSpintax_Sample() {
	s, _ := randomizer.Parse("{Добрый день|Здравствуйте}, {{Имя}}! {Ваш заказ|Заказ} {готов|ждёт вас}.")
	// Eight variants, each exactly once, in an order fixed by the seed:
	// eight recipients get eight different texts.
	for i, text := range s.Sample(2025) {
		fmt.Println(i, text)
	}
	// Output:
	// 0 Добрый день, {{Имя}}! Ваш заказ готов.
	// 5 Здравствуйте, {{Имя}}! Ваш заказ ждёт вас.
	// 2 Добрый день, {{Имя}}! Заказ готов.
	// 1 Добрый день, {{Имя}}! Ваш заказ ждёт вас.
	// 6 Здравствуйте, {{Имя}}! Заказ готов.
	// 4 Здравствуйте, {{Имя}}! Ваш заказ готов.
	// 3 Добрый день, {{Имя}}! Заказ ждёт вас.
	// 7 Здравствуйте, {{Имя}}! Заказ ждёт вас.
}

func ExampleSpintax_SampleAt() {
	s, _ := randomizer.Parse(strings.Repeat("{0|1|2|3|4|5|6|7|8|9}", 200)) // 10^200 variants
	// A campaign that already sent a million messages resumes here.
	i, _ := s.SampleAt(7, big.NewInt(1_000_000))
	v, _ := s.Variant(i)
	fmt.Println(v == fmt.Sprintf("%0200s", i.String()))
	// Output:
	// true
}

func ExampleSpintax_Variant() {
	s, _ := randomizer.Parse("{a|b}{c|d}")
	v, _ := s.Variant(big.NewInt(2))
	fmt.Println(v)
	_, err := s.Variant(big.NewInt(4))
	fmt.Println(errors.Is(err, randomizer.ErrIndexRange))
	// Output:
	// bc
	// true
}

func ExampleSpintax_String() {
	s, _ := randomizer.Parse(`[акция] {a|b}|c [+ и +чай|кофе] \x`)
	fmt.Println(s.String())
	// Output:
	// \[акция\] {a|b}\|c [+ и +чай|кофе] \\x
}

func ExampleSpintax_LengthRange() {
	s, _ := randomizer.Parse("{Привет|Здравствуйте}, {{Имя}}!")
	fmt.Println(s.LengthRange()) // in runes; {{Имя}} counts as its 7 runes
	// Output:
	// 16 22
}

// upper renders placeholders as [NAME], showing what an Emitter receives.
type upper struct {
	b   strings.Builder
	phs []randomizer.Placeholder
}

func (u *upper) Text(s string)     { u.b.WriteString(s) }
func (u *upper) Placeholder(i int) { u.b.WriteString(strings.ToUpper(u.phs[i].Text)) }

func ExampleSpintax_SpinTo() {
	s, _ := randomizer.Parse("{Привет|Здравствуйте}, {{Имя}}!")
	e := &upper{phs: s.Placeholders()}
	s.SpinTo(rand.New(rand.NewPCG(1, 2)), e)
	fmt.Println(e.b.String())
	// Output:
	// Привет, {{ИМЯ}}!
}

func ExampleSpintax_Groups() {
	src := "{a|[b|c]}"
	s, _ := randomizer.Parse(src)
	for _, g := range s.Groups() {
		fmt.Printf("%s perm=%v options:", src[g.Offset:g.End], g.Permutation)
		for _, o := range g.Options {
			fmt.Printf(" %q", src[o[0]:o[1]])
		}
		fmt.Println()
	}
	// Output:
	// {a|[b|c]} perm=false options: "a" "[b|c]"
	// [b|c] perm=true options: "b" "c"
}

func ExampleParseSyntax() {
	s, err := randomizer.ParseSyntax("{{Бытует|Существует} мнение|Многие думают}, что [+и+чай|кофе] при{вет|вед} .", randomizer.TextRandomizer)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Count(), "variants")
	for v := range s.All() {
		fmt.Println(v)
		break
	}
	// Output:
	// 12 variants
	// Бытует мнение, что чай и кофе при вет.
}

func ExampleSyntax() {
	for _, syntax := range []randomizer.Syntax{randomizer.Spinwise, randomizer.TextRandomizer} {
		s, _ := randomizer.ParseSyntax("[акция] a|b", syntax)
		fmt.Printf("%s: %v variants, parsed as %s\n", syntax, s.Count(), s.Syntax())
	}
	// Output:
	// spinwise: 1 variants, parsed as spinwise
	// textrandomizer: 2 variants, parsed as textrandomizer
}

// ErrorWithPosition prints a syntax error as the CLI does: the file name,
// line and column, then the source line with a caret under the fault.
func ExampleSyntaxError_ErrorWithPosition() {
	src := "Здравствуйте!\n{Ждём вас|Приходите} в {пятницу|субботу"
	_, err := randomizer.Parse(src)
	var se *randomizer.SyntaxError
	if errors.As(err, &se) {
		fmt.Print(se.ErrorWithPosition("invite.txt", src))
	}
	// Output:
	// invite.txt:2:24: unclosed '{'; close it with '}' or escape it as '\{'
	// 	{Ждём вас|Приходите} в {пятницу|субботу
	// 	                       ^
}
