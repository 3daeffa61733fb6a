// Command fitanswer fits the judge stage's answerability weights
// (match/answer_weights.go): a logistic model of whether a text answers a
// question, from the features of the question against its best sentence.
//
// Answerable: each SQuAD v1.1 dev question asked of its own paragraph, and
// of its whole article as one document. Not answerable: the same
// questions asked of another article's paragraph and of another whole
// article, and WikiQA's real search queries asked of SQuAD articles (with
// -hard, also each question of its own paragraph without its answer). It
// reports the fit crossed over the two halves of the articles (fitted on
// one, measured on the other) at several thresholds, then fits all and
// writes the weights.
//
//	go run ./match/internal/fitanswer -squad ../shared/data/squad/dev-v1.1.json -wikiqa ../shared/data/wikiqa/WikiQA-dev.tsv
//
// With -free, only the listed features' weights are fitted and the others
// keep the shipped ones: a new feature is weighed beside the model as it is.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/internal/squad"
	"github.com/storybot/storybot/match"
)

// Example weights: SQuAD's questions reuse their paragraph's words, chat
// questions do not, so the few questions worded as people ask weigh more.
const (
	wikiWeight     = 20
	devWeight      = 50
	offtopicWeight = 10
)

// example is one question asked of one text.
type example struct {
	article    int       // the article the text comes from, for the halves; -1 for the dev sets
	dev        string    // the dev document asked, for leave-one-out checks
	heldOut    bool      // an off-topic message kept out of fitting in the leave-one-out checks
	feats      []float64 // nil when the search never reached the judge
	answerable bool
	weight     float64
}

func main() {
	squadPath := flag.String("squad", "../shared/data/squad/dev-v1.1.json", "SQuAD v1.1 JSON")
	wikiPath := flag.String("wikiqa", "../shared/data/wikiqa/WikiQA-dev.tsv", "WikiQA TSV: its questions are asked of their own page and of unrelated articles")
	devDir := flag.String("dev", "../shared/eval/dev", "chat-style development sets, comma-separated directories: DOC with DOC's .jsonl questions, and offtopic.txt (or offtopic2.txt)")
	out := flag.String("o", "match/answer_weights.go", "Go file to write")
	epochs := flag.Int("epochs", 2000, "full-batch Adam steps")
	l2 := flag.Float64("l2", 1e-4, "L2 penalty")
	showStats := flag.Bool("stats", false, "print each feature's means over answerable and unanswerable examples")
	hardWeight = flag.Float64("hard", 0, "weight of each SQuAD question asked of its paragraph without its answer, as not answerable (0: not asked; see docs/EVALUATION.md)")
	extraWeight := flag.Float64("extra-weight", devWeight, "weight of each question of the -dev directories after the first")
	loo := flag.Bool("loo", true, "report each chat-style document left out of the fit")
	freeList := flag.String("free", "", "comma-separated feature numbers: fit only these, the others keep the shipped weights")
	flag.Parse()
	free = parseFree(*freeList)

	exs, err := load(*squadPath, *wikiPath)
	check(err)
	var dev []example
	for i, dir := range strings.Split(*devDir, ",") {
		w := float64(devWeight)
		if i > 0 {
			w = *extraWeight
		}
		d, err := loadDev(dir, w)
		check(err)
		dev = append(dev, d...)
	}
	var a, b []example
	for _, e := range exs {
		if e.article%2 == 0 {
			a = append(a, e)
		} else {
			b = append(b, e)
		}
	}
	wa, wb := fit(a, *epochs, *l2), fit(b, *epochs, *l2)
	fmt.Fprintln(os.Stderr, "crossed halves (fitted on one, measured on the other):")
	report(a, wb)
	report(b, wa)
	if *showStats {
		stats("SQuAD and WikiQA", exs)
		stats("dev", dev)
	}
	if *loo {
		leaveOneOut(exs, dev, *epochs, *l2)
	}
	all := append(exs, dev...)
	w := fit(all, *epochs, *l2)
	fmt.Fprintln(os.Stderr, "fitted on all; SQuAD and WikiQA:")
	report(exs, w)
	fmt.Fprintln(os.Stderr, "fitted on all; dev sets:")
	report(dev, w)
	check(write(*out, w))
}

