package match

import (
	"slices"
	"strings"
	"unicode"
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
		asked := contactDeterminers[prev] || next == "address" || next == "addy" || next == "number" || next == "pls" || next == "please" || len(all) <= 2
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

// identifierWords are things a number names rather than rings: "room
// number", "what number bus", "order number".
var identifierWords = setOf("room", "flight", "page", "order", "reference", "ref", "seat", "table", "platform",
	"bus", "route", "case", "account", "serial", "model", "version", "house", "street", "ticket", "booking",
	"invoice", "member", "membership", "policy", "registration", "reg", "vat", "tax", "batch", "issue",
	"episode", "chapter", "track", "lot", "gate", "pitch", "plot", "unit", "flat", "apartment", "bay",
	"locker", "pin", "card", "part", "item", "product", "release", "build", "line", "bed", "ward", "stand",
	"shirt", "jersey", "lucky", "winning", "prime", "round", "total", "exact", "same", "right", "wrong")

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
