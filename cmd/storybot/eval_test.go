package main

import (
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

// The shared data sets sit beside the project checkout; a user's fresh
// clone has none, so these tests skip without them (CI always has them).
const sharedDir = "../../../shared"

func sharedFile(t *testing.T, rel string) string {
	t.Helper()
	p := sharedDir + "/" + rel
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not present (the shared data sets are not part of the repository): %v", rel, err)
	}
	return p
}

// TestEvalSeedDev scores the development questions about the built-in
// story: the quality bar is 95% top-1 (at most one miss), and no off-topic
// question may be answered.
func TestEvalSeedDev(t *testing.T) {
	t.Parallel()
	path := sharedFile(t, "eval/seed-dev.jsonl")
	store, err := loadStore(nil, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := jsonlCases(path, newBot(store, 10))
	if err != nil {
		t.Fatal(err)
	}
	s := score(context.Background(), cases, 0, 1)
	t.Logf("seed-dev: %d questions, top-1 %.2f%%, top-3 %.2f%%, abstained on unanswerable %.2f%%", s.Questions, s.Top1, s.Top3, s.TrueAbstain)
	if s.Top1 < 95 {
		t.Errorf("top-1 %.2f%% on answerable questions, want at least 95%%; misses: %+v", s.Top1, s.Misses)
	}
	if s.Unanswerable == 0 || s.TrueAbstain < 100 {
		t.Errorf("answered %.2f%% of the off-topic questions, want none: %+v", 100-s.TrueAbstain, s.Misses)
	}
	if s.FalseAbstain > 0 {
		t.Errorf("refused %.2f%% of answerable questions", s.FalseAbstain)
	}
}

// TestEvalSQuADSubset guards ranking quality on the first six SQuAD v1.1
// dev articles (2,145 questions) at the level measured when this test was
// written, so a regression cannot land unnoticed.
func TestEvalSQuADSubset(t *testing.T) {
	t.Parallel()
	path := sharedFile(t, "data/squad/dev-v1.1.json")
	cases, err := squadCases(path, 6)
	if err != nil {
		t.Fatal(err)
	}
	s := score(context.Background(), cases, 0, 1)
	t.Logf("SQuAD, first 6 articles: %d questions, top-1 %.2f%%, top-3 %.2f%%, MRR %.3f, abstained %.2f%%", s.Questions, s.Top1, s.Top3, s.MRR, s.FalseAbstain)
	if s.Questions != 2145 {
		t.Errorf("read %d questions, want 2145", s.Questions)
	}
	if s.Top1 < 85.5 || s.Top3 < 98.0 {
		t.Errorf("top-1 %.2f%% / top-3 %.2f%%, want at least 85.5%% / 98.0%%", s.Top1, s.Top3)
	}
	// On all of SQuAD dev the bar is 2 % (1.76 % measured); these six
	// articles refuse a little more.
	if s.FalseAbstain > 2.5 {
		t.Errorf("abstained on %.2f%% of answerable questions, want at most 2.5%%", s.FalseAbstain)
	}
	// One typo per question costs at most a point and a half.
	ty := score(context.Background(), cases, 1, 1)
	t.Logf("SQuAD, first 6 articles, one typo per question: top-1 %.2f%%", ty.Top1)
	if s.Top1-ty.Top1 > 1.5 {
		t.Errorf("one typo per question drops top-1 from %.2f%% to %.2f%%", s.Top1, ty.Top1)
	}
}

// TestEvalBAbI: task 1 wants the latest sentence about a person, every
// time; task 2 needs both supporting facts (who held the thing, where they
// went) in the top two.
func TestEvalBAbI(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		file string
		min  float64
	}{
		{"data/babi/qa1_single-supporting-fact_test.txt", 100},
		{"data/babi/qa2_two-supporting-facts_test.txt", 95},
	} {
		cases, err := babiCases(sharedFile(t, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		s := score(context.Background(), cases, 0, 1)
		t.Logf("%s: %d questions, all supporting facts in the top n: %.2f%%", tt.file, s.Questions, s.AllGoldTopN)
		if s.Questions != 1000 || s.AllGoldTopN < tt.min {
			t.Errorf("%s: %d questions, %.2f%% with all supporting facts ranked first, want 1000 and %.0f%%", tt.file, s.Questions, s.AllGoldTopN, tt.min)
		}
	}
}

func TestAddTyposIsSeededAndEditsLongWords(t *testing.T) {
	t.Parallel()
	q := "Which team won the championship in Denver?"
	a := addTypos(q, 1, newRand(7, 3))
	b := addTypos(q, 1, newRand(7, 3))
	if a != b || a == q {
		t.Fatalf("addTypos not deterministic or no edit: %q %q", a, b)
	}
	if d := len(strings.Fields(a)); d != len(strings.Fields(q)) {
		t.Errorf("word count changed: %q", a)
	}
	if got := addTypos("a be to", 2, newRand(1, 1)); got != "a be to" {
		t.Errorf("short words were edited: %q", got)
	}
}

// TestScoreCountsAQuestionOnce: a question whose right sentences rank
// second and third is one top-3 hit, not two, and its reciprocal rank is
// that of the first of them.
func TestScoreCountsAQuestionOnce(t *testing.T) {
	doc, err := facts.Parse("t.txt", []byte("Cats sleep a lot. Dogs bark at cats. Birds sing at dawn. Fish swim."))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(facts.NewStore(doc), bot.Options{TopK: 4})
	cands := b.Answer(context.Background(), "cats sleep").Candidates()
	if len(cands) < 3 {
		t.Fatalf("candidates %+v", cands)
	}
	second, third := cands[1].Sentence, cands[2].Sentence
	c := evalCase{question: "cats sleep", bot: b, golds: 1,
		isGold: func(ct bot.Citation) bool { return ct.Sentence == second || ct.Sentence == third }}
	s := score(context.Background(), []evalCase{c}, 0, 1)
	if s.Top1 != 0 || s.Top3 != 100 || s.MRR != 0.5 {
		t.Errorf("top-1 %.2f, top-3 %.2f, MRR %.3f; want 0, 100, 0.5", s.Top1, s.Top3, s.MRR)
	}
}

func TestEvalRefusesWrongKeysAndEmptyFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.jsonl", `{"q": "Who is the Secretary of State?", "gold": ["Mike Pompeo"]}`+"\n"+`{"q": "Who wrote Hamlet?", "gold": []}`+"\n")
	tests := []struct {
		name string
		args []string
		say  string
	}{
		{"ask --json's key", []string{"eval", write("question.jsonl", `{"question": "Who is the Secretary of State?", "gold": ["Pompeo"]}`)},
			`line 1: unknown field "question"`},
		{"missing gold", []string{"eval", write("nogold.jsonl", `{"q": "Who?"}`)}, `line 1: missing key "gold"`},
		{"missing q", []string{"eval", write("noq.jsonl", "\n"+`{"gold": []}`)}, `line 2: missing key "q"`},
		{"not an object", []string{"eval", write("list.jsonl", `["Who?"]`)}, "line 1: not a JSON object"},
		{"empty file", []string{"eval", write("empty.jsonl", "\n\n")}, "holds no questions in the jsonl format"},
		{"jsonl read as bAbI", []string{"eval", "--format", "babi", good}, "holds no questions in the babi format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, errs, code := runCLI(t, "", tt.args...)
			if code != 2 || !strings.Contains(errs, tt.say) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and one line saying %q", code, out, errs, tt.say)
			}
		})
	}
	out, errs, code := runCLI(t, "", "eval", good)
	if code != 0 || !strings.Contains(out, "questions                2 (1 answerable, 1 not)") {
		t.Errorf("good file: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
}

// eval --format offtopic counts every answer with a citation as false.
func TestEvalOfftopicCountsFalseAnswers(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/msgs.txt"
	// One message the story does answer, so the count is seen to move; a
	// category column is allowed.
	msgs := "hi\nthanks!\ngreeting\tgood morning\nWho is the Secretary of State?\n\n"
	if err := os.WriteFile(path, []byte(msgs), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "eval", "--format", "offtopic", "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"unanswerable": 4`) || !strings.Contains(out, `"abstain_unanswerable": 75`) {
		t.Errorf("want 4 messages with 1 false answer (75%% abstained):\n%s", out)
	}
	empty := t.TempDir() + "/none.txt"
	if err := os.WriteFile(empty, []byte("\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, code := runCLI(t, "", "eval", "--format", "offtopic", empty); code != 2 {
		t.Errorf("a file with no message: exit %d, want 2", code)
	}
}

// TestEvalOfftopicDev: the chat messages no document answers get at most
// 2 % false answers against the built-in story and each dev document.
func TestEvalOfftopicDev(t *testing.T) {
	t.Parallel()
	msgs := sharedFile(t, "eval/dev/offtopic.txt")
	for _, doc := range []string{"", "eval/dev/recipe-blog.md", "eval/dev/council-minutes.txt", "eval/dev/travel-guide.txt"} {
		var docs []string
		if doc != "" {
			docs = []string{sharedFile(t, doc)}
		}
		store, err := loadStore(docs, os.Stderr)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := offtopicCases(msgs, newBot(store, 5))
		if err != nil {
			t.Fatal(err)
		}
		s := score(context.Background(), cases, 0, 1)
		t.Logf("%s: false answers %.2f%% of %d", doc, 100-s.TrueAbstain, s.Unanswerable)
		if 100-s.TrueAbstain > 2 {
			t.Errorf("%s: %.2f%% of off-topic messages answered, want at most 2%%: %+v", doc, 100-s.TrueAbstain, s.Misses)
		}
	}
}

// TestEvalDevSets holds the paraphrase issue's first row: each of the
// three dev sets (chat-style questions about a Markdown post, minutes
// and a guide) answered right at the top for at least 80 % of its
// answerable questions (24 of 30), and its unanswerable ones refused as
// the refusals issue measured them.
func TestEvalDevSets(t *testing.T) {
	t.Parallel()
	for _, set := range []struct {
		doc, questions string
		minRefU        int
	}{
		{"eval/dev/recipe-blog.md", "eval/dev/recipe-blog.jsonl", 7},
		{"eval/dev/council-minutes.txt", "eval/dev/council-minutes.jsonl", 6},
		{"eval/dev/travel-guide.txt", "eval/dev/travel-guide.jsonl", 8},
	} {
		store, err := loadStore([]string{sharedFile(t, set.doc)}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := jsonlCases(sharedFile(t, set.questions), newBot(store, 10))
		if err != nil {
			t.Fatal(err)
		}
		s := score(context.Background(), cases, 0, 1)
		right := int(math.Round(s.Top1 * float64(s.Answerable) / 100))
		refU := int(math.Round(s.TrueAbstain * float64(s.Unanswerable) / 100))
		t.Logf("%s: top-1 %d of %d, unanswerable refused %d of %d", set.doc, right, s.Answerable, refU, s.Unanswerable)
		if 5*right < 4*s.Answerable || refU < set.minRefU {
			t.Errorf("%s: top-1 %d of %d (want at least 80 %%), unanswerable refused %d (want at least %d): %+v",
				set.doc, right, s.Answerable, refU, set.minRefU, s.Misses)
		}
	}
}

// TestEvalHeldOut guards the held-out chat sets written without the bot
// (match/testdata/heldout and heldout3, whose misses were read on 3
// December, and heldout2, never read): top-1 over their 180 answerable
// questions each, unanswerable ones refused, and their conversations'
// later turns answered right, at the level measured when the floors were
// last moved less two, so a regression on documents of new shapes cannot
// land unnoticed.
func TestEvalHeldOut(t *testing.T) {
	t.Parallel()
	for _, set := range []struct {
		dir                         string
		minRight, minRefU, minLater int
	}{
		{"../../match/testdata/heldout", 119, 45, 32},
		{"../../match/testdata/heldout2", 112, 34, 28},
		{"../../match/testdata/heldout3", 92, 43, 20},
	} {
		qs, err := filepath.Glob(set.dir + "/*.jsonl")
		if err != nil || len(qs) == 0 {
			t.Fatalf("%s: no sets (%v)", set.dir, err)
		}
		right, refU := 0, 0
		for _, q := range qs {
			if strings.HasSuffix(q, ".conv.jsonl") {
				continue
			}
			doc := strings.TrimSuffix(q, ".jsonl") + ".txt"
			if _, err := os.Stat(doc); err != nil {
				doc = strings.TrimSuffix(q, ".jsonl") + ".md"
			}
			store, err := loadStore([]string{doc}, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			cases, err := jsonlCases(q, newBot(store, 10))
			if err != nil {
				t.Fatal(err)
			}
			s := score(context.Background(), cases, 0, 1)
			right += int(math.Round(s.Top1 * float64(s.Answerable) / 100))
			refU += int(math.Round(s.TrueAbstain * float64(s.Unanswerable) / 100))
		}
		t.Logf("%s: top-1 %d of 180, unanswerable refused %d of 60", set.dir, right, refU)
		if right < set.minRight || refU < set.minRefU {
			t.Errorf("%s: top-1 %d (want at least %d), unanswerable refused %d (want at least %d)", set.dir, right, set.minRight, refU, set.minRefU)
		}
		if later := heldOutLaterTurns(t, set.dir); later < set.minLater {
			t.Errorf("%s: conversations' later turns right %d (want at least %d)", set.dir, later, set.minLater)
		}
	}
}

// heldOutLaterTurns is how many later turns of dir's conversations
// (DOC.conv.jsonl beside DOC) are answered right.
func heldOutLaterTurns(t *testing.T, dir string) int {
	t.Helper()
	convs, err := filepath.Glob(dir + "/*.conv.jsonl")
	if err != nil || len(convs) == 0 {
		t.Fatalf("%s: no conversations (%v)", dir, err)
	}
	later := 0
	for _, c := range convs {
		sum, err := scoreConversations(context.Background(), c, nil, false, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		later += sum.Later.Right
	}
	t.Logf("%s: conversations' later turns right %d", dir, later)
	return later
}
