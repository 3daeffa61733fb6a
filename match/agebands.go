package match

import (
	"math"
	"slices"
	"strings"

	"github.com/storybot/storybot/english"
)

// Age bands: a reader who says how old they are, or how old the person
// they ask for is ("im 23 is there an extra charge", "my toddler is 3 does
// she need a ticket", "price for my 14 yr old?"), asks what the text says
// of that age, and a text with rules by age answers in bands: "Drivers
// aged 21 to 24 must pay a surcharge", "Children under 5 travel free",
// "Teen ticket (13 to 17): £85", "Students and over-60s: £80". The band
// sentence seldom shares a word with the question (its "surcharge" is not
// "extra charge"), so no word match finds it; the age does. People give an
// age when it matters to what they ask, so a sentence whose band holds it
// comes first, and the answer is given.

// ageBandMaxSentences bounds the texts whose bands are read: a rulebook,
// a price list or terms of hire, not a book, where "under 16" is
// anything but a rule.
const ageBandMaxSentences = 2000

// ageBandConfidence is the confidence of an answer from a band holding the
// age asked about: the text states a rule for that age.
const ageBandConfidence = 0.6

// maxAge bounds a number read as a person's age.
const maxAge = 120

// ageGroupWords are general English nouns for people of an age or in a
// role a rule by age is written for ("Children under 5", "Anyone under 16
// must be accompanied", "Juniors (under 16)", "Drivers over 70").
var ageGroupWords = setOf("child", "children", "kid", "kids", "infant", "infants", "baby", "babies",
	"toddler", "toddlers", "teen", "teens", "teenager", "teenagers", "junior", "juniors", "youth",
	"youths", "youngster", "youngsters", "minor", "minors", "adult", "adults", "senior", "seniors",
	"pensioner", "pensioners", "student", "students", "anyone", "anybody", "everyone", "people",
	"person", "persons", "boy", "boys", "girl", "girls", "driver", "drivers", "guest", "guests",
	"visitor", "visitors", "player", "players", "member", "members", "customer", "customers",
	"passenger", "passengers", "rider", "riders", "participant", "participants", "entrant",
	"entrants", "applicant", "applicants", "user", "users", "climber", "climbers", "swimmer",
	"swimmers", "pupil", "pupils", "lad", "lads", "son", "daughter", "grandchild", "grandson",
	"granddaughter", "nephew", "niece", "he", "she")

// yearWords are a year of age as chat writes it ("3 yr old", "14 yrs").
var yearWords = setOf("year", "years", "yr", "yrs")

// askerAges returns the ages a question's words state, in years: the
// asker's ("im 23", "i am 64", "age 70"), or of the person asked for ("my
// son is 17", "my lad is 13", "she is 5", "he's 4 months", "my 14 yr
// old", "a 22 year old", "my 3yo", "a 6 month old").
func askerAges(all []string) []float64 {
	var out []float64
	for i, w := range all {
		if strings.HasSuffix(w, "yo") {
			// "3yo": a number and "years old" in one token
			if v, ok := wholeAge(w[:len(w)-2]); ok {
				out = append(out, v)
			}
			continue
		}
		v, ok := wholeAge(w)
		if !ok {
			continue
		}
		next, old := "", false
		if i+1 < len(all) {
			next = all[i+1]
			old = i+2 < len(all) && (all[i+2] == "old" || all[i+2] == "olds") || next == "yo"
		}
		per, young := 1.0, false // a baby's age is in months or weeks
		if p, ok := youngUnits[next]; ok {
			per, young = p, true
		}
		switch {
		case old && (yearWords[next] || young || next == "yo"):
			out = append(out, v*per) // "my 14 yr old", "a 6 month old"
		case !young && (yearWords[next] || next != "" && english.Lookup(next)&(english.Units|english.Percent) != 0):
			// "im 3 days late", "i have been here 2 years": not an age
		case !young && i > 0 && (all[i-1] == "aged" || all[i-1] == "age"):
			out = append(out, v) // "aged 70"
		case !young && i > 0 && all[i-1] == "im" && !pretend(all, i-1):
			out = append(out, v) // "im 23"; not "explain it like im five"
		case !young && i > 1 && all[i-1] == "am" && all[i-2] == "i" && !pretend(all, i-2):
			out = append(out, v) // "i am 64"; "i am 2 weeks in" is no age
		case i > 1 && (ageVerbs[all[i-1]] || all[i-1] == "s"):
			// "my son is 17", "she's 5": a person before the verb
			if who := all[i-2]; who == "he" || who == "she" || i > 2 && all[i-3] == "my" && personNoun(who) {
				out = append(out, v*per)
			}
		case i > 0 && (all[i-1] == "shes" || all[i-1] == "hes"):
			out = append(out, v*per) // "she's 5", "he's 4 months"
		}
	}
	return out
}

