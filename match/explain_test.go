package match

import "testing"

// "Why…" of an instruction is answered by the sentence after it, which
// gives the reason an instruction does not; a statement that is no
// instruction keeps its place, as does an instruction followed by another.
func TestWhyOfAnInstructionIsTheSentenceAfter(t *testing.T) {
	t.Parallel()
	m := newDocMatcher(t, "r.md", "# Method\n\n"+
		"1. **Shape:** Tip the dough out and shape it into a tight round.\n"+
		"2. **Retard:** Cover the baskets and put them in the fridge overnight. "+
		"The long, cold rest develops flavour and makes the dough easier to score.\n"+
		"3. **Bake:** Preheat the oven to 250°C. Bake the loaf for 45 minutes.\n")
	wantTop(t, m, "Why does the dough go in the fridge overnight?", "develops flavour")
	wantTop(t, m, "why preheat the oven to 250°C", "Preheat the oven")
	s := newMatcher(t, "Knowing that the river would flood, the council ordered the bridge closed. "+
		"Thus, on 1 August, the bridge was shut to traffic.")
	wantTop(t, s, "Why did the council order the bridge closed?", "Knowing that")
}

func TestInstruction(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"**Retard:** Cover the baskets and put them in the fridge overnight.": true,
		"Place them seam side up in floured bannetons.":                       true,
		"Preheat the oven to 250°C.":                                          true,
		"The long, cold rest develops flavour.":                               false,
		"Knowing that Stalin was hostile, the government gave orders.":        false,
		"Founded the same year, the club grew.":                               false,
		"Thus, on 1 August 1944, the uprising began.":                         false,
	} {
		if got := instruction(text); got != want {
			t.Errorf("instruction(%q) = %v, want %v", text, got, want)
		}
	}
}
