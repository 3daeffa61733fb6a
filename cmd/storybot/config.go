package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/storybot/storybot/bot"
)

// Config is storybot.yaml. Every key is documented in config.example.yaml.
type Config struct {
	Documents      DocumentList       `yaml:"documents"`
	DocumentsWatch bool               `yaml:"documents_watch"`
	Answer         AnswerConfig       `yaml:"answer"`
	HTTP           HTTPConfig         `yaml:"http"`
	Slack          SlackConfig        `yaml:"slack"`
	Discord        DiscordConfig      `yaml:"discord"`
	Log            LogConfig          `yaml:"log"`
	Limits         LimitsConfig       `yaml:"limits"`
	Conversation   ConversationConfig `yaml:"conversation"`
	Redis          RedisConfig        `yaml:"redis"`
	// DocumentMeta holds the titles and URLs that documents entries
	// written as objects give, by path.
	DocumentMeta map[string]DocumentMeta `yaml:"-"`
	// Warnings are what parsing noticed but did not refuse: ${VAR}s that
	// were not set.
	Warnings []string `yaml:"-"`
}

// ConversationConfig bounds the memory that lets a question follow up the
// one before (a Slack thread, a Discord reply, a DM, the REPL).
type ConversationConfig struct {
	TTL Duration `yaml:"ttl"` // a conversation idle this long is forgotten
	Max int      `yaml:"max"` // conversations remembered; the least recently used go first
}

// memory is the conversation memory the config asks for.
func (c ConversationConfig) memory() *bot.LocalMemory {
	return bot.NewLocalMemory(c.TTL.D(), c.Max, nil)
}

type AnswerConfig struct {
	MinConfidence float64 `yaml:"min_confidence"`
	TopK          int     `yaml:"top_k"`
	MaxQuestion   int     `yaml:"max_question"`
}

type HTTPConfig struct {
	Listen            string   `yaml:"listen"`
	ReadHeaderTimeout Duration `yaml:"read_header_timeout"`
	ReadTimeout       Duration `yaml:"read_timeout"`
	WriteTimeout      Duration `yaml:"write_timeout"`
	IdleTimeout       Duration `yaml:"idle_timeout"`
	ShutdownTimeout   Duration `yaml:"shutdown_timeout"`
	DrainDelay        Duration `yaml:"drain_delay"`
}

type SlackConfig struct {
	SigningSecret string   `yaml:"signing_secret"`
	BotToken      string   `yaml:"bot_token"`
	AppToken      string   `yaml:"app_token"`
	SocketMode    bool     `yaml:"socket_mode"`
	ResponseType  string   `yaml:"response_type"`
	APIURL        string   `yaml:"api_url"`
	HooksHosts    []string `yaml:"hooks_hosts"`
	SlowAfter     Duration `yaml:"slow_after"`
}

type DiscordConfig struct {
	Token  string `yaml:"token"`
	APIURL string `yaml:"api_url"`
	// Sharding, for very large installs: see README, "Running more than
	// one replica".
	ShardID    int    `yaml:"shard_id"`
	ShardCount int    `yaml:"shard_count"`
	Shards     string `yaml:"shards"` // "auto": Discord recommends the count
}

type LogConfig struct {
	Format    string `yaml:"format"`
	Level     string `yaml:"level"`
	Questions bool   `yaml:"questions"`
}

type LimitsConfig struct {
	UserPerMinute    float64 `yaml:"user_per_minute"`
	UserBurst        int     `yaml:"user_burst"`
	ChannelPerMinute float64 `yaml:"channel_per_minute"`
	ChannelBurst     int     `yaml:"channel_burst"`
	MaxConcurrent    int     `yaml:"max_concurrent"`
}

// Duration is a time.Duration written as "5s", "1m30s".
type Duration time.Duration

func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		// A TypeError, unlike other errors, lets yaml decode the rest of
		// the file, so every bad value is found in one run.
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("want a duration such as 5s or 1m, got %q", n.Value)}}
	}
	*d = Duration(v)
	return nil
}

