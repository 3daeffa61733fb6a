// Command fitrank fits the reranker's weights (match/rerank_weights.go) on
// SQuAD v1.1: each paragraph is its own document, as in `storybot eval`,
// and the weights maximise the likelihood of the right sentences among
// each question's first candidates (a softmax over a linear score). It
// reports the fit crossed over the two halves of the articles (fitted on
// one half, measured on the other), which is what to expect on text it has
// not seen, then fits all articles and writes the weights. Figures count
// every question as `storybot eval` does.
//
//	go run ./match/internal/fitrank -squad ../shared/data/squad/dev-v1.1.json
package main

import (
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

type question struct {
	article int
	weight  float64 // in the fit's mean (search queries weigh more; see -wikiweight)
	wiki    bool
	chat    bool
	feats   [][]float64 // none when the reranker left the question alone
	gold    []bool
	// right: without features, whether the first hit is right as it stands.
	right bool
}

func main() {
	path := flag.String("squad", "../shared/data/squad/dev-v1.1.json", "SQuAD v1.1 JSON")
	wikiPath := flag.String("wikiqa", "../shared/data/wikiqa/WikiQA-dev.tsv", "WikiQA TSV (dev: its test file is for measuring) whose real search queries are fitted beside SQuAD; empty for none (weight 1: SQuAD +0.03, WikiQA test MRR +0.005; weight 3 gained 0.02 MRR but cost seed-dev a question; weight 10 cost 0.8 points of SQuAD)")
	wikiWeight := flag.Float64("wikiweight", 1, "weight of a WikiQA question against a SQuAD one")
	chatDirs := flag.String("chat", "", "comma-separated directories of chat-style sets (DOC.md or DOC.txt beside DOC.jsonl: {\"q\", \"gold\"} a line) whose answerable questions are fitted beside SQuAD, documents alternating between the halves")
	chatWeight := flag.Float64("chatweight", 1, "weight of a chat-style question against a SQuAD one")
	out := flag.String("o", "match/rerank_weights.go", "Go file to write")
	epochs := flag.Int("epochs", 1500, "full-batch Adam steps (1000: crossed halves 0.07 lower; 2000 and 3000: higher crossed, but the chat sets fell)")
	l2 := flag.Float64("l2", 1e-6, "L2 penalty")
	drop := flag.String("drop", "", "comma-separated feature numbers to leave out (to measure what they are worth); the weights are then not written")
	force := flag.Bool("write", false, "with -drop, write the weights all the same (the dropped features weighing 0)")
	added := flag.String("new", "", "comma-separated feature numbers to fit alone, every other weight kept as -o's file has it: a feature added since the last full fit is learned without moving the others (a full refit moves the chat-style sets more than most features do)")
	flag.Parse()

	qs, err := load(*path)
	check(err)
	if *wikiPath != "" {
		wq, err := loadWiki(*wikiPath, *wikiWeight)
		check(err)
		half := 0
		for _, q := range qs {
			half = max(half, q.article)
		}
		for i := range wq {
			wq[i].article = (i % 2) * (half + 1) / 2 // alternate halves
		}
		qs = append(qs, wq...)
	}
	if *chatDirs != "" {
		qs = addChat(qs, strings.Split(*chatDirs, ","), *chatWeight)
	}
	dropped := dropFeatures(qs, *drop)
	var start []float64
	var free []bool
	if *added != "" {
		start, free = freeFeatures(*out, *added)
	}
	fit := func(qs []question, epochs int, l2 float64) []float64 { return fitFrom(qs, epochs, l2, start, free) }

	var a, b []question
	half := 0
	for _, q := range qs {
		half = max(half, q.article)
	}
	half = (half + 1) / 2
	for _, q := range qs {
		if q.article < half {
			a = append(a, q)
		} else {
			b = append(b, q)
		}
	}
	wa, wb := fit(a, *epochs, *l2), fit(b, *epochs, *l2)
	report := func(name string, qs []question, w []float64, how string) {
		fmt.Fprintf(os.Stderr, "%s (%d questions): BM25 %.2f %% top-1, %.2f %% top-3; %s %.2f %% top-1, %.2f %% top-3\n",
			name, len(qs), top1(qs, nil), topN(qs, nil, 3), how, top1(qs, w), topN(qs, w, 3))
	}
	report("first half", a, wb, "fitted on the other half")
	report("second half", b, wa, "fitted on the other half")
	crossed("all", a, b, wa, wb, func(question) bool { return true })
	crossed("SQuAD", a, b, wa, wb, func(q question) bool { return !q.wiki && !q.chat })
	isWiki := func(q question) bool { return q.wiki }
	isChat := func(q question) bool { return q.chat }
	crossed("chat-style", a, b, wa, wb, isChat)
	if wa2, wb2 := only(a, isWiki), only(b, isWiki); len(wa2)+len(wb2) > 0 {
		report("WikiQA, first half", wa2, wb, "fitted on the other half")
		report("WikiQA, second half", wb2, wa, "fitted on the other half")
	}
	w := fit(qs, *epochs, *l2)
	report("all", qs, w, "fitted on all")
	if *drop == "" || *force {
		for _, i := range dropped {
			if i < len(w) {
				w[i] = 0 // a dropped feature is never seen: its weight is 0 (checked, not assumed)
			}
		}
		check(write(*out, w))
	}
}

// dropFeatures zeroes the features listed in drop (comma-separated numbers)
// in every candidate of qs, and returns their numbers.
func dropFeatures(qs []question, drop string) []int {
	if drop == "" {
		return nil
	}
	var dropped []int
	for _, d := range strings.Split(drop, ",") {
		i, err := strconv.Atoi(strings.TrimSpace(d))
		check(err)
		if i < 0 {
			continue
		}
		dropped = append(dropped, i)
		for _, q := range qs {
			for _, f := range q.feats {
				if i < len(f) {
					f[i] = 0
				}
			}
		}
	}
	return dropped
}

// only returns the questions of qs that keep accepts.
func only(qs []question, keep func(question) bool) []question {
	var out []question
	for _, q := range qs {
		if keep(q) {
			out = append(out, q)
		}
	}
	return out
}

// crossed prints the top-1 of the questions keep accepts, each half scored
// by the weights fitted on the other (a by wb, b by wa), over both halves.
func crossed(name string, a, b []question, wa, wb []float64, keep func(question) bool) {
	a2, b2 := only(a, keep), only(b, keep)
	if n := len(a2) + len(b2); n > 0 {
		fmt.Fprintf(os.Stderr, "crossed, %s (%d questions): %.2f %% top-1\n", name, n,
			(top1(a2, wb)*float64(len(a2))+top1(b2, wa)*float64(len(b2)))/float64(n))
	}
}

func load(path string) ([]question, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	paras, err := squad.Parse(data, 0)
	if err != nil {
		return nil, err
	}
	var out []question
	for _, p := range paras {
		store := match.New(facts.NewStore(p.Doc))
		for _, sq := range p.Questions {
			var feats [][]float64
			res := store.Search(sq.Text, match.SearchOptions{TopK: 10, Features: &feats})
			q := question{article: p.Article, feats: feats, weight: 1}
			if len(feats) == 0 { // not reranked: a state question, or no word known
				q.right = len(res.Hits) > 0 && sq.Gold[int(res.Hits[0].Sentence.N)]
			}
			for _, h := range res.Hits[:len(feats)] {
				q.gold = append(q.gold, sq.Gold[int(h.Sentence.N)])
			}
			out = append(out, q)
		}
	}
	return out, nil
}

func score(f, w []float64) float64 {
	s := 0.0
	for i := range f {
		s += f[i] * w[i]
	}
	return s
}

// top1 is the share of questions whose best-scored candidate is right; nil
// weights keep BM25's order.
func top1(qs []question, w []float64) float64 { return topN(qs, w, 1) }

// topN is the share of questions with a right candidate among the n best
// scored.
func topN(qs []question, w []float64, n int) float64 {
	right := 0
	for _, q := range qs {
		if len(q.feats) == 0 {
			if q.right { // (for n > 1 this undercounts a little)
				right++
			}
			continue
		}
		order := make([]int, len(q.feats))
		for k := range order {
			order[k] = k
		}
		if w != nil {
			sc := make([]float64, len(q.feats))
			for k, f := range q.feats {
				sc[k] = score(f, w)
			}
			slices.SortStableFunc(order, func(a, b int) int {
				switch {
				case sc[a] > sc[b]:
					return -1
				case sc[a] < sc[b]:
					return 1
				}
				return 0
			})
		}
		for _, k := range order[:min(n, len(order))] {
			if q.gold[k] {
				right++
				break
			}
		}
	}
	return 100 * float64(right) / float64(len(qs))
}

// fit minimises the mean negative log-likelihood of the right candidates
// under a softmax of the linear scores, plus an L2 penalty, by full-batch
// Adam from weights that keep BM25's order.
// fitFrom fits the weights on qs; with start, from those weights, and
// only the features free marks.
func fitFrom(qs []question, epochs int, l2 float64, start []float64, free []bool) []float64 {
	n := 0
	for _, q := range qs {
		if len(q.feats) > 0 {
			n = len(q.feats[0])
			break
		}
	}
	w := make([]float64, n)
	w[0] = 3 // the BM25 score share
	if start != nil {
		copy(w, start)
	}
	m1, m2 := make([]float64, n), make([]float64, n)
	g := make([]float64, n)
	const lr, b1, b2 = 0.01, 0.9, 0.999
	// Only questions the reranker sees, with a right candidate, teach it.
	var train []question
	for _, q := range qs {
		if slices.Contains(q.gold, true) {
			train = append(train, q)
		}
	}
	total := 0.0
	for _, q := range train {
		total += q.weight
	}
	for step := 1; step <= epochs; step++ {
		clear(g)
		for _, q := range train {
			sc := make([]float64, len(q.feats))
			top := math.Inf(-1)
			for k, f := range q.feats {
				sc[k] = score(f, w)
				top = max(top, sc[k])
			}
			z, zg := 0.0, 0.0
			for k := range sc {
				e := math.Exp(sc[k] - top)
				z += e
				if q.gold[k] {
					zg += e
				}
			}
			for k, f := range q.feats {
				e := math.Exp(sc[k] - top)
				d := e / z
				if q.gold[k] {
					d -= e / zg
				}
				d *= q.weight
				for i := range f {
					g[i] += d * f[i]
				}
			}
		}
		for i := range w {
			if free != nil && (i >= len(free) || !free[i]) {
				continue
			}
			gi := g[i]/total + l2*w[i]
			m1[i] = b1*m1[i] + (1-b1)*gi
			m2[i] = b2*m2[i] + (1-b2)*gi*gi
			mh := m1[i] / (1 - math.Pow(b1, float64(step)))
			vh := m2[i] / (1 - math.Pow(b2, float64(step)))
			w[i] -= lr * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	return w
}

// freeFeatures reads the weights in path (as write writes them) and marks
// the features listed in list (comma-separated numbers) as the ones to fit.
func freeFeatures(path, list string) ([]float64, []bool) {
	src, err := os.ReadFile(path)
	check(err)
	var w []float64
	for _, line := range strings.Split(string(src), "\n") {
		num, _, ok := strings.Cut(line, "// feature ")
		if !ok {
			continue
		}
		x, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(num), ","), 64)
		check(err)
		w = append(w, x)
	}
	free := make([]bool, len(w))
	for _, s := range strings.Split(list, ",") {
		i, err := strconv.Atoi(strings.TrimSpace(s))
		check(err)
		for len(w) <= i {
			w, free = append(w, 0), append(free, false)
		}
		free[i] = true
	}
	return w, free
}

func write(path string, w []float64) error {
	var b strings.Builder
	b.WriteString("// Code generated by match/internal/fitrank; DO NOT EDIT.\n\npackage match\n\n")
	b.WriteString("// rerankWeights weigh the reranker's features (see rerank.go), fitted on\n// SQuAD v1.1 dev by internal/fitrank.\n")
	b.WriteString("// A slice, so that adding a feature breaks nothing before the refit.\n")
	b.WriteString("var rerankWeights = []float64{\n")
	for i, x := range w {
		fmt.Fprintf(&b, "\t%.4f, // feature %d\n", x, i)
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
		fmt.Fprintln(os.Stderr, "fitrank:", err)
		os.Exit(1)
	}
}

// loadWiki reads WikiQA: each question's sentences, one a line, are its
// document, and the sentences labelled 1 answer it.
func loadWiki(path string, weight float64) ([]question, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type row struct{ q, sent, label string }
	var groups [][]row
	for _, l := range strings.Split(string(data), "\n") {
		c := strings.Split(l, "\t")
		if len(c) < 7 || c[0] == "QuestionID" {
			continue
		}
		r := row{c[1], c[5], strings.TrimSpace(c[6])}
		if len(groups) == 0 || groups[len(groups)-1][0].q != r.q {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], r)
	}
	var out []question
	for _, g := range groups {
		var lines []string
		gold := map[int]bool{}
		for i, r := range g {
			lines = append(lines, r.sent)
			if r.label == "1" {
				gold[i+1] = true
			}
		}
		doc, err := facts.Parse("page.txt", []byte(strings.Join(lines, "\n\n")+"\n"))
		if err != nil || len(gold) == 0 || len(doc.Sentences) != len(lines) {
			continue // a page whose lines do not split one sentence each
		}
		m := match.New(facts.NewStore(doc))
		var feats [][]float64
		res := m.Search(g[0].q, match.SearchOptions{TopK: 10, Features: &feats})
		q := question{feats: feats, weight: weight, wiki: true}
		if len(feats) == 0 {
			q.right = len(res.Hits) > 0 && gold[int(res.Hits[0].Sentence.N)]
		}
		for _, h := range res.Hits[:len(feats)] {
			q.gold = append(q.gold, gold[int(h.Sentence.N)])
		}
		out = append(out, q)
	}
	return out, nil
}

