// Package synth generates synthetic CRM recipients for the campaign
// benchmarks (package campaign's and the bench module's): n different people
// with fields derived from the index, the way a CRM export of n people would
// look, so a million recipients cost no file and little memory.
//
// synth yields plain records and imports no spinwise package but the corpus,
// so any package may use it; the benchmarks turn records into
// campaign.Recipient values themselves.
package synth

import (
	"fmt"
	"iter"

	"github.com/spinwise/spinwise/internal/corpus"
)

var (
	first   = []string{"Анна", "Борис", "Вера", "Глеб", "Дарья", "Евгений", "Жанна", "Захар", "Ирина", "Кирилл", "Людмила", "Максим", "Наталья", "Олег", "Полина", "Роман", "Светлана", "Тимур", "Ульяна", "Фёдор", "Юлия", "Ярослав"}
	masters = []string{"Анна Смирнова", "Мария Лебедева", "Игорь Волков", "Ольга Соколова", "Денис Козлов"}
)

// People yields n records with keys s0000000, s0000001, ... and every field
// the corpus templates read (names, dates, times, numbers, amounts), each a
// string. Record i is the same on every call.
func People(n int) iter.Seq[map[string]any] {
	contacts := corpus.Contacts()
	return func(yield func(map[string]any) bool) {
		for i := range n {
			base := contacts[i%len(contacts)]
			name := first[(i/7)%len(first)]
			d := map[string]any{
				"key":      fmt.Sprintf("s%07d", i),
				"Имя":      name,
				"Менеджер": base["Менеджер"],
				"Компания": base["Компания"],
				"Дата":     fmt.Sprintf("%02d.%02d.2027", 1+i%28, 1+(i/28)%12),
				"Время":    fmt.Sprintf("%02d:%02d", 9+i%12, (i/12)%4*15),
				"Мастер":   masters[(i/3)%len(masters)],
				"Заказ":    fmt.Sprint(100000 + i),
				"NAME":     name + " " + base["Фамилия"].(string),
				"Скидка":   fmt.Sprint(5 + i%20),
				"Срок":     fmt.Sprintf("%02d.%02d.2027", 1+(i/5)%28, 1+(i/140)%12),
				"Договор":  fmt.Sprintf("Д-%05d", i%100000),
				"Сумма":    fmt.Sprintf("%d\u00a0%03d", 1+i%300, (i*7)%1000),
				"Дней":     fmt.Sprint(1 + i%30),
			}
			if !yield(d) {
				return
			}
		}
	}
}
