package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/match"
)

// MaxQuote is the longest quote, in characters, that a reply shows of a
// cited sentence. A document without full stops (a log, a one-line export)
// can make one "sentence" megabytes long; quoted whole it would flood a
// chat. Longer sentences are cut around the question's words, marked with
// "…"; Citation.Text and the citation's offsets keep the whole sentence.
const MaxQuote = 600

// excerpt returns text if it fits in max characters, else the window of
// about max characters (cut between words, "…" at a cut end) that holds
// the most of the question's terms, weighted by their IDF.
func excerpt(text string, terms []match.TermMatch, max int) string {
	if len(text) <= max || utf8.RuneCountInString(text) <= max {
		return text
	}
	start, end := window(text, bestWindowStart(termHits(text, terms), terms, max), max)
	q := strings.TrimSpace(text[start:end])
	if start > 0 {
		q = "…" + q
	}
	if end < len(text) {
		q += "…"
	}
	return q
}

// termHit is where a question term occurs in a sentence, by byte offset.
type termHit struct {
	at, term int
}

// termHits finds where each question term occurs. Stemming every word of
// a huge sentence is slow, so only words that start like a term's stem
// are stemmed.
func termHits(text string, terms []match.TermMatch) []termHit {
	var hits []termHit
	var prefixes []string
	for _, t := range terms {
		if t.Found && t.Stem != "" {
			prefixes = append(prefixes, t.Stem[:min(3, len(t.Stem))])
		}
	}
	if len(prefixes) == 0 {
		return nil
	}
	eachWord(text, func(at int, w string) {
		lw := strings.ToLower(w)
		maybe := false
		for _, p := range prefixes {
			if strings.HasPrefix(lw, p) {
				maybe = true
				break
			}
		}
		if !maybe {
			return
		}
		st := english.Stem(lw)
		for i, t := range terms {
			if t.Found && t.Stem == st {
				hits = append(hits, termHit{at, i})
				return
			}
		}
	})
	return hits
}

// bestWindowStart is where the window of max bytes (a lower bound on
// characters, refined later) holding the most weight begins, by a sliding
// window over the hits.
func bestWindowStart(hits []termHit, terms []match.TermMatch, max int) int {
	best, bestW := 0, -1.0
	count := make([]int, len(terms))
	w := 0.0
	lo := 0
	for hi := range hits {
		if count[hits[hi].term] == 0 {
			w += terms[hits[hi].term].IDF + 1
		}
		count[hits[hi].term]++
		for hits[hi].at-hits[lo].at > max/2 {
			count[hits[lo].term]--
			if count[hits[lo].term] == 0 {
				w -= terms[hits[lo].term].IDF + 1
			}
			lo++
		}
		if w > bestW {
			bestW, best = w, hits[lo].at
		}
	}
	return best
}

// window starts a little before the first matched word, so the quote
// reads as a sentence fragment with some context, then takes max
// characters, cut between words.
func window(text string, best, max int) (start, end int) {
	start = best
	for n := 0; start > 0 && n < max/4; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	end, n := start, 0
	for end < len(text) && n < max-2 { // two characters for the marks
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
		n++
	}
	if end < len(text) {
		return wordStart(text, start), wordEnd(text, start, end)
	}
	// The window reaches the end: use all of max before it.
	start = len(text)
	for n := 0; start > 0 && n < max-2; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	return wordStart(text, start), end
}

// wordStart moves i forward to the start of a word, unless that is already
// where it is.
func wordStart(text string, i int) int {
	if i == 0 {
		return 0
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsSpace(r) {
		return i
	}
	if j := strings.IndexFunc(text[i:], unicode.IsSpace); j >= 0 && j < 40 {
		return i + j
	}
	return i // one very long "word": cut inside it
}

// wordEnd moves end back to the end of a word, staying after start.
func wordEnd(text string, start, end int) int {
	if j := strings.LastIndexFunc(text[start:end], unicode.IsSpace); j > 0 && end-(start+j) < 40 {
		return start + j
	}
	return end
}

// eachWord calls fn with the byte offset and text of each run of letters
// and digits.
func eachWord(text string, fn func(at int, w string)) {
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(start, text[start:])
	}
}
