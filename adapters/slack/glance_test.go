package slack

import (
	"testing"

	"github.com/storybot/storybot/internal/testbot"
)

func TestRenderShortAnswerAndLinkGolden(t *testing.T) {
	r := testbot.ShortLinked(t)
	got, err := RenderJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "render_short_linked.json", got)
	checkLimits(t, Render(r, InChannel))
}

func TestUnescapeAngles(t *testing.T) {
	in := `{"a":"\u003chttps://x|[1]\u003e","b":"\\u003c kept"}`
	want := `{"a":"<https://x|[1]>","b":"\\u003c kept"}`
	if got := string(unescapeAngles([]byte(in))); got != want {
		t.Errorf("unescapeAngles = %s, want %s", got, want)
	}
}
