package bot

import (
	"strings"
	"testing"
)

const pavilion = `1. Pavilion

The youth club compared four designs for the new pavilion. The club chose the timber design from Oakframe Ltd at £20,000.

Cllr. Lee proposed an application to the Green Futures Fund for a grant of £15,000. The proposal was seconded by Cllr. Ray.

2. Youth club

The youth club held a disco in March. The youth club painted the hall. The youth club visited the museum. The youth club won the quiz. The youth club planted trees. The youth club ran a cake sale. The youth club cleaned the beach. The youth club met the mayor. The youth club sang carols. The youth club designed a logo. The youth club chose a new name.
`

// "where's the money coming from?" after the club's choice: no sentence
// the search finds says "money", but the one beside the answer names a
// fund, a kind of money (words of money count as kinds of it).
func TestFollowUpFoundNextToTheAnswerByAKind(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "pavilion.txt", pavilion)
	rs := askAll(b, "test:near", "which design did the youth club choose?", "where's the money coming from?")
	if !rs[0].Answered || !strings.Contains(rs[0].Citations[0].Text, "Oakframe") {
		t.Fatalf("first turn: %s", rs[0].Text)
	}
	if r := rs[1]; !r.Answered || !strings.Contains(r.Citations[0].Text, "Green Futures Fund") {
		t.Errorf("follow-up (read as %q) answered %s", r.Understood, r.Text)
	}
}

// A follow-up whose own words nothing near the previous answer holds
// either is still refused.
func TestFollowUpNothingNearHoldsItsWords(t *testing.T) {
	t.Parallel()
	b := conversationBot(t, "pavilion.txt", pavilion)
	rs := askAll(b, "test:near2", "which design did the youth club choose?", "how steep is the roof?")
	if r := rs[1]; r.Answered {
		t.Errorf("follow-up (read as %q) answered %s", r.Understood, r.Text)
	}
}

func TestMoneyWordsAreKindsOfMoney(t *testing.T) {
	t.Parallel()
	if !holds("They applied to the Green Futures Fund.", []string{"money"}, ownMatch{}) {
		t.Error(`"Fund" does not hold "money"`)
	}
	if holds("It took ten years.", []string{"number"}, ownMatch{}) {
		t.Error(`"ten" holds "number"`)
	}
}