// pretend reports whether the words before all[i] make an age a manner of
// speaking: "explain it like im five", "as if i am 12".
func pretend(all []string, i int) bool {
	return i > 0 && (all[i-1] == "like" || all[i-1] == "if" || all[i-1] == "though")
}

// youngUnits are a baby's age's units, in years.
var youngUnits = map[string]float64{"month": 1.0 / 12, "months": 1.0 / 12, "mo": 1.0 / 12, "mos": 1.0 / 12,
	"week": 1.0 / 52, "weeks": 1.0 / 52, "wk": 1.0 / 52, "wks": 1.0 / 52}

// personNoun reports whether w names a person or a group of people, not
// an animal ("my dog is 3" asks nothing of a rule by age).
func personNoun(w string) bool {
	if ageGroupWords[w] || english.Lookup(w)&english.Person != 0 {
		return true
	}
	stem := english.Stem(w)
	if english.IsAnimal(stem) {
		return false
	}
	kinds := english.KindsOf(stem)
	return english.ListHas(kinds, "child") || english.ListHas(kinds, "juvenil") || english.ListHas(kinds, "offspr")
}

// wholeAge reads w as a whole number that can be a person's age.
func wholeAge(w string) (float64, bool) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		if n, ok := english.NumberWord(w); ok && n <= maxAge {
			return float64(n), true
		}
		return 0, false
	}
	v, ok := numberValue(w)
	if !ok || v != math.Trunc(v) || v > maxAge {
		return 0, false
	}
	return v, true
}

