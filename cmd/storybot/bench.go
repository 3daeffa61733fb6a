package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/match"
	"github.com/storybot/storybot/story"
)

// benchReport is what `storybot bench --json` prints.
type benchReport struct {
	Documents     []string `json:"documents"`
	Bytes         int      `json:"bytes"`
	Sentences     int      `json:"sentences"`
	ReadMS        float64  `json:"read_ms"`
	SplitMS       float64  `json:"split_ms"`
	AnalyseMS     float64  `json:"analyse_ms"`
	IndexMS       float64  `json:"index_ms"`
	BuildMS       float64  `json:"build_ms"`
	CorrectorMS   float64  `json:"corrector_ready_ms"`
	Questions     int      `json:"questions"`
	P50US         float64  `json:"p50_us"`
	P90US         float64  `json:"p90_us"`
	P99US         float64  `json:"p99_us"`
	MaxUS         float64  `json:"max_us"`
	QPS           float64  `json:"qps_one_core"`
	AllocsPerQ    float64  `json:"allocs_per_question"`
	BytesPerQ     float64  `json:"bytes_per_question"`
	HeapInuseMB   float64  `json:"heap_inuse_mb"`
	PeakRSSMB     float64  `json:"peak_rss_mb"`
	Answered      int      `json:"answered"`
	SourceTop1    float64  `json:"source_top1"` // sampled questions: the source sentence ranked first
	SourceTop5    float64  `json:"source_top5"`
	GoMaxProcs    int      `json:"gomaxprocs_during_questions"`
	QuestionsFrom string   `json:"questions_from"`
	Scale         int      `json:"scale,omitempty"`
	// WholeProcess: `ask` as a user runs it (--whole-process RUNS).
	WholeProcess *wholeReport `json:"whole_process,omitempty"`
}

func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench", "[--doc PATH]... [--scale N] [--questions FILE] [--n N] [--seed S] [--json] [--dump-questions FILE] [--dump-doc FILE] [--whole-process RUNS]")
	var docs multiFlag
	fs.Var(&docs, "doc", "document `path` (repeatable); default: the built-in story")
	questions := fs.String("questions", "", "`file` of questions, one per line; default: sampled from the documents")
	n := fs.Int("n", 20000, "`number` of questions to answer")
	seed := fs.Uint64("seed", 1, "random `seed` for sampled questions")
	asJSON := fs.Bool("json", false, "print a JSON report")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the question loop to `file`")
	dump := fs.String("dump-questions", "", "write the questions to `file`, one per line (to run other systems on the same ones)")
	scale := fs.Int("scale", 1, "index `N` copies of the text, each copy's letters shifted along the alphabet so the vocabulary grows")
	dumpDoc := fs.String("dump-doc", "", "write the text indexed (scaled, documents joined) to `file`")
	whole := fs.Int("whole-process", 0, "also time `RUNS` whole `storybot ask` processes on the text and the questions (start-up, corrector and all)")
	wholeFiles := fs.String("whole-files", "", "with --whole-process: only time `ask` on `DOC,QUESTIONS` (how bench runs it from a small process)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *wholeFiles != "" {
		return wholeRuns(e, *wholeFiles, *whole)
	}
	if *n < 1 || *n > 10_000_000 {
		return usagef("bench: --n must be between 1 and 10000000")
	}
	if *scale < 1 || *scale > 256 || *whole < 0 || *whole > 100 {
		return usagef("bench: --scale must be between 1 and 256, --whole-process between 0 and 100")
	}
	rep := benchReport{Documents: docs, QuestionsFrom: "sampled", Scale: *scale}
	m, text, err := buildBench(docs, *scale, &rep, e.stderr)
	if err != nil {
		return err
	}
	if *dumpDoc != "" {
		if err := os.WriteFile(*dumpDoc, text, 0o644); err != nil {
			return fmt.Errorf("bench: write text: %w", err)
		}
	}
	qs, sources, err := benchQuestions(m, *questions, *n, *seed, &rep)
	if err != nil {
		return err
	}
	if *dump != "" {
		if err := os.WriteFile(*dump, []byte(strings.Join(qs, "\n")+"\n"), 0o644); err != nil {
			return fmt.Errorf("bench: write questions: %w", err)
		}
	}
	b := bot.NewMatcher(m, bot.Options{TopK: 5})
	for _, q := range qs[:min(len(qs), 200)] {
		b.Answer(ctx, q) // warm caches and the scratch pool
	}
	stop, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	if err := askAll(ctx, b, qs, sources, *n, &rep); err != nil {
		return err
	}
	if *whole > 0 {
		if rep.WholeProcess, err = wholeProcess(text, qs, *whole); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return printBench(e, &rep, sources != nil)
}

