package discord

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

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
		actx := bot.WithAsker(ctx, bot.Asker{Platform: platform, User: m.Author.ID, Channel: m.ChannelID})
		r := a.answerer.Answer(actx, q)
		a.log.Debug("discord: answered", "message", m.ID, "outcome", string(r.Outcome))
		msgs = Render(r)
	}
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
		if err := a.send(ctx, s, m.ChannelID, send); err != nil {
			a.log.Warn("discord: reply dropped", "message", m.ID, "channel", m.ChannelID, "err", a.redact(err))
			return
		}
	}
	a.log.Debug("discord: replied", "message", m.ID, "messages", len(msgs))
}

// send posts msg; see retry for rate limits.
func (a *Adapter) send(ctx context.Context, s *discordgo.Session, channelID string, msg *discordgo.MessageSend) error {
	return a.retry(ctx, "send to channel "+channelID, func(opts ...discordgo.RequestOption) error {
		_, err := s.ChannelMessageSendComplex(channelID, msg, opts...)
		return err
	})
}

// retry runs call, retrying a 429 after the retry_after Discord asks for,
// at most a.sendRetries times and never past ctx's deadline. discordgo's
// own retry is off because it waits without bound; call must pass opts to
// discordgo, which turn it off and bind the request to ctx.
func (a *Adapter) retry(ctx context.Context, what string, call func(opts ...discordgo.RequestOption) error) error {
	for attempt := 0; ; attempt++ {
		err := call(discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
		var rl *discordgo.RateLimitError
		if !errors.As(err, &rl) {
			return err
		}
		// RateLimitError's text holds the URL, which for interactions
		// holds the interaction's token: keep it out of errors and logs.
		wait := max(rl.RetryAfter, 0)
		switch {
		case attempt >= a.sendRetries:
			return fmt.Errorf("%s: still rate limited after %d retries", what, attempt)
		case wait > a.maxRetryAfter:
			return fmt.Errorf("%s: rate limited, retry_after %v is too long", what, wait)
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return fmt.Errorf("%s: rate limited, retry_after %v is past the deadline", what, wait)
		}
		a.log.Info("discord: rate limited; retrying", "call", what, "retry_after", wait, "attempt", attempt+1)
		if !sleep(ctx, wait) {
			return ctx.Err()
		}
	}
}

// noPings is the allowed_mentions of every message sent: non-nil and
// empty, so it is serialised as "parse": [] and nothing pings anyone. nil
// would be null, which Discord reads as "use the defaults", and those ping.
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}
