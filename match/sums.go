package match

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// Sums: a number a question counts with ("for 2 people", "my 10 year
// old") is not the same number written as a price ("£2 per person", "a
// £10 admin charge").

// moneyAt reports whether the number t of text is written as a sum: after
// a currency sign ("£2", "$ 5") or before a word for money ("20 quid").
func moneyAt(text string, t english.Token) bool { return moneyAround(text, t.Start, t.End) }

// moneyAround is moneyAt for the number text[start:end].
func moneyAround(text string, start, end int) bool {
	before := strings.TrimRight(text[:start], " ")
	if r, _ := utf8.DecodeLastRuneInString(before); unicode.Is(unicode.Sc, r) {
		return true
	}
	rest := strings.TrimLeft(text[end:], " ")
	n := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if n < 0 {
		n = len(rest)
	}
	return moneyWords[strings.ToLower(rest[:n])]
}

// moneyWords follow a number that is a sum.
var moneyWords = setOf("pounds", "pound", "quid", "dollars", "dollar", "euros", "euro", "pence", "p",
	"cents", "bucks", "grand")

// maxPlainNumbers bounds the numbers of one question read as counts
// (qterm.plain): each is looked for in the sentences holding it, and a
// message of a hundred numbers must not cost a hundred searches of the
// text.
const maxPlainNumbers = 2

// sumsOnly reports whether sentence i holds the number num (a term) only
// as sums: "Teams of up to five, £2 per person" does not answer "do i
// need to book for 2 people". Only a sentence marked as holding a sum is
// read, by a byte search for the number.
func (m *Matcher) sumsOnly(i int32, num string) bool {
	if m.store.Marks(int(i))&facts.MarkSum == 0 {
		return false
	}
	text := m.sents[i].Text
	found := false
	for at := 0; ; {
		k := strings.Index(text[at:], num)
		if k < 0 {
			return found
		}
		start, end := at+k, at+k+len(num)
		at = end
		if partOfNumber(text, start, end) {
			continue
		}
		if !moneyAround(text, start, end) {
			return false
		}
		found = true
	}
}

// partOfNumber reports whether text[start:end] is part of a longer word
// or number ("210", "2.50", "1,200", "2nd").
func partOfNumber(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return wordRune(before) || wordRune(after) ||
		(before == '.' || before == ',') && start > 1 && isASCIIDigit(text[start-2]) ||
		(after == '.' || after == ',') && end+1 < len(text) && isASCIIDigit(text[end+1])
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// preferRate puts first, for a question asking a price per unit of time
// or per person ("how much is peak per month", "what's the nightly
// rate"), the first of the near candidates that states a sum at that
// rate ("Monthly fees are £52 for Peak", "£95 a night") and holds as
// much of what it asks about, when the first does not ("An annual
// membership costs £520 for Peak"), or holds more than the first.
func (m *Matcher) preferRate(hits []Hit, all []string, t *query) {
	unit := askedRate(all)
	if unit == "" {
		return
	}
	rate := func(h Hit) bool { return m.namesAmount(h.Index) && statesRate(m.sents[h.Index].Text, unit) }
	if len(hits) < 2 || hits[0].Score <= 0 {
		return
	}
	// Of those, the one holding the most of what the question is about,
	// the words asking the price and the rate aside: "A frozen membership
	// costs £5 per month" is no answer about Peak.
	var asking uint32
	for _, qt := range t.qterms {
		if w := m.terms[qt.id]; qt.kind || w == "per" || rateUnits[w] != "" || rateAdjectives[w] != "" {
			asking |= 1 << uint(qt.bit)
		}
	}
	about := func(h Hit) int { return bits.OnesCount32(h.Matched &^ asking) }
	best, most := -1, about(hits[0])
	if rate(hits[0]) {
		most++ // the first stays unless another holds more
	}
	for k := 1; k < min(len(hits), kindWindow); k++ {
		if n := about(hits[k]); n >= most && hits[k].Score >= kindShare*hits[0].Score && rate(hits[k]) {
			best, most = k, n+1
		}
	}
	if best > 0 {
		toFirst(hits, best)
	}
}

// askedRate returns the unit a price question asks a rate in ("month" of
// "how much per month", "the monthly fee"), or "".
func askedRate(all []string) string {
	price := false
	for i, w := range all {
		price = price || priceWords[w] || w == "much" && i > 0 && all[i-1] == "how"
	}
	if !price {
		return ""
	}
	for i, w := range all {
		if u := rateAdjectives[w]; u != "" {
			return u
		}
		if w == "per" && i+1 < len(all) && rateUnits[all[i+1]] != "" {
			return rateUnits[all[i+1]]
		}
	}
	return ""
}

// statesRate reports whether text states something per unit: "per
// month", "a month", "each month", "monthly".
func statesRate(text, unit string) bool {
	found, before := false, ""
	english.Tokenize(text, func(t english.Token) {
		switch {
		case found:
		case rateAdjectives[t.Word] == unit:
			found = true
		case rateUnits[t.Word] == unit && rateOpeners[before]:
			found = true
		}
		before = t.Word
	})
	return found
}

// rateUnits are what a price is given per, as the unit they name.
var rateUnits = map[string]string{"hour": "hour", "day": "day", "night": "night", "week": "week",
	"month": "month", "year": "year", "person": "person", "head": "person", "adult": "person"}

// rateAdjectives say "per unit" in one word.
var rateAdjectives = map[string]string{"hourly": "hour", "daily": "day", "nightly": "night", "weekly": "week",
	"monthly": "month", "yearly": "year", "annual": "year", "annually": "year"}

// rateOpeners put a unit after them as a rate: "per night", "a night",
// "each night".
var rateOpeners = setOf("per", "a", "an", "each", "every")
