package match

import (
	"slices"
	"strings"
	"unicode"

	"github.com/storybot/storybot/english"
)

// Contact details: "whats the email", "helpdesk email address pls",
// "what's the phone number", "website?" ask for an address, a number or a
// link, which the sentence that answers holds ("Email us at
// members@example.org"), where others only speak of emailing ("give
// notice in writing or by email").

// contactKind says what a question's words ask for: 'e' an email
// address, 'p' a phone number or extension, 'w' a web address; 0 for
// none. The word must be asked for ("the email", "email address", "phone
// number", "website"), not be the question's verb ("if i email IT…").
func contactKind(all []string) byte {
	for i, w := range all {
		prev, next := "", ""
		if i > 0 {
			prev = all[i-1]
		}
		if i+1 < len(all) {
			next = all[i+1]
		}
		asked := contactDeterminers[prev] || next == "address" || next == "addy" || next == "number" || next == "pls" || next == "please" ||
			len(all) <= 2 || i == len(all)-1 && i > 1 // "whats the customer service teams email"
		switch w {
		case "email", "e-mail", "emails":
			if asked {
				return 'e'
			}
		case "phone", "telephone", "tel", "mobile":
			if next == "number" || next == "no" || asked {
				return 'p'
			}
		case "ext", "extension":
			return 'p'
		case "number", "numbers", "num":
			// "taxi number?", "whats her number", "what number do i call":
			// a phone number, unless it counts ("the number of rooms") or
			// names something ("room number", "what number bus").
			if next != "of" && !identifierWords[prev] && !identifierWords[next] && !slices.Contains(all, "many") {
				return 'p'
			}
		case "website", "site", "url", "webpage", "web":
			if w == "web" || w == "site" {
				// "the web" and "the site" are as often the internet and
				// a place: "web address", "site link" ask for one.
				if next == "address" || next == "page" || next == "link" || next == "url" {
					return 'w'
				}
				continue
			}
			if asked || w == "website" || w == "url" {
				return 'w'
			}
		case "link", "links":
			if asked || next == "to" || next == "for" {
				return 'w' // "is there a link to the study", "the link for signing up"
			}
		}
	}
	return 0
}

// capContactAnswer caps the confidence when the question asks for an
// email or a web address and none of the first candidates holds one:
// "is there an email address for customer service?" is not answered by
// the service's phone number. A "phone number" asked needs a number of
// three digits at least ("dial 999"); "what number should I call" is not
// checked.
func (m *Matcher) capContactAnswer(res *Result, hits []Hit, q *question) {
	k := contactKind(q.all)
	if len(hits) == 0 || !asksAddress(q.all) {
		return
	}
	holds := func(text string) bool { return holdsContact(text, k) }
	switch {
	case k == 'p' && slices.ContainsFunc(q.all, func(w string) bool { return phoneWords[w] }):
		// "whats the phone number for the museum": some number to ring,
		// if only "999".
		holds = func(text string) bool { return digitRun(text) >= 3 }
	case k != 'e' && k != 'w':
		return // "what number do i call": "dial 999" may answer it
	}
	capUnlessHeld(res, hits, frequencyWindow, func(i int) bool { return holds(m.sents[i].Quote()) })
}

// phoneWords name a telephone.
var phoneWords = setOf("phone", "telephone", "tel", "mobile")

