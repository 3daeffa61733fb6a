package main

import (
	"encoding/json"
	"os"
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