// load asks every question of its own texts and of unrelated ones.
func load(squadPath, wikiPath string) ([]example, error) {
	data, err := os.ReadFile(squadPath)
	if err != nil {
		return nil, err
	}
	paras, err := squad.Parse(data, 0)
	if err != nil {
		return nil, err
	}
	queries, err := wikiQuestions(wikiPath)
	if err != nil {
		return nil, err
	}
	var articles [][]squad.Paragraph
	for _, p := range paras {
		for len(articles) <= p.Article {
			articles = append(articles, nil)
		}
		articles[p.Article] = append(articles[p.Article], p)
	}
	var exs []example
	exs = append(exs, paragraphExamples(articles)...)
	exs = append(exs, articleExamples(articles, queries)...)
	return exs, nil
}

// paragraphExamples: each question of its own paragraph, and of the
// paragraph at the same place in the next article; with -hard, also of its
// own paragraph without its answer (withoutAnswer), as not answerable.
func paragraphExamples(articles [][]squad.Paragraph) []example {
	var exs []example
	for ai, art := range articles {
		other := articles[(ai+1)%len(articles)]
		for pi, p := range art {
			own := match.New(facts.NewStore(p.Doc))
			far := match.New(facts.NewStore(other[pi%len(other)].Doc))
			for _, q := range p.Questions {
				exs = append(exs, ask(own, q.Text, ai, true, 1))
				exs = append(exs, ask(far, q.Text, ai, false, 1))
				if *hardWeight > 0 {
					if d := withoutAnswer(p.Doc, q); d != nil {
						exs = append(exs, ask(match.New(facts.NewStore(d)), q.Text, ai, false, *hardWeight))
					}
				}
			}
		}
	}
	return exs
}

// withoutAnswer is doc without the sentences that answer q or hold one
// of its answers' texts, nil when none is left: q is then on the text's
// topic, and the text does not answer it.
func withoutAnswer(doc *facts.Document, q squad.Question) *facts.Document {
	var kept []string
	for _, s := range doc.Sentences {
		if q.Gold[int(s.N)] || slices.ContainsFunc(q.Answers, func(a string) bool {
			return a != "" && strings.Contains(s.Text, a)
		}) {
			continue
		}
		kept = append(kept, s.Text)
	}
	if len(kept) == 0 {
		return nil
	}
	d, err := facts.Parse(doc.Name+" (answer removed)", []byte(strings.Join(kept, " ")))
	if err != nil {
		return nil
	}
	return d
}

// articleExamples: some questions of each article asked of the whole
// article as one text, and of the next article; search queries too.
func articleExamples(articles [][]squad.Paragraph, queries []wikiQuery) []example {
	const perArticle = 40
	stores := make([]*match.Matcher, len(articles))
	for ai, art := range articles {
		var docs []*facts.Document
		for _, p := range art {
			docs = append(docs, p.Doc)
		}
		stores[ai] = match.New(facts.NewStore(docs...))
	}
	var exs []example
	for ai, art := range articles {
		var qs []string
		for _, p := range art {
			for _, q := range p.Questions {
				qs = append(qs, q.Text)
			}
		}
		step := max(1, len(qs)/perArticle)
		for i := 0; i < len(qs); i += step {
			exs = append(exs, ask(stores[ai], qs[i], ai, true, 2))
			exs = append(exs, ask(stores[(ai+1)%len(stores)], qs[i], ai, false, 2))
		}
	}
	for i, q := range queries {
		ai := i % len(stores)
		exs = append(exs, ask(stores[ai], q.text, ai, false, wikiWeight))
		// Real search queries are worded apart from their page: the
		// answerable questions most like chat.
		exs = append(exs, ask(match.New(facts.NewStore(q.page)), q.text, ai, true, wikiWeight))
	}
	return exs
}

func ask(m *match.Matcher, q string, article int, answerable bool, weight float64) example {
	var f []float64
	res := m.Search(q, match.SearchOptions{TopK: 1, AnswerFeatures: &f})
	if res.Confidence == 0 {
		f = nil // refused whatever the weights
	}
	return example{article: article, feats: f, answerable: answerable, weight: weight}
}

