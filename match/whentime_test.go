package match

import "testing"

func TestCountsTime(t *testing.T) {
	for text, want := range map[string]bool{
		"Fitch came on in the 63rd minute for Barnes.": true,
		"On the second day the rain stopped.":          true,
		"The abbey was rebuilt in the 12th century.":   true,
		"She finished third in the final.":             false,
		"The 2nd floor has 40 rooms and 3 lifts.":      false,
		"He scored twice in 10 minutes.":               false,
	} {
		if got := countsTime(text); got != want {
			t.Errorf("countsTime(%q) = %v, want %v", text, got, want)
		}
	}
}

// "When did he come on?" is answered by a point counted in minutes: the
// judge does not hold it as naming no date, as it does a sentence that
// names no time at all.
func TestWhenByAPointInTime(t *testing.T) {
	t.Parallel()
	for text, missing := range map[string]float64{
		"Ellis sent on the striker Dan Pryce for the injured Lee in the 63rd minute.": 0,
		"Ellis sent on the striker Dan Pryce for the injured Lee.":                    1,
	} {
		m := newMatcher(t, "Match report.\n\nUnited won 2-1 at home in front of a crowd of 4,000. "+text)
		var f []float64
		r := m.Search("when did pryce come on", SearchOptions{AnswerFeatures: &f})
		if len(r.Hits) == 0 || len(f) <= afDateMissing || f[afDateMissing] != missing {
			t.Errorf("%q: date missing %v, want %v:\n%s", text, f, missing, r.Explain())
		}
	}
}
