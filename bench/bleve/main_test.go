package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMeasure makes one run on a small document, which also checks that the
// scores are BM25's (measure fails otherwise).
func TestMeasure(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.txt")
	qs := filepath.Join(dir, "questions.txt")
	text := "Mary went to the kitchen. John picked up the apple.\n\nThe apple was red. Mary travelled to the garden.\n"
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(qs, []byte("Where did Mary go?\nWhat colour was the apple?\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := measure(doc, qs, 10, 2)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sentences != 4 || rep.Questions != 10 || rep.Hits != 10 || rep.ScoringModel != "bm25" {
		t.Errorf("got %d sentences, %d questions, %d with hits, %q scoring; want 4, 10, 10, bm25",
			rep.Sentences, rep.Questions, rep.Hits, rep.ScoringModel)
	}
}

func TestMedian(t *testing.T) {
	reps := []report{{P50US: 3, QPS: 10}, {P50US: 1, QPS: 30}, {P50US: 2, QPS: 20}, {P50US: 4, QPS: 40}}
	m := median(reps[:3])
	if m.P50US != 2 || m.QPS != 20 {
		t.Errorf("median of 3: p50 %v, qps %v; want 2, 20", m.P50US, m.QPS)
	}
	m = median(reps)
	if m.P50US != 2.5 || m.QPS != 25 {
		t.Errorf("median of 4: p50 %v, qps %v; want 2.5, 25", m.P50US, m.QPS)
	}
}