// wikiQuery is a WikiQA question with its page as a document.
type wikiQuery struct {
	text string
	page *facts.Document
}

// wikiQuestions reads a WikiQA TSV file: each question with its page.
func wikiQuestions(path string) ([]wikiQuery, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []wikiQuery
	var lines []string
	flush := func() error {
		if len(lines) == 0 {
			return nil
		}
		d, err := facts.Parse("page.txt", []byte(strings.Join(lines, "\n")+"\n"))
		if err != nil {
			return err
		}
		qs[len(qs)-1].page = d
		lines = nil
		return nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 7 || cols[0] == "QuestionID" {
			continue
		}
		if len(qs) == 0 || qs[len(qs)-1].text != cols[1] {
			if err := flush(); err != nil {
				return nil, err
			}
			qs = append(qs, wikiQuery{text: cols[1]})
		}
		lines = append(lines, cols[5])
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return qs, sc.Err()
}

// hardWeight is -hard: on-topic questions the text does not answer.
var hardWeight *float64

// free, when not nil, holds the features fit: a new feature is then
// weighed beside the shipped model, which keeps its other weights.
var free map[int]bool

func parseFree(list string) map[int]bool {
	if list == "" {
		return nil
	}
	m := map[int]bool{}
	for _, f := range strings.Split(list, ",") {
		i, err := strconv.Atoi(strings.TrimSpace(f))
		check(err)
		m[i] = true
	}
	return m
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func dot(f, w []float64) float64 {
	s := 0.0
	for i := range f {
		s += f[i] * w[i]
	}
	return s
}

// fit maximises the weighted log-likelihood with an L2 penalty, by
// full-batch Adam; answerable and unanswerable examples weigh the same in
// total.
func fit(exs []example, epochs int, l2 float64) []float64 {
	n := 0
	for _, e := range exs {
		if e.feats != nil {
			n = len(e.feats)
			break
		}
	}
	var posW, negW float64
	for _, e := range exs {
		if e.feats == nil {
			continue
		}
		if e.answerable {
			posW += e.weight
		} else {
			negW += e.weight
		}
	}
	w := make([]float64, n)
	if free != nil {
		copy(w, match.AnswerWeights())
	}
	m, v := make([]float64, n), make([]float64, n)
	const lr, b1, b2 = 0.05, 0.9, 0.999
	for step := 1; step <= epochs; step++ {
		g := make([]float64, n)
		for _, e := range exs {
			if e.feats == nil {
				continue
			}
			y, scale := 0.0, e.weight/negW
			if e.answerable {
				y, scale = 1, e.weight/posW
			}
			d := (sigmoid(dot(e.feats, w)) - y) * scale
			for i, x := range e.feats {
				g[i] += d * x
			}
		}
		for i := range w {
			if free != nil && !free[i] {
				continue
			}
			if i > 0 {
				g[i] += l2 * w[i]
			}
			m[i] = b1*m[i] + (1-b1)*g[i]
			v[i] = b2*v[i] + (1-b2)*g[i]*g[i]
			mh := m[i] / (1 - math.Pow(b1, float64(step)))
			vh := v[i] / (1 - math.Pow(b2, float64(step)))
			w[i] -= lr * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	return w
}

// report prints, at several thresholds, the answerable examples refused
// and the unanswerable ones answered.
func report(exs []example, w []float64) {
	for _, th := range []float64{0.3, 0.4, 0.5, 0.6, 0.7} {
		var pos, neg, refused, answered int
		for _, e := range exs {
			p := 0.0
			if e.feats != nil {
				p = sigmoid(dot(e.feats, w))
			}
			if e.answerable {
				pos++
				if p < th {
					refused++
				}
			} else {
				neg++
				if p >= th {
					answered++
				}
			}
		}
		fmt.Fprintf(os.Stderr, "  threshold %.1f: answerable refused %5.2f %% of %d, unanswerable answered %5.2f %% of %d\n",
			th, 100*float64(refused)/float64(pos), pos, 100*float64(answered)/float64(neg), neg)
	}
}

func write(path string, w []float64) error {
	var b strings.Builder
	b.WriteString("// Code generated by internal/fitanswer; DO NOT EDIT.\n\npackage match\n\n")
	b.WriteString("// answerWeights are the answerability model's weights, one per feature\n// (afBias...).\n")
	b.WriteString("var answerWeights = [nAnswerFeatures]float64{\n")
	for _, x := range w {
		fmt.Fprintf(&b, "\t%.4f,\n", x)
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return err
	}
	return os.WriteFile(path, src, 0o644)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "fitanswer:", err)
		os.Exit(1)
	}
}

// loadDev asks each chat-style development set's questions of its
// document, and the off-topic messages of every document.
func loadDev(dir string, weight float64) ([]example, error) {
	off, err := os.ReadFile(dir + "/offtopic.txt")
	if os.IsNotExist(err) {
		off, err = os.ReadFile(dir + "/offtopic2.txt")
	}
	if os.IsNotExist(err) {
		off, err = nil, nil // questions only
	}
	if err != nil {
		return nil, err
	}
	var msgs []string
	for _, l := range strings.Split(string(off), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			msgs = append(msgs, l[strings.LastIndexByte(l, '\t')+1:])
		}
	}
	sets, err := filepath.Glob(dir + "/*.jsonl")
	if err != nil {
		return nil, err
	}
	var exs []example
	for _, set := range sets {
		docs, _ := filepath.Glob(strings.TrimSuffix(set, ".jsonl") + ".*")
		var docPath string
		for _, d := range docs {
			if !strings.HasSuffix(d, ".jsonl") {
				docPath = d
			}
		}
		if docPath == "" {
			continue // a conversations file, or a set without its document
		}
		data, err := os.ReadFile(docPath)
		if err != nil {
			return nil, err
		}
		doc, err := facts.Parse(filepath.Base(docPath), data)
		if err != nil {
			return nil, err
		}
		m := match.New(facts.NewStore(doc))
		name := filepath.Base(docPath)
		rows, err := readJSONL(set)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			e := ask(m, r.Q, -1, len(r.Gold) > 0, weight)
			e.dev = name
			exs = append(exs, e)
		}
		for i, q := range msgs {
			e := ask(m, q, -1, false, offtopicWeight)
			e.dev, e.heldOut = name, i%2 == 1
			exs = append(exs, e)
		}
	}
	return exs, nil
}

