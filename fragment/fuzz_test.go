package fragment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Any document, any span: making a link never panics, and a link made
// finds exactly the span's shown text; parsing any fragment never panics
// and what it parses prints back to a fragment that parses the same.
func FuzzLinkRoundTrip(f *testing.F) {
	f.Add("The cat sat. The cat sat. A dog ran.", false, 13, 25, "#:~:text=a-,b,c,-d")
	f.Add("# T\n\n- **Bold** [x](y) `c` | a |\n\nSame. Same.", true, 30, 35, "#:~:text=%zz")
	f.Fuzz(func(t *testing.T, doc string, markdown bool, start, end int, link string) {
		if d, err := Parse(link); err == nil {
			if back, err := Parse(d.String()); err != nil || back != d {
				t.Errorf("Parse(%q) = %+v; printed %q parses to %+v, %v", link, d, d.String(), back, err)
			}
		}
		if !utf8.ValidString(doc) || start < 0 || end > len(doc) || start >= end {
			return
		}
		p := NewPage(doc, markdown)
		a, b, shown := p.Span(start, end)
		dir, ok := p.For(start, end)
		if !shown || !ok {
			return
		}
		x, y, found := p.Find(dir)
		if !found || x != a || y != b {
			t.Errorf("doc %q [%d,%d) shows %q; link %s finds %d-%d", doc, start, end, doc[a:b], dir, x, y)
		}
		if strings.ContainsAny(dir.String()[len("#:~:text="):], " &") {
			t.Errorf("link %s holds an unencoded space or &", dir)
		}
	})
}
