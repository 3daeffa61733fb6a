package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/story"
)

// runCLI runs the program in-process and returns its output and status.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestAskJSON(t *testing.T) {
	t.Parallel()
	out, errs, code := runCLI(t, "", "ask", "--json", "Who is the Secretary of State?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	want := []string{"answer", "answered", "candidates", "citations", "confidence", "kind", "question", "text", "understood"}
	if strings.Join(sorted(keys), ",") != strings.Join(want, ",") {
		t.Errorf("fields %v, want exactly %v", sorted(keys), want)
	}
	var a answerJSON
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Citations) != 1 || a.Citations[0].Sentence != 11 || a.Citations[0].Paragraph != 10 {
		t.Fatalf("answer = %+v", a)
	}
	c := a.Citations[0]
	if string(story.Text[c.Start:c.End]) != c.Text {
		t.Errorf("offsets %d:%d do not slice the story to the cited text", c.Start, c.End)
	}
	if len(a.Candidates) < 2 || len(a.Candidates) > 5 || a.Candidates[0].Sentence != 11 {
		t.Errorf("candidates = %+v, want up to 5 ranked sentences, sentence 11 first", a.Candidates)
	}
	var cand map[string]json.RawMessage
	if err := json.Unmarshal(raw["citations"][1:len(raw["citations"])-1], &cand); err != nil {
		t.Fatal(err)
	}
	keys = keys[:0]
	for k := range cand {
		keys = append(keys, k)
	}
	if got := strings.Join(sorted(keys), ","); got != "doc,end,paragraph,score,sentence,start,text,url" {
		t.Errorf("citation fields = %s", got)
	}
	// The short answer lies inside the cited sentence, by document offsets.
	if s := a.Answer; s == nil || s.Text != "Mike Pompeo" || string(story.Text[s.Start:s.End]) != s.Text ||
		s.Start < c.Start || s.End > c.End || s.Doc != c.Doc {
		t.Errorf("answer = %+v, want Mike Pompeo inside the citation", s)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestAskReadsOneQuestionPerLine(t *testing.T) {
	t.Parallel()
	in := "Who is the Secretary of State?\n\nWhat is the capital of France?\n" + strings.Repeat("x", 70000) + "\nmcfaul"
	out, errs, code := runCLI(t, in, "ask", "--json", "--top", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d answers, want 5 (one per input line):\n%s", len(lines), out)
	}
	wants := []struct {
		answered bool
		say      string
	}{
		{true, "Pompeo"}, {false, "Please ask a question"}, {false, "can't find"}, {false, "too long"}, {true, "McFaul"},
	}
	for i, w := range wants {
		var a answerJSON
		if err := json.Unmarshal([]byte(lines[i]), &a); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if a.Answered != w.answered || !strings.Contains(a.Text, w.say) {
			t.Errorf("answer %d = %v %q, want %v saying %q", i+1, a.Answered, a.Text, w.answered, w.say)
		}
		if len(a.Candidates) > 2 {
			t.Errorf("answer %d has %d candidates, want at most 2", i+1, len(a.Candidates))
		}
		if a.Citations == nil || a.Candidates == nil {
			t.Errorf("answer %d: citations and candidates must be [] not null", i+1)
		}
	}
}

func TestAskPlainText(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, "", "ask", "Who is the Secretary of State?")
	if code != 0 || !strings.Contains(out, "Mike Pompeo") || !strings.Contains(out, "[1] sentence 11, paragraph 10") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestAskEachArgumentIsOneQuestion(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, "", "ask", "--json", "Who is the Secretary of State?", "mcfaul")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("exit %d, %d answers, want 2:\n%s", code, len(lines), out)
	}
	for i, want := range []string{"Who is the Secretary of State?", "mcfaul"} {
		var a answerJSON
		if err := json.Unmarshal([]byte(lines[i]), &a); err != nil || a.Question != want || !a.Answered {
			t.Errorf("answer %d = %+v (%v), want %q answered", i+1, a, err, want)
		}
	}
	help, _, _ := runCLI(t, "", "ask", "--help")
	if !strings.Contains(help, "Each argument is one question") {
		t.Errorf("ask --help does not say each argument is one question:\n%s", help)
	}
}

func TestAskMeasuresALongLineWhole(t *testing.T) {
	t.Parallel()
	for _, n := range []int{maxQuestionLine + 1, 100_000, 300_000} {
		q := strings.Repeat("é", n/2) + strings.Repeat("x", n-n/2) // multi-byte characters straddle reads
		out, errs, code := runCLI(t, q+"\nmcfaul\n", "ask", "--json")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || len(lines) != 2 {
			t.Fatalf("n=%d: exit %d (%s), %d answers, want 2", n, code, errs, len(lines))
		}
		var a answerJSON
		if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
			t.Fatal(err)
		}
		if a.Answered || !strings.Contains(a.Text, fmt.Sprintf("too long (%d characters)", n)) {
			t.Errorf("n=%d: reply %q, want a refusal giving the real length", n, a.Text)
		}
		if got := utf8.RuneCountInString(a.Question); got > 1001 {
			t.Errorf("n=%d: question field holds %d characters; want the start only", n, got)
		}
		if !strings.Contains(lines[1], "McFaul") {
			t.Errorf("n=%d: the next line was not answered: %s", n, lines[1])
		}
	}
}

func TestErrorsExitTwoWithOneLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	unreadable := write("secret.txt", []byte("Hidden."))
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		say  string
	}{
		{"unknown command", []string{"fly"}, "unknown command"},
		{"bad flag", []string{"ask", "--nope"}, "flag provided but not defined"},
		{"bad top", []string{"ask", "--top", "0", "q"}, "--top"},
		{"missing document", []string{"ask", "--doc", filepath.Join(dir, "none.txt"), "q"}, "none.txt"},
		{"empty document", []string{"ask", "--doc", empty, "q"}, "empty"},
		{"binary document", []string{"ask", "--doc", binary, "q"}, "not a text document"},
		{"repl argument", []string{"repl", "extra"}, "unexpected argument"},
		{"eval without file", []string{"eval"}, "exactly one"},
	}
	if os.Geteuid() != 0 { // root reads everything
		tests = append(tests, struct {
			name string
			args []string
			say  string
		}{"unreadable document", []string{"ask", "--doc", unreadable, "q"}, "permission denied"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, errs, code := runCLI(t, "", tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, errs)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, tt.say) {
				t.Errorf("stderr %q, want one line saying %q", errs, tt.say)
			}
		})
	}
}

func TestInvalidUTF8DocumentWarns(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "latin1.txt")
	if err := os.WriteFile(p, []byte("The caf\xe9 opened in 1990. It serves tea.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "ask", "--doc", p, "When did the cafe open?")
	if code != 0 || !strings.Contains(errs, "not valid UTF-8") || !strings.Contains(out, "1990") {
		t.Errorf("exit %d, stderr %q, out %q", code, errs, out)
	}
}

func TestSeveralDocumentsAreCitedByName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bridges.md"), []byte("# Bridges\n\nThe Golden Gate Bridge opened in 1937.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "rivers.txt"), []byte("The Nile is the longest river.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, "", "ask", "--doc", dir, "Which river is the longest?")
	if code != 0 || !strings.Contains(out, "rivers.txt, sentence 1, paragraph 1") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestREPLSession(t *testing.T) {
	t.Parallel()
	script := strings.Join([]string{
		":help",
		":why",
		"Who is the Secretary of State?",
		":why",
		":doc",
		"jon bolten",
		":why",
		":nonsense",
		strings.Repeat("long ", 20000),
		":quit",
		"this is never read",
	}, "\n")
	out, errs, code := runCLI(t, script, "repl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		":why", // from :help
		"Ask a question first",
		"Mike Pompeo",
		"question type: person",
		"story.txt: 14 sentences in 13 paragraphs",
		"corrected: bolten → bolton",
		"Unknown command :nonsense",
		"too long",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("REPL output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "never read") {
		t.Error(":quit did not end the session")
	}
}

func TestREPLEndsAtEOF(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, "mcfaul", "repl")
	if code != 0 || !strings.Contains(out, "McFaul") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	t.Parallel()
	if out, _, code := runCLI(t, "", "version"); code != 0 || !strings.HasPrefix(out, "storybot ") {
		t.Errorf("version: %d %q", code, out)
	}
	if out, _, code := runCLI(t, "", "--help"); code != 0 || !strings.Contains(out, "ask") || !strings.Contains(out, "repl") {
		t.Errorf("--help: %d %q", code, out)
	}
	for _, c := range commands() {
		out, _, code := runCLI(t, "", c.name, "--help")
		if code != 0 || strings.Count(out, "Usage: storybot "+c.name) != 1 {
			t.Errorf("%s --help: exit %d, want the usage once, output %q", c.name, code, out)
		}
	}
}

func TestBadFlagIsOneLineNotTheUsage(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		out, errs, code := runCLI(t, "", c.name, "--no-such-flag")
		if c.name == "config" {
			out, errs, code = runCLI(t, "", "config", "check", "--no-such-flag")
		}
		if code != 2 || out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, "no-such-flag") {
			t.Errorf("%s --no-such-flag: exit %d, stdout %q, stderr %q; want exit 2, no stdout, one line", c.name, code, out, errs)
		}
	}
}

func TestHelpHasNoEmptyFlagsHeading(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"config", "--help"}, {"version", "--help"}, {"ask", "--help"}} {
		out, _, code := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		if strings.HasSuffix(strings.TrimSpace(out), "Flags:") {
			t.Errorf("%v ends with an empty Flags: heading:\n%s", args, out)
		}
		if args[0] == "ask" && !strings.Contains(out, "Flags:\n  -config") {
			t.Errorf("ask --help lacks its flags:\n%s", out)
		}
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	t.Parallel()
	vcs := []debug.BuildSetting{
		{Key: "vcs.revision", Value: "d455628a1b2c3d4e5f60718293a4b5c6d7e8f901"},
		{Key: "vcs.time", Value: "2026-12-01T04:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}
	tests := []struct {
		name, stamped string
		info          *debug.BuildInfo
		want          string
	}{
		{"stamped wins", "v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.1"}, Settings: vcs}, "v1.2.3"},
		{"no build info", "dev", nil, "dev"},
		{"source build", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs},
			"dev (revision d455628a1b2c, modified, 2026-12-01T04:00:00Z)"},
		{"go install", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.3.0"}}, "v0.3.0"},
		{"module and revision", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.3.1-0.20261201040000-d455628a1b2c"}, Settings: vcs[:1]},
			"v0.3.1-0.20261201040000-d455628a1b2c (revision d455628a1b2c)"},
	}
	for _, tt := range tests {
		if got := versionString(tt.stamped, tt.info); got != tt.want {
			t.Errorf("%s: versionString = %q, want %q", tt.name, got, tt.want)
		}
	}
}
