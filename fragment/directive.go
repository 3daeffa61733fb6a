// Package fragment makes and reads text fragment links (the WICG "URL
// Fragment Text Directives" specification, "#:~:text="): a link that makes
// a browser scroll to, and highlight, one sentence of a page. It also
// finds a directive's match in a document's text the way a browser does
// (case-insensitive, whitespace collapsed, on word boundaries), so links
// are checked before they are given.
package fragment

import (
	"errors"
	"net/url"
	"strings"
)

// Directive is one text directive: [prefix-,]start[,end][,-suffix].
// Start is required; the rest may be empty.
type Directive struct {
	Prefix, Start, End, Suffix string
}

// String is the directive as a URL fragment, "#:~:text=…", each part
// percent-encoded as the specification requires.
func (d Directive) String() string {
	var b strings.Builder
	b.WriteString("#:~:text=")
	if d.Prefix != "" {
		b.WriteString(Encode(d.Prefix))
		b.WriteString("-,")
	}
	b.WriteString(Encode(d.Start))
	if d.End != "" {
		b.WriteByte(',')
		b.WriteString(Encode(d.End))
	}
	if d.Suffix != "" {
		b.WriteString(",-")
		b.WriteString(Encode(d.Suffix))
	}
	return b.String()
}

// Link is u with the directive as its fragment (any fragment u had is
// replaced).
func (d Directive) Link(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	return u + d.String()
}

// Encode percent-encodes a directive part: everything but ASCII letters,
// digits and the few marks a URL fragment keeps as they are; "-", "&" and
// "," always, as they delimit the directive's parts.
func Encode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("._~!$'()*+;=/?:@", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// ErrNoDirective: the link or fragment holds no well-formed text directive.
var ErrNoDirective = errors.New("no text directive")

// Parse reads the first text directive of a link or fragment
// ("https://x/y#:~:text=a,b", "#:~:text=a", ":~:text=a").
func Parse(link string) (Directive, error) {
	_, frag, ok := strings.Cut(link, ":~:")
	if !ok {
		return Directive{}, ErrNoDirective
	}
	for _, dir := range strings.Split(frag, "&") {
		if v, ok := strings.CutPrefix(dir, "text="); ok {
			return parseText(v)
		}
	}
	return Directive{}, ErrNoDirective
}

func parseText(v string) (Directive, error) {
	parts := strings.Split(v, ",")
	var d Directive
	if p, ok := strings.CutSuffix(parts[0], "-"); ok && len(parts) > 1 {
		d.Prefix, parts = p, parts[1:]
	}
	if s, ok := strings.CutPrefix(parts[len(parts)-1], "-"); ok && len(parts) > 1 {
		d.Suffix, parts = s, parts[:len(parts)-1]
	}
	if len(parts) == 0 || len(parts) > 2 {
		return Directive{}, ErrNoDirective
	}
	d.Start = parts[0]
	if len(parts) == 2 {
		d.End = parts[1]
	}
	for _, p := range []*string{&d.Prefix, &d.Start, &d.End, &d.Suffix} {
		if strings.Contains(*p, "-") && *p != "" && (strings.HasPrefix(*p, "-") || strings.HasSuffix(*p, "-")) {
			return Directive{}, ErrNoDirective
		}
		s, err := url.PathUnescape(*p)
		if err != nil {
			return Directive{}, ErrNoDirective
		}
		*p = s
	}
	if d.Start == "" {
		return Directive{}, ErrNoDirective
	}
	return d, nil
}
