package main

import (
	"os"
	"strings"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
)

// wikiqaQuestion is one WikiQA question: its candidate sentences, in
// order, and which of them answer it.
type wikiqaQuestion struct {
	id, text string
	sents    []string
	gold     []string // normalised correct sentences
}

// wikiqaCases reads a WikiQA TSV file (QuestionID, Question, DocumentID,
// DocumentTitle, SentenceID, Sentence, Label). Each question's sentences
// become its document, one a paragraph, as tools/wikiqacheck.py writes
// them; questions without a correct sentence are left out, as in the
// paper. A candidate is right when its text and a correct sentence's,
// with spaces collapsed and in lower case, hold one another (a part of a
// sentence the splitter cut in two still counts), which is the checker's
// rule, so the two agree.
func wikiqaCases(path string) ([]evalCase, error) {
	qs, err := readWikiQA(path)
	if err != nil {
		return nil, err
	}
	var cases []evalCase
	for _, q := range qs {
		if len(q.gold) == 0 {
			continue
		}
		doc, err := facts.Parse(q.id+".txt", []byte(strings.Join(q.sents, "\n\n")+"\n"))
		if err != nil {
			continue
		}
		gold := q.gold
		cases = append(cases, evalCase{
			question: q.text, bot: newBot(facts.NewStore(doc), 10), golds: 1,
			goldTotal: len(gold), needAnswer: true,
			isGold: func(c bot.Citation) bool { return wikiqaHit(normSpace(c.Text), gold) },
		})
	}
	return cases, nil
}

// readWikiQA groups the TSV's rows by question, in file order.
func readWikiQA(path string) ([]*wikiqaQuestion, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("eval: open %q: %v", path, err)
	}
	var qs []*wikiqaQuestion
	byID := map[string]*wikiqaQuestion{}
	// Fields are split at tabs only: WikiQA's sentences hold unbalanced
	// quotation marks, so it is not CSV (the checker reads it with
	// QUOTE_NONE too).
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || n == 0 && strings.HasPrefix(line, "QuestionID\t") {
			continue
		}
		rec := strings.Split(line, "\t")
		if len(rec) < 7 {
			return nil, usagef("eval: %s line %d: %d columns, want 7 (QuestionID, Question, DocumentID, DocumentTitle, SentenceID, Sentence, Label)", path, n+1, len(rec))
		}
		q := byID[rec[0]]
		if q == nil {
			q = &wikiqaQuestion{id: rec[0], text: rec[1]}
			byID[rec[0]] = q
			qs = append(qs, q)
		}
		q.sents = append(q.sents, rec[5])
		if rec[len(rec)-1] == "1" {
			q.gold = append(q.gold, normSpace(rec[5]))
		}
	}
	return qs, nil
}

// wikiqaHit reports whether a candidate's normalised text and a correct
// sentence's hold one another.
func wikiqaHit(t string, gold []string) bool {
	for _, g := range gold {
		if strings.Contains(g, t) || strings.Contains(t, g) {
			return true
		}
	}
	return false
}

// normSpace collapses runs of white space and lowers the case.
func normSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// averagePrecision is the mean of the precision at each rank that holds a
// right sentence, over all total right sentences (those not returned
// count as zero), for MAP.
func averagePrecision(cands []bot.Citation, c evalCase) float64 {
	if c.goldTotal == 0 {
		return 0
	}
	hits, sum := 0, 0.0
	for rank, cand := range cands {
		if c.isGold(cand) && hits < c.goldTotal {
			hits++
			sum += float64(hits) / float64(rank+1)
		}
	}
	return sum / float64(c.goldTotal)
}
