package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/storybot/storybot/adapters/discord"
	"github.com/storybot/storybot/adapters/repl"
	"github.com/storybot/storybot/adapters/slack"
	"github.com/storybot/storybot/bot"
)

func runREPL(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "repl", "[--doc PATH]... [--config FILE] [--no-history]")
	setup := addLocalFlags(fs)
	noHistory := fs.Bool("no-history", false, "do not save questions (by default they are kept in $STORYBOT_HISTORY, else ~/.storybot_history; STORYBOT_HISTORY= keeps none)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("repl: unexpected argument %q (questions are typed at the prompt)", fs.Arg(0))
	}
	ls, err := setup(e)
	if err != nil {
		return err
	}
	m, err := loadMatcher(ls.docs, e.stderr, ls.meta)
	if err != nil {
		return err
	}
	if ls.opt.Memory == nil {
		// The session is one conversation (:new starts another).
		ls.opt.Memory = bot.NewLocalMemory(0, 0, nil)
	}
	b := bot.NewMatcher(m, ls.opt)
	collectOften(ls.docs, m)
	s := repl.New(b, e.stdout, repl.Options{
		Info:        func() string { return describe(b.Store()) },
		Renderers:   renderers(),
		HistoryFile: historyFile(e, *noHistory),
	})
	return s.Run(ctx, e.stdin)
}

// historyFile is where the line editor keeps questions between sessions:
// none with --no-history or an empty STORYBOT_HISTORY, else
// STORYBOT_HISTORY, else ~/.storybot_history. The greeting says which.
func historyFile(e *env, noHistory bool) string {
	if noHistory {
		return ""
	}
	if v, ok := e.lookupEnv("STORYBOT_HISTORY"); ok {
		return v
	}
	if home := e.getenv("HOME"); home != "" {
		if _, err := os.Stat(home); err == nil {
			return filepath.Join(home, ".storybot_history")
		}
	}
	return ""
}

// renderers are the platform previews the REPL offers: exactly what each
// adapter would send, from the same pure render functions.
func renderers() map[string]repl.Renderer {
	return map[string]repl.Renderer{
		"slack": func(r bot.Reply) (string, error) {
			b, err := slack.RenderJSON(r)
			return string(b), err
		},
		"discord": func(r bot.Reply) (string, error) {
			return strings.Join(discord.Render(r), "\n---\n"), nil
		},
	}
}
