package slack

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/bot"
)

func BenchmarkVerify(b *testing.B) {
	h := http.Header{}
	h.Set(HeaderSignature, vecSignature)
	h.Set(HeaderTimestamp, vecTimestamp)
	body := []byte(vecBody)
	now := time.Unix(1531420618, 0)
	for b.Loop() {
		if err := Verify(vecSecret, h, body, now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	r := bot.Reply{
		Outcome: bot.OutcomeAnswered, Answered: true,
		Text:      strings.Repeat("A sentence with <angle> & ampersand. ", 20),
		Citations: []bot.Citation{pompeo, pompeo, pompeo},
	}
	for b.Loop() {
		if _, err := marshalMsg(Render(r, InChannel)); err != nil {
			b.Fatal(err)
		}
	}
}
