package discord

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

func askEvent(id, question string) map[string]any {
	return map[string]any{
		"id": id, "application_id": botID, "type": 2, "token": "interaction-token-" + id,
		"guild_id": "g1", "channel_id": "3000",
		"member": map[string]any{"user": map[string]any{"id": "2000", "username": "alice"}},
		"data": map[string]any{"id": "77", "name": "ask", "type": 1,
			"options": []any{map[string]any{"name": "question", "type": 3, "value": question}}},
	}
}

// interactionData returns the callback's type and, from data (or the body
// itself for edits), content and allowed_mentions.parse.
func interactionData(t *testing.T, p postedMessage) (typ int, content, parse string) {
	t.Helper()
	json.Unmarshal(p.Body["type"], &typ)
	body := p.Body
	if d, ok := p.Body["data"]; ok {
		body = nil
		json.Unmarshal(d, &body)
	}
	json.Unmarshal(body["content"], &content)
	var am map[string]json.RawMessage
	json.Unmarshal(body["allowed_mentions"], &am)
	return typ, content, string(am["parse"])
}

func TestAskCommand(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})

	reg := recv(t, h.f.commands, "/ask registration")
	if reg.Path != "/api/v9/applications/"+botID+"/commands" {
		t.Errorf("registered at %s", reg.Path)
	}
	var cmd struct {
		Name    string `json:"name"`
		Options []struct {
			Name      string `json:"name"`
			Type      int    `json:"type"`
			Required  bool   `json:"required"`
			MaxLength int    `json:"max_length"`
		} `json:"options"`
	}
	json.Unmarshal([]byte(reg.Raw), &cmd)
	if cmd.Name != "ask" || len(cmd.Options) != 1 || cmd.Options[0].Name != "question" ||
		cmd.Options[0].Type != 3 || !cmd.Options[0].Required || cmd.Options[0].MaxLength != MaxQuestion {
		t.Errorf("registered %s, want /ask with one required string option question, max_length %d", reg.Raw, MaxQuestion)
	}

	tests := []struct {
		id, question, want, rejected string
	}{
		{"i1", "Who is the Secretary of State?", Render(pompeo)[0], ""},
		{"i2", "@everyone What is the capital of Peru?", Render(notFound)[0], ""},
		{"i3", strings.Repeat("why ", 300), TooLong, "size"},
	}
	for _, tt := range tests {
		h.conn.dispatch(t, "INTERACTION_CREATE", askEvent(tt.id, tt.question))
		p := recv(t, h.f.interacts, "interaction callback")
		if want := "/api/v9/interactions/" + tt.id + "/interaction-token-" + tt.id + "/callback"; p.Path != want {
			t.Errorf("%s: responded at %s, want %s", tt.id, p.Path, want)
		}
		typ, content, parse := interactionData(t, p)
		if typ != 4 || content != tt.want {
			t.Errorf("%s: response type %d content:\n%s\nwant type 4 content:\n%s", tt.id, typ, content, tt.want)
		}
		if parse != "[]" {
			t.Errorf("%s: allowed_mentions.parse = %s, want []", tt.id, parse)
		}
		if tt.rejected != "" {
			if r := recv(t, h.events.rejected, "Rejected event"); r != tt.rejected {
				t.Errorf("%s: Rejected %q, want %q", tt.id, r, tt.rejected)
			}
			continue
		}
		call := recv(t, h.calls, "Answer call")
		want := bot.Asker{Platform: "discord", User: "2000", Channel: "3000"}
		if call.Asker != want || call.Question != tt.question {
			t.Errorf("%s: Answer(%q) as %+v, want (%q) as %+v", tt.id, call.Question, call.Asker, tt.question, want)
		}
	}
	// A long answer: the response holds the first part, a follow-up the rest.
	h.conn.dispatch(t, "INTERACTION_CREATE", askEvent("i4", "Tell me everything"))
	want := Render(longReply)
	if len(want) != 2 {
		t.Fatalf("longReply renders to %d messages, want 2", len(want))
	}
	p := recv(t, h.f.interacts, "interaction callback")
	if typ, content, _ := interactionData(t, p); typ != 4 || content != want[0] {
		t.Errorf("i4: response type %d content %q..., want type 4 and the first part", typ, content[:min(40, len(content))])
	}
	p = recv(t, h.f.interacts, "follow-up")
	if path := "/api/v9/webhooks/" + botID + "/interaction-token-i4"; p.Method != "POST" || p.Path != path {
		t.Errorf("follow-up: %s %s, want POST %s", p.Method, p.Path, path)
	}
	if _, content, parse := interactionData(t, p); content != want[1] || parse != "[]" {
		t.Errorf("follow-up content %q... parse %s, want the second part and []", content[:min(40, len(content))], parse)
	}

	if logs := h.logs.String(); strings.Contains(logs, "interaction-token-") {
		t.Errorf("an interaction token appears in the logs:\n%s", logs)
	}
}

// gatedAnswerer answers only once released, to stand for a slow bot.
type gatedAnswerer struct {
	release chan struct{}
	started chan struct{} // receives when an answer starts, if not full
	next    bot.Answerer
}

func (g gatedAnswerer) Answer(ctx context.Context, q string) bot.Reply {
	select {
	case g.started <- struct{}{}:
	default:
	}
	select {
	case <-g.release:
	case <-ctx.Done():
	}
	return g.next.Answer(ctx, q)
}

// An answer slower than deferAfter is deferred within Discord's 3 s, then
// the deferred response is edited.
func TestAskDeferred(t *testing.T) {
	t.Parallel()
	gate := gatedAnswerer{release: make(chan struct{}), started: make(chan struct{}, 1), next: newFakeAnswerer()}
	h := start(t, setup{answerer: gate, tune: func(a *Adapter) { a.deferAfter = time.Millisecond }})
	h.conn.dispatch(t, "INTERACTION_CREATE", askEvent("i9", "Who is the Secretary of State?"))

	p := recv(t, h.f.interacts, "deferred callback")
	if typ, _, _ := interactionData(t, p); typ != 5 {
		t.Fatalf("first response type %d, want 5 (deferred)", typ)
	}
	close(gate.release)
	p = recv(t, h.f.interacts, "edit of the deferred response")
	if want := "/api/v9/webhooks/" + botID + "/interaction-token-i9/messages/@original"; p.Method != "PATCH" || p.Path != want {
		t.Errorf("edit: %s %s, want PATCH %s", p.Method, p.Path, want)
	}
	if _, content, parse := interactionData(t, p); content != Render(pompeo)[0] || parse != "[]" {
		t.Errorf("edit content:\n%s\nparse %s; want:\n%s\nparse []", content, parse, Render(pompeo)[0])
	}
}