// ageBands returns the bands of age text states: after "aged", "ages" or
// "the age of" ("aged 21 to 24", "ages 5 to 15", "aged 14 and 15", "under
// the age of 16"); of a group of people ("Children under 5", "Anyone under
// 16", "Juniors (under 16)", "Teen ticket (13 to 17)", "adults 65 and
// over"); in years old ("5 to 11 years old"); or as a decade's plural
// ("over-60s", "under 18s"). "Under 16" holds 15 but not 16; "over 60",
// "16 and over" and "aged 18 or over" hold 60, 16 and 18.
func ageBands(text string) []band {
	var toks []english.Token
	english.Tokenize(text, func(t english.Token) { toks = append(toks, t) })
	var out []band
	for k := 0; k < len(toks); k++ {
		w := toks[k].Word
		decade := false
		if len(w) > 1 && strings.HasSuffix(w, "s") && (wordAt(toks, k-1) == "over" || wordAt(toks, k-1) == "under") {
			w, decade = w[:len(w)-1], true // "over-60s"
		}
		v, ok := wholeAge(w)
		if !ok {
			continue
		}
		if s := toks[k].Start; s > 0 && strings.ContainsRune("£$€¥#", rune(text[s-1])) {
			continue
		}
		lo, hi, end := v, v, k
		if j := rangeEnd(text, toks, k); j > 0 {
			if u, ok := wholeAge(toks[j].Word); ok && u > v {
				hi, end = u, j
			}
		} else if wordAt(toks, k+1) == "and" && ageWords[wordAt(toks, k-1)] {
			if u, ok := wholeAge(wordAt(toks, k+2)); ok && u == v+1 {
				hi, end = u, k+2 // "aged 14 and 15"
			}
		}
		// The unit, if any, and the word after the band: "16 and over".
		a, per, old := end+1, 1.0, false
		if p, ok := youngUnits[wordAt(toks, a)]; ok {
			per, a = p, a+1 // "babies under 12 months": in years, as asked
		} else if yearWords[wordAt(toks, a)] {
			a++
		} else if w := wordAt(toks, a); w != "" && english.Lookup(w)&(english.Units|english.Percent) != 0 {
			continue // "under 5 km", "over 50 euros"
		}
		if wordAt(toks, a) == "old" || wordAt(toks, a) == "olds" {
			a, old = a+1, true // "8 to 11 year olds"
		}
		lo, hi, v = lo*per, hi*per, v*per
		after := wordAt(toks, a)
		// The bound: "under 16", "16 and over", "18 or older".
		bound := wordAt(toks, k-1)
		if bound == "than" || bound == "of" && wordAt(toks, k-2) == "age" {
			bound = wordAt(toks, k-2)
			if bound == "age" {
				bound = wordAt(toks, k-4) // "under the age of 16"
			} else {
				bound = wordAt(toks, k-3) // "younger than 5"
			}
		}
		if lo == hi {
			more := ""
			if after == "and" || after == "or" {
				more = wordAt(toks, a+1)
			}
			if lo, hi, ok = openBand(bound, more, v, per); !ok {
				continue // a number alone is no band
			}
		}
		if decade || old || ageContext(toks, k) {
			out = append(out, band{lo: lo, hi: hi, unit: yearUnit})
		}
		k = end
	}
	return out
}

// openBand returns the band a single age v (in years; per is its unit)
// opens with the word before it (bound: "under 16", "over 60") or the
// word after its "and" or "or" (more: "16 and over"); ok is false when
// neither opens one.
func openBand(bound, more string, v, per float64) (lo, hi float64, ok bool) {
	switch {
	case bound == "under" || bound == "below" || bound == "younger" || bound == "less":
		return math.Inf(-1), v - per/2, true // "under 16" holds 15, not 16
	case bound == "over" || bound == "above" || bound == "older" || more == "over" || more == "older" || more == "above" || more == "more":
		return v, math.Inf(1), true
	case more == "under" || more == "younger" || more == "below" || bound == "up" || bound == "upto":
		return math.Inf(-1), v, true
	}
	return v, v, ageWords[bound] // "aged 16"
}

// ageContext reports whether the number toks[k] is an age by what comes
// before it: "aged", "ages" or "age" within three words, or a word for a
// group of people ("Children under 5", "Teen weekend ticket (13 to 17)").
func ageContext(toks []english.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w := toks[j].Word
		if ageWords[w] || ageGroupWords[w] {
			return true
		}
		if _, ok := numberValue(w); ok {
			return false // another number's words
		}
	}
	return false
}

// holdsAge reports whether one of bands holds one of ages.
func holdsAge(bands []band, ages []float64) bool {
	for _, b := range bands {
		for _, a := range ages {
			if b.lo <= a && a <= b.hi {
				return true
			}
		}
	}
	return false
}

// ageBanded returns the short text's sentences that state a band of age,
// with their bands, read on the first question that states an age.
func (m *Matcher) ageBanded() []agedSentence {
	m.ageOnce.Do(func() {
		for i, s := range m.sents {
			if s.Heading() {
				continue
			}
			if bs := ageBands(s.Text); len(bs) > 0 {
				m.aged = append(m.aged, agedSentence{i: i, bands: bs})
			}
		}
	})
	return m.aged
}

// agedSentence is a sentence with the bands of age it states.
type agedSentence struct {
	i     int
	bands []band
}

