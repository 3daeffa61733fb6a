package match

import (
	"strings"
	"testing"
)

func TestDefinedThing(t *testing.T) {
	t.Parallel()
	for q, want := range map[string][2]string{
		"what is a notary":                  {"notari", "notari"},
		"what are private labels":           {"privat", "label"},
		"what is the definition of a map":   {"map", "map"},
		"whats a crumpet":                   {"crumpet", "crumpet"},
		"what is a notary for":              {"notari", "notari"},
		"what is the population of leeds":   {},
		"what is the si unit of pressure":   {},
		"what is the wifi password at 2023": {},
		"whats the starter called":          {},
		"who is the owner":                  {},
		"what does a notary do":             {},
		"what does connection pool mean":    {"pool", "pool"},
		"what does it mean":                 {},
	} {
		if first, head := definedThing(strings.Fields(q)); first != want[0] || head != want[1] {
			t.Errorf("definedThing(%q) = %q, %q, want %q", q, first, head, want)
		}
	}
}

func TestDefines(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text, first, head string
		want              bool
	}{
		{"A crumpet is a small griddle bread made from flour and yeast.", "crumpet", "crumpet", true},
		{"Crumpets (or pikelets, in some regions) are usually a breakfast food.", "crumpet", "crumpet", true},
		{"In Scotland, the crumpet is one of several griddle breads.", "crumpet", "crumpet", true},
		{"A wiki is a website its users edit.", "wiki", "platform", true},
		{"Crumpets are eaten hot with butter.", "crumpet", "crumpet", false},
		{"The best crumpets have been made in this bakery since 1900, and this is a fact.", "crumpet", "crumpet", false},
		{"A muffin is a small bread, unlike the crumpet.", "crumpet", "crumpet", false},
		// A glossary's entry: the term, a colon or a dash, what it is.
		{"**Connection pool**: A fixed set of open database connections shared by the servers.", "pool", "pool", true},
		{"Crumpet – a small griddle bread made from flour and yeast.", "crumpet", "crumpet", true},
		{"Crumpets: £2.50", "crumpet", "crumpet", false},
		{"Note: the connection pool was full by nine o'clock.", "connect", "pool", false},
	} {
		if got := defines(c.text, c.first, c.head); got != c.want {
			t.Errorf("defines(%q, %q, %q) = %v, want %v", c.text, c.first, c.head, got, c.want)
		}
	}
}

// "What is X?" is answered by the sentence saying what X is, not by one
// that names X first without saying what it is.
func TestWhatIsPrefersTheDefinition(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "About the software.\n\n"+
		"The program was produced, sold, and supported by Quillwort Systems of Leeds, England. "+
		"Quillwort Desk is a note-taking program combined with shared folders and a search index. "+
		"It runs on Windows and Linux.")
	wantTop(t, m, "what is quillwort", "note-taking program")
	wantTop(t, m, "who supported quillwort", "supported by")
	// A property of the thing, by a possessive, is not its definition.
	wantTop(t, m, "what is quillwort's home town", "Leeds")
}

// "What does X mean?" is answered by a glossary's entry for X, not by the
// sentence that uses X most.
func TestWhatDoesXMeanPrefersTheGlossary(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "# Outage review\n\n"+
		"Requests queued until the connection pool ran dry, and the connection pool stayed empty for an hour.\n\n"+
		"## Glossary\n\n"+
		"- **Connection pool**: A fixed set of open database connections shared by the servers.\n"+
		"- **Failover**: Switching to a standby database when the main one stops.\n")
	wantTop(t, m, "what does connection pool mean", "fixed set")
	wantTop(t, m, "what is a connection pool", "fixed set")
	wantTop(t, m, "when did the connection pool run dry", "ran dry")
}
