package fragment

import "testing"

// The specification's own examples of text directives.
func TestParseSpecExamples(t *testing.T) {
	for _, tc := range []struct {
		link string
		want Directive
	}{
		{"https://example.com#:~:text=an%20example%20text%20fragment", Directive{Start: "an example text fragment"}},
		{"https://example.com#:~:text=an%20example,text%20fragment", Directive{Start: "an example", End: "text fragment"}},
		{"#:~:text=this%20is-,an%20example,-text%20fragment", Directive{Prefix: "this is", Start: "an example", Suffix: "text fragment"}},
		{"#:~:text=an-,example,-text", Directive{Prefix: "an", Start: "example", Suffix: "text"}},
		{"#:~:text=foo%2Dbar", Directive{Start: "foo-bar"}},
		{"#:~:text=a%2C%20b%20%26%20c", Directive{Start: "a, b & c"}},
		{"#:~:text=an%20example&text=text%20fragment", Directive{Start: "an example"}},
		{"#section1:~:text=an%20example", Directive{Start: "an example"}},
	} {
		got, err := Parse(tc.link)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tc.link, got, err, tc.want)
		}
	}
	for _, bad := range []string{"#text=a", "#:~:text=", "#:~:text=-a-", "#:~:text=a,b,c,d", "#:~:foo=bar", "#:~:text=%zz"} {
		if d, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", bad, d)
		}
	}
}

func TestStringEncodesAsTheSpecSays(t *testing.T) {
	for _, tc := range []struct {
		d    Directive
		want string
	}{
		{Directive{Start: "an example text fragment"}, "#:~:text=an%20example%20text%20fragment"},
		{Directive{Start: "an example", End: "text fragment"}, "#:~:text=an%20example,text%20fragment"},
		{Directive{Prefix: "this is", Start: "an example", Suffix: "text fragment"}, "#:~:text=this%20is-,an%20example,-text%20fragment"},
		// '-', ',' and '&' delimit parts and directives: always encoded.
		{Directive{Start: "well-known, cats & dogs"}, "#:~:text=well%2Dknown%2C%20cats%20%26%20dogs"},
		{Directive{Start: "café 26°C #1"}, "#:~:text=caf%C3%A9%2026%C2%B0C%20%231"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.d, got, tc.want)
		}
		back, err := Parse(tc.want)
		if err != nil || back != tc.d {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tc.want, back, err, tc.d)
		}
	}
	if got := (Directive{Start: "x"}).Link("https://a.example/doc#old"); got != "https://a.example/doc#:~:text=x" {
		t.Errorf("Link = %q", got)
	}
}
