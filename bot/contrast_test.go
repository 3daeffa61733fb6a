package bot

import (
	"strings"
	"testing"
)

const permits = `1. Parking

Cllr. Ann Dale reported on the parking review. Permits will cost £40 a year for residents and £95 for holiday visitors. The car park will be resurfaced in May.

2. Other matters

Tourists enjoyed the open day at the mill. The meeting closed at 9pm.
`

// "and tourists?" after "how much do residents pay for a permit?" is the
// same question about another case: the sentence that gave the residents'
// price gives the visitors' beside it, while the only sentence naming
// tourists says nothing of permits or paying.
func TestContrastiveEllipsisKeepsTheAnswerBefore(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "permits.txt", permits)
	rs := askAll(b, "test:contrast", "how much do residents pay for a permit?", "and tourists?")
	if !rs[0].Answered || !strings.Contains(rs[0].Citations[0].Text, "£40") {
		t.Fatalf("first turn: %s", rs[0].Text)
	}
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "£95") {
		t.Errorf("follow-up (read as %q) answered %s", r.Understood, r.Text)
	}
}

// A contrastive ellipsis whose new word is said with what was asked is
// answered there, as any follow-up.
func TestContrastiveEllipsisNamedInContext(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "permits.txt", permits+"\nTourists pay £5 a day for a permit at the mill.\n")
	rs := askAll(b, "test:contrast2", "how much do residents pay for a permit?", "and tourists?")
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "£5 a day") {
		t.Errorf("follow-up (read as %q) answered %s", r.Understood, r.Text)
	}
}
