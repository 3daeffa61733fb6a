package slack

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/storybot/storybot/adapters/internal/retry"
	"github.com/storybot/storybot/bot"
)

// commandHandler serves slash commands over HTTP.
type commandHandler struct{ a *Adapter }

var _ http.Handler = commandHandler{}

func (h commandHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a := h.a
	body, ok := a.readSigned(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		a.reject(w, http.StatusBadRequest, "malformed")
		return
	}
	if form.Get("ssl_check") == "1" {
		w.WriteHeader(http.StatusOK)
		return
	}
	cmd := slack.SlashCommand{
		TeamID:      form.Get("team_id"),
		ChannelID:   form.Get("channel_id"),
		UserID:      form.Get("user_id"),
		Command:     form.Get("command"),
		Text:        form.Get("text"),
		ResponseURL: form.Get("response_url"),
		TriggerID:   form.Get("trigger_id"),
		APIAppID:    form.Get("api_app_id"),
	}
	msg := a.command(r.Context(), cmd)
	b, err := marshalMsg(msg)
	if err != nil {
		// Cannot happen with our own types; still answer Slack politely.
		a.log.Error("slack render failed", "err", err)
		b, _ = marshalMsg(notice("Sorry, something went wrong."))
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

// command answers one slash command, from HTTP or Socket Mode, and returns
// the message to send back at once. If the answer takes longer than
// SlowAfter, the returned message is an acknowledgement and the answer
// follows on response_url (when that URL is allowed).
func (a *Adapter) command(ctx context.Context, cmd slack.SlashCommand) slack.Msg {
	q := cleanText(cmd.Text)
	if q == "" || strings.EqualFold(q, "help") {
		return usage(cmd.Command)
	}
	asker := bot.Asker{Platform: platform, User: cmd.UserID, Channel: cmd.ChannelID}
	// A slash command cannot be threaded: the channel and user make the
	// conversation, for as long as the memory keeps it.
	convo := "slack:command:" + cmd.ChannelID + ":" + cmd.UserID
	actx, cancel := detach(bot.WithConversation(bot.WithAsker(ctx, asker), convo), answerBudget)
	replies := make(chan bot.Reply, 1)
	a.bg.Go(func() { replies <- a.answer(actx, q) })

	timer := time.NewTimer(a.slowAfter)
	defer timer.Stop()
	select {
	case rep := <-replies:
		cancel()
		a.logReply("slash command", asker, rep)
		return Render(rep, a.responseType)
	case <-timer.C:
	}

	if !a.hookAllowed(cmd.ResponseURL) {
		cancel()
		a.log.Warn("slack answer slow and response_url not allowed; giving up",
			"host", hostOf(cmd.ResponseURL))
		return notice("Sorry, that took too long. Please try again.")
	}
	a.bg.Go(func() {
		defer cancel()
		var rep bot.Reply
		select {
		case rep = <-replies:
		case <-actx.Done():
			a.log.Warn("slack answer timed out", "user", asker.User, "channel", asker.Channel)
			rep = bot.Reply{Outcome: bot.OutcomeRefused, Text: "Sorry, I could not find an answer in time."}
		}
		a.logReply("slash command (deferred)", asker, rep)
		// A fresh deadline: actx may have just expired, and the apology
		// must still go out, retries included.
		pctx, pcancel := detach(actx, 2*callBudget)
		defer pcancel()
		a.postResponseURL(pctx, cmd.ResponseURL, Render(rep, a.responseType))
	})
	return notice("Looking that up…")
}

func (a *Adapter) logReply(kind string, asker bot.Asker, rep bot.Reply) {
	a.log.Debug("slack "+kind+" answered", "outcome", string(rep.Outcome),
		"user", asker.User, "channel", asker.Channel, "citations", len(rep.Citations))
}

// hookAllowed reports whether we may POST to a response_url: https (or
// http when AllowInsecureHooks was given), no credentials, and a host[:port]
// on the allow-list.
func (a *Adapter) hookAllowed(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.User != nil || u.Host == "" || u.Opaque != "" {
		return false
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !a.insecureHooks {
			return false
		}
	default:
		return false
	}
	host := strings.ToLower(u.Host)
	if a.hooks[host] {
		return true
	}
	// An entry without a port also allows the scheme's default port.
	port := u.Port()
	return a.hooks[strings.ToLower(u.Hostname())] &&
		(port == "" || (u.Scheme == "https" && port == "443") || (u.Scheme == "http" && port == "80"))
}

// hostOf names a URL's host for logs; the path of a response_url is a
// bearer capability and stays out of them.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable)"
	}
	return u.Host
}

// postResponseURL posts msg to a response_url, retrying 429s, 5xx and
// timeouts like chat.postMessage within ctx. A post that still fails is
// counted; the asker was already told "Looking that up…", and Slack offers
// no other way to reach them from a slash command.
func (a *Adapter) postResponseURL(ctx context.Context, rawURL string, msg slack.Msg) {
	wh := &slack.WebhookMessage{
		ResponseType: msg.ResponseType,
		Text:         msg.Text,
		Blocks:       &msg.Blocks,
	}
	err := retry.Do(ctx, a.replyPolicy, func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, a.attemptTimeout)
		defer cancel()
		return slack.PostWebhookCustomHTTPContext(ctx, rawURL, a.client, wh)
	}, classify)
	if err != nil {
		reason := retry.ReasonOf(err)
		a.events.ReplyFailed(platform, reason)
		// The error text may contain the URL, a bearer capability; log
		// only its host.
		a.log.Warn("slack response_url post failed", "host", hostOf(rawURL), "reason", reason, "status", statusOf(err))
	}
}

// statusOf summarises an outbound error without its text, which can carry
// URLs.
func statusOf(err error) string {
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok {
		return sc.Status
	}
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		return "rate limited, retry after " + rl.RetryAfter.String()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	return "request failed"
}
