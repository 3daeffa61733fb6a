package facts

import (
	"fmt"
	"strings"
	"testing"
)

// A sentence opening with a pronoun records what it stands for: the person
// named last in its paragraph, however far back; for "It", the noun phrase
// the sentence before opens with. A new paragraph starts afresh.
func TestReferBack(t *testing.T) {
	t.Parallel()
	text := "The harbour museum is the town's pride. It opened in 1931. Its first keeper was Miss Elsie Tranter. " +
		"Her brother ran the ferry to Holm Island. At sixty she retired to Bridge Street and wrote a guide.\n\n" +
		"She is remembered fondly. Dr. Owen Price later bought the house. \"It was a bargain,\" he said.\n"
	checkRefers(t, text, "", "harbour museum", "harbour museum", "Miss Elsie Tranter", "Miss Elsie Tranter", "", "",
		"Dr. Owen Price") // a quotation's "he said"
}

// checkRefers parses text and checks each sentence's Refers against want.
func checkRefers(t *testing.T, text string, want ...string) {
	t.Helper()
	d, err := Parse("town.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(d.Sentences), len(want))
	}
	for i, s := range d.Sentences {
		if s.Refers() != want[i] {
			t.Errorf("sentence %d %q: Refers = %q, want %q", i+1, s.Text, s.Refers(), want[i])
		}
	}
}

func TestLastPersonName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, want string }{
		{"The school was run by Miss Harriet Doyle for years.", "Miss Harriet Doyle"},
		{"Dr. Owen Price bought it.", "Dr. Owen Price"},
		{"Josiah Pell met Anna Reed in York.", "Anna Reed"},
		{"They lived on Bridge Street near the River Lenn.", ""},
		{"In York the trains stopped.", ""},
		{"Her first novel, The Weir House, came out in 1919.", ""}, // a thing's name, after "The"
	} {
		if got := lastPersonName(tt.text); got != tt.want {
			t.Errorf("lastPersonName(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A sentence opening "The X" describes the last thing named before it in
// its paragraph whose name ends in a kind of X: "The tower" is the Skerry
// Point Lighthouse. Not when the paragraph says X itself, nor through a
// word that is not a name ("raised": a raise is a kind of motion).
func TestReferBackByKind(t *testing.T) {
	t.Parallel()
	text := "Perched above the bay, the Skerry Point Lighthouse was built in 1871. Tours run daily. " +
		"The tower is not suitable for visitors with limited mobility.\n\n" +
		"A new tower was built on the quay. The tower has a clock.\n\n" +
		"Councillor Ames raised the question of parking. The motion was carried.\n"
	checkRefers(t, text, "", "", "Skerry Point Lighthouse", "", "", "", "")
}

// A paragraph of many sentences that each open "The X" costs the build
// in proportion to its length: each reads a few sentences back, not all.
func BenchmarkReferBackLongParagraph(b *testing.B) {
	var sb strings.Builder
	for i := range 2000 {
		// "The tower" is new each time: "towerab", "towerac"...
		fmt.Fprintf(&sb, "The tower%c%c met Alder Grove Lighthouse in town. ", 'a'+i/26%26, 'a'+i%26)
	}
	text := []byte(sb.String())
	b.ResetTimer()
	for range b.N {
		if _, err := Parse("long.txt", text); err != nil {
			b.Fatal(err)
		}
	}
}
