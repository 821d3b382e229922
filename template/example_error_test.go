package template_test

import (
	"errors"
	"fmt"

	"github.com/spinwise/spinwise/template"
)

// ErrorWithPosition prints a syntax error as the CLI does: the file name,
// line and column, then the source line with a caret under the fault.
func ExampleError_ErrorWithPosition() {
	src := "Добрый день, {{ Имя }!\nЖдём вас."
	_, err := template.Parse(src, nil)
	var te *template.Error
	if errors.As(err, &te) {
		fmt.Print(te.ErrorWithPosition("hello.txt", src))
	}
	// Output:
	// hello.txt:1:14: unclosed placeholder '{{'; close it with '}}' or escape the brace as '\{'
	// 	Добрый день, {{ Имя }!
	// 	             ^
}
