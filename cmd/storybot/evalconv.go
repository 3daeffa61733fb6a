package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/storybot/storybot/bot"
)

// convRow is one conversation of `eval --format conversations`: its turns
// in order, each with gold substrings of a right answer (none: the
// document does not answer it, and the bot must refuse), about doc (a file
// beside the conversations file) or else the --doc documents.
type convRow struct {
	Doc   string `json:"doc"`
	Turns []struct {
		Q    string   `json:"q"`
		Gold []string `json:"gold"`
	} `json:"turns"`
}

// convSummary is the result of `eval --format conversations`.
type convSummary struct {
	Format        string     `json:"format"`
	File          string     `json:"file"`
	Conversations int        `json:"conversations"`
	First         convFigure `json:"first_turns"`
	Later         convFigure `json:"later_turns"`
	Unanswerable  convFigure `json:"unanswerable_refused"`
	Misses        []convMiss `json:"misses,omitempty"`
}

type convFigure struct {
	Right int     `json:"right"`
	Of    int     `json:"of"`
	Share float64 `json:"share"`
}

func (f *convFigure) add(ok bool) {
	f.Of++
	if ok {
		f.Right++
	}
	f.Share = float64(f.Right) / float64(f.Of)
}

func (f convFigure) String() string {
	return fmt.Sprintf("%5.1f %% (%d / %d)", 100*f.Share, f.Right, f.Of)
}

type convMiss struct {
	Turn       int    `json:"turn"`
	Question   string `json:"question"`
	Understood string `json:"understood"`
	Got        string `json:"got"`
}

// evalConversations asks each conversation's turns in order, in one
// conversation, and scores first and later turns apart: a turn is right
// when the bot answered and its first candidate holds a gold substring,
// or, for a turn with no gold, when it did not answer.
func evalConversations(ctx context.Context, e *env, file string, docs []string, asJSON, misses bool) error {
	sum, err := scoreConversations(ctx, file, docs, misses, e.stderr)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}
	printConversations(e.stdout, sum)
	return nil
}

// scoreConversations asks and scores the conversations of file (see
// evalConversations), keeping the misses when misses is set.
func scoreConversations(ctx context.Context, file string, docs []string, misses bool, stderr io.Writer) (convSummary, error) {
	rows, err := readConversations(file)
	if err != nil {
		return convSummary{}, err
	}
	sum := convSummary{Format: "conversations", File: file, Conversations: len(rows)}
	bots := map[string]*bot.Bot{}
	for i, row := range rows {
		b, err := conversationBot(bots, row.Doc, file, docs, stderr)
		if err != nil {
			return convSummary{}, err
		}
		cctx := bot.WithConversation(ctx, fmt.Sprintf("eval:%d", i))
		for n, t := range row.Turns {
			r := b.Answer(cctx, t.Q)
			ok := !r.Answered
			if len(t.Gold) > 0 {
				ok = r.Answered && containsAny(firstCandidate(r), t.Gold)
			}
			switch {
			case len(t.Gold) == 0:
				sum.Unanswerable.add(ok)
			case n == 0:
				sum.First.add(ok)
			default:
				sum.Later.add(ok)
			}
			if !ok && misses {
				sum.Misses = append(sum.Misses, convMiss{Turn: n + 1, Question: t.Q, Understood: r.Understood, Got: firstCandidate(r)})
			}
		}
	}
	return sum, nil
}

func readConversations(file string) ([]convRow, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, usagef("eval: open %q: %v", file, err)
	}
	defer f.Close()
	var rows []convRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var row convRow
		if err := json.Unmarshal([]byte(line), &row); err != nil || len(row.Turns) == 0 {
			return nil, usagef("eval: %s:%d is not a conversation ({\"doc\", \"turns\": [{\"q\", \"gold\"}…]})", file, n)
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	return rows, nil
}

// conversationBot is the bot for a conversation about doc (beside file),
// or about docs when doc is empty; one per document, each remembering its
// conversations.
func conversationBot(bots map[string]*bot.Bot, doc, file string, docs []string, stderr io.Writer) (*bot.Bot, error) {
	paths := docs
	if doc != "" {
		paths = []string{filepath.Join(filepath.Dir(file), doc)}
	}
	key := strings.Join(paths, "\x00")
	if b, ok := bots[key]; ok {
		return b, nil
	}
	store, err := loadStore(paths, stderr)
	if err != nil {
		return nil, err
	}
	b := bot.New(store, bot.Options{TopK: 10, Memory: bot.NewLocalMemory(0, 0, nil)})
	bots[key] = b
	return b, nil
}

func containsAny(s string, subs []string) bool {
	for _, g := range subs {
		if strings.Contains(s, g) {
			return true
		}
	}
	return false
}

func firstCandidate(r bot.Reply) string {
	cands := r.Candidates()
	if !r.Answered || len(cands) == 0 {
		return "(not answered)"
	}
	return cands[0].Text
}

func printConversations(w io.Writer, s convSummary) {
	fmt.Fprintf(w, "%s: %d conversations\n", s.File, s.Conversations)
	fmt.Fprintf(w, "  first turns, top-1            %s\n", s.First)
	fmt.Fprintf(w, "  later turns, top-1            %s\n", s.Later)
	fmt.Fprintf(w, "  unanswerable turns refused    %s\n", s.Unanswerable)
	for _, m := range s.Misses {
		fmt.Fprintf(w, "  MISS turn %d %q read as %q -> %q\n", m.Turn, m.Question, m.Understood, m.Got)
	}
}
