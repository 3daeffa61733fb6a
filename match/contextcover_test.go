package match

import (
	"strings"
	"testing"
)

// "Does Kestrel Court have a pool?" is answered by the sentence saying
// there is a pool, in the paragraph that names Kestrel Court, not by the
// one naming it again for something else.
func TestYesNoAnsweredInTheNamedParagraph(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "The Wenlow Arms is a pub in the village with six rooms. Rooms cost £95 per night including breakfast.\n\n"+
		"Kestrel Court Hotel is a larger hotel beside the station at Wenlow Parkway. "+
		"Rooms cost £120 per night with the code, and there is a small spa and pool. "+
		"Kestrel Court has offered late checkout at 1pm on Sunday for all wedding guests.\n\n"+
		"The swimming pool at the leisure centre opens at 7am.\n")
	wantTop(t, m, "does kestrel court have a pool", "spa and pool")
	wantTop(t, m, "does kestrel court have late checkout", "late checkout")
}

func TestHaveSubject(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]string{
		"does kestrel court have a pool": "kestrel court",
		"does the hotel offer parking":   "the hotel",
		"do i have to pay for parking":   "",
		"do you have wifi":               "",
		"can i pay by cheque":            "",
		"is the museum open on a sunday": "",
	} {
		if got := strings.Join(haveSubject(strings.Fields(q)), " "); got != want {
			t.Errorf("haveSubject(%q) = %q, want %q", q, got, want)
		}
	}
}
