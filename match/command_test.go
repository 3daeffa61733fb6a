package match

import (
	"os"
	"testing"
)

// "What command…" is answered by the step that writes the command, not
// by prose matching more of the question's words ("Self-hosted customers
// can download the installer…").
func TestCommandQuestionPrefersCode(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile("testdata/chat/release-notes.md")
	if err != nil {
		t.Fatal(err)
	}
	m := newDocMatcher(t, "release-notes.md", string(text))
	wantTop(t, m, "what command upgrades a self hosted server to 4.2", "taskwell upgrade --to")
	wantTop(t, m, "when can self hosted customers download the installer", "starting March 25")
}
