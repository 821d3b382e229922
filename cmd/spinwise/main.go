// Command spinwise turns a message template and a CRM export into
// personalized, varied, checked messages.
package main

// Scaffolding until the CLI of issue 8 lands; its author replaces this file.

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "spinwise: not implemented yet")
	os.Exit(2)
}