// preferAgeBand puts first, when the question states an age, the sentence
// stating a band that holds it: of those, the one holding most of the
// question's terms, then the kind of answer asked (an amount for a price,
// a rule for "can she"), then the narrowest band (a rule for 21 to 24
// before one for all drivers, 21 to 79), then the matcher's order. A
// first hit that states a band of its own and holds more of the
// question's terms stays first: "can a 22 yr old drive the prestige cars"
// is answered by "prestige models may only be driven by drivers aged 25
// or over". The answer is then given.
func (m *Matcher) preferAgeBand(res *Result, q *question, t *query, topK int) {
	if res.Cancelled || len(m.sents) > ageBandMaxSentences {
		return
	}
	ages := askerAges(q.all)
	if len(ages) == 0 {
		return
	}
	aged := m.ageBanded()
	if len(aged) == 0 {
		return
	}
	best := m.bestAgeBand(aged, ages, res.Hits, q, t)
	if best.i < 0 {
		return
	}
	if len(res.Hits) > 0 && best.i != res.Hits[0].Index {
		first := res.Hits[0].Index
		if asksPrice(q.all) && best.kind == 0 && m.namesAmount(first) {
			return // a price asked, named by the first and not by the band ("how much is a morning for my 1 year old")
		}
		for _, a := range aged {
			if a.i == first && m.holdsTerms(m.sents[first].Text, t.queryIDs) > best.held {
				return // the first states a band of its own, and says more of what is asked
			}
		}
	}
	if k := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.Index == best.i }); k >= 0 {
		toFirst(res.Hits, k)
	} else {
		hits := make([]Hit, 0, topK)
		hits = append(hits, Hit{Sentence: m.sents[best.i], Index: best.i, Score: 1})
		for _, h := range res.Hits {
			if len(hits) < topK {
				hits = append(hits, h)
			}
		}
		res.Hits = hits
	}
	res.Confidence = max(res.Confidence, ageBandConfidence)
}

// agePick is a sentence holding an asked age, with what preferAgeBand
// weighs it by.
type agePick struct {
	i, held, kind, order int
	width                float64
}

// bestAgeBand returns, of the sentences aged whose bands hold one of ages,
// the one preferAgeBand puts first (i -1 when none): most of the
// question's terms held, then the kind of answer asked, then the
// narrowest band holding the age, then the first in the hits' order, then
// in the text's.
func (m *Matcher) bestAgeBand(aged []agedSentence, ages []float64, hits []Hit, q *question, t *query) agePick {
	rank := make(map[int]int, len(hits))
	for k, h := range hits {
		rank[h.Index] = k
	}
	price, allowed := asksPrice(q.all), asksAllowed(q.all)
	better := func(a, b agePick) bool {
		if a.held != b.held {
			return a.held > b.held
		}
		if a.kind != b.kind {
			return a.kind > b.kind
		}
		if a.width != b.width {
			return a.width < b.width
		}
		return a.order < b.order
	}
	best, n := agePick{i: -1}, 0
	for _, a := range aged {
		if n == ageScan {
			break // a text of nothing but bands costs no more than a book's name
		}
		width := math.Inf(1)
		for _, b := range a.bands {
			for _, age := range ages {
				if b.lo <= age && age <= b.hi {
					width = min(width, min(b.hi, maxAge)-max(b.lo, 0)) // "over 65" is 55 years wide
				}
			}
		}
		if width > maxAge {
			continue // no band holds the age
		}
		n++
		text := m.sents[a.i].Text
		p := agePick{i: a.i, held: m.holdsTerms(text, t.queryIDs), width: width, order: len(m.sents) + a.i}
		if k, ok := rank[a.i]; ok {
			p.order = k
		}
		if price && m.namesAmount(a.i) || allowed && statesRule(text) {
			p.kind = 1
		}
		if best.i < 0 || better(p, best) {
			best = p
		}
	}
	return best
}
