package campaign_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/spinwise/spinwise/campaign"
)

// Numbers as a CRM holds them, normalized to E.164; an invalid one says
// why, in Russian.
func ExampleParsePhone() {
	for _, s := range []string{"8 (999) 123-45-67", "+7 999 123 45 67 доб. 12", "8 (495) 123-45-67, 8 916 000-00-00", "+375 29 123 45 67", "999 123 45 6"} {
		p, err := campaign.ParsePhone(s, "RU")
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p.E164, p.Type, p.Region, p.Extension, p.Count)
	}
	// Output:
	// +79991234567 mobile RU  1
	// +79991234567 mobile RU 12 1
	// +79160000000 mobile RU  2
	// +375291234567 mobile BY  1
	// номер "999 123 45 6": в номере 9 цифр, а нужно 10 после +7
}

func ExamplePhone_WAID() {
	p, err := campaign.ParsePhone("8 (999) 123-45-67", "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.E164, p.WAID())
	// Output: +79991234567 79991234567
}

func ExamplePhone_Mobile() {
	for _, s := range []string{"+7 999 123-45-67", "8 (495) 123-45-67", "8-800-555-35-35"} {
		p, err := campaign.ParsePhone(s, "")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.E164, p.Mobile(), p.Type)
	}
	// Output:
	// +79991234567 true mobile
	// +74951234567 false landline
	// +78005553535 false toll-free
}

// A CRM export with a phone column: one person listed twice (a contact and
// a lead) gets one message, an invalid number is its row's error, a number
// on the suppression list gets none, whatever way it is written.
func ExampleCampaign_Run_phones() {
	c, err := campaign.New("{Здравствуйте|Добрый день}, {{Имя}}!", &campaign.Options{
		Seed:       1,
		NoAnalysis: true,
		Suppress:   []string{"+7 903 111-22-33"},
	})
	if err != nil {
		log.Fatal(err)
	}
	csv := `key,Имя,Телефон
contact-1,Анна,8 (999) 123-45-67
lead-7,Анна,+7 999 123 45 67
contact-2,Борис,999 123 45 6
contact-3,Вера,89031112233
contact-4,Глеб,8 (495) 123-45-67
`
	rep, err := c.Run(context.Background(), campaign.ReadCSV(strings.NewReader(csv), nil), func(r campaign.Row) error {
		switch {
		case r.Err != nil:
			fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %s: %s %s", r.Key, r.Phone, r.Err.Kind, r.Err.Duplicate)))
		default:
			fmt.Printf("%s %s: %s %v\n", r.Key, r.WAID, r.Text, r.Warnings)
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	p := rep.Phones
	fmt.Printf("field %s: %d invalid, %d duplicates, %d not mobile\n", p.Field, p.Invalid, p.Duplicates, p.Landlines)
	// Output:
	// contact-1 79991234567: Добрый день, Анна! []
	// lead-7 +79991234567: duplicate-phone contact-1
	// contact-2 : phone
	// contact-3 +79031112233: suppressed
	// contact-4 74951234567: Добрый день, Глеб! [+74951234567 — городской номер, не мобильный: WhatsApp на нём бывает редко]
	// field Телефон: 1 invalid, 1 duplicates, 1 not mobile
}
