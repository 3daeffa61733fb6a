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
package slack
