package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// maxAckBytes keeps a slash command's ack payload under Socket Mode's 20 KB
// limit, above which Slack silently drops the response.
const maxAckBytes = 19 << 10

// RunSocketMode connects with the app-level token and serves app mentions
// and slash commands over Socket Mode until ctx is cancelled, when it
// returns nil. It returns an error if the connection cannot be made at all
// (bad token). slack-go reconnects by itself when Slack asks it to.
func (a *Adapter) RunSocketMode(ctx context.Context) error {
	if a.appToken == "" {
		return errors.New("slack: socket mode needs an app-level token (xapp-…)")
	}
	// slack-go's socket client logs through the standard logger; send it
	// to ours at debug level, and keep its payload dump (debug) off, since
	// that holds user text.
	smc := socketmode.New(a.api, socketmode.OptionLog(log.New(slogWriter{a}, "", 0)))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runErr := make(chan error, 1)
	go func() { runErr <- smc.RunContext(ctx) }()

	up := false
	setUp := func(v bool) {
		if up != v {
			up = v
			a.events.Connected(platform, v)
		}
	}
	defer setUp(false)
	for {
		select {
		case <-ctx.Done():
			<-runErr
			return nil
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack socket mode: %w", err)
		case evt := <-smc.Events:
			switch evt.Type {
			case socketmode.EventTypeConnected:
				setUp(true)
				a.log.Info("slack socket mode connected")
			case socketmode.EventTypeConnectionError, socketmode.EventTypeDisconnect,
				socketmode.EventTypeIncomingError:
				setUp(false)
				a.log.Warn("slack socket mode connection problem", "type", string(evt.Type))
			case socketmode.EventTypeInvalidAuth:
				setUp(false)
			case socketmode.EventTypeEventsAPI:
				a.socketEvent(ctx, smc, evt)
			case socketmode.EventTypeSlashCommand:
				a.socketCommand(ctx, smc, evt)
			case socketmode.EventTypeInteractive:
				a.ack(ctx, smc, evt.Request, nil)
			}
		}
	}
}

// ack acknowledges an envelope; Slack redelivers anything not acked.
func (a *Adapter) ack(ctx context.Context, smc *socketmode.Client, req *socketmode.Request, payload any) {
	if req == nil || req.EnvelopeID == "" {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, callBudget)
	defer cancel()
	if err := smc.AckCtx(ctx, req.EnvelopeID, payload); err != nil {
		a.log.Warn("slack socket mode ack failed", "err", err)
	}
}

func (a *Adapter) socketEvent(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	a.ack(ctx, smc, evt.Request, nil)
	ev, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok || ev.Type != slackevents.CallbackEvent {
		return
	}
	eventID := ""
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
		eventID = cb.EventID
	}
	switch m := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		a.mentioned(ctx, eventID, mention{
			Type:     "app_mention",
			User:     m.User,
			BotID:    m.BotID,
			Text:     m.Text,
			Channel:  m.Channel,
			TS:       m.TimeStamp,
			ThreadTS: m.ThreadTimeStamp,
		})
	case *slackevents.MessageEvent:
		// A direct message (message.im): the whole DM is one conversation.
		a.mentioned(ctx, eventID, mention{
			Type:        "message",
			SubType:     m.SubType,
			ChannelType: m.ChannelType,
			User:        m.User,
			BotID:       m.BotID,
			Text:        m.Text,
			Channel:     m.Channel,
			TS:          m.TimeStamp,
			ThreadTS:    m.ThreadTimeStamp,
		})
	}
}

// socketCommand answers a slash command in the ack itself, off the event
// loop so one slow answer does not hold up other envelopes.
func (a *Adapter) socketCommand(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	cmd, ok := evt.Data.(slack.SlashCommand)
	if !ok {
		a.ack(ctx, smc, evt.Request, nil)
		return
	}
	if evt.Request != nil && evt.Request.EnvelopeID != "" &&
		!a.firstTime(ctx, "slack:envelope:"+evt.Request.EnvelopeID, eventTTL) {
		a.ack(ctx, smc, evt.Request, nil)
		return
	}
	a.bg.Go(func() {
		msg := a.command(ctx, cmd)
		a.ack(ctx, smc, evt.Request, ackPayload(msg))
	})
}

// ackPayload is msg as a Socket Mode ack payload, dropping trailing blocks
// (citations first) until it fits the size limit.
func ackPayload(msg slack.Msg) json.RawMessage {
	for {
		b, err := marshalMsg(msg)
		if err == nil && len(b) < maxAckBytes {
			return b
		}
		if len(msg.Blocks.BlockSet) <= 1 {
			msg.Blocks.BlockSet = nil
			msg.Text = escapeTruncate(unescape(msg.Text), 2000)
			b, _ = marshalMsg(msg)
			return b
		}
		msg.Blocks.BlockSet = msg.Blocks.BlockSet[:len(msg.Blocks.BlockSet)-1]
	}
}

// slogWriter adapts the standard logger slack-go wants to our slog.Logger.
type slogWriter struct{ a *Adapter }

func (w slogWriter) Write(p []byte) (int, error) {
	w.a.log.Debug("slack-go: " + string(p))
	return len(p), nil
}
