package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/internal/squad"
)

// evalCase is one question with the sentences that would answer it.
type evalCase struct {
	question string
	bot      *bot.Bot
	// isGold reports whether a citation answers the question.
	isGold func(bot.Citation) bool
	// golds is how many distinct sentences are needed (bAbI task 2 needs
	// two); 0 marks a question the document does not answer.
	golds int
	// goldSet lists the needed sentence numbers when all must be found.
	goldSet []int
	// goldTotal is how many right sentences the document holds, for MAP
	// (WikiQA); 0 leaves MAP out.
	goldTotal int
	// needAnswer: P@1 counts a right first candidate only when the bot
	// answered (WikiQA's rule: an abstention is wrong).
	needAnswer bool
	// answers are the answer texts (SQuAD), to score short answers by.
	answers []string
}

// evalSummary is the machine-readable result of `eval --json`.
type evalSummary struct {
	Format       string     `json:"format"`
	File         string     `json:"file"`
	Questions    int        `json:"questions"`
	Answerable   int        `json:"answerable"`
	Unanswerable int        `json:"unanswerable"`
	Top1         float64    `json:"top1"`
	Top3         float64    `json:"top3"`
	MRR          float64    `json:"mrr"`
	MAP          float64    `json:"map,omitempty"`
	P1           float64    `json:"p_at_1,omitempty"`
	AllGoldTopN  float64    `json:"all_gold_in_top_n"`
	FalseAbstain float64    `json:"abstain_answerable"`
	TrueAbstain  float64    `json:"abstain_unanswerable"`
	LatencyP50US float64    `json:"latency_p50_us"`
	LatencyP99US float64    `json:"latency_p99_us"`
	Typos        int        `json:"typos"`
	Seed         uint64     `json:"seed"`
	Misses       []miss     `json:"misses,omitempty"`
	Short        shortScore `json:"short_answers"`
}

type miss struct {
	Question string `json:"question"`
	Got      string `json:"got"`
	// Want is the best-ranked right sentence, with its rank, if any was
	// among the candidates.
	Want string `json:"want,omitempty"`
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "[--format jsonl|squad|babi|offtopic|wikiqa|conversations] [--doc PATH] [--typos N] [--seed S] [--json] FILE")
	format := fs.String("format", "jsonl", "question file `format`: jsonl, squad, babi, offtopic (one message a line that no document should answer), wikiqa (the WikiQA TSV: each question's sentences are its document) or conversations (follow-ups: {\"doc\", \"turns\": [{\"q\", \"gold\"}]} a line)")
	var docs multiFlag
	fs.Var(&docs, "doc", "document `path` for jsonl questions; default: the built-in story")
	typos := fs.Int("typos", 0, "put one random edit into `N` words (4+ letters) of each question")
	seed := fs.Uint64("seed", 1, "random `seed` for --typos")
	asJSON := fs.Bool("json", false, "print a JSON summary instead of a table")
	limit := fs.Int("limit", 0, "score only the first `N` questions (SQuAD: articles) (0: all)")
	showMisses := fs.Bool("misses", false, "list the questions whose top answer is wrong")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("eval: want exactly one question FILE, got %d arguments", fs.NArg())
	}
	if *typos < 0 {
		return usagef("eval: --typos must be at least 0")
	}
	file := fs.Arg(0)
	if *format == "conversations" {
		return evalConversations(ctx, e, file, docs, *asJSON, *showMisses)
	}
	var cases []evalCase
	var err error
	switch *format {
	case "jsonl":
		var store *facts.Store
		store, err = loadStore(docs, e.stderr)
		if err == nil {
			cases, err = jsonlCases(file, newBot(store, 10))
		}
	case "offtopic":
		var store *facts.Store
		store, err = loadStore(docs, e.stderr)
		if err == nil {
			cases, err = offtopicCases(file, newBot(store, 10))
		}
	case "squad":
		cases, err = squadCases(file, *limit)
	case "babi":
		cases, err = babiCases(file)
	case "wikiqa":
		cases, err = wikiqaCases(file)
	default:
		return usagef("eval: unknown --format %q (want jsonl, squad, babi, offtopic, wikiqa or conversations)", *format)
	}
	if err != nil {
		return err
	}
	if len(cases) == 0 {
		// Scoring nothing would print 0 % and exit 0, as if the bot had
		// failed every question; the file or --format is wrong instead.
		return usagef("eval: %s holds no questions in the %s format (see --format)", file, *format)
	}
	if *limit > 0 && *format != "squad" && len(cases) > *limit {
		cases = cases[:*limit]
	}
	sum := score(ctx, cases, *typos, *seed)
	sum.Format, sum.File, sum.Typos, sum.Seed = *format, file, *typos, *seed
	if !*showMisses {
		sum.Misses = nil
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}
	printSummary(e.stdout, sum)
	return nil
}

