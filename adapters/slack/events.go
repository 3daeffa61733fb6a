package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

	"github.com/slack-go/slack"

	"github.com/storybot/storybot/adapters/internal/retry"
	"github.com/storybot/storybot/bot"
)

// eventHandler serves the Events API over HTTP.
type eventHandler struct{ a *Adapter }

var _ http.Handler = eventHandler{}

// envelope is the outer Events API payload, only the fields we use.
// slack-go's parser hides event_id, which de-duplication needs.
type envelope struct {
	Type      string          `json:"type"`
	Challenge string          `json:"challenge"`
	EventID   string          `json:"event_id"`
	Event     json.RawMessage `json:"event"`
}

// mention is an app_mention (or message) event, only the fields we use.
type mention struct {
	Type     string `json:"type"`
	SubType  string `json:"subtype"`
	User     string `json:"user"`
	BotID    string `json:"bot_id"`
	Text     string `json:"text"`
	Channel  string `json:"channel"`
	TS       string `json:"ts"`
	ThreadTS string `json:"thread_ts"`
	// ChannelType is "im" for a direct message (a "message" event).
	ChannelType string `json:"channel_type"`
}

// direct reports whether m is a person's direct message to the bot, which
// needs no mention.
func (m mention) direct() bool {
	return m.Type == "message" && m.ChannelType == "im"
}

// conversation is the key of the conversation m continues: a DM is one
// conversation, and a mention's thread another (the bot answers a
// mention in its thread, so a later mention there continues it). Only the
// bot's own questions and answers are remembered, so a thread the bot has
// not answered in starts afresh.
func (m mention) conversation() string {
	if m.direct() {
		return "slack:dm:" + m.Channel
	}
	thread := m.ThreadTS
	if thread == "" {
		thread = m.TS
	}
	return "slack:thread:" + m.Channel + ":" + thread
}

func (h eventHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a := h.a
	body, ok := a.readSigned(w, r)
	if !ok {
		return
	}
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		a.reject(w, http.StatusBadRequest, "malformed")
		return
	}
	switch env.Type {
	case "url_verification":
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"challenge": env.Challenge})
		return
	case "event_callback":
		var m mention
		if err := json.Unmarshal(env.Event, &m); err != nil {
			a.reject(w, http.StatusBadRequest, "malformed")
			return
		}
		if retry := r.Header.Get("X-Slack-Retry-Num"); retry != "" {
			a.log.Info("slack event retry", "event_id", env.EventID, "retry", retry,
				"reason", r.Header.Get("X-Slack-Retry-Reason"))
		}
		a.mentioned(r.Context(), env.EventID, m)
	}
	// Acknowledge at once: Slack retries anything not answered in 3s, and
	// the answer goes out through chat.postMessage anyway.
	w.WriteHeader(http.StatusOK)
}

// mentioned starts answering an app mention in the background, once per
// event ID, unless a bot (perhaps ourselves) wrote it: two bots answering
// each other would loop forever.
func (a *Adapter) mentioned(ctx context.Context, eventID string, m mention) {
	if m.Type != "app_mention" && !m.direct() {
		return
	}
	if m.BotID != "" || m.SubType == slack.MsgSubTypeBotMessage || m.direct() && m.SubType != "" {
		return
	}
	if eventID != "" && !a.firstTime(ctx, "slack:event:"+eventID, eventTTL) {
		a.log.Info("slack duplicate event ignored", "event_id", eventID)
		return
	}
	ctx, cancel := detach(ctx, answerBudget)
	a.bg.Go(func() {
		defer cancel()
		a.answerMention(ctx, m)
	})
}

func (a *Adapter) answerMention(ctx context.Context, m mention) {
	self := a.identity()
	selfID, prefix := "", "/story"
	if self != nil {
		selfID = self.UserID
		if self.User != "" {
			prefix = "@" + self.User
		}
		if m.User == selfID {
			return
		}
	}
	q := cleanText(stripMention(m.Text, selfID))
	asker := bot.Asker{Platform: platform, User: m.User, Channel: m.Channel}
	var msg slack.Msg
	if q == "" || strings.EqualFold(q, "help") {
		msg = usage(prefix)
	} else {
		rep := a.answer(bot.WithConversation(bot.WithAsker(ctx, asker), m.conversation()), q)
		a.logReply("mention", asker, rep)
		msg = Render(rep, InChannel)
	}
	thread := m.ThreadTS
	if thread == "" && !m.direct() {
		thread = m.TS // a DM is answered in line, a mention in its thread
	}
	opts := []slack.MsgOption{
		slack.MsgOptionText(msg.Text, false), // already escaped
		slack.MsgOptionBlocks(msg.Blocks.BlockSet...),
		slack.MsgOptionTS(thread),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	// Failures, usage and "slow down" concern only the asker; saying
	// them to the whole thread would make a rate limit itself spam.
	ephemeral := msg.ResponseType != InChannel
	err := retry.Do(ctx, a.replyPolicy, func(ctx context.Context) error {
		return a.postOnce(ctx, m.Channel, m.User, ephemeral, opts)
	}, classify)
	if err == nil {
		return
	}
	reason := retry.ReasonOf(err)
	a.events.ReplyFailed(platform, reason)
	a.log.Warn("slack reply to mention failed", "channel", m.Channel, "ephemeral", ephemeral,
		"reason", reason, "status", statusOf(err), "err", err)
	if reason == retry.Cancelled {
		return
	}
	// Tell the asker, once and privately, rather than leave them waiting
	// for an answer that will not come. If Slack refuses this too, there
	// is nothing more to do.
	sorry := []slack.MsgOption{slack.MsgOptionText(SendFailedText, false), slack.MsgOptionTS(thread)}
	if err := a.postOnce(ctx, m.Channel, m.User, true, sorry); err != nil {
		a.log.Warn("slack could not tell the asker their reply failed", "channel", m.Channel, "status", statusOf(err), "err", err)
	}
}

// SendFailedText is what an asker is told, where Slack still allows it,
// when their answer could not be posted.
const SendFailedText = "Sorry, something went wrong sending my answer. Please ask again."

// postOnce makes one chat.postMessage (or chat.postEphemeral to user)
// attempt, bounded by attemptTimeout.
func (a *Adapter) postOnce(ctx context.Context, channel, user string, ephemeral bool, opts []slack.MsgOption) error {
	ctx, cancel := context.WithTimeout(ctx, a.attemptTimeout)
	defer cancel()
	if ephemeral {
		_, err := a.api.PostEphemeralContext(ctx, channel, user, opts...)
		return err
	}
	_, _, err := a.api.PostMessageContext(ctx, channel, opts...)
	return err
}

// mentionRE matches a user mention as Slack encodes it: <@U123> or
// <@U123|name>.
var mentionRE = regexp.MustCompile(`<@([A-Z0-9]+)(\|[^>]*)?>`)

// stripMention removes mentions of our bot from the question. When we do not
// know our own ID (auth.test failed), it removes the leading mention, which
// is how Slack users address a bot.
func stripMention(text, selfID string) string {
	if selfID == "" {
		text = strings.TrimSpace(text)
		if loc := mentionRE.FindStringIndex(text); loc != nil && loc[0] == 0 {
			return text[loc[1]:]
		}
		return text
	}
	return mentionRE.ReplaceAllStringFunc(text, func(s string) string {
		if mentionRE.FindStringSubmatch(s)[1] == selfID {
			return ""
		}
		return s
	})
}
