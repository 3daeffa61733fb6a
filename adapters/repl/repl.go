// Package repl is the terminal adapter: an interactive question-and-answer
// session with line editing on a terminal and plain line mode when piped.
package repl

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/chzyer/readline"

	"github.com/storybot/storybot/bot"
)

// MaxLine is the longest input line read; longer lines are discarded with a
// polite message (the bot itself refuses questions well before this).
const MaxLine = 64 << 10

// Renderer shows a reply as a platform would receive it (":render slack").
type Renderer func(bot.Reply) (string, error)

// Options configure a session.
type Options struct {
	// Info describes the loaded documents for ":doc".
	Info func() string
	// Renderers are the platform previews offered by ":render NAME".
	Renderers map[string]Renderer
	// Prompt is shown before each question on a terminal.
	Prompt string
	// HistoryFile keeps line-editing history between sessions ("" for none).
	HistoryFile string
}

// Session is one conversation.
type Session struct {
	answerer bot.Answerer
	opt      Options
	out      io.Writer
	last     *bot.Reply
	// convo numbers the conversation, so that :new starts another: each
	// question is asked in conversation "repl:<session>:<convo>".
	convo int
	id    string
}

// sessions numbers the sessions of this process, so that two never share
// a conversation.
var sessions atomic.Int64

// New returns a session writing to out.
func New(a bot.Answerer, out io.Writer, opt Options) *Session {
	if opt.Prompt == "" {
		opt.Prompt = "? "
	}
	return &Session{answerer: a, opt: opt, out: out, id: strconv.FormatInt(sessions.Add(1), 10)}
}

// conversation is the key of the session's current conversation.
func (s *Session) conversation() string {
	return "repl:" + s.id + ":" + strconv.Itoa(s.convo)
}

// Run reads questions from in until end of input, ":quit", or ctx is done.
// When in and out are a terminal it offers line editing and history.
func (s *Session) Run(ctx context.Context, in io.Reader) error {
	if f, ok := in.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		if o, ok := s.out.(*os.File); ok && readline.IsTerminal(int(o.Fd())) {
			return s.runTerminal(ctx)
		}
	}
	return s.runLines(ctx, in)
}

func (s *Session) runTerminal(ctx context.Context) error {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:          s.opt.Prompt,
		HistoryFile:     s.opt.HistoryFile,
		InterruptPrompt: "^C",
		EOFPrompt:       "",
	})
	if err != nil {
		return fmt.Errorf("start line editor: %w", err)
	}
	defer rl.Close()
	s.out = rl.Stdout()
	s.greet()
	return s.loop(ctx, rl)
}

// lineReader is the part of the line editor the session loop uses.
type lineReader interface {
	Readline() (string, error)
}

// loop reads edited lines until Ctrl-D, ":quit", or Ctrl-C on an empty
// line. Ctrl-C on a half-typed line only discards that line, as in a
// shell: quitting would throw away the session for a mistyped question.
func (s *Session) loop(ctx context.Context, rl lineReader) error {
	for ctx.Err() == nil {
		line, err := rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			if strings.TrimSpace(line) != "" {
				continue
			}
			return nil
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read question: %w", err)
		}
		if !s.handle(ctx, line) {
			return nil
		}
	}
	return nil
}

func (s *Session) runLines(ctx context.Context, in io.Reader) error {
	r := bufio.NewReaderSize(in, 4096)
	for ctx.Err() == nil {
		line, tooLong, err := readLine(r, MaxLine)
		if tooLong {
			fmt.Fprintf(s.out, "That line is too long (over %d bytes); please ask a shorter question.\n", MaxLine)
		} else if line != "" || err == nil {
			if !s.handle(ctx, line) {
				return nil
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read question: %w", err)
		}
	}
	return nil
}

// readLine reads one line without holding more than max bytes of it.
func readLine(r *bufio.Reader, max int) (string, bool, error) {
	var b []byte
	tooLong := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(b)+len(chunk) > max {
				tooLong = true
				b = nil
			} else {
				b = append(b, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return strings.TrimRight(string(b), "\r\n"), tooLong, err
	}
}

func (s *Session) greet() { fmt.Fprint(s.out, s.Greeting()) }

// Greeting is what a terminal session prints first. It says where
// questions are saved, because keeping them is not something a user
// would assume.
func (s *Session) Greeting() string {
	g := "Ask a question about the document (:help for commands, Ctrl-D to quit).\n"
	if s.opt.HistoryFile != "" {
		g += "Your questions are saved in " + s.opt.HistoryFile + " (repl --no-history, or STORYBOT_HISTORY= , keeps none).\n"
	}
	return g
}

// handle answers one line; it returns false when the session should end.
func (s *Session) handle(ctx context.Context, line string) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return true
	}
	if strings.HasPrefix(line, ":") {
		return s.command(line)
	}
	r := s.answerer.Answer(bot.WithConversation(ctx, s.conversation()), line)
	s.last = &r
	fmt.Fprintln(s.out, r.Text)
	fmt.Fprintln(s.out)
	return true
}

func (s *Session) command(line string) bool {
	fields := strings.Fields(line)
	switch fields[0] {
	case ":quit", ":q", ":exit":
		return false
	case ":help", ":h", ":?":
		fmt.Fprintln(s.out, s.help())
	case ":doc", ":docs":
		if s.opt.Info != nil {
			fmt.Fprintln(s.out, s.opt.Info())
		}
	case ":why":
		if s.last == nil {
			fmt.Fprintln(s.out, "Ask a question first; :why then explains how its answer was chosen.")
			break
		}
		why := s.last.Explanation()
		if why == "" {
			fmt.Fprintln(s.out, "The last question was not searched: "+firstLine(s.last.Text))
			break
		}
		fmt.Fprint(s.out, why)
	case ":render":
		s.render(fields[1:])
	case ":new":
		s.convo++
		s.last = nil
		fmt.Fprintln(s.out, "New conversation: the next question is read on its own.")
	default:
		fmt.Fprintf(s.out, "Unknown command %s. %s\n", trim(fields[0], 40), "Type :help for the list.")
	}
	return true
}

func (s *Session) renderNames() []string {
	names := make([]string, 0, len(s.opt.Renderers))
	for n := range s.opt.Renderers {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func (s *Session) render(args []string) {
	names := s.renderNames()
	if len(args) != 1 || s.opt.Renderers[args[0]] == nil {
		fmt.Fprintf(s.out, "Usage: :render %s (shows the last answer as that platform gets it)\n", strings.Join(names, "|"))
		return
	}
	if s.last == nil {
		fmt.Fprintln(s.out, "Ask a question first; :render then shows its answer as the platform would.")
		return
	}
	text, err := s.opt.Renderers[args[0]](*s.last)
	if err != nil {
		fmt.Fprintf(s.out, "Could not render for %s: %v\n", args[0], err)
		return
	}
	fmt.Fprintln(s.out, text)
}

func (s *Session) help() string {
	h := `Type a question and press Enter. Commands:
  :help           this help
  :doc            the loaded documents, with sentence and paragraph counts
  :why            how the last answer was chosen: how a follow-up was read, terms, corrections, top scores
  :new            start a new conversation: the next question does not follow up the last`
	if len(s.opt.Renderers) > 0 {
		h += "\n  :render NAME    the last answer as a platform would show it; NAME is " + strings.Join(s.renderNames(), " or ")
	}
	return h + "\n  :quit           leave (or Ctrl-D, or Ctrl-C on an empty line; Ctrl-C on a typed line clears it)"
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func trim(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
