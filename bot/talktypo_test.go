package bot

import (
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/internal/randtext"
)

// Small talk misspelt as people type it is still small talk; a short
// question about a document that is one edit from a small-talk word is
// not ("who is tim", "what is the tie"), nor is a word that could be two
// different ones ("helo": hello or help).
func TestMisspeltSmallTalk(t *testing.T) {
	t.Parallel()
	for msg, want := range map[string]Talk{
		"wats the tim":           TalkTask,
		"waht time is it":        TalkTask,
		"thnaks so much":         TalkThanks,
		"thank yuo":              TalkThanks,
		"good mornign":           TalkGreeting,
		"godbye":                 TalkBye,
		"who is tim":             TalkNone,
		"what is the tie":        TalkNone,
		"wats the fee":           TalkNone,
		"whos the ceo":           TalkNone,
		"what is the time limit": TalkNone,
		"helo":                   TalkNone,
		"tanks":                  TalkNone, // a word, written as meant
	} {
		if got := SmallTalk(msg); got != want {
			t.Errorf("SmallTalk(%q) = %v, want %v", msg, got, want)
		}
	}
}

func TestEditOne(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"tim", "time", true}, {"waht", "what", true}, {"wait", "what", false},
		{"thnks", "thanks", true}, {"thanks", "thanks", false}, {"thnaks", "thanks", true},
		{"abc", "xyz", false}, {"hello", "help", false},
	} {
		if got := editOne(tt.a, tt.b); got != tt.want {
			t.Errorf("editOne(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// mendTalk leaves at the first word that stays outside the small-talk
// vocabulary; that must not change what a message reads as. The mending
// of every word (the way it was first written) is the reference, over
// small-talk phrases with each of their words misspelt one way or
// another, and over questions.
func TestMendTalkGivesUpOnlyWhenNothingCouldCover(t *testing.T) {
	t.Parallel()
	mendAll := func(words []string) ([]string, bool) {
		if len(words) > maxMendedWords {
			return nil, false
		}
		vocab := talkVocabulary()
		var out []string
		changed := false
		for _, w := range words {
			if _, ok := vocab.words[w]; ok || len(w) < 3 || english.IsCommonWord(w) {
				out = append(out, w)
				continue
			}
			m := vocab.near(w)
			if m == "" {
				out = append(out, w)
				continue
			}
			changed = true
			out = appendMended(out, m)
		}
		return out, changed
	}
	kind := func(mend func([]string) ([]string, bool), words []string) Talk {
		if mended, ok := mend(words); ok {
			return coverTalk(mended)
		}
		return TalkNone
	}
	var msgs [][]string
	for p := range talkIndex {
		words := strings.Fields(p)
		msgs = append(msgs, words)
		for i, w := range words {
			rs := []rune(w)
			for j := range rs { // each letter dropped, doubled, swapped on
				variants := []string{string(rs[:j]) + string(rs[j+1:]), string(rs[:j+1]) + string(rs[j:])}
				if j+1 < len(rs) {
					variants = append(variants, string(rs[:j])+string(rs[j+1])+string(rs[j])+string(rs[j+2:]))
				}
				for _, v := range variants {
					m := slices.Clone(words)
					m[i] = v
					msgs = append(msgs, m, append(slices.Clone(m), "where", "is", "it"), append([]string{"pierre"}, m...))
				}
			}
		}
	}
	for _, q := range []string{"where did pierre meet natasha", "wats the fee", "whos the ceo", "thnaks so much", "what's the tim"} {
		msgs = append(msgs, strings.Fields(q))
	}
	differ := 0
	for _, words := range msgs {
		if got, want := kind(mendTalk, words), kind(mendAll, words); got != want {
			if differ++; differ <= 10 {
				t.Errorf("%q: %v, mending every word %v", strings.Join(words, " "), got, want)
			}
		}
	}
	if len(msgs) < 1000 {
		t.Fatalf("only %d messages tried", len(msgs))
	}
}

// A word far longer than any small-talk word is one edit from none of
// them, and is not taken apart letter by letter: a 1,000-letter word made
// a thousand 999-letter deletions, 50 times a normal question's cost.
func TestLongWordIsNoMisspeltSmallTalk(t *testing.T) {
	vocab := talkVocabulary()
	long := strings.Repeat("thanks", 200)
	if allocs := testing.AllocsPerRun(5, func() { vocab.near(long) }); allocs > 0 {
		t.Errorf("near allocated %.0f times for a %d-letter word", allocs, len(long))
	}
	if got := vocab.near("thnaks"); got != "thanks" {
		t.Errorf("near(thnaks) = %q", got)
	}
}

// An interjection and one word is a reaction ("ugh mondays", "oops
// sorry"), not a one-word topic to look up once the interjection is read
// as a filler; a longer message after one is still read ("ugh the kettle
// leaks").
func TestInterjectionAndAWordIsAReaction(t *testing.T) {
	t.Parallel()
	for msg, want := range map[string]Talk{
		"ugh mondays":          TalkAck,
		"oops sorry":           TalkAck,
		"lol true":             TalkAck,
		"ugh the kettle leaks": TalkNone,
		"mondays":              TalkNone,
	} {
		if got := SmallTalk(msg); got != want {
			t.Errorf("SmallTalk(%q) = %v, want %v", msg, got, want)
		}
	}
}

// eachDeletion makes what deletions lists, in order, for any word
// (repeated letters, runes outside ASCII, invalid UTF-8).
func TestEachDeletionIsDeletions(t *testing.T) {
	t.Parallel()
	pieces := []string{"a", "b", "l", "é", "ß", "'", "\xff", "\xe2\x80"}
	for n, w := range randtext.Texts(9, 20000, 9, pieces) {
		var got []string
		eachDeletion(w, func(d []byte) { got = append(got, string(d)) })
		if want := deletions(w); !slices.Equal(got, want) {
			t.Fatalf("%d: eachDeletion(%q) = %q, want %q", n, w, got, want)
		}
	}
}
