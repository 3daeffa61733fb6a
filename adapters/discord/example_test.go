package discord_test

import (
	"fmt"

	"github.com/storybot/storybot/adapters/discord"
	"github.com/storybot/storybot/bot"
)

// Render is what a REPL's ":render discord" shows: the messages exactly as
// Discord would receive them.
func ExampleRender() {
	r := bot.Reply{
		Outcome:  bot.OutcomeAnswered,
		Answered: true,
		Text:     "Secretary of State Mike Pompeo said *no*. [1]\n\nSources:\n[1] sentence 11, paragraph 10",
		Citations: []bot.Citation{{
			N: 1, Doc: "story.txt", Sentence: 11, Paragraph: 10,
			Text: "Secretary of State Mike Pompeo said *no*.",
		}},
	}
	for _, m := range discord.Render(r) {
		fmt.Println(m)
	}
	// Output:
	// > **[1]** Secretary of State Mike Pompeo said \*no\*.
	// > *sentence 11, paragraph 10*
}