type jsonlRow struct {
	Q    string   `json:"q"`
	Gold []string `json:"gold"`
}

func readJSONL(path string) ([]jsonlRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []jsonlRow
	for _, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var r jsonlRow
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// leaveOneOut fits on SQuAD, WikiQA and all dev documents but one (and
// half of the off-topic messages), and measures on the document left out
// with the other half of the messages: what to expect of a new document.
func leaveOneOut(exs, dev []example, epochs int, l2 float64) {
	names := map[string]bool{}
	for _, e := range dev {
		names[e.dev] = true
	}
	for name := range names {
		train := append([]example(nil), exs...)
		var test []example
		for _, e := range dev {
			switch {
			case e.dev == name && (e.weight != offtopicWeight || e.heldOut):
				test = append(test, e) // its questions, and the held-out messages
			case e.dev == name:
			case !e.heldOut:
				train = append(train, e)
			}
		}
		fmt.Fprintf(os.Stderr, "left out %s:\n", name)
		report(test, fit(train, epochs, l2))
	}
}

// stats prints each feature's mean over answerable and unanswerable
// examples, to see what separates them.
func stats(name string, exs []example) {
	var pos, neg []float64
	np, nn := 0, 0
	for _, e := range exs {
		if e.feats == nil {
			continue
		}
		if pos == nil {
			pos, neg = make([]float64, len(e.feats)), make([]float64, len(e.feats))
		}
		for i, x := range e.feats {
			if e.answerable {
				pos[i] += x
			} else {
				neg[i] += x
			}
		}
		if e.answerable {
			np++
		} else {
			nn++
		}
	}
	fmt.Fprintf(os.Stderr, "%s: feature means, answerable (%d) / not (%d):\n", name, np, nn)
	for i := range pos {
		fmt.Fprintf(os.Stderr, "  %2d %6.3f %6.3f\n", i, pos[i]/float64(max(np, 1)), neg[i]/float64(max(nn, 1)))
	}
}