// digitRun is the length of text's longest run of digits.
func digitRun(text string) int {
	best, n := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] >= '0' && text[i] <= '9' {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// asksAddress reports whether the question asks for the email or web
// address or the phone number itself ("whats the email", "is there an
// email address for customer service", "whats the organisers email",
// "website?", "whats the phone number for the museum"), not for
// something of it ("What CBS website provided a stream?", "what did he
// say in his email?"): the
// contact word, after a determiner or first, ends the question or comes
// before "address", "for", "of" or "to", and no preposition puts it
// somewhere ("on the website").
func asksAddress(all []string) bool {
	for i, w := range all {
		if !addressWords[w] {
			continue
		}
		next := ""
		if i+1 < len(all) {
			next = all[i+1]
		}
		if next == "address" || next == "addy" || next == "link" || next == "url" || next == "page" {
			if i+2 < len(all) {
				next = all[i+2]
			} else {
				next = ""
			}
		}
		if next != "" && next != "for" && next != "of" && next != "to" && next != "pls" && next != "please" {
			continue
		}
		j := i - 1
		if j >= 0 && (all[j] == "email" || all[j] == "web" || phoneWords[all[j]]) {
			j--
		}
		if j < 0 {
			return true
		}
		for k := 0; k < 3 && j > 0 && !contactDeterminers[all[j]] && !english.IsStop(all[j]); k++ {
			j-- // "whats the organisers email": up to three words say whose
		}
		if contactDeterminers[all[j]] && (j == 0 || !placingWords[all[j-1]]) {
			return true
		}
		if j > 0 && j < i-1 && (all[j] == "is" || all[j] == "are") && all[j-1] == "what" {
			return true // "what's Mrs Anand's email": whose, by name
		}
	}
	return false
}

var (
	// addressWords name an email or a web address.
	addressWords = setOf("email", "e-mail", "website", "url", "webpage", "web", "site", "address", "link", "number", "no")
	// placingWords put a contact word somewhere: "on the website", "in
	// his email".
	placingWords = setOf("in", "on", "at", "from", "via", "through", "by", "into")
)

// contactNouns name a contact detail, which the text writes as the
// detail itself: "phone number", "email address".
var contactNouns = setOf("number", "numbers", "no", "num", "address", "addy", "details")

// identifierWords are things a number names rather than rings: "room
// number", "what number bus", "order number"; "which bus", "which
// junction" ask for that number (preferIdentified).
var identifierWords = setOf("room", "flight", "page", "order", "reference", "ref", "seat", "table", "platform",
	"bus", "route", "case", "account", "serial", "model", "version", "house", "street", "ticket", "booking",
	"invoice", "member", "membership", "policy", "registration", "reg", "vat", "tax", "batch", "issue",
	"episode", "chapter", "track", "lot", "gate", "pitch", "plot", "unit", "flat", "apartment", "bay",
	"locker", "pin", "card", "part", "item", "product", "release", "build", "line", "bed", "ward", "stand",
	"shirt", "jersey", "lucky", "winning", "prime", "round", "total", "exact", "same", "right", "wrong",
	"junction", "exit", "floor", "terminal", "version", "season", "channel", "level", "stop", "door")

// contactDeterminers before a word make it the thing asked for: "the
// email", "your website", "whats the number".
var contactDeterminers = setOf("the", "whats", "what", "your", "an", "a", "their", "his", "her", "its", "our", "any")

// holdsContact reports whether text holds the kind of contact detail k.
func holdsContact(text string, k byte) bool {
	switch k {
	case 'e':
		at := strings.IndexByte(text, '@')
		return at > 0 && strings.Contains(text[at:], ".") && isAddressRune(rune(text[at-1]))
	case 'p':
		return phoneDigits(text)
	case 'w':
		l := strings.ToLower(text)
		return strings.Contains(l, "http://") || strings.Contains(l, "https://") || strings.Contains(l, "www.")
	}
	return false
}

func isAddressRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-' || r == '+'
}

// phoneDigits reports whether text holds a phone number (a run of at
// least seven digits, spaces, dashes, dots or brackets between them) or
// an extension ("ext. 4357", "extension 2150").
func phoneDigits(text string) bool {
	l := strings.ToLower(text)
	for _, cue := range [...]string{"ext. ", "ext ", "extension "} {
		if i := strings.Index(l, cue); i >= 0 && i+len(cue) < len(l) && l[i+len(cue)] >= '0' && l[i+len(cue)] <= '9' {
			return true
		}
	}
	digits := 0
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			digits++
			if digits >= 7 {
				return true
			}
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			digits = 0
		}
	}
	return false
}

// preferContact brings up, for a question asking for a contact detail,
// the first of the next few candidates that holds one of its kind, when
// the first does not, and reports whether the first holds one then.
func (m *Matcher) preferContact(hits []Hit, all []string) bool {
	k := contactKind(all)
	return k != 0 && preferHolding(hits, frequencyWindow, func(i int) bool { return holdsContact(m.sents[i].Quote(), k) })
}
