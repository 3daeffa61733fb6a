package discord

import (
	"context"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/adapters/internal/retry"
	"github.com/storybot/storybot/bot"
)

// askCommand is the /ask slash command. Slash commands arrive over the
// gateway as INTERACTION_CREATE, so they need no public URL either, and
// Discord shows them in its command picker, which mentions are not.
var askCommand = &discordgo.ApplicationCommand{
	Name:        "ask",
	Description: "Ask a question about the story",
	Options: []*discordgo.ApplicationCommandOption{{
		Type:        discordgo.ApplicationCommandOptionString,
		Name:        "question",
		Description: "Your question",
		Required:    true,
		MaxLength:   MaxQuestion,
	}},
}

// registerAsk creates (or updates: Discord upserts by name) the global
// /ask command. Discord limits command creation per day, so Run does this
// once, not at every READY of a reconnection.
func (a *Adapter) registerAsk(ctx context.Context, s *discordgo.Session, r *discordgo.Ready) {
	appID := ""
	if r.Application != nil {
		appID = r.Application.ID
	}
	if appID == "" && r.User != nil {
		appID = r.User.ID // a bot user's ID is its application's ID
	}
	if appID == "" {
		a.log.Warn("discord: READY without an application ID; /ask not registered")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, a.answerTimeout)
	defer cancel()
	err := a.retry(ctx, "register /ask", func(opts ...discordgo.RequestOption) error {
		_, err := s.ApplicationCommandCreate(appID, "", askCommand, opts...)
		return err
	})
	if err != nil {
		a.log.Warn("discord: /ask not registered", "err", a.redact(err))
		return
	}
	a.log.Info("discord: /ask registered", "application", appID)
}

// handleInteraction answers /ask. Discord needs the first response within
// 3 s; the bot usually answers in microseconds, but if it has not answered
// after a.deferAfter the adapter sends a deferred response and edits it
// once the answer comes (allowed for 15 minutes).
func (a *Adapter) handleInteraction(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, busyNow bool) {
	defer func() {
		if p := recover(); p != nil {
			a.log.Error("discord: panic answering an interaction", "interaction", i.ID, "panic", p)
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, a.answerTimeout)
	defer cancel()
	q, user := interactionQuestion(i)
	var msgs []string
	deferred := false
	switch {
	case busyNow:
		// An interaction must be answered or the user sees "did not
		// respond"; same words as bot.Limit's.
		a.events.Rejected(platform, "busy")
		msgs = []string{bot.BusyText}
	case utf16Len(q) > MaxQuestion:
		// Discord enforces max_length, but an old registration or a
		// proxy might not.
		a.events.Rejected(platform, "size")
		msgs = []string{TooLong}
	default:
		var r bot.Reply
		var ok bool
		if r, deferred, ok = a.answerInteraction(ctx, s, i, q, user); !ok {
			return
		}
		a.log.Debug("discord: answered", "interaction", i.ID, "outcome", string(r.Outcome))
		msgs = Render(r)
	}
	if err := a.sendInteraction(ctx, s, i, msgs, deferred); err != nil {
		a.events.ReplyFailed(platform, retry.ReasonOf(err))
		a.log.Warn("discord: interaction response dropped", "interaction", i.ID, "err", a.redact(err))
		return
	}
	a.log.Debug("discord: replied", "interaction", i.ID, "messages", len(msgs))
}

// interactionQuestion returns the question of an /ask interaction and who
// asked it.
func interactionQuestion(i *discordgo.Interaction) (q, user string) {
	for _, o := range i.ApplicationCommandData().Options {
		if o.Name == "question" && o.Type == discordgo.ApplicationCommandOptionString {
			q = o.StringValue()
		}
	}
	switch {
	case i.Member != nil && i.Member.User != nil:
		user = i.Member.User.ID
	case i.User != nil:
		user = i.User.ID
	}
	return q, user
}

// answerInteraction answers q, sending a deferred response first if the
// answer takes longer than a.deferAfter. ok is false when the interaction
// was dropped (already logged).
func (a *Adapter) answerInteraction(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, q, user string) (r bot.Reply, deferred, ok bool) {
	replies := make(chan bot.Reply, 1) // buffered: a late answer must not block
	actx := bot.WithAsker(ctx, bot.Asker{Platform: platform, User: user, Channel: i.ChannelID})
	actx = bot.WithConversation(actx, conversation(&discordgo.Message{ChannelID: i.ChannelID, GuildID: i.GuildID, Author: &discordgo.User{ID: user}}, ""))
	go func() { replies <- a.answerer.Answer(actx, q) }()
	t := time.NewTimer(a.deferAfter)
	select {
	case r = <-replies:
		t.Stop()
		return r, false, true
	case <-t.C:
	}
	err := a.retry(ctx, "defer interaction", func(opts ...discordgo.RequestOption) error {
		return s.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		}, opts...)
	})
	if err != nil {
		a.events.ReplyFailed(platform, retry.ReasonOf(err))
		a.log.Warn("discord: interaction dropped", "interaction", i.ID, "err", a.redact(err))
		return r, true, false
	}
	select {
	case r = <-replies:
		return r, true, true
	case <-ctx.Done():
		a.log.Warn("discord: no answer in time for a deferred interaction", "interaction", i.ID)
		return r, true, false
	}
}

// sendInteraction sends msgs: the first as the response (or as the edit
// of the deferred one), the rest as follow-ups.
func (a *Adapter) sendInteraction(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, msgs []string, deferred bool) error {
	var err error
	if deferred {
		err = a.retry(ctx, "edit deferred response", func(opts ...discordgo.RequestOption) error {
			_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &msgs[0], AllowedMentions: noPings()}, opts...)
			return err
		})
	} else {
		err = a.retry(ctx, "respond to interaction", func(opts ...discordgo.RequestOption) error {
			return s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{
					Content:         msgs[0],
					AllowedMentions: noPings(),
					Flags:           discordgo.MessageFlagsSuppressEmbeds,
				},
			}, opts...)
		})
	}
	for _, m := range msgs[1:] {
		if err != nil {
			break
		}
		err = a.retry(ctx, "follow up interaction", func(opts ...discordgo.RequestOption) error {
			_, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
				Content: m, AllowedMentions: noPings(), Flags: discordgo.MessageFlagsSuppressEmbeds,
			}, opts...)
			return err
		})
	}
	return err
}
