package repl_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/storybot/storybot/adapters/repl"
	"github.com/storybot/storybot/bot"
)

// echo answers every question by repeating it, and counts the calls.
type echo struct{ calls int }

func (e *echo) Answer(_ context.Context, q string) bot.Reply {
	e.calls++
	return bot.Reply{Question: q, Outcome: bot.OutcomeAnswered, Answered: true, Text: "you asked: " + q}
}

func run(t *testing.T, input string, opt repl.Options) (string, *echo) {
	t.Helper()
	var out bytes.Buffer
	a := &echo{}
	if err := repl.New(a, &out, opt).Run(context.Background(), strings.NewReader(input)); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String(), a
}

func TestCommandsAndQuestions(t *testing.T) {
	t.Parallel()
	renderers := map[string]repl.Renderer{
		"upper":  func(r bot.Reply) (string, error) { return strings.ToUpper(r.Text), nil },
		"broken": func(bot.Reply) (string, error) { return "", errors.New("no such platform today") },
	}
	out, a := run(t, ":render upper\nhello there\n:render upper\n:render broken\n:render\n:doc\n:help\n\n   \n:quit\nnever asked\n",
		repl.Options{Renderers: renderers, Info: func() string { return "doc.txt: 3 sentences" }})
	for _, want := range []string{
		"Ask a question first; :render",
		"you asked: hello there",
		"YOU ASKED: HELLO THERE",
		"Could not render for broken: no such platform today",
		"Usage: :render broken|upper",
		"doc.txt: 3 sentences",
		":render NAME",
		"NAME is broken or upper", // :help names the platforms
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if a.calls != 1 {
		t.Errorf("answered %d questions, want 1 (blank lines and commands are not questions, nothing after :quit)", a.calls)
	}
}

func TestLongLinesAreRefusedNotHeld(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", repl.MaxLine+10)
	out, a := run(t, long+"\nshort one\n", repl.Options{})
	if !strings.Contains(out, "too long") || !strings.Contains(out, "you asked: short one") || a.calls != 1 {
		t.Errorf("calls %d, output:\n%.300s", a.calls, out)
	}
}

func TestEndOfInputWithoutNewline(t *testing.T) {
	t.Parallel()
	out, a := run(t, "last question", repl.Options{})
	if a.calls != 1 || !strings.Contains(out, "you asked: last question") {
		t.Errorf("calls %d, output %q", a.calls, out)
	}
}

func TestCancelledContextStops(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := &echo{}
	if err := repl.New(a, &bytes.Buffer{}, repl.Options{}).Run(ctx, strings.NewReader("q1\nq2\n")); err != nil || a.calls != 0 {
		t.Errorf("err %v, calls %d, want nil and 0", err, a.calls)
	}
}
