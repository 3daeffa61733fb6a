package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const convDoc = `Harriet Moss chaired the meeting of the town council.
She proposed raising the allotment rent from £38 to £46.
The bowls club asked to lease the old pavilion for ten years.`

// eval --format conversations asks each conversation in order and scores
// first turns, later turns and refusals apart.
func TestEvalConversations(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "minutes.txt"), []byte(convDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	conv := `{"doc": "minutes.txt", "turns": [{"q": "Who chaired the meeting?", "gold": ["Harriet Moss chaired"]}, {"q": "what did she propose?", "gold": ["£46"]}, {"q": "what colour is her car?", "gold": []}]}
{"doc": "minutes.txt", "turns": [{"q": "What did the bowls club ask for?", "gold": ["lease the old pavilion"]}, {"q": "for how long?", "gold": ["ten years"]}]}
`
	file := filepath.Join(dir, "conv.jsonl")
	if err := os.WriteFile(file, []byte(conv), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "eval", "--format", "conversations", "--json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s convSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if s.Conversations != 2 || s.First.Of != 2 || s.Later.Of != 2 || s.Unanswerable.Of != 1 {
		t.Fatalf("counted %+v", s)
	}
	if s.First.Right != 2 || s.Later.Right != 2 || s.Unanswerable.Right != 1 {
		t.Errorf("scored %+v, want every turn right", s)
	}
	// Asked alone, "what did she propose?" has no "she" to resolve, and
	// "for how long?" nothing to go on: ask without --conversation.
	out, _, code = runCLI(t, "what did she propose?\n", "ask", "--json", "--doc", filepath.Join(dir, "minutes.txt"))
	if code != 0 || !strings.Contains(out, `"understood":"what did she propose?"`) {
		t.Errorf("ask --json alone: exit %d, %s", code, out)
	}
	in := "Who chaired the meeting?\nwhat did she propose?\n"
	out, _, code = runCLI(t, in, "ask", "--json", "--conversation", "--doc", filepath.Join(dir, "minutes.txt"))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[1], `"understood":"what did Harriet Moss propose?"`) {
		t.Errorf("ask --conversation: exit %d, %s", code, out)
	}
}

// The dev conversations (shared data): the figures docs/EVALUATION.md
// reports must not fall.
func TestEvalDevConversations(t *testing.T) {
	t.Parallel()
	file := sharedFile(t, "eval/dev/conversations.jsonl")
	out, errOut, code := runCLI(t, "", "eval", "--format", "conversations", "--json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s convSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.First.Right < 12 || s.Later.Right < 35 || s.Unanswerable.Right < 3 {
		t.Errorf("dev conversations fell: first %v, later %v, refused %v", s.First, s.Later, s.Unanswerable)
	}
}

// The travel-guide conversations in docs/eval (their document is shared
// data): the figures docs/EVALUATION.md reports must not fall.
func TestEvalTravelConversations(t *testing.T) {
	t.Parallel()
	sharedFile(t, "eval/dev/travel-guide.txt")
	out, errOut, code := runCLI(t, "", "eval", "--format", "conversations", "--json", "../../docs/eval/conversations-travel.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s convSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.First.Right < 9 || s.Later.Right < 23 || s.Unanswerable.Right < 1 {
		t.Errorf("travel conversations fell: first %v, later %v, refused %v", s.First, s.Later, s.Unanswerable)
	}
}
