// Command bleve times bleve (BM25, scorch) on the same sentences and the
// same questions as `storybot bench`, so the two can be compared like with
// like. It lives in its own module so that storybot never depends on bleve.
//
//	go run . --doc PATH --questions FILE [--runs 5] [--n N] [--json]
//
// The document is split into sentences with storybot's own splitter
// (facts.Parse); each sentence becomes one bleve document with a single
// text field analysed by the English analyzer. Every run is made in a
// fresh child process (this program re-executed with --child), so that
// peak RSS is measured per run rather than as a maximum over all runs.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/storybot/storybot/facts"
)

// report is one run's figures; the parent reads it from a child as JSON.
type report struct {
	Document     string  `json:"document"`
	Bytes        int     `json:"bytes"`
	Sentences    int     `json:"sentences"`
	ReadMS       float64 `json:"read_ms"`
	SplitMS      float64 `json:"split_ms"`
	BuildMS      float64 `json:"build_ms"`     // bleve: create the index + one batch of all sentences, until searchable; storybot: its own figure, read to index
	IndexMS      float64 `json:"index_ms"`     // building after the split: bleve's build_ms, storybot's analyse_ms + index_ms
	PersistedMS  float64 `json:"persisted_ms"` // build_ms plus waiting until scorch has persisted everything
	ScoringModel string  `json:"scoring_model"`
	Questions    int     `json:"questions"`
	Hits         int     `json:"questions_with_hits"`
	P50US        float64 `json:"p50_us"`
	P90US        float64 `json:"p90_us"`
	P99US        float64 `json:"p99_us"`
	MaxUS        float64 `json:"max_us"`
	QPS          float64 `json:"qps_one_core"`
	AllocsPerQ   float64 `json:"allocs_per_question"`
	BytesPerQ    float64 `json:"bytes_per_question"`
	HeapInuseMB  float64 `json:"heap_inuse_mb"`
	PeakRSSMB    float64 `json:"peak_rss_mb"`
	IndexDiskMB  float64 `json:"index_disk_mb"`
	GoMaxProcs   int     `json:"gomaxprocs_during_questions"`
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bleve bench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bleve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	doc := fs.String("doc", "", "document `path` (required)")
	questions := fs.String("questions", "", "`file` of questions, one per line, e.g. from `storybot bench --dump-questions` (required)")
	runs := fs.Int("runs", 5, "`number` of runs, each in a fresh process")
	n := fs.Int("n", 0, "`number` of questions to time per run (cycling through the file); default: each question once")
	warm := fs.Int("warm", 200, "`number` of untimed warm-up questions (storybot bench warms with 200)")
	asJSON := fs.Bool("json", false, "print a JSON report (all runs and the medians)")
	storybot := fs.String("storybot", "", "also run `binary` (a built storybot) as `storybot bench --json` on the same document and questions, alternating with bleve's runs, and print both medians")
	child := fs.Bool("child", false, "internal: make one run in this process and print it as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *doc == "" || *questions == "" {
		fs.Usage()
		return errors.New("--doc and --questions are required")
	}
	if *runs < 1 {
		return errors.New("--runs must be at least 1")
	}
	if *child {
		rep, err := measure(*doc, *questions, *n, *warm)
		if err != nil {
			return err
		}
		return json.NewEncoder(stdout).Encode(rep)
	}

	self, err := os.Executable()
	if err != nil {
		return err
	}
	childArgs := []string{"--child", "--doc", *doc, "--questions", *questions,
		"--n", strconv.Itoa(*n), "--warm", strconv.Itoa(*warm)}
	var reps, sbReps []report
	for i := range *runs {
		// With --storybot, the two alternate run by run, so that any drift
		// in the machine's load falls on both alike.
		if *storybot != "" {
			rep, err := runStorybot(*storybot, *doc, *questions, *n, stderr)
			if err != nil {
				return fmt.Errorf("storybot run %d: %w", i+1, err)
			}
			sbReps = append(sbReps, rep)
		}
		var rep report
		if err := runJSON(exec.Command(self, childArgs...), stderr, &rep); err != nil {
			return fmt.Errorf("run %d: %w", i+1, err)
		}
		reps = append(reps, rep)
		if !*asJSON {
			fmt.Fprintf(stderr, "run %d/%d done\n", i+1, *runs)
		}
	}
	med := median(reps)
	var sbMed *report
	if len(sbReps) > 0 {
		m := median(sbReps)
		sbMed = &m
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Runs           []report `json:"runs"`
			Median         report   `json:"median"`
			StorybotRuns   []report `json:"storybot_runs,omitempty"`
			StorybotMedian *report  `json:"storybot_median,omitempty"`
		}{reps, med, sbReps, sbMed})
	}
	r0 := reps[0]
	fmt.Fprintf(stdout, "bleve %s, scorch index in a temp directory, %s scoring, English analyzer, MatchQuery (OR), top 5\n", bleveVersion, r0.ScoringModel)
	fmt.Fprintf(stdout, "document %s (%d bytes, %d sentences split by storybot's facts.Parse)\n", r0.Document, r0.Bytes, r0.Sentences)
	fmt.Fprintf(stdout, "questions %s (%d timed per run, %d with at least one hit, GOMAXPROCS %d)\n\n", *questions, r0.Questions, r0.Hits, r0.GoMaxProcs)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "run\tsplit ms\tbuild ms\tpersisted ms\tp50 µs\tp90 µs\tp99 µs\tmax µs\tq/s\tallocs/q\theap MB\tpeak RSS MB\tdisk MB\t")
	row := func(name string, r report) {
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t%.1f\t%.1f\t%.1f\t%.1f\t\n", name,
			r.SplitMS, r.BuildMS, r.PersistedMS, r.P50US, r.P90US, r.P99US, r.MaxUS, r.QPS, r.AllocsPerQ, r.HeapInuseMB, r.PeakRSSMB, r.IndexDiskMB)
	}
	for i, r := range reps {
		row(strconv.Itoa(i+1), r)
	}
	row("median", med)
	if err := tw.Flush(); err != nil {
		return err
	}
	if sbMed == nil {
		return nil
	}

	fmt.Fprintf(stdout, "\nstorybot bench (%s), the same questions, %d runs:\n\n", *storybot, len(sbReps))
	tw = tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "run\tsplit ms\tbuild ms\tp50 µs\tp90 µs\tp99 µs\tmax µs\tq/s\tallocs/q\theap MB\tpeak RSS MB\tanswered\t")
	sbRow := func(name string, r report) {
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t%.1f\t%.1f\t%.1f\t%d\t\n", name,
			r.SplitMS, r.BuildMS, r.P50US, r.P90US, r.P99US, r.MaxUS, r.QPS, r.AllocsPerQ, r.HeapInuseMB, r.PeakRSSMB, r.Hits)
	}
	for i, r := range sbReps {
		sbRow(strconv.Itoa(i+1), r)
	}
	sbRow("median", *sbMed)
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(stdout, "\nmedians side by side; \"index ms\" leaves out reading and splitting the document (storybot: analyse + index; bleve: build), \"build ms\" is each tool's own figure (storybot's includes read and split):\n\n")
	tw = tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tindex ms\tbuild ms\tsplit ms\tp50 µs\tp90 µs\tp99 µs\tq/s\theap MB\tpeak RSS MB\t")
	for _, x := range []struct {
		name string
		r    report
	}{{"storybot", *sbMed}, {"bleve", med}} {
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t%.1f\t%.1f\t\n", x.name,
			x.r.IndexMS, x.r.BuildMS, x.r.SplitMS, x.r.P50US, x.r.P90US, x.r.P99US, x.r.QPS, x.r.HeapInuseMB, x.r.PeakRSSMB)
	}
	return tw.Flush()
}

