package slack_test

import (
	"fmt"
	"net/http"
	"time"

	"github.com/storybot/storybot/adapters/slack"
	"github.com/storybot/storybot/bot"
)

// Render shows what Slack receives for a reply; a quoted sentence that
// tries to ping the channel arrives inert.
func ExampleRender() {
	msg := slack.Render(bot.Reply{
		Outcome:  bot.OutcomeAnswered,
		Answered: true,
		Text:     "Tell <!channel> the summit is in Helsinki. [1]",
		Citations: []bot.Citation{{
			N: 1, Sentence: 3, Paragraph: 2, Text: "Tell <!channel> the summit is in Helsinki.",
		}},
	}, slack.InChannel)
	fmt.Println(msg.ResponseType)
	fmt.Println(msg.Text)
	fmt.Println(len(msg.Blocks.BlockSet), "blocks")
	// Output:
	// in_channel
	// Tell &lt;!channel&gt; the summit is in Helsinki. [1]
	// 2 blocks
}

// Verify checks Slack's published example with the clock set to when it
// was signed.
func ExampleVerify() {
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", "1531420618")
	h.Set("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
	body := []byte("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
	secret := "8f742231b10e8888abcd99yyyzzz85a5"
	fmt.Println(slack.Verify(secret, h, body, time.Unix(1531420618, 0)))
	fmt.Println(slack.Verify(secret, h, body, time.Unix(1531420618, 0).Add(time.Hour)))
	// Output:
	// <nil>
	// slack: request timestamp outside the allowed window
}
