// Package discord connects the bot to Discord over the gateway, the
// WebSocket connection Discord pushes events through, so a self-hoster
// needs no public URL.
//
// It is the only package that imports discordgo. It answers a guild
// message only when the bot is mentioned, and every direct message; it
// ignores its own messages and other bots' so two bots cannot loop. Only
// the non-privileged intents GUILD_MESSAGES and DIRECT_MESSAGES are
// requested: Discord still delivers the content of DMs and of messages that
// mention the bot without the privileged MESSAGE_CONTENT intent, and asking
// for an intent the application lacks would close the gateway with 4014.
//
// It also serves an /ask slash command, registered once per [Adapter.Run]
// and delivered over the same gateway as INTERACTION_CREATE, answered within
// Discord's 3 s (deferred, then edited, if the bot is ever slower).
//
// Every message it sends carries allowed_mentions with an empty parse list,
// so an "@everyone" or a role mention in a question or in the document is
// never echoed as a ping. Replies are rendered by [Render] in Discord
// markdown, split below Discord's 2,000-character limit.
//
// discordgo reconnects forever by default, even when the gateway closes for
// good (4004, a bad token; 4014, an intent that is not enabled). [Adapter.Run]
// therefore owns reconnection: transient drops reconnect with back-off,
// fatal close codes end Run with a [*GatewayError].
package discord
