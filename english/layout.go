package english

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// valuesTag opens the second line of a lexicon laid out by
// FrequencyLayout: the byte offset where its values start.
const valuesTag = "# values at byte "

// FrequencyLayout rewrites a lexicon of sorted "key rest" lines (after
// comment lines) so that reading it touches fewer pages: each key line
// becomes "key @offset", the offset of its rest in a values section after
// the keys, where equal rests are written once, in the frequency order of
// their keys in English (the vectors' ranks, by stem). A short text's
// lookups are mostly common words, so they binary-search the keys (a
// fifth of the bytes) and read values from the first pages of the values
// section, where the sorted text had them spread over every 64 KB the
// kernel maps at a time (issue #17: the story's 20 MB).
func FrequencyLayout(data string) []byte {
	var comments []string
	type line struct{ key, rest string }
	var lines []line
	for l := range strings.Lines(data) {
		l = strings.TrimSuffix(l, "\n")
		if strings.HasPrefix(l, "#") {
			comments = append(comments, l)
			continue
		}
		k, v, _ := strings.Cut(l, " ")
		lines = append(lines, line{k, v})
	}
	ranks := stemRanks()
	rankOf := map[string]int{}
	for _, l := range lines {
		r, ok := ranks[l.key]
		if !ok {
			r = len(ranks)
		}
		if old, seen := rankOf[l.rest]; !seen || r < old {
			rankOf[l.rest] = r
		}
	}
	values := make([]string, 0, len(rankOf))
	for v := range rankOf {
		values = append(values, v)
	}
	slices.SortFunc(values, func(a, b string) int {
		return cmp.Or(cmp.Compare(rankOf[a], rankOf[b]), strings.Compare(a, b))
	})
	offset := map[string]int{}
	var vals strings.Builder
	for _, v := range values {
		offset[v] = vals.Len()
		vals.WriteString(v + "\n")
	}
	var keys strings.Builder
	for _, c := range comments {
		keys.WriteString(c + "\n")
	}
	keys.WriteString(valuesTag + "0000000000\n") // the offset, filled in below
	for _, l := range lines {
		keys.WriteString(l.key + " @" + strconv.Itoa(offset[l.rest]) + "\n")
	}
	out := []byte(keys.String() + vals.String())
	at := strings.Index(string(out), valuesTag) + len(valuesTag)
	copy(out[at:], fmt.Sprintf("%010d", keys.Len()))
	return out
}

// stemRanks maps each stem of the vectors' words to the frequency rank of
// its most frequent word.
func stemRanks() map[string]int {
	v := LoadVectors()
	ranks := map[string]int{}
	for row := range int32(v.n) {
		st := Stem(v.word(row))
		if _, ok := ranks[st]; !ok {
			ranks[st] = int(v.rank(row))
		}
	}
	return ranks
}