// runJSON runs cmd and decodes its standard output into v.
func runJSON(cmd *exec.Cmd, stderr io.Writer, v any) error {
	cmd.Stderr = stderr
	out, err := cmd.Output()
	if err != nil {
		return err
	}
	return json.Unmarshal(out, v)
}

// runStorybot makes one `storybot bench --json` run on the same document
// and questions, and returns its figures in a report. Hits is storybot's
// count of answered questions.
func runStorybot(bin, doc, questions string, n int, stderr io.Writer) (report, error) {
	args := []string{"bench", "--doc", doc, "--questions", questions, "--json"}
	if n > 0 {
		args = append(args, "--n", strconv.Itoa(n))
	} else {
		qs, err := readLines(questions)
		if err != nil {
			return report{}, err
		}
		args = append(args, "--n", strconv.Itoa(len(qs)))
	}
	var sb struct {
		Bytes      int     `json:"bytes"`
		Sentences  int     `json:"sentences"`
		ReadMS     float64 `json:"read_ms"`
		SplitMS    float64 `json:"split_ms"`
		BuildMS    float64 `json:"build_ms"`
		AnalyseMS  float64 `json:"analyse_ms"`
		IndexMS    float64 `json:"index_ms"`
		Questions  int     `json:"questions"`
		Answered   int     `json:"answered"`
		P50US      float64 `json:"p50_us"`
		P90US      float64 `json:"p90_us"`
		P99US      float64 `json:"p99_us"`
		MaxUS      float64 `json:"max_us"`
		QPS        float64 `json:"qps_one_core"`
		AllocsPerQ float64 `json:"allocs_per_question"`
		BytesPerQ  float64 `json:"bytes_per_question"`
		HeapMB     float64 `json:"heap_inuse_mb"`
		PeakRSSMB  float64 `json:"peak_rss_mb"`
		GoMaxProcs int     `json:"gomaxprocs_during_questions"`
	}
	if err := runJSON(exec.Command(bin, args...), stderr, &sb); err != nil {
		return report{}, err
	}
	return report{
		Document: doc, Bytes: sb.Bytes, Sentences: sb.Sentences,
		ReadMS: sb.ReadMS, SplitMS: sb.SplitMS, BuildMS: sb.BuildMS, PersistedMS: sb.BuildMS,
		IndexMS:   round1(sb.AnalyseMS + sb.IndexMS),
		Questions: sb.Questions, Hits: sb.Answered,
		P50US: sb.P50US, P90US: sb.P90US, P99US: sb.P99US, MaxUS: sb.MaxUS, QPS: sb.QPS,
		AllocsPerQ: sb.AllocsPerQ, BytesPerQ: sb.BytesPerQ, HeapInuseMB: sb.HeapMB, PeakRSSMB: sb.PeakRSSMB,
		GoMaxProcs: sb.GoMaxProcs,
	}, nil
}

