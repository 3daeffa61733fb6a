package bot

import (
	"strings"

	"github.com/storybot/storybot/match"
)

// maxExamples is how many example questions a reply offers: one or two
// read as help, more read as a menu.
const maxExamples = 2

// exampleQuestions finds questions the store does answer, to offer when
// the bot cannot help: each is asked of the store itself and kept only if
// it is answered, so an example never leads a user into a refusal.
func exampleQuestions(m *match.Matcher, keywords []string, minConf float64) []string {
	var out []string
	for _, k := range keywords {
		if len(out) == maxExamples {
			break
		}
		q := "What does it say about " + k + "?"
		res := m.Search(q, match.SearchOptions{TopK: 1})
		if len(res.Hits) > 0 && res.Confidence >= max(minConf, 0.5) {
			out = append(out, q)
		}
	}
	return out
}

// topics says what the documents are about, in a phrase: "Vladimir Putin,
// Trump and the White House".
func topics(keywords []string) string {
	ks := keywords[:min(len(keywords), 4)]
	switch len(ks) {
	case 0:
		return ""
	case 1:
		return ks[0]
	}
	return strings.Join(ks[:len(ks)-1], ", ") + " and " + ks[len(ks)-1]
}

// tryLine offers the example questions: ` Try "…" or "…"` (no full
// stop), or "".
func tryLine(l *loaded) string { return l.guidance().try }

// coverLine says what the documents cover: ` It covers …` or "".
func coverLine(l *loaded) string { return l.guidance().cover }

// talkReply answers small talk in kind: short, friendly, never a quote,
// and always pointing at what the bot can do.
func talkReply(l *loaded, t Talk) string {
	about := "questions about " + l.names
	var s string
	switch t {
	case TalkGreeting:
		s = "Hi! I answer " + about + ", quoting the sentences I rely on." + coverLine(l)
	case TalkThanks:
		return "You're welcome! Ask me anything else about " + l.names + "."
	case TalkBye:
		return "Bye! Ask me about " + l.names + " any time."
	case TalkHelp, TalkIdentity:
		s = "I'm storybot: I answer " + about + " and quote the sentences each answer rests on, numbered, so you can check them." + coverLine(l)
	case TalkFeedback:
		s = "Sorry that didn't help. I can only answer from " + l.names + "; try asking in other words, or about something it covers." + coverLine(l)
	case TalkNoWords:
		s = "Please ask a question: I answer " + about + "."
	case TalkForeign:
		s = "Sorry, I only understand English questions. I answer " + about + "."
	case TalkTask:
		s = "Sorry, I can't do that: I only answer " + about + ", quoting the sentences I rely on." + coverLine(l)
	default: // TalkAck
		s = "Anything else you'd like to know about " + l.names + "?"
	}
	if try := tryLine(l); try != "" {
		s += try + "."
	}
	return s
}
