package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/adapters/internal/retry"
	"github.com/storybot/storybot/bot"
)

// question decides whether m is a question for the bot with ID botID and
// returns it with the bot's mentions removed; reason says why not.
func question(botID string, m *discordgo.Message) (q string, reason string) {
	switch {
	case m.Author == nil:
		return "", "no author"
	case botID != "" && m.Author.ID == botID:
		return "", "own message"
	case m.Author.Bot:
		return "", "bot author"
	case m.WebhookID != "":
		// Webhooks are often other bots' output: answering them can loop.
		return "", "webhook"
	case m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply:
		return "", "system message"
	case botID == "":
		// READY not seen: a mention of us cannot be recognised.
		return "", "no bot user"
	}
	if m.GuildID != "" && !mentions(m, botID) {
		return "", "not mentioned"
	}
	q = strings.NewReplacer("<@"+botID+">", " ", "<@!"+botID+">", " ").Replace(m.Content)
	// Removing a mention mid-sentence leaves double spaces; the bot
	// should see the question as the user meant it.
	return strings.Join(strings.Fields(q), " "), ""
}

// mentions reports whether m mentions the user botID. Discord fills
// Mentions from the content, so "<@ID>" and "<@!ID>" both count, and a
// reply that pings the bot counts too; @everyone and role mentions do not.
func mentions(m *discordgo.Message, botID string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			return true
		}
	}
	return false
}

// botUserID is the bot's own ID from READY. discordgo stores READY in
// State before it dispatches any later event, so every MESSAGE_CREATE
// handler sees it.
func botUserID(s *discordgo.Session) string {
	if s.State == nil {
		return ""
	}
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User == nil {
		return ""
	}
	return s.State.User.ID
}

// handleMessage answers q, the question in m.
func (a *Adapter) handleMessage(ctx context.Context, s *discordgo.Session, m *discordgo.Message, q string) {
	// A panic in a handler goroutine would end the whole process.
	defer func() {
		if p := recover(); p != nil {
			a.log.Error("discord: panic answering a message", "message", m.ID, "panic", fmt.Sprint(p))
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, a.answerTimeout)
	defer cancel()

	var msgs []string
	if utf16Len(q) > MaxQuestion {
		a.events.Rejected(platform, "size")
		a.log.Info("discord: question too long", "message", m.ID, "length", utf16Len(q))
		msgs = []string{TooLong}
	} else {
		key := conversation(m, botUserID(s))
		actx := bot.WithAsker(ctx, bot.Asker{Platform: platform, User: m.Author.ID, Channel: m.ChannelID})
		r := a.answerer.Answer(bot.WithConversation(actx, key), q)
		a.log.Debug("discord: answered", "message", m.ID, "outcome", string(r.Outcome))
		msgs = Render(r)
		a.reply(ctx, s, m, msgs, func(sent []string) { a.fileUnder(ctx, key, sent) })
		return
	}
	a.reply(ctx, s, m, msgs, nil)
}

// conversation is the key of the conversation m continues: a reply to one
// of the bot's answers continues that answer's (see fileUnder); a DM is one
// conversation; otherwise the asker's in the channel, for as long as the
// memory keeps it.
func conversation(m *discordgo.Message, botID string) string {
	if ref := m.MessageReference; ref != nil && ref.MessageID != "" &&
		(m.ReferencedMessage == nil || m.ReferencedMessage.Author == nil || m.ReferencedMessage.Author.ID == botID) {
		return "discord:answer:" + ref.MessageID
	}
	if m.GuildID == "" {
		return "discord:dm:" + m.ChannelID
	}
	return "discord:channel:" + m.ChannelID + ":" + m.Author.ID
}

// fileUnder files conversation key's turns under each answer message sent,
// so that a reply to any of them continues the conversation.
func (a *Adapter) fileUnder(ctx context.Context, key string, sent []string) {
	if a.memory == nil || len(sent) == 0 {
		return
	}
	turns, err := a.memory.Load(ctx, key)
	if err != nil || len(turns) == 0 {
		return
	}
	for _, id := range sent {
		if err := a.memory.Save(ctx, "discord:answer:"+id, turns); err != nil {
			a.log.Warn("discord: could not remember the conversation of an answer", "answer", id, "err", a.redact(err))
			return
		}
	}
}

// reply sends msgs in answer to m, the first as a reply to it, and hands
// the IDs of those sent to filed (when not nil) before it logs the reply:
// a reply to the answer may come at once, and must find it filed. When
// one cannot be sent, the rest are not tried, the loss is counted, and the
// asker is told if Discord allows.
func (a *Adapter) reply(ctx context.Context, s *discordgo.Session, m *discordgo.Message, msgs []string, filed func(sent []string)) {
	var sent []string
	ctx, cancel := context.WithTimeout(ctx, a.answerTimeout)
	defer cancel()
	for i, content := range msgs {
		send := &discordgo.MessageSend{
			Content:         content,
			AllowedMentions: noPings(),
			// Links quoted from a document should not unfurl.
			Flags: discordgo.MessageFlagsSuppressEmbeds,
		}
		if i == 0 {
			// Soft: if the question was deleted meanwhile, the reply is
			// still posted rather than refused.
			send.Reference = m.SoftReference()
		}
		id, err := a.sendID(ctx, s, m.ChannelID, send)
		if err != nil {
			reason := retry.ReasonOf(err)
			a.events.ReplyFailed(platform, reason)
			a.log.Warn("discord: reply dropped", "message", m.ID, "channel", m.ChannelID, "reason", reason, "err", a.redact(err))
			a.sorry(ctx, s, m, reason)
			if filed != nil {
				filed(sent)
			}
			return
		}
		if id != "" {
			sent = append(sent, id)
		}
	}
	if filed != nil {
		filed(sent)
	}
	a.log.Debug("discord: replied", "message", m.ID, "messages", len(msgs))
}

// SendFailedText is what an asker is told, when Discord still allows it,
// after their answer could not be sent.
const SendFailedText = "Sorry, something went wrong sending my answer. Please ask again."

// sorry tells the asker once that their reply was lost, unless Discord is
// rate limiting us (it would refuse this too) or we are shutting down.
func (a *Adapter) sorry(ctx context.Context, s *discordgo.Session, m *discordgo.Message, reason string) {
	if reason == retry.RateLimited || reason == retry.Cancelled || ctx.Err() != nil {
		return
	}
	send := &discordgo.MessageSend{Content: SendFailedText, AllowedMentions: noPings(), Reference: m.SoftReference()}
	err := attempt(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := s.ChannelMessageSendComplex(m.ChannelID, send, opts...)
		return err
	})
	if err != nil {
		a.log.Warn("discord: could not tell the asker their reply failed", "message", m.ID, "err", a.redact(err))
	}
}