const bleveVersion = "v2.6.3"

// sentenceDoc is one bleve document: a sentence.
type sentenceDoc struct {
	Text string `json:"text"`
}

func newMapping() *mapping.IndexMappingImpl {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = false
	text.IncludeInAll = false
	text.IncludeTermVectors = false
	text.DocValues = false

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("text", text)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = dm
	m.DefaultAnalyzer = en.AnalyzerName
	m.ScoringModel = index.BM25Scoring
	return m
}

// measure makes one run in this process.
func measure(docPath, questionsPath string, n, warm int) (report, error) {
	rep := report{Document: docPath, ScoringModel: index.BM25Scoring}

	start := time.Now()
	data, err := os.ReadFile(docPath)
	if err != nil {
		return rep, err
	}
	rep.ReadMS = ms(time.Since(start))
	t := time.Now()
	d, err := facts.Parse(docPath, data)
	if err != nil {
		return rep, err
	}
	rep.SplitMS = ms(time.Since(t))
	rep.Bytes, rep.Sentences = len(data), len(d.Sentences)

	qs, err := readLines(questionsPath)
	if err != nil {
		return rep, err
	}
	if len(qs) == 0 {
		return rep, errors.New("no questions in " + questionsPath)
	}
	if n <= 0 {
		n = len(qs)
	}

	dir, err := os.MkdirTemp("", "storybot-bleve-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(dir)
	path := dir + "/index"

	// Build: create the index and index every sentence in one batch. With
	// unsafe_batch, Batch returns once the documents are analysed and
	// searchable in memory (storybot's index is in memory too); scorch then
	// persists them to disk in the background, and waitPersisted waits for
	// that before any question is timed. Without it, Batch itself would
	// wait for the segment to be written and fsynced.
	runtime.GC()
	t = time.Now()
	idx, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name,
		map[string]interface{}{"unsafe_batch": true})
	if err != nil {
		return rep, err
	}
	defer idx.Close()
	b := idx.NewBatch()
	for i, s := range d.Sentences {
		if err := b.Index(strconv.Itoa(i), sentenceDoc{Text: s.Text}); err != nil {
			return rep, err
		}
	}
	if err := idx.Batch(b); err != nil {
		return rep, err
	}
	rep.BuildMS = ms(time.Since(t))
	rep.IndexMS = rep.BuildMS
	b = nil
	if err := waitPersisted(idx, uint64(len(d.Sentences)), 60*time.Second); err != nil {
		return rep, err
	}
	rep.PersistedMS = ms(time.Since(t))
	if c, err := idx.DocCount(); err != nil || c != uint64(len(d.Sentences)) {
		return rep, fmt.Errorf("index holds %d documents, want %d (%v)", c, len(d.Sentences), err)
	}
	rep.IndexDiskMB = mb(dirSize(path))

	search := func(q string) (int, error) {
		mq := bleve.NewMatchQuery(q)
		mq.SetField("text")
		mq.SetOperator(query.MatchQueryOperatorOr)
		req := bleve.NewSearchRequestOptions(mq, 5, 0, false)
		res, err := idx.Search(req)
		if err != nil {
			return 0, err
		}
		return len(res.Hits), nil
	}
	if err := checkBM25(idx, qs[0]); err != nil {
		return rep, err
	}
	for _, q := range qs[:min(len(qs), warm)] {
		if _, err := search(q); err != nil {
			return rep, err
		}
	}

	// Questions on one core, as storybot bench does.
	prev := runtime.GOMAXPROCS(1)
	rep.GoMaxProcs = 1
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	lat := make([]time.Duration, n)
	t = time.Now()
	for i := range lat {
		q0 := time.Now()
		hits, err := search(qs[i%len(qs)])
		lat[i] = time.Since(q0)
		if err != nil {
			runtime.GOMAXPROCS(prev)
			return rep, err
		}
		if hits > 0 {
			rep.Hits++
		}
	}
	total := time.Since(t)
	runtime.ReadMemStats(&after)
	runtime.GOMAXPROCS(prev)

	rep.Questions = len(lat)
	rep.QPS = float64(int64(float64(len(lat)) / total.Seconds()))
	rep.AllocsPerQ = round3(float64(after.Mallocs-before.Mallocs) / float64(len(lat)))
	rep.BytesPerQ = float64(int64(float64(after.TotalAlloc-before.TotalAlloc) / float64(len(lat))))
	slices.Sort(lat)
	pick := func(p int) float64 { return micros(lat[min(len(lat)-1, len(lat)*p/100)]) }
	rep.P50US, rep.P90US, rep.P99US, rep.MaxUS = pick(50), pick(90), pick(99), micros(lat[len(lat)-1])
	rep.HeapInuseMB = mb(after.HeapInuse)
	rep.PeakRSSMB = peakRSSMB()
	return rep, nil
}

