package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storybot/storybot/bot"
)

// A WikiQA file: tab-separated, quotation marks unbalanced (so not CSV),
// and one question (Q2) without a correct sentence, which is left out.
const wikiqaSample = "QuestionID\tQuestion\tDocumentID\tDocumentTitle\tSentenceID\tSentence\tLabel\n" +
	"Q1\thow tall is the bell tower\tD1\tBell tower\tD1-0\tThe bell tower was built in 1420 by the \"guild.\t...\n" +
	"Q1\thow tall is the bell tower\tD1\tBell tower\tD1-1\tThe bell tower is 62 metres tall .\t1\n" +
	"Q2\twho painted the ceiling\tD2\tChapel\tD2-0\tThe chapel is small .\t0\n" +
	"Q3\twhen did the river flood\tD3\tRiver\tD3-0\tThe river rises in the hills .\t0\n" +
	"Q3\twhen did the river flood\tD3\tRiver\tD3-1\tThe river flooded the town in 1953 .\t1\n" +
	"Q3\twhen did the river flood\tD3\tRiver\tD3-2\tThe river flood of 1953 killed \"307 people .\t1\n"

func TestEvalWikiQA(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wikiqa.tsv")
	if err := os.WriteFile(path, []byte(wikiqaSample), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err := wikiqaCases(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 {
		t.Fatalf("%d questions, want 2 (Q2 has no correct sentence)", len(cases))
	}
	if cases[0].goldTotal != 1 || cases[1].goldTotal != 2 {
		t.Errorf("gold sentences per question %d, %d, want 1, 2", cases[0].goldTotal, cases[1].goldTotal)
	}
	s := score(context.Background(), cases, 0, 1)
	if s.Top1 != 100 || s.MRR != 1 || s.P1 != 100 {
		t.Errorf("top-1 %.2f, MRR %.3f, P@1 %.2f on two easy questions, want 100, 1, 100: %+v", s.Top1, s.MRR, s.P1, s.Misses)
	}
	if s.MAP != 1 {
		t.Errorf("MAP %.3f, want 1 (both flood sentences ranked first)", s.MAP)
	}
}

func TestAveragePrecision(t *testing.T) {
	gold := []string{"a right one", "another right one"}
	c := evalCase{goldTotal: 2, isGold: func(ct bot.Citation) bool { return wikiqaHit(normSpace(ct.Text), gold) }}
	cands := func(texts ...string) []bot.Citation {
		var r []bot.Citation
		for _, t := range texts {
			r = append(r, bot.Citation{Text: t})
		}
		return r
	}
	for _, tc := range []struct {
		r    []bot.Citation
		want float64
	}{
		{cands("A right   one", "Another right one"), 1},
		{cands("wrong", "a right one", "wrong", "another right one"), (1.0/2 + 2.0/4) / 2},
		{cands("wrong", "a right one"), (1.0 / 2) / 2}, // the other right one was not returned
		{cands("wrong"), 0},
	} {
		if got := averagePrecision(tc.r, c); got != tc.want {
			t.Errorf("AP of %v = %v, want %v", tc.r, got, tc.want)
		}
	}
}
