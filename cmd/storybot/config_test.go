package main

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestExampleConfigIsValidAndComplete(t *testing.T) {
	t.Parallel()
	env := map[string]string{"SLACK_SIGNING_SECRET": "s3cr3t", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "DISCORD_TOKEN": "d1"}
	cfg, err := LoadConfig("../../config.example.yaml", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Slack.SigningSecret != "s3cr3t" || cfg.Discord.Token != "d1" || !cfg.SlackEnabled() || !cfg.DiscordEnabled() {
		t.Errorf("env not expanded: %+v", cfg.Slack)
	}
	// The example documents every key with its default value.
	def := DefaultConfig()
	empty, err := LoadConfig("../../config.example.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	empty.Slack = def.Slack
	if !equalConfig(empty, def) {
		t.Errorf("example config values differ from the defaults:\n%+v\n%+v", empty, def)
	}
}

func equalConfig(a, b Config) bool {
	return strings.Join(a.Documents, ",") == strings.Join(b.Documents, ",") && a.Answer == b.Answer && a.HTTP == b.HTTP &&
		a.Discord == b.Discord && a.Log == b.Log && a.Limits == b.Limits && a.DocumentsWatch == b.DocumentsWatch
}

func TestConfigErrorsNameTheKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"unknown key", "slack:\n  signing_secrt: x\n", []string{"slack.signing_secrt: unknown key"}},
		{"unknown top-level key", "documets: []\n", []string{"documets: unknown key"}},
		{"bad values", "http:\n  listen: nowhere\nslack:\n  response_type: loud\nlog:\n  level: chatty\n",
			[]string{"http.listen", "slack.response_type", "log.level"}},
		{"bad duration", "http:\n  read_timeout: soon\n", []string{"duration"}},
		{"socket mode needs app token", "slack:\n  socket_mode: true\n", []string{"slack.app_token"}},
		{"not yaml", "slack: [\n", []string{"not valid YAML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseConfig(strings.NewReader(tt.yaml), func(string) string { return "" })
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestConfigNeverQuotesSecrets(t *testing.T) {
	t.Parallel()
	secret := "xoxb-TOPSECRET-123\"é"
	env := func(string) string { return secret }
	for _, y := range []string{
		"http:\n  read_timeout: ${X}\n", // a bad duration quotes its value
		"slack:\n  socket_mode: ${X}\n", // a type error on an expanded value
		"slack:\n  app_token: ${X}\n",   // an invalid token prefix
		"answer:\n  top_k: ${X}\n",      // a number that is not one
	} {
		_, err := ParseConfig(strings.NewReader(y), env)
		if err == nil || strings.Contains(err.Error(), "TOPSECRET") {
			t.Errorf("ParseConfig(%q) error %v leaks the secret or is nil", y, err)
		}
	}
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig(strings.NewReader(""), os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HTTP.ReadHeaderTimeout.D() != 5*time.Second || cfg.SlackEnabled() || cfg.DiscordEnabled() {
		t.Errorf("defaults: %+v", cfg)
	}
	var ce *ConfigError
	if err := (Config{}).Validate(); !errors.As(err, &ce) || len(ce.Problems) < 5 {
		t.Errorf("zero config should list many problems, got %v", err)
	}
}

func TestConfigReportsEveryErrorWithKeyAndLine(t *testing.T) {
	t.Parallel()
	yaml := `http:
  read_timeout: 10 seconds
  write_timeout: 5s
  idle_timeout: forever
answer:
  top_k: lots
  min_confidence: 2
log:
  level: chatty
slak: {}
`
	_, err := ParseConfig(strings.NewReader(yaml), func(string) string { return "" })
	ce, ok := errors.AsType[*ConfigError](err)
	if !ok {
		t.Fatalf("err = %v, want a ConfigError", err)
	}
	want := []string{
		`http.read_timeout: want a duration such as 5s or 1m, got "10 seconds" (line 2)`,
		`http.idle_timeout: want a duration such as 5s or 1m, got "forever" (line 4)`,
		`answer.top_k: cannot unmarshal !!str (value) into int (line 6)`,
		`answer.min_confidence: must be between 0 and 1 (line 7)`,
		`log.level: must be debug, info, warn or error (line 9)`,
		`slak: unknown key (line 10)`,
	}
	if got := strings.Join(ce.Problems, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestConfigWarnsAboutUnsetVariables(t *testing.T) {
	t.Parallel()
	env := map[string]string{"DISCORD_TOKEN": "d1", "EMPTY": ""}
	cfg, err := ParseConfig(strings.NewReader("discord: {token: \"${DISCORD_TOKNE}\"}\nslack:\n  signing_secret: ${EMPTY}\n  bot_token: \"${DISCORD_TOKEN}x\"\n"),
		func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), "slack.bot_token") {
		t.Fatalf("err = %v, want the bad bot token reported", err)
	}
	want := []string{
		"discord.token: ${DISCORD_TOKNE} is not set (or is empty), so the value is empty (line 1)",
		"slack.signing_secret: ${EMPTY} is not set (or is empty), so the value is empty (line 3)",
	}
	if strings.Join(cfg.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(cfg.Warnings, "\n"), strings.Join(want, "\n"))
	}
}