// D returns the duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// DefaultConfig is what an empty config file means.
func DefaultConfig() Config {
	return Config{
		Answer: AnswerConfig{MinConfidence: bot.DefaultMinConfidence, TopK: 5, MaxQuestion: 1000},
		Conversation: ConversationConfig{
			TTL: Duration(bot.DefaultConversationTTL),
			Max: bot.DefaultConversations,
		},
		HTTP: HTTPConfig{
			Listen:            "127.0.0.1:8080",
			ReadHeaderTimeout: Duration(5 * time.Second),
			ReadTimeout:       Duration(10 * time.Second),
			WriteTimeout:      Duration(10 * time.Second),
			IdleTimeout:       Duration(60 * time.Second),
			ShutdownTimeout:   Duration(10 * time.Second),
			DrainDelay:        Duration(time.Second),
		},
		Slack: SlackConfig{
			ResponseType: "in_channel",
			APIURL:       "https://slack.com/api/",
			HooksHosts:   []string{"hooks.slack.com"},
			SlowAfter:    Duration(2 * time.Second),
		},
		Discord: DiscordConfig{APIURL: "https://discord.com/"},
		Log:     LogConfig{Format: "text", Level: "info"},
		Limits: LimitsConfig{
			UserPerMinute: 30, UserBurst: 10,
			ChannelPerMinute: 120, ChannelBurst: 30,
			MaxConcurrent: 64,
		},
		Redis: RedisConfig{Prefix: "storybot:"},
	}
}

// ConfigError lists every problem found, each naming its key.
type ConfigError struct{ Problems []string }

func (e *ConfigError) Error() string {
	return "invalid config: " + strings.Join(e.Problems, "; ")
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// LoadConfig reads a config file, expanding ${VAR} from getenv in values.
func LoadConfig(path string, getenv func(string) string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read config %q: %w", path, friendlyErr(err))
	}
	cfg, err := ParseConfig(bytes.NewReader(data), getenv)
	if err != nil {
		return Config{}, fmt.Errorf("config %q: %w", path, err)
	}
	return cfg, nil
}

func friendlyErr(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

// ParseConfig parses YAML over the defaults and validates it. Values are
// expanded after parsing, so a secret's characters cannot change the
// document's structure, and errors never quote expanded values. Every
// problem is reported, each with its key and, when the file has it, its
// line; ${VAR}s that are unset (or empty) are listed in Config.Warnings.
func ParseConfig(r io.Reader, getenv func(string) string) (Config, error) {
	cfg := DefaultConfig()
	var root yaml.Node
	dec := yaml.NewDecoder(r)
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return cfg, cfg.Validate()
		}
		return cfg, fmt.Errorf("not valid YAML: %s", redactYAMLError(err))
	}
	if len(root.Content) == 0 {
		return cfg, cfg.Validate()
	}
	w := &configWalk{lines: map[string]int{}}
	w.walk(root.Content[0], reflect.TypeOf(cfg), "")
	for _, l := range w.leaves {
		expanded := false
		expandNode(l.node, getenv, func(name string) {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: ${%s} is not set (or is empty), so the value is empty (line %d)", l.key, name, l.node.Line))
		}, &expanded)
		// Decoding each value on its own finds every bad one, not just
		// the first, and knows its key.
		if err := l.node.Decode(reflect.New(l.typ).Interface()); err != nil {
			w.add(l.key, l.node.Line, valueError(err, l.node, expanded))
		}
	}
	// The whole document decodes even when some values did not: the
	// others are still validated, so one run reports every problem.
	_ = root.Decode(&cfg)
	cfg.DocumentMeta = documentMeta(root.Content[0])
	if ce, ok := errors.AsType[*ConfigError](cfg.Validate()); ok {
		for _, p := range ce.Problems {
			key, msg, _ := strings.Cut(p, ": ")
			w.add(key, w.lines[key], msg)
		}
	}
	if len(w.problems) == 0 {
		return cfg, nil
	}
	slices.SortStableFunc(w.problems, func(a, b configProblem) int {
		switch {
		case a.line == b.line:
			return 0
		case a.line == 0: // no line: after those with one
			return 1
		case b.line == 0:
			return -1
		}
		return a.line - b.line
	})
	out := make([]string, len(w.problems))
	for i, p := range w.problems {
		out[i] = p.String()
	}
	return cfg, &ConfigError{out}
}

