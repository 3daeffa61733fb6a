package fragment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page is a document's text as a browser shows it and searches it: for
// Markdown, without its markup (heading, list and quote markers, emphasis,
// code ticks, table bars, link targets); runs of white space as one space;
// lower case. Each rune remembers its byte offset in the document.
type Page struct {
	text []rune // lower case, for matching
	orig []rune // as written, for making directives
	at   []int  // at[i]: offset in the document of text[i]
}

// NewPage reads doc; markdown says whether to drop Markdown markup.
func NewPage(doc string, markdown bool) *Page {
	p := &Page{}
	space := true // no leading space
	lineStart := true
	bracket := false // a '[' opened on this line
	for i := 0; i < len(doc); {
		if markdown && lineStart {
			i = skipLineMarkers(doc, i)
			lineStart = false
			if i >= len(doc) {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(doc[i:])
		switch {
		case r == '\n':
			lineStart, bracket = true, false
			fallthrough
		case unicode.IsSpace(r) || markdown && r == '|':
			if !space {
				p.add(' ', i)
				space = true
			}
		case markdown && isMarkup(doc, i, r, bracket):
			bracket = bracket || r == '['
			if r == ']' && strings.HasPrefix(doc[i:], "](") {
				if j := strings.IndexByte(doc[i:], ')'); j >= 0 {
					size = j + 1
				}
			}
		default:
			p.add(r, i)
			space = false
		}
		i += size
	}
	if space && len(p.text) > 0 {
		p.text, p.orig, p.at = p.text[:len(p.text)-1], p.orig[:len(p.orig)-1], p.at[:len(p.at)-1]
	}
	return p
}

func (p *Page) add(r rune, at int) {
	p.orig = append(p.orig, r)
	p.text = append(p.text, unicode.ToLower(r))
	p.at = append(p.at, at)
}

// skipLineMarkers skips a Markdown line's leading heading, list and quote
// markers.
func skipLineMarkers(doc string, i int) int {
	for {
		j := i
		for j < len(doc) && (doc[j] == ' ' || doc[j] == '\t') {
			j++
		}
		k := j
		switch {
		case k < len(doc) && doc[k] == '#':
			for k < len(doc) && doc[k] == '#' {
				k++
			}
		case k < len(doc) && (doc[k] == '>' || doc[k] == '-' || doc[k] == '*' || doc[k] == '+'):
			k++
		default:
			for k < len(doc) && doc[k] >= '0' && doc[k] <= '9' {
				k++
			}
			if k == j || k >= len(doc) || doc[k] != '.' && doc[k] != ')' {
				return i
			}
			k++
		}
		if k < len(doc) && doc[k] != ' ' && doc[k] != '\t' && doc[k] != '\n' {
			return i
		}
		i = k
	}
}

// isMarkup reports whether the rune at i is inline Markdown markup that a
// rendered page does not show: emphasis stars, code ticks, underscores at
// a word's edge, link brackets (a ']' closes one when a '[' opened on its
// line, bracket).
func isMarkup(doc string, i int, r rune, bracket bool) bool {
	switch r {
	case '*', '`', '[':
		return true
	case ']':
		return bracket || strings.HasPrefix(doc[i:], "](")
	case '_':
		before, _ := utf8.DecodeLastRuneInString(doc[:i])
		after, _ := utf8.DecodeRuneInString(doc[i+1:])
		return !isWordRune(before) || !isWordRune(after)
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// norm is a directive part as the page holds it: lower case, white space
// collapsed and trimmed.
func norm(s string) []rune {
	var out []rune
	space := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				out = append(out, ' ')
				space = true
			}
			continue
		}
		out = append(out, unicode.ToLower(r))
		space = false
	}
	if space && len(out) > 0 {
		out = out[:len(out)-1]
	}
	return out
}

// boundary reports whether a match may start or end at rune i: not
// between two word characters, nor inside "don't" or "3.5".
func (p *Page) boundary(i int) bool {
	if i <= 0 || i >= len(p.text) {
		return true
	}
	a, b := p.text[i-1], p.text[i]
	if isWordRune(a) && isWordRune(b) {
		return false
	}
	mid := func(r rune) bool { return r == '\'' || r == '’' || r == '.' || r == ',' || r == ':' }
	if mid(b) && isWordRune(a) && i+1 < len(p.text) && isWordRune(p.text[i+1]) {
		return false
	}
	if mid(a) && isWordRune(b) && i >= 2 && isWordRune(p.text[i-2]) {
		return false
	}
	return true
}

// find is the first match of q at or after rune from, on word boundaries.
func (p *Page) find(q []rune, from int) int { return p.findBefore(q, from, len(p.text)) }

// findBefore is find of a match that ends by rune stop.
func (p *Page) findBefore(q []rune, from, stop int) int {
	if len(q) == 0 {
		return -1
	}
	for i := from; i+len(q) <= min(stop, len(p.text)); i++ {
		if p.text[i] != q[0] || !p.boundary(i) || !p.boundary(i+len(q)) {
			continue
		}
		if equal(p.text[i:i+len(q)], q) {
			return i
		}
	}
	return -1
}

// matchAt reports whether q occurs at rune i, after optional white space,
// ending on a word boundary; it returns where the match ends.
func (p *Page) matchAt(q []rune, i int) (int, bool) {
	if i < len(p.text) && p.text[i] == ' ' {
		i++
	}
	if i+len(q) > len(p.text) || !equal(p.text[i:i+len(q)], q) || !p.boundary(i+len(q)) {
		return 0, false
	}
	return i + len(q), true
}

func equal(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}