// checkBM25 makes sure the scores are BM25's: bleve falls back to TF-IDF
// without a word when the index cannot give the field's average length.
func checkBM25(idx bleve.Index, q string) error {
	mq := bleve.NewMatchQuery(q)
	mq.SetField("text")
	req := bleve.NewSearchRequestOptions(mq, 1, 0, true)
	res, err := idx.Search(req)
	if err != nil {
		return err
	}
	if len(res.Hits) == 0 {
		return fmt.Errorf("checking the scoring model: no hits for %q", q)
	}
	expl, err := json.Marshal(res.Hits[0].Expl)
	if err != nil {
		return err
	}
	if !strings.Contains(string(expl), "saturation(") || !strings.Contains(string(expl), "avgFieldLength") {
		return fmt.Errorf("the scores are not BM25 (explanation: %.300s)", expl)
	}
	return nil
}

// waitPersisted waits until scorch has written all docs documents to disk
// and holds no in-memory segment at its root, so that the timed
// questions run against the index's steady state.
func waitPersisted(idx bleve.Index, docs uint64, limit time.Duration) error {
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	st, ok := adv.(interface{ StatsMap() map[string]interface{} })
	if !ok {
		return nil
	}
	deadline := time.Now().Add(limit)
	for {
		m := st.StatsMap()
		persisted, _ := m["TotPersistedItems"].(uint64)
		if persisted >= docs && m["TotMemorySegmentsAtRoot"] == uint64(0) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("scorch had not persisted the index after %v (%d of %d documents persisted, %v memory segments at root)",
				limit, persisted, docs, m["TotMemorySegmentsAtRoot"])
		}
		time.Sleep(time.Millisecond)
	}
}

