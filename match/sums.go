package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
)

// Sums: a number a question counts with ("for 2 people", "my 10 year
// old") is not the same number written as a price ("£2 per person", "a
// £10 admin charge").

// moneyAt reports whether the number t of text is written as a sum: after
// a currency sign ("£2", "$ 5") or before a word for money ("20 quid").
func moneyAt(text string, t english.Token) bool {
	before := strings.TrimRight(text[:t.Start], " ")
	if r, _ := utf8.DecodeLastRuneInString(before); unicode.Is(unicode.Sc, r) {
		return true
	}
	rest := strings.TrimLeft(text[t.End:], " ")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	return moneyWords[strings.ToLower(rest[:end])]
}

// moneyWords follow a number that is a sum.
var moneyWords = setOf("pounds", "pound", "quid", "dollars", "dollar", "euros", "euro", "pence", "p",
	"cents", "bucks", "grand")

// sumsOnly reports whether sentence i holds the number num (a term) only
// as sums: "Teams of up to five, £2 per person" does not answer "do i
// need to book for 2 people".
func (m *Matcher) sumsOnly(i int32, num string) bool {
	text := m.sents[i].Text
	found, other := false, false
	english.Tokenize(text, func(t english.Token) {
		if other || t.Word != num {
			return
		}
		if moneyAt(text, t) {
			found = true
		} else {
			other = true
		}
	})
	return found && !other
}
