package uniqueness

// Scaffolding: the exported API of issue 7 with no implementation yet.
// The package's author replaces this file.

// Distance returns the Levenshtein distance over runes.
func Distance(a, b string) int { panic("uniqueness: not implemented yet") }

// Similarity returns 1 - Distance/max rune length; 1 for two empty strings.
func Similarity(a, b string) float64 { panic("uniqueness: not implemented yet") }

// Options configures Analyze; nil means Threshold 0.9 and GOMAXPROCS workers.
type Options struct {
	Threshold float64
	Workers   int
}

// Pair is a pair of similar messages.
type Pair struct {
	I, J       int
	Similarity float64
}

// Report is the result of Analyze.
type Report struct {
	N        int
	Distinct int
	Pairs    []Pair
	Score    float64
}

// Analyze reports how alike msgs are.
func Analyze(msgs []string, opts *Options) *Report { panic("uniqueness: not implemented yet") }
