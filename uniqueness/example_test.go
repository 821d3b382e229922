package uniqueness_test

import (
	"fmt"

	"github.com/spinwise/spinwise/uniqueness"
)

func ExampleDistance() {
	fmt.Println(uniqueness.Distance("Здравствуйте, Анна!", "Здравствуйте, Яна!"))
	fmt.Println(uniqueness.Distance("kitten", "sitting"))
	// Output:
	// 2
	// 3
}

func ExampleSimilarity() {
	fmt.Printf("%.2f\n", uniqueness.Similarity("Ваш заказ отправлен", "Ваш заказ доставлен"))
	s, ok := uniqueness.SimilarityAtLeast("Ваш заказ отправлен", "Добрый день!", 0.8)
	fmt.Println(s, ok)
	// Output:
	// 0.79
	// 0 false
}

func ExamplePattern() {
	p := uniqueness.NewPattern("Напоминаем о записи на завтра")
	for _, msg := range []string{"Напоминаем о записи на среду", "Хотим напомнить о записи"} {
		d, ok := p.DistanceAtMost(msg, 6)
		fmt.Println(d, ok)
	}
	// Output:
	// 6 true
	// 7 false
}

func ExamplePattern_Reset() {
	// One Pattern for a whole batch: each message is the pattern in turn,
	// compared with the next one, and Reset reuses its memory.
	msgs := []string{
		"Анна, ваш заказ №1021 отправлен.",
		"Анна, ваш заказ №1022 отправлен.",
		"Игорь, ваш заказ №1023 уже в пути.",
	}
	p := uniqueness.NewPattern("")
	for i := 0; i+1 < len(msgs); i++ {
		p.Reset(msgs[i])
		s, ok := p.SimilarityAtLeast(msgs[i+1], 0.9)
		fmt.Printf("%d~%d %.3f %v\n", i, i+1, s, ok)
	}
	// Output:
	// 0~1 0.969 true
	// 1~2 0.000 false
}

func ExampleAnalyze() {
	msgs := []string{
		"Анна, добрый день! Ваш заказ №1021 отправлен.",
		"Анна, добрый день! Ваш заказ №1022 отправлен.",
		"Игорь, здравствуйте! Заказ №1023 уже в пути.",
		"Анна, добрый день! Ваш заказ №1021 отправлен.",
	}
	r := uniqueness.Analyze(msgs, &uniqueness.Options{Threshold: 0.9})
	fmt.Println("distinct:", r.Distinct, "duplicates:", r.Duplicates)
	for _, p := range r.Pairs {
		fmt.Printf("%d~%d %.3f\n", p.I, p.J, p.Similarity)
	}
	fmt.Println("score:", r.Score, "clusters:", r.Clusters)
	// Output:
	// distinct: 3 duplicates: 2
	// 0~1 0.978
	// 0~3 1.000
	// 1~3 0.978
	// score: 0.25 clusters: [[0 1 3]]
}

func ExampleDistanceAtMost() {
	// Within the limit: the distance, true.
	fmt.Println(uniqueness.DistanceAtMost("Здравствуйте, Анна!", "Здравствуйте, Яна!", 3))
	// Beyond it: k+1, false, found without computing the whole distance.
	fmt.Println(uniqueness.DistanceAtMost("Здравствуйте, Анна!", "Добрый день, Борис!", 3))
	// Output:
	// 2 true
	// 4 false
}

func ExampleSimilarityAtLeast() {
	a := "Здравствуйте, Анна! Ваш заказ готов."
	b := "Здравствуйте, Яна! Ваш заказ готов."
	s, ok := uniqueness.SimilarityAtLeast(a, b, 0.9)
	fmt.Printf("%.3f %v\n", s, ok)
	s, ok = uniqueness.SimilarityAtLeast(a, "Добрый день! Заказ ждёт вас в салоне.", 0.9)
	fmt.Printf("%.3f %v\n", s, ok)
	// Output:
	// 0.944 true
	// 0.000 false
}

func ExamplePattern_Len() {
	fmt.Println(uniqueness.NewPattern("Привет, Анна!").Len()) // runes, not bytes
	// Output:
	// 13
}

func ExamplePattern_Distance() {
	p := uniqueness.NewPattern("Здравствуйте, Анна!")
	for _, text := range []string{"Здравствуйте, Яна!", "Добрый день, Анна!"} {
		fmt.Println(p.Distance(text), uniqueness.Distance("Здравствуйте, Анна!", text))
	}
	// Output:
	// 2 2
	// 12 12
}

func ExamplePattern_DistanceAtMost() {
	p := uniqueness.NewPattern("Здравствуйте, Анна!")
	fmt.Println(p.DistanceAtMost("Здравствуйте, Яна!", 3))
	fmt.Println(p.DistanceAtMost("Добрый день, Анна!", 3))
	// Output:
	// 2 true
	// 4 false
}

func ExamplePattern_Similarity() {
	p := uniqueness.NewPattern("Здравствуйте, Анна! Ваш заказ готов.")
	fmt.Printf("%.3f\n", p.Similarity("Здравствуйте, Яна! Ваш заказ готов."))
	fmt.Printf("%.3f\n", p.Similarity("Здравствуйте, Анна! Ваш заказ готов."))
	// Output:
	// 0.944
	// 1.000
}

func ExamplePattern_SimilarityAtLeast() {
	p := uniqueness.NewPattern("Здравствуйте, Анна! Ваш заказ готов.")
	for _, text := range []string{"Здравствуйте, Яна! Ваш заказ готов.", "Добрый день! Заказ ждёт вас в салоне."} {
		s, ok := p.SimilarityAtLeast(text, 0.9)
		fmt.Printf("%.3f %v\n", s, ok)
	}
	// Output:
	// 0.944 true
	// 0.000 false
}
