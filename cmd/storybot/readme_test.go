package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateREADME = flag.Bool("update", false, "rewrite the outputs of the README's console examples")

const readmePath = "../../README.md"

// TestREADMEExamples runs every "$ ./storybot ..." command in the README's
// console blocks in-process and compares its output with the README's, so
// a documented example cannot go stale unnoticed. Output that is JSON is
// compared as JSON, so the README may indent it. When answers change on
// purpose, go test ./cmd/storybot -run TestREADMEExamples -update rewrites
// the outputs in README.md; review the diff before committing it.
func TestREADMEExamples(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := filepath.Abs(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	// The examples run from the repository's root, as a reader runs
	// them there (docs/example/storybot.yaml names its files from it).
	t.Chdir("../..")
	blocks := consoleBlocks(string(data))
	if len(blocks) == 0 {
		t.Fatal("README.md has no console examples")
	}
	commands := 0
	out := string(data)
	for _, b := range blocks {
		var fresh []string
		exs := parseExamples(b.body)
		for i, ex := range exs {
			last := i == len(exs)-1
			if !strings.HasPrefix(ex.command, "./storybot ") {
				fresh = append(fresh, ex.render(ex.output, last)) // shown, not run (go build)
				continue
			}
			commands++
			got := runExample(t, ex.command)
			if !sameOutput(got, ex.output) {
				if !*updateREADME {
					t.Errorf("README.md line %d: $ %s\noutput differs from the README's:\n--- README\n%s\n--- got\n%s\n(if the new output is right: go test ./cmd/storybot -run TestREADMEExamples -update, then review git diff README.md)",
						b.line+ex.line, ex.command, ex.output, got)
				}
				ex.output = formatOutput(got)
			}
			fresh = append(fresh, ex.render(ex.output, last))
		}
		out = strings.Replace(out, b.body, strings.Join(fresh, ""), 1)
	}
	if commands < 4 {
		t.Errorf("found %d storybot commands in README.md's console blocks; the parser may be broken", commands)
	}
	if *updateREADME && out != string(data) {
		if err := os.WriteFile(readme, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("README.md rewritten")
	}
}

type consoleBlock struct {
	body string // between the fences, newline-terminated
	line int    // line number of the opening fence
}

func consoleBlocks(readme string) []consoleBlock {
	var blocks []consoleBlock
	lines := strings.SplitAfter(readme, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```console" {
			continue
		}
		var body strings.Builder
		j := i + 1
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != "```"; j++ {
			body.WriteString(lines[j])
		}
		blocks = append(blocks, consoleBlock{body: body.String(), line: i + 1})
		i = j
	}
	return blocks
}

type example struct {
	command string
	output  string // without trailing blank lines
	line    int    // within the block, 1-based
}

// render writes an example back: the command, its output, and a blank
// line before the next command if there was output.
func (e example) render(output string, last bool) string {
	s := "$ " + e.command + "\n"
	if output != "" {
		s += output + "\n"
		if !last {
			s += "\n"
		}
	}
	return s
}

func parseExamples(body string) []example {
	var exs []example
	for i, l := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		if cmd, ok := strings.CutPrefix(l, "$ "); ok {
			exs = append(exs, example{command: cmd, line: i + 1})
			continue
		}
		if len(exs) > 0 {
			exs[len(exs)-1].output += l + "\n"
		}
	}
	for i := range exs {
		exs[i].output = strings.TrimRight(exs[i].output, "\n")
	}
	return exs
}

// runExample runs a README command line through run, as the binary would.
func runExample(t *testing.T, command string) string {
	t.Helper()
	args, err := splitArgs(strings.TrimPrefix(command, "./storybot "))
	if err != nil {
		t.Fatalf("%s: %v", command, err)
	}
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), args, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
	if code := exitCode(err, &stderr); code != 0 {
		t.Errorf("$ %s: exit %d: %s", command, code, stderr.String())
	}
	return strings.TrimRight(stdout.String(), "\n")
}

// splitArgs splits a command line as a POSIX shell would for the simple
// quoting README examples use: single and double quotes, no expansions.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inArg := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inArg = r, true
		case r == ' ' || r == '\t':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteRune(r)
			inArg = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed %c quote", quote)
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}

// sameOutput compares outputs, as JSON values when both are JSON lines.
func sameOutput(got, want string) bool {
	if got == want {
		return true
	}
	g, w := compactJSONLines(got), compactJSONLines(want)
	return g != "" && g == w
}

// compactJSONLines returns s's JSON values compacted, one per line, or ""
// if s is not a sequence of JSON values.
func compactJSONLines(s string) string {
	dec := json.NewDecoder(strings.NewReader(s))
	var out []string
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return ""
		}
		var b bytes.Buffer
		if err := json.Compact(&b, raw); err != nil {
			return ""
		}
		out = append(out, b.String())
	}
	return strings.Join(out, "\n")
}

// formatOutput is how -update writes an output: JSON indented, so the
// README stays readable; text as it is.
func formatOutput(s string) string {
	if compactJSONLines(s) == "" {
		return s
	}
	var out []string
	for _, line := range strings.Split(compactJSONLines(s), "\n") {
		var b bytes.Buffer
		if err := json.Indent(&b, []byte(line), "", "  "); err != nil {
			return s
		}
		out = append(out, b.String())
	}
	return strings.Join(out, "\n")
}

func TestSplitArgs(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		`ask "Who is it?"`:           `ask|Who is it?`,
		`ask --json 'it''s' "a b" c`: `ask|--json|its|a b|c`,
		`  eval   x.jsonl `:          `eval|x.jsonl`,
	} {
		got, err := splitArgs(in)
		if err != nil || strings.Join(got, "|") != want {
			t.Errorf("splitArgs(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := splitArgs(`ask "open`); err == nil {
		t.Error("an unclosed quote was accepted")
	}
}
