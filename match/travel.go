package match

import "github.com/storybot/storybot/english"

// asksWayThere reports whether the question asks how to get somewhere:
// "how do i get there", "how can we get to the island", "is there a way
// to get to the semi", "how do i get around".
func asksWayThere(all []string) bool {
	for i := 0; i+1 < len(all); i++ {
		if all[i] == "get" || all[i] == "getting" {
			switch all[i+1] {
			case "to", "there", "here", "around", "home":
				return true
			}
		}
	}
	return false
}

// preferConveyance puts first, for a question asking how to get
// somewhere, the first of the near candidates (kindWindow, kindShare)
// that names a means of transport ("Ferry from: Ardlish", "a
// minibus will leave the clubhouse at 9am"), when the first names none:
// WordNet's kinds of transport and vehicle.
func (m *Matcher) preferConveyance(hits []Hit, all []string, asked termSet[int32]) {
	if !asksWayThere(all) {
		return
	}
	preferHoldingNear(hits, kindWindow, kindShare, func(i int) bool { return m.namesConveyance(i, asked) })
}

// namesConveyance reports whether sentence i names a kind of transport
// or vehicle, other than the question's own terms (asked: "the semi" is
// where to go, whatever else a semi is).
func (m *Matcher) namesConveyance(i int, asked termSet[int32]) bool {
	for _, id := range m.sentenceCore(i).ids {
		if asked.has(id) {
			continue
		}
		if k := m.kindsOf(id); english.ListHas(k, "transport") || english.ListHas(k, "vehicl") {
			return true
		}
	}
	return false
}
