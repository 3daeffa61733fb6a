// Command storybot answers questions about a document, in a terminal, in
// Slack or in Discord, quoting and citing the sentences it relies on.
//
// Usage:
//
//	storybot repl [--doc PATH]... [--config FILE] [--no-history]
//	storybot ask [--doc PATH]... [--config FILE] [--json] [--top K] [--conversation] ["QUESTION"...]
//	storybot eval [--format jsonl|squad|babi|offtopic|conversations] [--doc PATH] [--typos N] [--limit N] [--misses] FILE
//	storybot bench [--doc PATH]... [--n N]
//	storybot serve [--config FILE]
//	storybot config check --config FILE
//	storybot healthcheck [--url URL]
//	storybot loadtest [--n N] [--concurrency C] [--max-time D]
//	storybot version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := runIn(ctx, os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, lookupEnv: os.LookupEnv})
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError is a mistake in how storybot was called: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitCode prints err as one line and returns the process status.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "storybot: "+oneLine(err.Error()))
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch: no globals, so run is testable end to end.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// lookupEnv tells an empty variable from an unset one, where that
	// matters (STORYBOT_HISTORY= turns history off).
	lookupEnv func(string) (string, bool)
}

func commands() []command {
	return []command{
		{"repl", "ask questions interactively", runREPL},
		{"ask", "answer questions given as arguments or one per line on stdin", runAsk},
		{"eval", "score answers against a question set (jsonl, SQuAD, bAbI)", runEval},
		{"bench", "measure build time, answer latency, throughput and memory", runBench},
		{"serve", "serve Slack and Discord with /healthz, /readyz and /metrics", runServe},
		{"config", "check a config file without connecting: config check --config FILE", runConfig},
		{"healthcheck", "exit 0 if a running server's /healthz answers (for containers)", runHealthcheck},
		{"loadtest", "measure signed Slack slash commands per second over loopback", runLoadtest},
		{"version", "print the version", runVersion},
	}
}

// run is the whole program.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	lookup := func(k string) (string, bool) { v := getenv(k); return v, v != "" }
	return runIn(ctx, args, &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, lookupEnv: lookup})
}

// runIn is run with an environment that can tell empty from unset.
func runIn(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 {
		return runREPL(ctx, e, nil)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(e.stdout, usage())
		return nil
	case "-version", "--version":
		return runVersion(ctx, e, nil)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	return usagef("unknown command %q (run 'storybot --help' for the list)", args[0])
}

func usage() string {
	var b strings.Builder
	b.WriteString("storybot answers questions about a document, citing the sentences it relies on.\n\nUsage: storybot COMMAND [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-12s %s\n", c.name, c.summary)
	}
	b.WriteString("\nWith no command, storybot starts the REPL on the built-in story.\nRun 'storybot COMMAND --help' for a command's flags.\n")
	return b.String()
}

// newFlags returns a flag set that reports errors as usage errors and
// prints help (only when asked for) to stdout.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: storybot %s %s\n", name, synopsis)
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n == 0 {
			return // no empty "Flags:" heading for commands without flags
		}
		fmt.Fprint(e.stdout, "\nFlags:\n")
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors. The flag
// package calls Usage on every error; a mistyped flag deserves one line
// (exitCode prints it), not the whole usage block, so Usage is silenced
// while parsing and called here only for -h/--help.
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return err
		}
		return usagef("%s: %v", fs.Name(), err)
	}
	return nil
}

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runVersion(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintf(e.stdout, "storybot %s\n", versionString(version, info))
	return nil
}

// versionString is the stamped version, or, from a source build (version
// "dev"), what the Go toolchain recorded: the module version and the VCS
// revision, so a bug report from a clone still says which code it ran.
func versionString(stamped string, info *debug.BuildInfo) string {
	if stamped != "dev" || info == nil {
		return stamped
	}
	v := stamped
	if m := info.Main.Version; m != "" && m != "(devel)" {
		v = m
	}
	var rev, modified, at string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		case "vcs.time":
			at = s.Value
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v += " (revision " + rev
	if modified == "true" {
		v += ", modified"
	}
	if at != "" {
		v += ", " + at
	}
	return v + ")"
}
