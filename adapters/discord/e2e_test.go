package discord

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

// The whole product through Discord: the real bot on the default story,
// the real discordgo, a loopback Discord.
func TestRealBot(t *testing.T) {
	t.Parallel()
	h := start(t, setup{answerer: testbot.Story(t, bot.Options{})})

	tests := []struct {
		id, content string
		want        string
	}{
		{"9001", "<@1000> Who is the Secretary of State?", "Secretary of State Mike Pompeo"},
		{"9002", "<@!1000> What is the capital of Peru?", "find an answer"},
		{"9003", "@everyone <@1000> Who is the Secretary of State?", "Secretary of State Mike Pompeo"},
	}
	for _, tt := range tests {
		m := msg{id: tt.id, guild: "g1", channel: "3000", author: alice(), mentions: []any{botUser}, content: tt.content}
		h.conn.dispatch(t, "MESSAGE_CREATE", m.event())
		h.logs.waitLog(t, "discord: replied", tt.id)
		if n := len(h.f.posts); n != 1 {
			t.Fatalf("%q: %d replies, want exactly 1", tt.content, n)
		}
		p := <-h.f.posts
		var content string
		json.Unmarshal(p.Body["content"], &content)
		checkPost(t, p, "3000", content)
		if !strings.Contains(content, tt.want) {
			t.Errorf("%q: reply does not contain %q:\n%s", tt.content, tt.want, content)
		}
		var ref struct {
			MessageID string `json:"message_id"`
			ChannelID string `json:"channel_id"`
		}
		json.Unmarshal(p.Body["message_reference"], &ref)
		if ref.MessageID != tt.id || ref.ChannelID != "3000" {
			t.Errorf("%q: message_reference = %+v, want message %s in channel 3000", tt.content, ref, tt.id)
		}
	}
}
