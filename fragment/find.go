package fragment

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Find returns the byte offsets in the document of the text a browser
// highlights for d: the first match, in document order, of its start (and
// end) with its prefix right before and its suffix right after.
func (p *Page) Find(d Directive) (start, end int, ok bool) {
	i, j, ok := p.findRunes(d, len(p.text), len(p.text))
	if !ok {
		return 0, 0, false
	}
	return p.at[i], p.byteEnd(j), true
}

func (p *Page) byteEnd(j int) int { return p.at[j-1] + utf8.RuneLen(p.orig[j-1]) }

// findRunes is Find in runes of the page's text. It gives up on a match
// starting after rune last or an end reaching past rune stop: checking a
// link for a sentence, such a match is a failure anyway, and stopping
// there bounds the cost of a link in a long document.
func (p *Page) findRunes(d Directive, last, stop int) (int, int, bool) {
	pre, st, en, suf := norm(d.Prefix), norm(d.Start), norm(d.End), norm(d.Suffix)
	for from := 0; ; {
		var i int
		if len(pre) > 0 {
			pi := p.find(pre, from)
			if pi < 0 {
				return 0, 0, false
			}
			from = pi + 1
			e, ok := p.matchAt(st, pi+len(pre))
			if !ok || !p.boundary(e-len(st)) {
				continue
			}
			i = e - len(st)
		} else {
			if i = p.find(st, from); i < 0 {
				return 0, 0, false
			}
			from = i + 1
		}
		if i > last {
			return 0, 0, false
		}
		j := i + len(st)
		if len(en) > 0 {
			k := p.findBefore(en, j, stop)
			if k < 0 {
				return 0, 0, false
			}
			j = k + len(en)
		}
		if len(suf) > 0 {
			if _, ok := p.matchAt(suf, j); !ok {
				continue
			}
		}
		return i, j, true
	}
}

// Span is the part of the document's bytes [start, end) that the page
// shows: the offsets of its first and last shown characters. ok is false
// when it shows none of them.
func (p *Page) Span(start, end int) (int, int, bool) {
	i, j, ok := p.runeSpan(start, end)
	if !ok {
		return 0, 0, false
	}
	return p.at[i], p.byteEnd(j), true
}

func (p *Page) runeSpan(start, end int) (int, int, bool) {
	i := sort.SearchInts(p.at, start)
	j := sort.SearchInts(p.at, end)
	for j > i && p.text[j-1] == ' ' {
		j--
	}
	for i < j && p.text[i] == ' ' {
		i++
	}
	return i, j, i < j
}

// Limits of a directive made for a sentence.
const (
	maxExact   = 12 // words: longer sentences are linked by start and end
	rangeWords = 4  // words of each of textStart and textEnd
	maxContext = 5  // words of prefix or suffix
	// contextRunes bounds the text read for prefix and suffix words.
	contextRunes = 200
)

// For makes the directive whose match is exactly the shown text of the
// document's bytes [start, end): the whole text, or a few words of its
// start and end when it is long, with a prefix or suffix when that text
// also occurs earlier. ok is false when no directive finds it.
func (p *Page) For(start, end int) (Directive, bool) {
	i, j, ok := p.runeSpan(start, end)
	if !ok {
		return Directive{}, false
	}
	words := strings.Fields(string(p.orig[i:j]))
	var bases []Directive
	if len(words) <= maxExact {
		bases = append(bases, Directive{Start: strings.Join(words, " ")})
	}
	for k := rangeWords; k < len(words)/2 && k <= rangeWords+4; k += 2 {
		bases = append(bases, Directive{Start: strings.Join(words[:k], " "), End: strings.Join(words[len(words)-k:], " ")})
	}
	if len(bases) == 0 {
		bases = append(bases, Directive{Start: strings.Join(words, " ")})
	}
	before := strings.Fields(string(p.orig[max(0, i-contextRunes):i]))
	if i > contextRunes && len(before) > 0 {
		before = before[1:] // maybe cut inside a word
	}
	after := strings.Fields(string(p.orig[j:min(len(p.orig), j+contextRunes)]))
	if j+contextRunes < len(p.orig) && len(after) > 0 {
		after = after[:len(after)-1]
	}
	for _, d := range bases {
		for n := 0; n <= maxContext; n++ {
			for _, c := range withContext(d, before, after, n) {
				if a, b, ok := p.findRunes(c, i, j); ok && a == i && b == j {
					return c, true
				}
			}
		}
	}
	return Directive{}, false
}

// withContext is d with n words of suffix, of prefix, or of both.
func withContext(d Directive, before, after []string, n int) []Directive {
	if n == 0 {
		return []Directive{d}
	}
	var out []Directive
	suf, pre := d, d
	if n <= len(after) {
		suf.Suffix = strings.Join(after[:n], " ")
		out = append(out, suf)
	}
	if n <= len(before) {
		pre.Prefix = strings.Join(before[len(before)-n:], " ")
		out = append(out, pre)
	}
	if n <= len(after) && n <= len(before) {
		both := pre
		both.Suffix = suf.Suffix
		out = append(out, both)
	}
	return out
}