// startCPUProfile starts a CPU profile written to path ("": none) and
// returns what stops it.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("bench: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// raw is a document's name and bytes as bench reads them.
type raw struct {
	name string
	data []byte
}

// joinTexts returns the documents' texts one after the other, a newline
// between, for processes that read one file.
func joinTexts(raws []raw) []byte {
	if len(raws) == 1 {
		return raws[0].data
	}
	var out []byte
	for _, r := range raws {
		out = append(append(out, r.data...), '\n')
	}
	return out
}

// buildBench reads, splits and indexes the documents, stage by stage, and
// builds the matcher, timing each. It returns the texts indexed, joined.
func buildBench(docs []string, scale int, rep *benchReport, warn io.Writer) (*match.Matcher, []byte, error) {
	start := time.Now()
	growHugeHeap(buildHeapPerByte * int64(max(scale, 1)) * textBytes(docs)) // as loadMatcher does
	var raws []raw
	if len(docs) == 0 {
		raws = append(raws, raw{story.Name, story.Text})
		rep.Documents = []string{story.Name + " (built in)"}
	}
	// The same files ask and repl would load (directories expanded,
	// duplicates once), read and parsed separately to time each stage.
	files, err := expandPaths(docs)
	if err != nil {
		return nil, nil, usagef("bench: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			return nil, nil, usagef("bench: read %q: %v", f.path, friendlyErr(err))
		}
		raws = append(raws, raw{f.name, data})
	}
	rep.ReadMS = ms(time.Since(start))
	if scale > 1 { // not timed: the scaled text stands for a file read
		t := time.Now()
		for i := range raws {
			raws[i].data = scaleText(raws[i].data, scale)
		}
		start = start.Add(time.Since(t))
	}
	t := time.Now()
	var parsed []*facts.Document
	for i, r := range raws {
		d, err := facts.Parse(r.name, r.data)
		if len(docs) > 0 {
			if skip, ok := skipped(files[i], err); ok {
				fmt.Fprintln(warn, "storybot: warning: "+skip)
				continue
			}
		}
		if err != nil {
			return nil, nil, usageError{err}
		}
		parsed = append(parsed, d)
		rep.Bytes += len(r.data)
		rep.Sentences += len(d.Sentences)
	}
	if len(parsed) == 0 {
		return nil, nil, usagef("bench: %v in %s", facts.ErrNoDocs, strings.Join(docs, ", "))
	}
	rep.SplitMS = ms(time.Since(t))
	// The build counts the matcher's tables too: the store's work, then
	// the matcher's, is what stands between a document and its first answer.
	// The store, its garbage, the corrector (started once the store is
	// built, see spelledMatcher) and the collector's setting for the
	// questions are ask's and repl's (memlimit.go), so that the memory
	// and times reported are what they have.
	m := spelledMatcher(docs, parsed)
	analyse, index := m.Store().BuildTimes()
	rep.AnalyseMS, rep.IndexMS = ms(analyse), ms(index)
	rep.BuildMS = ms(time.Since(start))
	m.Prepare()
	rep.CorrectorMS = ms(time.Since(start))
	collectOftenPrepared(docs)
	return m, joinTexts(raws), nil
}

// benchQuestions reads the questions from file, or samples n from the
// documents; for sampled ones, sources says where each came from.
func benchQuestions(m *match.Matcher, file string, n int, seed uint64, rep *benchReport) (qs []string, sources []*facts.Sentence, err error) {
	if file != "" {
		if qs, err = readQuestions(file); err != nil {
			return nil, nil, err
		}
		rep.QuestionsFrom = file
	} else {
		for _, sq := range m.SampleQuestions(min(n, 5000), seed) {
			qs = append(qs, sq.Question)
			sources = append(sources, sq.Source)
		}
	}
	if len(qs) == 0 {
		return nil, nil, usagef("bench: no questions")
	}
	return qs, sources, nil
}