// median takes each figure's median over the runs separately.
func median(reps []report) report {
	med := reps[0]
	f := func(get func(*report) *float64) {
		v := make([]float64, len(reps))
		for i := range reps {
			v[i] = *get(&reps[i])
		}
		slices.Sort(v)
		m := v[len(v)/2]
		if len(v)%2 == 0 {
			m = (v[len(v)/2-1] + v[len(v)/2]) / 2
		}
		*get(&med) = m
	}
	f(func(r *report) *float64 { return &r.ReadMS })
	f(func(r *report) *float64 { return &r.SplitMS })
	f(func(r *report) *float64 { return &r.BuildMS })
	f(func(r *report) *float64 { return &r.IndexMS })
	f(func(r *report) *float64 { return &r.PersistedMS })
	f(func(r *report) *float64 { return &r.P50US })
	f(func(r *report) *float64 { return &r.P90US })
	f(func(r *report) *float64 { return &r.P99US })
	f(func(r *report) *float64 { return &r.MaxUS })
	f(func(r *report) *float64 { return &r.QPS })
	f(func(r *report) *float64 { return &r.AllocsPerQ })
	f(func(r *report) *float64 { return &r.BytesPerQ })
	f(func(r *report) *float64 { return &r.HeapInuseMB })
	f(func(r *report) *float64 { return &r.PeakRSSMB })
	f(func(r *report) *float64 { return &r.IndexDiskMB })
	return med
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

func dirSize(dir string) uint64 {
	var total uint64
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	for _, e := range entries {
		if e.IsDir() {
			total += dirSize(dir + "/" + e.Name())
			continue
		}
		if info, err := e.Info(); err == nil {
			total += uint64(info.Size())
		}
	}
	return total
}

// peakRSSMB reads the process's peak resident set (VmHWM) on Linux; 0
// where /proc is not available.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return round1(kb / 1024)
			}
		}
	}
	return 0
}

func ms(d time.Duration) float64     { return float64(int64(float64(d.Microseconds())/10+0.5)) / 100 }
func micros(d time.Duration) float64 { return float64(int64(float64(d.Nanoseconds())/100+0.5)) / 10 }
func mb(b uint64) float64            { return round1(float64(b) / (1 << 20)) }
func round1(f float64) float64       { return float64(int64(f*10+0.5)) / 10 }
func round3(f float64) float64       { return float64(int64(f*1000+0.5)) / 1000 }