// Evaluate scores cases; it is what `eval` prints and what tests assert.
func score(ctx context.Context, cases []evalCase, typos int, seed uint64) evalSummary {
	var s evalSummary
	var lat []time.Duration
	var top1, top3, all, rr, falseAbs, trueAbs, ap, p1 float64
	ranked := 0 // questions scored for MAP and P@1
	for i, c := range cases {
		q := c.question
		if typos > 0 {
			q = addTypos(q, typos, newRand(seed, uint64(i)))
		}
		start := time.Now()
		r := c.bot.Answer(ctx, q)
		lat = append(lat, time.Since(start))
		s.Questions++
		s.Short.add(r, c.answers)
		if c.golds == 0 {
			s.Unanswerable++
			if !r.Answered {
				trueAbs++
			} else {
				s.Misses = append(s.Misses, miss{Question: q, Got: "answered: " + r.Citations[0].Text})
			}
			continue
		}
		s.Answerable++
		if !r.Answered {
			falseAbs++
		}
		cands := r.Candidates()
		if c.goldTotal > 0 {
			ranked++
			ap += averagePrecision(cands, c)
			if len(cands) > 0 && c.isGold(cands[0]) && (r.Answered || !c.needAnswer) {
				p1++
			}
		}
		found := map[int]bool{}
		first := true
		for rank, cand := range cands {
			if !c.isGold(cand) {
				continue
			}
			if first { // the best-ranked right sentence scores; later ones do not count again
				first = false
				rr += 1 / float64(rank+1)
				if rank == 0 {
					top1++
				}
				if rank < 3 {
					top3++
				}
			}
			if rank < c.golds {
				found[cand.Sentence] = true
			}
		}
		if len(found) >= c.golds {
			all++
		} else if len(cands) == 0 || !c.isGold(cands[0]) {
			s.Misses = append(s.Misses, missOf(q, cands, c))
		}
	}
	if s.Answerable > 0 {
		n := float64(s.Answerable)
		s.Top1, s.Top3, s.MRR, s.AllGoldTopN, s.FalseAbstain = pct(top1/n), pct(top3/n), round3(rr/n), pct(all/n), pct(falseAbs/n)
	}
	if ranked > 0 {
		s.MAP, s.P1 = round3(ap/float64(ranked)), pct(p1/float64(ranked))
	}
	if s.Unanswerable > 0 {
		s.TrueAbstain = pct(trueAbs / float64(s.Unanswerable))
	}
	s.Short.finish(s.Questions)
	if len(lat) > 0 {
		slices.Sort(lat)
		s.LatencyP50US = micros(lat[len(lat)*50/100])
		s.LatencyP99US = micros(lat[min(len(lat)-1, len(lat)*99/100)])
	}
	return s
}

// missOf records a question whose top candidate is wrong, with the
// best-ranked right one if any was a candidate.
func missOf(q string, cands []bot.Citation, c evalCase) miss {
	got := "(nothing)"
	if len(cands) > 0 {
		got = cands[0].Text
	}
	want := ""
	for rank, cand := range cands {
		if c.isGold(cand) {
			want = "#" + strconv.Itoa(rank+1) + " " + cand.Text
			break
		}
	}
	return miss{q, got, want}
}

func pct(f float64) float64    { return float64(int64(f*10000+0.5)) / 100 }
func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }
func micros(d time.Duration) float64 {
	return float64(int64(float64(d.Nanoseconds())/100+0.5)) / 10
}