// addChat adds to qs the answerable questions of the chat-style sets in
// dirs (see loadChat), their documents alternating between the halves.
func addChat(qs []question, dirs []string, weight float64) []question {
	cq, err := loadChat(dirs, weight)
	check(err)
	half := 0
	for _, q := range qs {
		half = max(half, q.article)
	}
	h := (half + 1) / 2
	for i := range cq {
		cq[i].article = cq[i].article%2*h + cq[i].article/2%h
	}
	return append(qs, cq...)
}

// loadChat reads the answerable questions of the chat-style sets in dirs:
// each DOC.jsonl asked of DOC.md or DOC.txt beside it, a candidate right
// when it holds one of the question's gold texts, as `storybot eval`
// counts it. A question's article is its document's number, for the
// halves.
func loadChat(dirs []string, weight float64) ([]question, error) {
	var out []question
	docN := 0
	for _, dir := range dirs {
		sets, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
		if err != nil {
			return nil, err
		}
		for _, set := range sets {
			if strings.HasSuffix(set, ".conv.jsonl") {
				continue
			}
			base := strings.TrimSuffix(set, ".jsonl")
			path := base + ".md"
			if _, err := os.Stat(path); err != nil {
				path = base + ".txt"
			}
			if _, err := os.Stat(path); err != nil {
				continue // no document of that name: not a set of questions about one
			}
			doc, err := facts.LoadFile(path, filepath.Base(path))
			if err != nil {
				return nil, err
			}
			m := match.New(facts.NewStore(doc))
			data, err := os.ReadFile(set)
			if err != nil {
				return nil, err
			}
			for _, l := range strings.Split(string(data), "\n") {
				if strings.TrimSpace(l) == "" {
					continue
				}
				var row struct {
					Q    string   `json:"q"`
					Gold []string `json:"gold"`
				}
				if err := json.Unmarshal([]byte(l), &row); err != nil {
					return nil, fmt.Errorf("%s: %w", set, err)
				}
				if len(row.Gold) == 0 {
					continue
				}
				isGold := func(h match.Hit) bool {
					for _, g := range row.Gold {
						if strings.Contains(h.Sentence.Text, g) || strings.Contains(h.Sentence.Display(), g) {
							return true
						}
					}
					return false
				}
				var feats [][]float64
				res := m.Search(row.Q, match.SearchOptions{TopK: 10, Features: &feats})
				q := question{article: docN, feats: feats, weight: weight, chat: true}
				if len(feats) == 0 {
					q.right = len(res.Hits) > 0 && isGold(res.Hits[0])
				}
				for _, h := range res.Hits[:len(feats)] {
					q.gold = append(q.gold, isGold(h))
				}
				out = append(out, q)
			}
			docN++
		}
	}
	return out, nil
}
