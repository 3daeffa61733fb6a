package match

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/internal/randtext"
)

// trimRightQuotes trims what strings.TrimRight with the quotes in its
// cutset trims, whatever the text ends with (quotes, their bytes alone,
// invalid UTF-8).
func TestTrimRightQuotesIsTrimRight(t *testing.T) {
	t.Parallel()
	pieces := []string{"a", "?", " ", "\"", "'", "”", "’", "“", ")", "]", "*", "_", "\xe2", "\x80", "\x9d", "\x99", "é", "\xff"}
	for n, s := range randtext.Texts(5, 20000, 7, pieces) {
		for _, ascii := range []string{" \"'*_)", " \"')]"} {
			if got, want := trimRightQuotes(s, ascii), strings.TrimRight(s, ascii+"”’"); got != want {
				t.Fatalf("%d: trimRightQuotes(%q, %q) = %q, want %q", n, s, ascii, got, want)
			}
		}
	}
}
