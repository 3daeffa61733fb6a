package match

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// trimRightQuotes trims what strings.TrimRight with the quotes in its
// cutset trims, whatever the text ends with (quotes, their bytes alone,
// invalid UTF-8).
func TestTrimRightQuotesIsTrimRight(t *testing.T) {
	t.Parallel()
	pieces := []string{"a", "?", " ", "\"", "'", "”", "’", "“", ")", "]", "*", "_", "\xe2", "\x80", "\x9d", "\x99", "é", "\xff"}
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 20000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for _, ascii := range []string{" \"'*_)", " \"')]"} {
			if got, want := trimRightQuotes(s, ascii), strings.TrimRight(s, ascii+"”’"); got != want {
				t.Fatalf("%d: trimRightQuotes(%q, %q) = %q, want %q", n, s, ascii, got, want)
			}
		}
	}
}