func printSummary(w io.Writer, s evalSummary) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "file\t%s (%s)\n", s.File, s.Format)
	if s.Typos > 0 {
		fmt.Fprintf(tw, "typos\t%d per question (seed %d)\n", s.Typos, s.Seed)
	}
	fmt.Fprintf(tw, "questions\t%d (%d answerable, %d not)\n", s.Questions, s.Answerable, s.Unanswerable)
	if s.Answerable > 0 {
		fmt.Fprintf(tw, "top-1\t%.2f %%\n", s.Top1)
		fmt.Fprintf(tw, "top-3\t%.2f %%\n", s.Top3)
		fmt.Fprintf(tw, "MRR\t%.3f\n", s.MRR)
		if s.P1 > 0 || s.MAP > 0 {
			fmt.Fprintf(tw, "MAP\t%.3f\n", s.MAP)
			fmt.Fprintf(tw, "P@1\t%.2f %%\t(an abstention counts as wrong)\n", s.P1)
		}
		fmt.Fprintf(tw, "all gold in top n\t%.2f %%\t(n = gold sentences per question)\n", s.AllGoldTopN)
		fmt.Fprintf(tw, "abstained, answerable\t%.2f %%\n", s.FalseAbstain)
	}
	if s.Unanswerable > 0 {
		fmt.Fprintf(tw, "abstained, unanswerable\t%.2f %%\n", s.TrueAbstain)
		fmt.Fprintf(tw, "false answers\t%.2f %%\t(answered with a citation)\n", 100-s.TrueAbstain)
	}
	s.Short.print(tw)
	fmt.Fprintf(tw, "latency p50 / p99\t%.1f µs / %.1f µs\n", s.LatencyP50US, s.LatencyP99US)
	tw.Flush()
	for _, m := range s.Misses {
		fmt.Fprintf(w, "miss: %s\n  got: %s\n", m.Question, m.Got)
		if m.Want != "" {
			fmt.Fprintf(w, "  want %s\n", m.Want)
		}
	}
}

// addTypos puts one random edit (drop, add, substitute or swap a letter)
// into n distinct words of 4+ letters.
func addTypos(q string, n int, rng *rand.Rand) string {
	type span struct{ start, end int }
	var words []span
	start := -1
	for i, r := range q + " " {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if utf8.RuneCountInString(q[start:i]) >= 4 {
				words = append(words, span{start, i})
			}
			start = -1
		}
	}
	rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	if n < len(words) {
		words = words[:n]
	}
	slices.SortFunc(words, func(a, b span) int { return b.start - a.start })
	for _, w := range words {
		rs := []rune(q[w.start:w.end])
		i := rng.IntN(len(rs))
		letter := rune('a' + rng.IntN(26))
		switch rng.IntN(4) {
		case 0:
			rs = slices.Delete(rs, i, i+1)
		case 1:
			rs = slices.Insert(rs, i, letter)
		case 2:
			rs[i] = letter
		default:
			if i == len(rs)-1 {
				i--
			}
			rs[i], rs[i+1] = rs[i+1], rs[i]
		}
		q = q[:w.start] + string(rs) + q[w.end:]
	}
	return q
}

func jsonlCases(path string, b *bot.Bot) ([]evalCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("eval: open %q: %v", path, err)
	}
	defer f.Close()
	var cases []evalCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		gold, q, err := parseJSONLRow(sc.Bytes())
		if err != nil {
			return nil, usagef("eval: %s line %d: %v", path, line, err)
		}
		c := evalCase{question: q, bot: b, golds: min(len(gold), 1)}
		c.isGold = func(ct bot.Citation) bool {
			for _, g := range gold {
				if strings.Contains(ct.Text, g) {
					return true
				}
			}
			return false
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: read %q: %w", path, err)
	}
	return cases, nil
}

// jsonlFormat is the one-line description of a jsonl row, for errors.
const jsonlFormat = `want {"q": "question", "gold": ["text of a right sentence", ...]} (gold [] when the document does not answer)`

