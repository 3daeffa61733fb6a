package main

import (
	"debug/elf"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchReportsStagesLatencyAndMemory(t *testing.T) {
	t.Parallel()
	dump := filepath.Join(t.TempDir(), "q.txt")
	out, errs, code := runCLI(t, "", "bench", "--n", "300", "--json", "--dump-questions", dump)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Sentences != 14 || r.Questions != 300 || r.BuildMS <= 0 || r.AnalyseMS <= 0 {
		t.Errorf("report = %+v", r)
	}
	if !(r.P50US > 0 && r.P50US <= r.P90US && r.P90US <= r.P99US && r.P99US <= r.MaxUS) || r.QPS <= 0 {
		t.Errorf("latency percentiles out of order: %+v", r)
	}
	if r.SourceTop5 < 50 || r.AllocsPerQ <= 0 || r.HeapInuseMB <= 0 {
		t.Errorf("sampled questions should mostly find their source sentence: %+v", r)
	}
	data, err := os.ReadFile(dump)
	if err != nil || len(strings.Split(strings.TrimSpace(string(data)), "\n")) == 0 || !strings.HasPrefix(string(data), "what about ") {
		t.Errorf("dumped questions: %q %v", data, err)
	}
	// The same questions can be read back.
	out, _, code = runCLI(t, "", "bench", "--n", "50", "--questions", dump)
	if code != 0 || !strings.Contains(out, "questions/s on one core") {
		t.Errorf("bench --questions: exit %d\n%s", code, out)
	}
	if _, errs, code := runCLI(t, "", "bench", "--n", "0"); code != 2 || !strings.Contains(errs, "--n") {
		t.Errorf("bad --n: exit %d %q", code, errs)
	}
}

// Each copy of a scaled text is the text with its letters shifted by the
// copy's number: same length, same non-letters, new words.
func TestScaleTextEnciphersEachCopy(t *testing.T) {
	t.Parallel()
	in := []byte("Pierre met Zoe, 1812.")
	if got := string(scaleText(in, 1)); got != string(in) {
		t.Fatalf("scale 1 changed the text: %q", got)
	}
	got := string(scaleText(in, 3))
	want := "Pierre met Zoe, 1812.\nQjfssf nfu Apf, 1812.\nRkgttg ogv Bqg, 1812.\n"
	if got != want {
		t.Fatalf("scale 3 = %q, want %q", got, want)
	}
}

// --whole-process times real `ask` processes and reports their figures.
func TestBenchWholeProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds storybot and starts processes")
	}
	bin := filepath.Join(t.TempDir(), "storybot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Skipf("cannot build storybot: %v\n%s", err, out)
	}
	noMemoryProfiling(t, bin)
	old := selfBinary
	selfBinary = func() (string, error) { return bin, nil }
	defer func() { selfBinary = old }()
	out, errs, code := runCLI(t, "", "bench", "--n", "100", "--scale", "2", "--whole-process", "1", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	w := r.WholeProcess
	if r.Sentences < 28 || w == nil || w.Runs != 1 || w.Questions == 0 || w.BuildMS.Min <= 0 || w.PeakRSSMB.Min <= 0 {
		t.Fatalf("report = %+v, whole process %+v", r, w)
	}
}

// noMemoryProfiling fails when the storybot binary at bin can write a
// heap profile: the linker then leaves the runtime's allocation sampling
// on in every process, which cost the built-in story's start-up half a
// megabyte (#17's 20 MB row). It is off when nothing that reads it is
// linked at all (the linker tests runtime.memProfileInternal).
func noMemoryProfiling(t *testing.T, bin string) {
	t.Helper()
	f, err := elf.Open(bin)
	if err != nil {
		t.Skipf("not an ELF binary: %v", err)
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		t.Skipf("no symbols: %v", err)
	}
	for _, s := range syms {
		if s.Name == "runtime.memProfileInternal" {
			t.Error("storybot links runtime.memProfileInternal (a heap profile): memory profiling runs in every process")
		}
	}
}
