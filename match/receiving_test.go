package match

import "testing"

// "get" after "how many/much" means receiving: the sentence saying who
// "received" the votes answers, not another that names the votes; "get"
// of going ("how long to get there") adds nothing.
func TestGetMeansReceiving(t *testing.T) {
	t.Parallel()
	m := newMatcher(t, "By-election result.\n\n"+
		"The first count put Kowalczyk ahead by 19 votes over her nearest rival. "+
		"Kowalczyk, a 34-year-old teacher, received 812 votes in Thursday's by-election. "+
		"Ashworth came second with 789 votes.\n\n"+
		"The hall is a short walk from the station.")
	wantTop(t, m, "how many votes did kowalczyk get", "received 812 votes")
	wantTop(t, m, "how many votes did kowalczyk get altogether", "received 812 votes")
	if receivingGet(&question{all: []string{"how", "long", "to", "get", "there"}}, 3) {
		t.Error(`"get there" read as receiving`)
	}
}