// parseJSONLRow reads one jsonl question. Unknown and missing keys are
// errors: a row written as {"question": ...} (the key ask --json uses)
// would otherwise be an empty question and score 0 % without a word.
func parseJSONLRow(b []byte) (gold []string, q string, err error) {
	var row struct {
		Q    *string   `json:"q"`
		Gold *[]string `json:"gold"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&row); err != nil {
		if strings.HasPrefix(err.Error(), "json: unknown field") {
			return nil, "", fmt.Errorf("%s: %s", strings.TrimPrefix(err.Error(), "json: "), jsonlFormat)
		}
		return nil, "", fmt.Errorf("not a JSON object of the right shape (%v): %s", err, jsonlFormat)
	}
	switch {
	case row.Q == nil:
		return nil, "", fmt.Errorf(`missing key "q": %s`, jsonlFormat)
	case row.Gold == nil:
		return nil, "", fmt.Errorf(`missing key "gold": %s`, jsonlFormat)
	case strings.TrimSpace(*row.Q) == "":
		return nil, "", fmt.Errorf(`"q" is empty`)
	}
	return *row.Gold, *row.Q, nil
}

// offtopicCases reads messages that no document should answer, one a line
// (or "category<TAB>message"); each answer with a citation is a false one.
func offtopicCases(path string, b *bot.Bot) ([]evalCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("eval: open %q: %v", path, err)
	}
	var cases []evalCase
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if i := strings.LastIndexByte(line, '\t'); i >= 0 {
			line = line[i+1:]
		}
		cases = append(cases, evalCase{question: line, bot: b, isGold: func(bot.Citation) bool { return false }})
	}
	if len(cases) == 0 {
		return nil, usagef("eval: %s holds no message", path)
	}
	return cases, nil
}

// squadCases reads SQuAD v1.1: each paragraph is its own document, and the
// gold sentences are those holding an answer's start.
func squadCases(path string, articles int) ([]evalCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("eval: open %q: %v", path, err)
	}
	paras, err := squad.Parse(data, articles)
	if err != nil {
		return nil, usagef("eval: %q is not SQuAD JSON: %v", path, err)
	}
	var cases []evalCase
	for _, p := range paras {
		b := bot.New(facts.NewStore(p.Doc), bot.Options{TopK: 10})
		for _, q := range p.Questions {
			gold := q.Gold
			cases = append(cases, evalCase{
				question: q.Text, bot: b, golds: 1, answers: q.Answers,
				isGold: func(c bot.Citation) bool { return gold[c.Sentence] },
			})
		}
	}
	return cases, nil
}

// babiCases reads a bAbI task file: for each question the story so far is
// the document and the supporting facts are the gold sentences.
func babiCases(path string) ([]evalCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("eval: open %q: %v", path, err)
	}
	defer f.Close()
	var cases []evalCase
	var lines []string // story sentences so far
	lineN := map[int]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		id, rest, ok := strings.Cut(text, " ")
		n, err := strconv.Atoi(id)
		if !ok || err != nil {
			continue
		}
		if n == 1 {
			lines, lineN = lines[:0], map[int]int{}
		}
		q, tail, isQ := strings.Cut(rest, "\t")
		if !isQ {
			lines = append(lines, rest)
			lineN[n] = len(lines)
			continue
		}
		parts := strings.Split(tail, "\t")
		if len(parts) < 2 {
			continue
		}
		var goldSet []int
		gold := map[int]bool{}
		for _, sid := range strings.Fields(parts[1]) {
			if k, err := strconv.Atoi(sid); err == nil && lineN[k] > 0 {
				gold[lineN[k]] = true
				goldSet = append(goldSet, lineN[k])
			}
		}
		doc, err := facts.Parse("story", []byte(strings.Join(lines, "\n")))
		if err != nil || len(gold) == 0 {
			continue
		}
		b := bot.New(facts.NewStore(doc), bot.Options{TopK: 10})
		cases = append(cases, evalCase{
			question: q, bot: b, golds: len(gold), goldSet: goldSet,
			isGold: func(c bot.Citation) bool { return gold[c.Sentence] },
		})
	}
	return cases, sc.Err()
}

func newRand(seed, stream uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, stream)) }