// askAll answers n questions on one core, as a single worker would, and
// records latency, allocations and, for sampled questions, whether the
// source sentence was found.
func askAll(ctx context.Context, b *bot.Bot, qs []string, sources []*facts.Sentence, n int, rep *benchReport) error {
	prev := runtime.GOMAXPROCS(1)
	rep.GoMaxProcs = 1
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	lat := make([]time.Duration, n)
	t := time.Now()
	for i := range lat {
		if ctx.Err() != nil {
			lat = lat[:i]
			break
		}
		q0 := time.Now()
		r := b.Answer(ctx, qs[i%len(qs)])
		lat[i] = time.Since(q0)
		if r.Answered {
			rep.Answered++
		}
		if sources != nil {
			src := sources[i%len(qs)]
			for k := 0; ; k++ {
				doc, n, ok := r.CandidateSentence(k)
				if !ok {
					break
				}
				if doc == src.Doc() && n == int(src.N) {
					if k == 0 {
						rep.SourceTop1++
					}
					rep.SourceTop5++
					break
				}
			}
		}
	}
	total := time.Since(t)
	runtime.ReadMemStats(&after)
	runtime.GOMAXPROCS(prev)
	if len(lat) == 0 {
		return fmt.Errorf("bench: interrupted before any question")
	}
	rep.Questions = len(lat)
	if sources != nil {
		rep.SourceTop1 = pct(rep.SourceTop1 / float64(len(lat)))
		rep.SourceTop5 = pct(rep.SourceTop5 / float64(len(lat)))
	}
	rep.QPS = float64(int64(float64(len(lat)) / total.Seconds()))
	rep.AllocsPerQ = round3(float64(after.Mallocs-before.Mallocs) / float64(len(lat)))
	rep.BytesPerQ = float64(int64(float64(after.TotalAlloc-before.TotalAlloc) / float64(len(lat))))
	slices.Sort(lat)
	pick := func(p int) float64 { return micros(lat[min(len(lat)-1, len(lat)*p/100)]) }
	rep.P50US, rep.P90US, rep.P99US, rep.MaxUS = pick(50), pick(90), pick(99), micros(lat[len(lat)-1])
	rep.HeapInuseMB = mb(after.HeapInuse)
	rep.PeakRSSMB = peakRSSMB()
	return nil
}

// printBench prints the report as a table for people.
func printBench(e *env, rep *benchReport, sampled bool) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t%s (%d bytes, %d sentences)\n", strings.Join(rep.Documents, ", "), rep.Bytes, rep.Sentences)
	fmt.Fprintf(tw, "build\t%.1f ms: read %.1f, split %.1f, analyse %.1f, index %.1f\n", rep.BuildMS, rep.ReadMS, rep.SplitMS, rep.AnalyseMS, rep.IndexMS)
	fmt.Fprintf(tw, "typo corrector and synonyms ready\t%.1f ms after start (built in the background)\n", rep.CorrectorMS)
	fmt.Fprintf(tw, "questions\t%d (%s; %d answered)\n", rep.Questions, rep.QuestionsFrom, rep.Answered)
	if sampled {
		fmt.Fprintf(tw, "source sentence found\t%.2f %% first, %.2f %% in the top 5\n", rep.SourceTop1, rep.SourceTop5)
	}
	fmt.Fprintf(tw, "latency\tp50 %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs\n", rep.P50US, rep.P90US, rep.P99US, rep.MaxUS)
	fmt.Fprintf(tw, "throughput\t%.0f questions/s on one core\n", rep.QPS)
	fmt.Fprintf(tw, "allocations\t%.1f allocs, %.0f bytes per question\n", rep.AllocsPerQ, rep.BytesPerQ)
	fmt.Fprintf(tw, "memory\theap in use %.1f MB, peak RSS %.1f MB\n", rep.HeapInuseMB, rep.PeakRSSMB)
	if w := rep.WholeProcess; w != nil {
		fmt.Fprintf(tw, "whole process (min/median of %d)\tbuild %.1f/%.1f ms (CPU %.1f/%.1f), per question %.1f/%.1f µs (CPU %.1f/%.1f), peak RSS %.1f/%.1f MB (%.1f/%.1f with no question)\n",
			w.Runs, w.BuildMS.Min, w.BuildMS.Median, w.BuildCPUMS.Min, w.BuildCPUMS.Median, w.PerQUS.Min, w.PerQUS.Median,
			w.PerQCPUUS.Min, w.PerQCPUUS.Median, w.PeakRSSMB.Min, w.PeakRSSMB.Median, w.BuildRSSMB.Min, w.BuildRSSMB.Median)
	}
	return tw.Flush()
}

func ms(d time.Duration) float64 { return float64(int64(float64(d.Microseconds())/10+0.5)) / 100 }
func mb(b uint64) float64        { return float64(int64(float64(b)/(1<<20)*10+0.5)) / 10 }

// peakRSSMB reads the process's peak resident set (VmHWM) on Linux; 0
// where /proc is not available.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return float64(int64(kb/1024*10+0.5)) / 10
			}
		}
	}
	return 0
}

func readQuestions(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("bench: open %q: %v", path, friendlyErr(err))
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if q := strings.TrimSpace(sc.Text()); q != "" {
			qs = append(qs, q)
		}
	}
	return qs, sc.Err()
}
