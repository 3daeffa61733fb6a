package bot

import (
	"math/rand/v2"
	"testing"
)

// squeezeRunes is squeeze as it was, rune by rune for every word.
func squeezeRunes(w string) string {
	if _, ok := talkIndex[w]; ok || talkFillers[w] {
		return w
	}
	rs := []rune(w)
	out := rs[:0:0]
	for i, r := range rs {
		if i >= 2 && r == rs[i-1] && r == rs[i-2] {
			continue
		}
		out = append(out, r)
	}
	s := string(out)
	if _, ok := talkIndex[s]; ok {
		return s
	}
	if n := len(out); n > 2 && out[n-1] == out[n-2] {
		if t := string(out[:n-1]); talkIndex[t] != TalkNone || talkFillers[t] {
			return t
		}
	}
	return s
}

// The ASCII fast path must squeeze exactly as the rune-by-rune one did.
func TestSqueezeFastPathEqualsRunes(t *testing.T) {
	words := []string{"heyy", "byee", "thanksss", "hmmm", "hahaha", "pierre", "book", "helloo", "ok", "a", "aa", "aaa", "naïve", "ééé", "okk", "yess"}
	for w := range talkIndex {
		words = append(words, w, w+w[len(w)-1:], w+w[len(w)-1:]+w[len(w)-1:])
	}
	for w := range talkFillers {
		words = append(words, w, w+w[len(w)-1:])
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		b := make([]byte, 1+r.IntN(7))
		for i := range b {
			b[i] = "abehkosy"[r.IntN(8)]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if got, want := squeeze(w), squeezeRunes(w); got != want {
			t.Fatalf("squeeze(%q) = %q, want %q", w, got, want)
		}
	}
}
