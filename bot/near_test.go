package bot

import "testing"

func TestMoneyWordsAreKindsOfMoney(t *testing.T) {
	t.Parallel()
	if !holds("They applied to the Green Futures Fund.", []string{"money"}, ownMatch{}) {
		t.Error(`"Fund" does not hold "money"`)
	}
	if holds("It took ten years.", []string{"number"}, ownMatch{}) {
		t.Error(`"ten" holds "number"`)
	}
}
