package discord

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/testbot"
)

// A reply to the bot's answer continues its conversation, through the
// real discordgo against the loopback Discord: "what did he say?" is read
// as being about Mike Pompeo. The same words asked afresh by someone else
// in the channel are not.
func TestFollowUpByReply(t *testing.T) {
	t.Parallel()
	mem := bot.NewLocalMemory(0, 0, nil)
	h := start(t, setup{
		answerer: testbot.Story(t, bot.Options{Memory: mem}),
		tune:     func(a *Adapter) { a.memory = mem },
	})
	ask := func(m msg, reply map[string]any) string {
		t.Helper()
		e := m.event()
		if reply != nil {
			e["type"] = 19 // a reply
			e["message_reference"] = map[string]any{"message_id": reply["id"], "channel_id": m.channel}
			e["referenced_message"] = reply
		}
		h.conn.dispatch(t, "MESSAGE_CREATE", e)
		h.logs.waitLog(t, "discord: replied", m.id)
		p := <-h.f.posts
		var content string
		json.Unmarshal(p.Body["content"], &content)
		return content
	}
	first := ask(msg{id: "9001", guild: "g1", channel: "3000", author: alice(), mentions: []any{botUser},
		content: "<@1000> Who is the Secretary of State?"}, nil)
	if !strings.Contains(first, "Mike Pompeo") {
		t.Fatalf("first answer: %s", first)
	}
	// The fake gives every posted message the ID 9999.
	answer := map[string]any{"id": "9999", "channel_id": "3000", "author": botUser, "content": first, "type": 0,
		"timestamp": "2026-11-27T23:00:00.000000+00:00"}
	second := ask(msg{id: "9002", guild: "g1", channel: "3000", author: alice(), mentions: []any{botUser},
		content: "<@1000> what did he say?"}, answer)
	if !strings.Contains(second, "that's not going to happen") || !strings.Contains(second, "Mike Pompeo") {
		t.Errorf("the reply to the answer was not read as a follow-up:\n%s", second)
	}
	bob := map[string]any{"id": "2001", "username": "bob"}
	third := ask(msg{id: "9003", guild: "g1", channel: "3000", author: bob, mentions: []any{botUser},
		content: "<@1000> what did he say?"}, nil)
	if strings.Contains(third, "Reading") {
		t.Errorf("another asker's fresh question was read as a follow-up:\n%s", third)
	}
}
