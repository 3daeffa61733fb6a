package match

import (
	"slices"

	"github.com/storybot/storybot/english"
)

// "How much are tickets?" asks the usual price. A price list gives it
// beside prices for groups ("Concession tickets are £20 for students…",
// "A family ticket… costs £22"), and those can match the question's words
// as well or better. When a price question names no group and the first
// candidate is a group's price, the first near candidate stating a price
// for no group, or the standard one ("Standard tickets cost £38",
// "General admission costs £9 for adults"), goes first.

// standardWindow is how many of the first candidates are read.
const standardWindow = 3

// groupWords name the groups a price list prices apart.
var groupWords = setOf("concession", "concessions", "student", "students", "family", "families", "child",
	"children", "kids", "kid", "senior", "seniors", "junior", "juniors", "member", "members", "discount",
	"discounted", "reduced", "unwaged", "pensioner", "pensioners")

// standardWords name the usual price: the standard one, or the adults'
// ("Trips cost £24 for adults and £15 for children" is the price list).
var standardWords = setOf("standard", "general", "full", "regular", "normal", "adult", "adults")

// preferStandardPrice puts first, for a price question naming no group
// whose first candidate prices a group, the first near candidate with a
// price that names no group or says it is the standard one.
func (m *Matcher) preferStandardPrice(hits []Hit, q *question) {
	if len(hits) < 2 || q.shape.qtype != QMoney || slices.ContainsFunc(q.all, func(w string) bool { return groupWords[w] || standardWords[w] }) {
		return
	}
	priced := func(i int) bool { return m.features[i]&(featMoney|featSum) != 0 }
	if !priced(hits[0].Index) || !namesGroup(m.sents[hits[0].Index].Text) {
		return
	}
	for k := 1; k < min(len(hits), standardWindow); k++ {
		if i := hits[k].Index; priced(i) && !namesGroup(m.sents[i].Text) {
			toFirst(hits, k)
			return
		}
	}
}

// namesGroup reports whether text names only a group's price: a group,
// and neither the standard price nor the adults' ("General admission
// costs £9 for adults and £7 for seniors" names the usual price too).
func namesGroup(text string) bool {
	group, usual, prev := false, false, ""
	english.Tokenize(text, func(t english.Token) {
		// "£14.50 per child" prices everyone by the head: no group
		group = group || groupWords[t.Word] && prev != "per" && prev != "each"
		usual = usual || standardWords[t.Word]
		prev = t.Word
	})
	return group && !usual
}
