// Package story holds the document storybot was made for, embedded in the
// binary so the bot answers with no file at all.
package story

import _ "embed"

// Name is the default document's name in citations.
const Name = "story.txt"

// Text is the default story: a news report, one paragraph per line.
//
//go:embed story.txt
var Text []byte
