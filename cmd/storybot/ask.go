package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/storybot/storybot/adapters/repl"
	"github.com/storybot/storybot/bot"
)

// answerJSON is the wire format of `ask --json`; its fields are a contract.
// Citations serialise through bot.Citation's own JSON tags.
type answerJSON struct {
	Question string `json:"question"`
	// Understood is the question as the bot read it (a follow-up with its
	// references resolved); equal to Question when nothing was resolved.
	Understood string `json:"understood"`
	// Kind is "answer", "not_found", "smalltalk" or "refused"; Answered is
	// true only for "answer".
	Kind       string  `json:"kind"`
	Answered   bool    `json:"answered"`
	Confidence float64 `json:"confidence"`
	Text       string  `json:"text"`
	// Answer is the short answer (a date, a number, a name) inside the
	// first citation, by byte offsets in its document; null when none.
	Answer     *bot.ShortAnswer `json:"answer"`
	Citations  []bot.Citation   `json:"citations"`
	Candidates []bot.Citation   `json:"candidates"`
}

func toJSON(r bot.Reply) answerJSON {
	nonNil := func(cs []bot.Citation) []bot.Citation {
		if cs == nil {
			return []bot.Citation{} // [] rather than null
		}
		return cs
	}
	return answerJSON{
		Question:   r.Question,
		Understood: understood(r),
		Kind:       r.Kind(),
		Answered:   r.Answered,
		Confidence: float64(int64(r.Confidence*1000+0.5)) / 1000,
		Text:       r.Text,
		Answer:     r.Short,
		Citations:  nonNil(r.Citations),
		Candidates: nonNil(r.Candidates()),
	}
}

func understood(r bot.Reply) string {
	if r.Understood == "" {
		return r.Question
	}
	return r.Understood
}

func runAsk(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ask", `[--doc PATH]... [--config FILE] [--json | --render slack|discord] [--top K] [--conversation] ["QUESTION"...]

Each argument is one question, so quote each: ask "Who is X?" "Where is Y?"
With no question arguments, ask reads one question per line from standard input.
With --conversation the questions are one conversation, in order: each may
follow up the one before ("Who signed the treaty?", "what did she say?").`)
	setup := addLocalFlags(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	conv := fs.Bool("conversation", false, "treat the questions as one conversation, in order (follow-ups read against the turn before)")
	render := fs.String("render", "", "print each answer as `PLATFORM` (slack or discord) would receive it")
	top := fs.Int("top", 5, "include the `K` best-ranked sentences as candidates; overrides the config's answer.top_k")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *top < 1 || *top > 100 {
		return usagef("ask: --top must be between 1 and 100")
	}
	rend, ok := renderers()[*render]
	if *render != "" && !ok {
		return usagef("ask: unknown --render %q (want slack or discord)", *render)
	}
	ls, err := setup(e)
	if err != nil {
		return err
	}
	if flagSet(fs, "top") || ls.opt.TopK == 0 {
		ls.opt.TopK = *top
	}
	m, err := loadMatcher(ls.docs, e.stderr, ls.meta)
	if err != nil {
		return err
	}
	if *conv {
		ls.opt.Memory = bot.NewLocalMemory(0, 1, nil)
		ctx = bot.WithConversation(ctx, "cli")
	}
	b := bot.NewMatcher(m, ls.opt)
	collectOften(ls.docs, m)
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	answer := printer(out, *asJSON, rend)
	if fs.NArg() > 0 {
		// Each argument is one question: `ask "q1" "q2"` asks two, which
		// is what quoting them says (an unquoted question is several words,
		// and so several questions: --help says to quote it).
		for _, q := range fs.Args() {
			if err := answer(b.Answer(ctx, q)); err != nil {
				return fmt.Errorf("write answer: %w", err)
			}
		}
		return nil
	}
	return answerLines(ctx, b, bufio.NewReaderSize(e.stdin, 64<<10), out, answer, *asJSON)
}

// answerLines answers each line of in, a question a line, until the input
// ends or ctx is done.
func answerLines(ctx context.Context, b *bot.Bot, in *bufio.Reader, out *bufio.Writer, answer func(bot.Reply) error, asJSON bool) error {
	for ctx.Err() == nil {
		line, n, tooLong, rerr := readLine(in, maxQuestionLine)
		if line != "" || tooLong || rerr == nil {
			var r bot.Reply
			if tooLong {
				// Refused with the whole line's length, not the buffer's.
				r = b.TooLong(line, n)
			} else {
				r = b.Answer(ctx, line)
			}
			if err := answer(r); err != nil {
				return fmt.Errorf("write answer: %w", err)
			}
			if !asJSON && in.Buffered() == 0 {
				// Flushed before the read that may wait for the next
				// question, not after each answer: a piped batch is
				// written in large blocks, a person typing still sees
				// each answer at once.
				out.Flush()
			}
		}
		if rerr != nil {
			break
		}
	}
	return nil
}

// printer writes each answer as ask prints it: JSON, a platform's
// rendering (rend), or the reply's text.
func printer(out io.Writer, asJSON bool, rend repl.Renderer) func(bot.Reply) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	return func(r bot.Reply) error {
		text := r.Text
		switch {
		case asJSON:
			return enc.Encode(toJSON(r))
		case rend != nil:
			var err error
			if text, err = rend(r); err != nil {
				return err
			}
		}
		_, err := fmt.Fprintf(out, "%s\n\n", strings.TrimRight(text, "\n"))
		return err
	}
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
