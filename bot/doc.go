// Package bot turns a question into a Reply: the sentences of the loaded
// documents that answer it, quoted and cited, or an honest "not found".
//
// Adapters (terminal, Slack, Discord) depend on the Answerer interface only
// and render the platform-neutral Reply for their platform.
package bot
