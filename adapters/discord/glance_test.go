package discord

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/internal/testbot"
)

func TestRenderShortAnswerAndLinkGolden(t *testing.T) {
	msgs := Render(testbot.ShortLinked(t))
	got := strings.Join(msgs, "\n=== next message ===\n") + "\n"
	testbot.Golden(t, filepath.Join("testdata", "short_linked.golden"), []byte(got), *update)
}
