package repl_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/adapters/repl"
	"github.com/storybot/storybot/internal/testbot"
)

// The REPL prints the short answer first and each source's URL.
func TestShortAnswerAndLinkGolden(t *testing.T) {
	testbot.ShortLinked(t)
	var out bytes.Buffer
	in := "How long is sick pay paid for?\nHow many days of holiday do we get?\n"
	if err := repl.New(testbot.HandbookBot(t), &out, repl.Options{}).Run(context.Background(), strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	testbot.Golden(t, filepath.Join("testdata", "short_linked.golden"), out.Bytes(), *update)
}
