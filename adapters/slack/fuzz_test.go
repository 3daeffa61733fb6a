package slack

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzEscapeTruncate checks the promises everything we send relies on:
// within the limit, valid UTF-8, no live < or >, and no bare & that is not
// one of our entities.
func FuzzEscapeTruncate(f *testing.F) {
	for _, s := range []string{"", "<!channel>", "a & b", "&amp;lt;", "😀<😀>", "bad\xff", strings.Repeat("<", 50)} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 1 || limit > 5000 {
			return
		}
		got := escapeTruncate(s, limit)
		if n := utf8.RuneCountInString(got); n > limit {
			t.Fatalf("escapeTruncate(%q, %d) = %q: %d runes", s, limit, got, n)
		}
		if !utf8.ValidString(got) || strings.ContainsAny(got, "<>") {
			t.Fatalf("escapeTruncate(%q, %d) = %q: invalid or unescaped", s, limit, got)
		}
		rest := strings.NewReplacer("&amp;", "", "&lt;", "", "&gt;", "").Replace(got)
		if strings.Contains(rest, "&") {
			t.Fatalf("escapeTruncate(%q, %d) = %q: bare & (a cut entity?)", s, limit, got)
		}
		if utf8.ValidString(s) && utf8.RuneCountInString(s)*5 <= limit && unescape(got) != s {
			t.Fatalf("escapeTruncate(%q, %d) = %q does not round-trip", s, limit, got)
		}
	})
}
