package bot

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/match"
)

func TestExcerpt(t *testing.T) {
	t.Parallel()
	words := strings.Repeat("lorem ipsum dolor sit amet ", 100) // 2,700 characters
	term := []match.TermMatch{{Word: "zebras", Stem: english.Stem("zebras"), IDF: 3, Found: true}}
	tests := []struct {
		name, text  string
		terms       []match.TermMatch
		start, end  bool // marked "…"
		mustContain string
	}{
		{"fits", "Short enough.", term, false, false, "Short enough."},
		{"no matched word: the start", words, nil, false, true, "lorem ipsum"},
		{"matched word in the middle", words + "the zebras ran " + words, term, true, true, "the zebras ran"},
		{"matched word near the end", words + "the zebras ran", term, true, false, "the zebras ran"},
		{"matched word near the start", "zebras ran " + words, term, false, true, "zebras ran"},
		{"no spaces at all", strings.Repeat("é", 5000), nil, false, true, "éé"},
	}
	for _, tt := range tests {
		got := excerpt(tt.text, tt.terms, 200)
		if n := utf8.RuneCountInString(got); n > 200 {
			t.Errorf("%s: %d characters", tt.name, n)
		}
		if strings.HasPrefix(got, "…") != tt.start || strings.HasSuffix(got, "…") != tt.end || !strings.Contains(got, tt.mustContain) {
			t.Errorf("%s: excerpt %q", tt.name, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("%s: invalid UTF-8", tt.name)
		}
	}
}
