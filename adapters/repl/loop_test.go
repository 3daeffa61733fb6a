package repl

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/chzyer/readline"

	"github.com/storybot/storybot/bot"
)

type scripted struct {
	lines []string
	errs  []error
}

func (s *scripted) Readline() (string, error) {
	if len(s.lines) == 0 {
		return "", io.EOF
	}
	l, err := s.lines[0], s.errs[0]
	s.lines, s.errs = s.lines[1:], s.errs[1:]
	return l, err
}

type echoer struct{ asked []string }

func (e *echoer) Answer(_ context.Context, q string) bot.Reply {
	e.asked = append(e.asked, q)
	return bot.Reply{Question: q, Text: "you asked: " + q}
}

func TestCtrlCClearsATypedLineAndQuitsOnAnEmptyOne(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		lines []string
		errs  []error
		asked string
	}{
		{"Ctrl-C on a half-typed line clears it",
			[]string{"who is the secr", "who is mcfaul", "", "never"},
			[]error{readline.ErrInterrupt, nil, readline.ErrInterrupt, nil}, "who is mcfaul"},
		{"Ctrl-C on an empty line quits", []string{"", "never"}, []error{readline.ErrInterrupt, nil}, ""},
		{"Ctrl-D quits", []string{"first", "", "never"}, []error{nil, io.EOF, nil}, "first"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		e := &echoer{}
		s := New(e, &out, Options{})
		if err := s.loop(context.Background(), &scripted{tt.lines, tt.errs}); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := strings.Join(e.asked, "|"); got != tt.asked {
			t.Errorf("%s: asked %q, want %q", tt.name, got, tt.asked)
		}
	}
}

func TestGreetingSaysWhereQuestionsAreSaved(t *testing.T) {
	t.Parallel()
	with := New(&echoer{}, io.Discard, Options{HistoryFile: "/home/u/.storybot_history"}).Greeting()
	if !strings.Contains(with, "saved in /home/u/.storybot_history") || !strings.Contains(with, "--no-history") {
		t.Errorf("greeting with history: %q", with)
	}
	if without := New(&echoer{}, io.Discard, Options{}).Greeting(); strings.Contains(without, "saved") {
		t.Errorf("greeting without history mentions saving: %q", without)
	}
}