// send posts msg; see retry for rate limits.
func (a *Adapter) send(ctx context.Context, s *discordgo.Session, channelID string, msg *discordgo.MessageSend) error {
	_, err := a.sendID(ctx, s, channelID, msg)
	return err
}

// sendID is send returning the posted message's ID. The ID is passed
// through an atomic: an attempt abandoned at its deadline (see attempt)
// may still finish, and write it, after sendID has returned.
func (a *Adapter) sendID(ctx context.Context, s *discordgo.Session, channelID string, msg *discordgo.MessageSend) (string, error) {
	var id atomic.Pointer[string]
	err := a.retry(ctx, "send to channel "+channelID, func(opts ...discordgo.RequestOption) error {
		m, err := s.ChannelMessageSendComplex(channelID, msg, opts...)
		if err == nil && m != nil {
			id.Store(&m.ID)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	if p := id.Load(); p != nil {
		return *p, nil
	}
	return "", nil
}

// retry runs call until it succeeds, retrying 429s (after the
// retry_after Discord asks for), 5xx, unparseable replies, timeouts and
// connection failures with back-off, within a.sendPolicy and never past
// ctx's deadline. discordgo's own retry is off because it waits without
// bound; call must pass opts to discordgo, which turn it off and bind the
// request to ctx. One attempt's HTTP exchange is bounded by the session's
// client (attemptTimeout), not its wait in discordgo's rate limiter, which
// sleeps out a global 429 for every request and takes no context: each
// attempt runs apart so that wait cannot hold the caller past ctx, and the
// abandoned attempt then fails on its cancelled context instead of sending.
func (a *Adapter) retry(ctx context.Context, what string, call func(opts ...discordgo.RequestOption) error) error {
	err := retry.Do(ctx, a.sendPolicy, func(ctx context.Context) error { return attempt(ctx, call) }, classify)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// attempt makes one call, returning when it does or when ctx ends,
// whichever is first.
func attempt(ctx context.Context, call func(opts ...discordgo.RequestOption) error) error {
	done := make(chan error, 1)
	go func() { done <- safeError(call(discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// rateLimited is a 429 without the URL discordgo's RateLimitError quotes,
// which for interactions holds the interaction's token.
type rateLimited struct{ after time.Duration }

func (e *rateLimited) Error() string { return fmt.Sprintf("rate limited, retry after %v", e.after) }

// safeError keeps URLs, and so interaction tokens, out of errors that are
// logged, keeping what classify needs.
func safeError(err error) error {
	if rl, ok := errors.AsType[*discordgo.RateLimitError](err); ok {
		return &rateLimited{after: rl.RetryAfter}
	}
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return fmt.Errorf("%s request failed: %w", ue.Op, ue.Err)
	}
	return err
}

// classify says whether a failed REST call is worth another attempt.
func classify(err error) retry.Verdict {
	if rl, ok := errors.AsType[*rateLimited](err); ok {
		return retry.Verdict{Retry: true, After: rl.after, Reason: retry.RateLimited}
	}
	if re, ok := errors.AsType[*discordgo.RESTError](err); ok && re.Response != nil {
		switch code := re.Response.StatusCode; {
		case code >= 500:
			return retry.Verdict{Retry: true, Reason: retry.ServerError}
		case code == http.StatusRequestTimeout:
			return retry.Verdict{Retry: true, Reason: retry.Timeout}
		case code == http.StatusTooManyRequests:
			return retry.Verdict{Retry: true, After: time.Second, Reason: retry.RateLimited}
		}
		return retry.Verdict{Reason: retry.Rejected}
	}
	if _, ok := errors.AsType[*json.SyntaxError](err); ok || errors.Is(err, discordgo.ErrJSONUnmarshal) {
		return retry.Verdict{Retry: true, Reason: retry.BadResponse}
	}
	// Timeouts; connection refused or reset, or discordgo's "Exceeded Max
	// retries" for a 502: the message was most likely not posted.
	return retry.Unanswered(err)
}

// noPings is the allowed_mentions of every message sent: non-nil and
// empty, so it is serialised as "parse": [] and nothing pings anyone. nil
// would be null, which Discord reads as "use the defaults", and those ping.
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}
