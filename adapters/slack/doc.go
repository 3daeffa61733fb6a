// Package slack connects the bot to Slack: slash commands and app mentions
// over HTTP (Events API), and the same two over Socket Mode for self-hosters
// without a public URL. It is the only package that imports slack-go, so the
// rest of storybot stays platform-neutral: requests come in here, become a
// question for a bot.Answerer, and the bot.Reply goes back out as Block Kit.
//
// Everything that arrives over HTTP is treated as hostile until its v0
// signature checks out against the raw body, and everything sent back that
// came from a user or a document is escaped, so a quoted sentence can never
// turn into a live <!channel> ping or a disguised link.
//
// Wiring, over HTTP:
//
//	a, err := slack.New(b, slack.Config{SigningSecret: secret, BotToken: token},
//		slack.WithLogger(logger), slack.WithEvents(events))
//	...
//	srv := &http.Server{Addr: ":8080", Handler: a.Handler()}
//	// after srv.Shutdown: a.Wait()
//
// or over Socket Mode, with no public URL:
//
//	a, err := slack.New(b, slack.Config{SocketMode: true, AppToken: xapp, BotToken: xoxb})
//	...
//	err = a.RunSocketMode(ctx) // returns nil once ctx is cancelled
//	a.Wait()
//
// Render and RenderJSON are pure, for previews of what Slack would show.
package slack