type configProblem struct {
	key, msg string
	line     int
}

func (p configProblem) String() string {
	if p.line > 0 {
		return fmt.Sprintf("%s: %s (line %d)", p.key, p.msg, p.line)
	}
	return p.key + ": " + p.msg
}

// configLeaf is a value in the file whose key the config knows.
type configLeaf struct {
	key  string
	node *yaml.Node
	typ  reflect.Type
}

// configWalk collects, in one pass over the file, unknown keys, the line of
// every known key, and the values to check.
type configWalk struct {
	problems []configProblem
	lines    map[string]int
	leaves   []configLeaf
}

func (w *configWalk) add(key string, line int, msg string) {
	w.problems = append(w.problems, configProblem{key: key, msg: msg, line: line})
}

func (w *configWalk) walk(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind != yaml.MappingNode || t.Kind() != reflect.Struct {
		w.leaves = append(w.leaves, configLeaf{path, n, t})
		return
	}
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			fields[tag] = t.Field(i).Type
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i].Value
		full := key
		if path != "" {
			full = path + "." + key
		}
		ft, ok := fields[key]
		if !ok {
			w.add(full, n.Content[i].Line, "unknown key")
			continue
		}
		w.lines[full] = n.Content[i].Line
		w.walk(n.Content[i+1], ft, full)
	}
}

var quotedString = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

var yamlErrorPrefix = regexp.MustCompile(`^(yaml: unmarshal errors:\s*)?(line \d+: )?`)

// valueError is a decode error without yaml's own prefixes (the caller adds
// key and line) and, when the value came from the environment, without the
// value, which may be a secret.
func valueError(err error, n *yaml.Node, expanded bool) string {
	msg := err.Error()
	if expanded {
		// The value may be quoted with escapes (%q), which a plain
		// replacement would miss: drop every quoted string.
		msg = quotedString.ReplaceAllString(strings.ReplaceAll(msg, n.Value, "(value)"), "(value)")
	}
	return yamlErrorPrefix.ReplaceAllString(redactYAMLError(errors.New(msg)), "")
}

// redactYAMLError drops quoted values from yaml's messages: a value may be
// a secret expanded from the environment.
func redactYAMLError(err error) string {
	return regexp.MustCompile("`[^`]*`").ReplaceAllString(err.Error(), "(value)")
}

// expandNode replaces ${VAR} in n's values, calling unset for each VAR
// that expands to nothing: a misspelt name would otherwise silently turn
// a platform off. expanded reports whether anything was replaced.
func expandNode(n *yaml.Node, getenv func(string) string, unset func(name string), expanded *bool) {
	if n.Kind == yaml.ScalarNode && strings.Contains(n.Value, "${") {
		n.Value = envRef.ReplaceAllStringFunc(n.Value, func(m string) string {
			name := m[2 : len(m)-1]
			v := getenv(name)
			if v == "" {
				unset(name)
			}
			*expanded = true
			return v
		})
	}
	for _, c := range n.Content {
		expandNode(c, getenv, unset, expanded)
	}
}

// validatePlatforms checks the Slack and Discord keys.
func (c Config) validatePlatforms(bad func(key, format string, args ...any)) {
	if c.Slack.ResponseType != "in_channel" && c.Slack.ResponseType != "ephemeral" {
		bad("slack.response_type", "must be in_channel or ephemeral")
	}
	if !validBaseURL(c.Slack.APIURL) {
		bad("slack.api_url", "want an http(s) URL such as https://slack.com/api/")
	}
	if !validBaseURL(c.Discord.APIURL) {
		bad("discord.api_url", "want an http(s) URL such as https://discord.com/")
	}
	if c.Slack.SocketMode && c.Slack.AppToken == "" {
		bad("slack.app_token", "is required when slack.socket_mode is true")
	}
	if c.Slack.AppToken != "" && !strings.HasPrefix(c.Slack.AppToken, "xapp-") {
		bad("slack.app_token", "must be an app-level token (xapp-...)")
	}
	if c.Slack.BotToken != "" && !strings.HasPrefix(c.Slack.BotToken, "xoxb-") {
		bad("slack.bot_token", "must be a bot token (xoxb-...)")
	}
	if c.Slack.SigningSecret == "" && c.Slack.BotToken != "" && !c.Slack.SocketMode {
		bad("slack.signing_secret", "is required to receive mentions over HTTP (or set slack.socket_mode)")
	}
	if len(c.Slack.HooksHosts) == 0 {
		bad("slack.hooks_hosts", "must list at least one host (hooks.slack.com)")
	}
}

