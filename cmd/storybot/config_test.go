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
	secret := "xoxb-TOPSECRET-123"
	env := func(string) string { return secret }
	for _, y := range []string{
		"slack:\n  socket_mode: ${X}\n", // a type error on an expanded value
		"slack:\n  app_token: ${X}\n",   // an invalid token prefix
		"answer:\n  top_k: ${X}\n",      // a number that is not one
	} {
		_, err := ParseConfig(strings.NewReader(y), env)
		if err == nil || strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "TOPSECRET") {
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
