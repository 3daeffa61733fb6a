package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// scaleText returns n copies of data, copy k with every ASCII letter moved
// k places along the alphabet (case kept), so that each copy brings words
// of its own: the vocabulary grows with the text, as it does with more
// books, where plain copies would only repeat it. n < 2 returns data.
func scaleText(data []byte, n int) []byte {
	if n < 2 {
		return data
	}
	out := make([]byte, 0, len(data)*n+n)
	for k := range n {
		start := len(out)
		out = append(out, data...)
		for i := start; i < len(out); i++ {
			switch c := out[i]; {
			case 'a' <= c && c <= 'z':
				out[i] = 'a' + (c-'a'+byte(k))%26
			case 'A' <= c && c <= 'Z':
				out[i] = 'A' + (c-'A'+byte(k))%26
			}
		}
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
	}
	return out
}

// selfBinary is the storybot binary whole-process runs start: this one (a
// test sets a built one, as its own binary is not storybot).
var selfBinary = os.Executable

// wholeReport is what a user's process costs: `storybot ask --doc DOC`
// started afresh, once with the questions on standard input and once with
// none, run after run, interleaved. Per question is the difference of the
// two over the number of questions, so it carries start-up, the first
// misspelt question's wait for the typo corrector, and writing the answers.
type wholeReport struct {
	Runs         int     `json:"runs"`
	Questions    int     `json:"questions"`
	BuildMS      stat    `json:"build_ms"`        // wall clock, ask with no question
	BuildCPUMS   stat    `json:"build_cpu_ms"`    // user + system
	PerQUS       stat    `json:"per_question_us"` // wall clock
	PerQCPUUS    stat    `json:"per_question_cpu_us"`
	PeakRSSMB    stat    `json:"peak_rss_mb"` // ask with the questions
	BuildRSSMB   stat    `json:"build_peak_rss_mb"`
	Binary       string  `json:"binary"`
	DocumentMB   float64 `json:"document_mb"`
	QuestionFile string  `json:"question_file"`
}

// stat is the minimum and median of a figure over runs.
type stat struct {
	Min    float64 `json:"min"`
	Median float64 `json:"median"`
}

func statOf(xs []float64) stat {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return stat{}
	}
	return stat{round3(s[0]), round3(s[len(s)/2])}
}

// processRun is one child process's wall clock, CPU time and peak RSS.
type processRun struct {
	wall, cpu time.Duration
	rssMB     float64
}

// runProcess runs bin with args, stdin from the file in (or nothing), and
// measures it.
func runProcess(bin string, args []string, in string) (processRun, error) {
	cmd := exec.Command(bin, args...)
	if in != "" {
		f, err := os.Open(in)
		if err != nil {
			return processRun{}, err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	t := time.Now()
	if err := cmd.Run(); err != nil {
		return processRun{}, fmt.Errorf("bench: %s %s: %w", bin, strings.Join(args, " "), err)
	}
	r := processRun{wall: time.Since(t), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	r.rssMB = childPeakRSSMB(cmd.ProcessState)
	return r, nil
}

// wholeProcess times `ask` as a user runs it, runs times, on the document
// text and the questions, written to temporary files. The timing runs in a
// fresh `storybot bench --whole-files` process: a child's peak RSS counts
// the memory of the process that started it (Go starts children with
// vfork, and exec keeps the old memory's high-water mark), so the children
// must be started by a small process, not by this one.
func wholeProcess(text []byte, qs []string, runs int) (*wholeReport, error) {
	bin, err := selfBinary()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "storybot-whole")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	doc, qfile := filepath.Join(dir, "doc.txt"), filepath.Join(dir, "questions.txt")
	if err := os.WriteFile(doc, text, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(qfile, []byte(strings.Join(qs, "\n")+"\n"), 0o644); err != nil {
		return nil, err
	}
	out, err := exec.Command(bin, "bench", "--whole-files", doc+","+qfile, "--whole-process", strconv.Itoa(runs)).Output()
	if err != nil {
		return nil, fmt.Errorf("bench: whole-process runs: %w", err)
	}
	var rep wholeReport
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("bench: whole-process runs: %w", err)
	}
	return &rep, nil
}

// wholeRuns is `bench --whole-files DOC,QUESTIONS --whole-process RUNS`:
// it runs `ask --doc DOC` with no question and with the questions, runs
// times each, interleaved, and prints the wholeReport.
func wholeRuns(e *env, files string, runs int) error {
	doc, qfile, ok := strings.Cut(files, ",")
	if !ok || runs < 1 {
		return usagef("bench: --whole-files DOC,QUESTIONS needs --whole-process RUNS")
	}
	bin, err := selfBinary()
	if err != nil {
		return err
	}
	qs, err := readQuestions(qfile)
	if err != nil {
		return err
	}
	info, err := os.Stat(doc)
	if err != nil {
		return usagef("bench: %v", err)
	}
	rep := &wholeReport{Runs: runs, Questions: len(qs), Binary: bin, DocumentMB: mb(uint64(info.Size())), QuestionFile: qfile}
	var build, buildCPU, perQ, perQCPU, rss, buildRSS []float64
	args := []string{"ask", "--doc", doc}
	for range runs {
		empty, err := runProcess(bin, args, "")
		if err != nil {
			return err
		}
		full, err := runProcess(bin, args, qfile)
		if err != nil {
			return err
		}
		build = append(build, float64(empty.wall.Microseconds())/1000)
		buildCPU = append(buildCPU, float64(empty.cpu.Microseconds())/1000)
		perQ = append(perQ, float64((full.wall-empty.wall).Nanoseconds())/1000/float64(len(qs)))
		perQCPU = append(perQCPU, float64((full.cpu-empty.cpu).Nanoseconds())/1000/float64(len(qs)))
		rss, buildRSS = append(rss, full.rssMB), append(buildRSS, empty.rssMB)
	}
	rep.BuildMS, rep.BuildCPUMS = statOf(build), statOf(buildCPU)
	rep.PerQUS, rep.PerQCPUUS = statOf(perQ), statOf(perQCPU)
	rep.PeakRSSMB, rep.BuildRSSMB = statOf(rss), statOf(buildRSS)
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
