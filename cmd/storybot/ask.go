package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/storybot/storybot/bot"
)

// answerJSON is the wire format of `ask --json`; its fields are a contract.
// Citations serialise through bot.Citation's own JSON tags.
type answerJSON struct {
	Question string `json:"question"`
	// Kind is "answer", "not_found", "smalltalk" or "refused"; Answered is
	// true only for "answer".
	Kind       string         `json:"kind"`
	Answered   bool           `json:"answered"`
	Confidence float64        `json:"confidence"`
	Text       string         `json:"text"`
	Citations  []bot.Citation `json:"citations"`
	Candidates []bot.Citation `json:"candidates"`
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
		Kind:       r.Kind(),
		Answered:   r.Answered,
		Confidence: float64(int64(r.Confidence*1000+0.5)) / 1000,
		Text:       r.Text,
		Citations:  nonNil(r.Citations),
		Candidates: nonNil(r.Candidates),
	}
}

func runAsk(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ask", "[--doc PATH]... [--json] [--top K] [QUESTION...]")
	var docs multiFlag
	fs.Var(&docs, "doc", "document `path` (file or directory of .txt/.md); repeatable; default: the built-in story")
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	top := fs.Int("top", 5, "include the `K` best-ranked sentences as candidates")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *top < 1 || *top > 100 {
		return usagef("ask: --top must be between 1 and 100")
	}
	store, err := loadStore(docs, e.stderr)
	if err != nil {
		return err
	}
	b := newBot(store, *top)
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	answer := func(q string) error {
		r := b.Answer(ctx, q)
		if *asJSON {
			return enc.Encode(toJSON(r))
		}
		_, err := fmt.Fprintf(out, "%s\n\n", r.Text)
		return err
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	in := bufio.NewReaderSize(e.stdin, 64<<10)
	for ctx.Err() == nil {
		line, tooLong, rerr := readLine(in, maxQuestionLine)
		if tooLong {
			line = strings.Repeat("x", maxQuestionLine) // answered as "too long"
		}
		if line != "" || rerr == nil {
			if err := answer(line); err != nil {
				return fmt.Errorf("write answer: %w", err)
			}
			if !*asJSON {
				out.Flush()
			}
		}
		if rerr != nil {
			break
		}
	}
	return nil
}
