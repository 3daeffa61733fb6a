package bot_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

// hostileQuestions are question shapes, each at most 1,000 characters
// (answer.max_question's default), built to find per-question work that
// grows faster than linearly: one long word, many long words, many short
// misspelt words, repeats, non-ASCII, and words that look like names.
func hostileQuestions() map[string]string {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int, alphabet string) string {
		var b strings.Builder
		for range n {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	fill := func(f func() string) string {
		var b strings.Builder
		for {
			w := f()
			if b.Len()+len(w)+1 > 1000 {
				return b.String()
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	const lower = "abcdefghijklmnopqrstuvwxyz"
	return map[string]string{
		"one_long_word": strings.Repeat("a", 1000),
		// Every word read through a lexicon: phrasal verbs, chat
		// spellings and fillers, light verbs.
		"phrasal_verbs": fill(func() string { return []string{"shut down", "lock up", "sign up", "drop off"}[rng.IntN(4)] }),
		"chat_words": fill(func() string {
			return []string{"u", "r", "w", "asap", "wat", "pls", "teh", "bring", "get"}[rng.IntN(9)]
		}),
		"one_long_random": word(1000, lower),
		"long_words_26":   fill(func() string { return word(26, lower) }),
		"long_words_24":   fill(func() string { return word(24, lower) }),
		"words_12":        fill(func() string { return word(12, lower) }),
		"words_7":         fill(func() string { return word(7, lower) }),
		"short_typos":     fill(func() string { return word(3, lower) }),
		"near_vocabulary": fill(func() string {
			return []string{"presidnt", "trmup", "puttin", "russa", "washingtn", "secretery"}[rng.IntN(6)]
		}),
		"repeated_question": fill(func() string { return "who is the secretary of state" }),
		"capitalised":       fill(func() string { return strings.ToUpper(word(1, lower)) + word(9, lower) }),
		"non_ascii":         strings.Repeat("é", 500),
		"non_ascii_words":   fill(func() string { return strings.Repeat("ж", 13) }),
		"mixed_digits":      fill(func() string { return word(10, lower+"0123456789") }),
		// Words the answer-kind rules read: numbers counted or priced,
		// phrasal verbs around their object, permission and time words.
		"numbers": fill(func() string { return []string{"2", "£2", "10 quid", "1999", "9am", "per month"}[rng.IntN(6)] }),
		"rule_words": fill(func() string {
			return []string{"get the money back", "can i", "when", "why", "allowed", "open"}[rng.IntN(6)]
		}),
	}
}

// threadCPU is the CPU time the calling OS thread has used.
func threadCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rusageThread is RUSAGE_THREAD, which the syscall package does not name.
const rusageThread = 1

// cpuPerAnswer is the CPU one answer to q costs on this thread, averaged
// over enough answers to use 20 ms: the work is counted in CPU time spent
// by this goroutine's thread, so other processes on the machine do not
// change it, unlike wall-clock time.
func cpuPerAnswer(t *testing.T, b *bot.Bot, q string) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := threadCPU(t)
	n := 0
	for {
		b.Answer(context.Background(), q)
		n++
		if used := threadCPU(t) - start; used >= 20*time.Millisecond {
			return used / time.Duration(n)
		}
	}
}

// TestQuestionCostBounded is a property of the whole answer path: no
// question of up to answer.max_question characters costs more than a small
// multiple of a normal question. Before the correction cap, one word of
// 1,000 letters cost about 20,000 times a normal question.
func TestQuestionCostBounded(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts CPU per thread with RUSAGE_THREAD")
	}
	b := storyBot(t)
	b.Answer(context.Background(), "warm up: the store builds its indexes on first use")
	normal := cpuPerAnswer(t, b, "Who is the Secretary of State?")
	// A normal question is 30 characters and these are 1,000, so linear
	// growth alone makes them up to 33 times as costly (measured: at most
	// 27 times, 38 under -race); 100 times leaves room for noise and is
	// 200 times below what the uncapped cubic loop cost.
	const limit = 100
	for name, q := range hostileQuestions() {
		c := cpuPerAnswer(t, b, q)
		t.Logf("%-18s %9v  %5.1f x normal (%v)", name, c, float64(c)/float64(normal), normal)
		if c > limit*normal {
			t.Errorf("%s (%d characters) costs %v, %.0f times a normal question (%v); want at most %d times", name, utf8.RuneCountInString(q), c, float64(c)/float64(normal), normal, limit)
		}
	}
}

// A question of closed compounds whose parts a text of long sentences
// holds apart ("runtime": "run", "time") makes the matcher look for the
// two written side by side; that search is bounded per question, so a
// hundred such words cost no more than a small multiple of a normal
// question on the same text (unbounded, each read 64 sentences of 3 KB:
// about 20 times the limit).
func TestCompoundSearchCostBounded(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts CPU per thread with RUSAGE_THREAD")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	filler := strings.Fields("alpha beta gamma delta river stone bread water light green")
	var text strings.Builder
	for range 70 {
		text.WriteString("The run was long and")
		for range 500 {
			text.WriteString(" " + filler[rng.IntN(len(filler))])
		}
		text.WriteString(" and the time was late. ")
	}
	d, err := facts.Parse("long.txt", []byte(text.String()))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	b.Answer(context.Background(), "warm up")
	normal := cpuPerAnswer(t, b, "when was the run late")
	q := strings.TrimSpace(strings.Repeat("runtime ", 124))
	const limit = 100
	if c := cpuPerAnswer(t, b, q); c > limit*normal {
		t.Errorf("%d closed compounds cost %v, %.0f times a normal question (%v); want at most %d times", 124, c, float64(c)/float64(normal), normal, limit)
	}
}

// A question of numbers on a text whose sentences hold them as prices
// makes the matcher look, for each number read as a count ("for 2
// people"), at whether a sentence holds it only as a sum ("£2 per
// person"); that is bounded per question and read only in sentences
// holding a sum, so thirty numbers cost no more than a small multiple of
// a normal question (unbounded, reading every sentence word by word: 175
// times).
func TestNumberQuestionCostBounded(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts CPU per thread with RUSAGE_THREAD")
	}
	var text strings.Builder
	for i := range 1900 {
		text.WriteString("Item " + strconv.Itoa(i) + " of the list costs")
		for p := 1; p <= 20; p++ {
			text.WriteString(" £" + strconv.Itoa(p) + ",")
		}
		text.WriteString(" in the shop on the hill. ")
	}
	d, err := facts.Parse("prices.txt", []byte(text.String()))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(d), bot.Options{})
	b.Answer(context.Background(), "warm up")
	normal := cpuPerAnswer(t, b, "what is sold in the shop on the hill")
	var q strings.Builder
	q.WriteString("what about")
	for i := 1; i <= 30; i++ {
		q.WriteString(" " + strconv.Itoa(i))
	}
	const limit = 100
	if c := cpuPerAnswer(t, b, q.String()); c > limit*normal {
		t.Errorf("30 numbers cost %v, %.0f times a normal question (%v); want at most %d times", c, float64(c)/float64(normal), normal, limit)
	} else {
		t.Logf("30 numbers: %v, %.1f times a normal question (%v)", c, float64(c)/float64(normal), normal)
	}
}