// Validate reports every invalid value by key.
func (c Config) Validate() error {
	var p []string
	bad := func(key, format string, args ...any) { p = append(p, key+": "+fmt.Sprintf(format, args...)) }
	if c.Answer.MinConfidence < 0 || c.Answer.MinConfidence > 1 {
		bad("answer.min_confidence", "must be between 0 and 1")
	}
	if c.Answer.TopK < 1 || c.Answer.TopK > 100 {
		bad("answer.top_k", "must be between 1 and 100")
	}
	if c.Answer.MaxQuestion < 10 || c.Answer.MaxQuestion > 100000 {
		bad("answer.max_question", "must be between 10 and 100000 characters")
	}
	if c.Conversation.TTL <= 0 {
		bad("conversation.ttl", "must be a positive duration")
	}
	if c.Conversation.Max < 1 || c.Conversation.Max > 10000000 {
		bad("conversation.max", "must be between 1 and 10000000")
	}
	if _, _, err := net.SplitHostPort(c.HTTP.Listen); err != nil {
		bad("http.listen", "want host:port such as 127.0.0.1:8080")
	}
	for key, d := range map[string]Duration{
		"http.read_header_timeout": c.HTTP.ReadHeaderTimeout, "http.read_timeout": c.HTTP.ReadTimeout,
		"http.write_timeout": c.HTTP.WriteTimeout, "http.idle_timeout": c.HTTP.IdleTimeout,
		"http.shutdown_timeout": c.HTTP.ShutdownTimeout, "slack.slow_after": c.Slack.SlowAfter,
	} {
		if d <= 0 {
			bad(key, "must be a positive duration")
		}
	}
	if d := c.HTTP.DrainDelay; d < 0 || d > 0 && d >= c.HTTP.ShutdownTimeout {
		bad("http.drain_delay", "must be at least 0 and less than http.shutdown_timeout")
	}
	c.validatePlatforms(bad)
	c.validateReplicas(bad)
	if !slices.Contains([]string{"text", "json"}, c.Log.Format) {
		bad("log.format", "must be text or json")
	}
	if !slices.Contains([]string{"debug", "info", "warn", "error"}, c.Log.Level) {
		bad("log.level", "must be debug, info, warn or error")
	}
	if c.Limits.UserPerMinute <= 0 {
		bad("limits.user_per_minute", "must be positive")
	}
	if c.Limits.ChannelPerMinute <= 0 {
		bad("limits.channel_per_minute", "must be positive")
	}
	if c.Limits.UserBurst < 1 {
		bad("limits.user_burst", "must be at least 1")
	}
	if c.Limits.ChannelBurst < 1 {
		bad("limits.channel_burst", "must be at least 1")
	}
	if c.Limits.MaxConcurrent < 1 {
		bad("limits.max_concurrent", "must be at least 1")
	}
	for i, d := range c.Documents {
		if strings.TrimSpace(d) == "" {
			bad(fmt.Sprintf("documents[%d]", i), "is empty")
		}
	}
	if len(p) > 0 {
		slices.Sort(p)
		return &ConfigError{p}
	}
	return nil
}

func validBaseURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// SlackEnabled: a signing secret (HTTP) or Socket Mode with an app token.
func (c Config) SlackEnabled() bool {
	return c.Slack.SigningSecret != "" || (c.Slack.SocketMode && c.Slack.AppToken != "")
}

// DiscordEnabled: a bot token.
func (c Config) DiscordEnabled() bool { return c.Discord.Token != "" }
