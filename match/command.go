package match

import (
	"slices"
	"strings"
)

// "What command upgrades a self-hosted server to 4.2?" is answered by
// the step that writes the command ("…and run `taskwell upgrade --to
// 4.2.0`"), not by the sentence that matches more of its words in prose
// ("Self-hosted customers can download the installer…"). A question
// asking for a command prefers, when the first candidate writes no code,
// the first near one that does.

// commandWindow is how many of the first candidates are read.
const commandWindow = 3

// commandWords ask for something to type.
var commandWords = setOf("command", "commands", "cmd")

// preferCommand puts first, for a question asking for a command, the
// first near candidate writing inline code when the first writes none.
func (m *Matcher) preferCommand(hits []Hit, all []string) {
	if len(hits) < 2 || !slices.ContainsFunc(all, func(w string) bool { return commandWords[w] }) {
		return
	}
	code := func(i int) bool { return strings.Count(m.sents[i].Text, "`") >= 2 }
	preferHolding(hits, commandWindow, code)
}
