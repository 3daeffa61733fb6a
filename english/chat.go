package english

// ChatSpelling returns the function words a chat spelling stands for ("u"
// -> "you", "wat" -> "what", "w" of "w/" -> "with", the typo "teh"), or nil. These are
// general English, as in any list of text-message abbreviations, and only
// those that stand for words a search ignores: a question's content words
// are left to the typo corrector and the clippings (Clipped), and a
// longer misspelt function word ("wher") to the matcher, which says so.
func ChatSpelling(w string) []string { return chatSpellings[w] }

// IsChatFiller reports whether w only colours how a chat message asks
// ("really", "asap", "atm"): not a stop word of the text, yet never what
// a question is about.
func IsChatFiller(w string) bool { return chatFillers[w] }

var chatSpellings = map[string][]string{
	"u": {"you"}, "ya": {"you"}, "ur": {"your"}, "r": {"are"},
	"wat": {"what"}, "wot": {"what"}, "wut": {"what"}, "wht": {"what"}, "wen": {"when"},
	"whr": {"where"}, "hw": {"how"},
	"w": {"with"}, "abt": {"about"}, "bc": {"because"}, "cuz": {"because"}, "coz": {"because"},
	"thru": {"through"}, "b4": {"before"}, "pls": {"please"}, "plz": {"please"},
	"im": {"i", "am"}, "ive": {"i", "have"}, "teh": {"the"}, "hte": {"the"}, "adn": {"and"},
	"gonna": {"going", "to"}, "wanna": {"want", "to"}, "gotta": {"got", "to"}, "kinda": {"kind", "of"},
	"sorta": {"sort", "of"}, "lemme": {"let", "me"}, "gimme": {"give", "me"}, "tho": {"though"},
	"cos": {"because"}, "til": {"until"}, "till": {"until"},
}

// ChatAcronym returns the words a chat acronym stands for ("wfh":
// "working from home", "ww2": "second world war"), or nil: common English
// initialisms a question writes and a text spells out.
func ChatAcronym(w string) []string { return chatAcronyms[w] }

var chatAcronyms = map[string][]string{
	"wfh": {"working", "from", "home"}, "ww2": {"second", "world", "war"}, "wwii": {"second", "world", "war"},
	"ww1": {"first", "world", "war"}, "wwi": {"first", "world", "war"}, "pto": {"paid", "time", "off"},
	"ooo": {"out", "of", "office"}, "dob": {"date", "of", "birth"}, "eta": {"estimated", "time", "of", "arrival"},
	"diy": {"do", "it", "yourself"}, "bbq": {"barbecue"}, "uk": {"united", "kingdom"},
}

var chatFillers = func() map[string]bool {
	m := setOf("asap", "atm", "rn", "tbh", "btw", "fyi", "imo", "imho", "idk",
		"really", "actually", "basically", "literally", "honestly", "seriously", "thx", "thanks", "ta",
		"hi", "hey", "hello", "nah", "yeah", "yep", "yup", "nope", "ty",
		// Hedges on a number asked for ("approx how many"), never its topic.
		"approx", "approximately", "roughly")
	for w := range interjections {
		m[w] = true
	}
	return m
}()

// IsInterjection reports whether w is an interjection ("oops", "ugh",
// "lol"): how a message feels, never what it asks about.
func IsInterjection(w string) bool { return interjections[w] }

var interjections = setOf("oops", "whoops", "ugh", "hmm", "hmmm", "um", "umm", "erm", "uh", "wow",
	"yikes", "argh", "meh", "phew", "yay", "ouch", "gosh", "jeez", "haha", "hahaha", "hehe", "lol",
	"lmao", "rofl", "omg")

// IsLightVerb reports whether w is a form of a verb so general that a
// question uses it for how it asks, not for what it asks about ("can i
// bring my dog", "what do i get", "how do i know"): a text that answers
// need not use it. Forms that are as often nouns ("meaning", "use",
// "call", "talk", "thought") are not listed.
func IsLightVerb(w string) bool { return lightVerbForms[w] }

var lightVerbForms = setOf("want", "wants", "wanted", "wanting", "need", "needs", "needed",
	"get", "gets", "got", "getting", "gotten", "go", "goes", "went", "going", "gone",
	"come", "comes", "came", "coming", "take", "takes", "took", "taking", "taken",
	"make", "makes", "made", "making", "bring", "brings", "brought", "bringing",
	"put", "puts", "putting", "give", "gives", "gave", "given", "giving", "keep", "keeps", "kept",
	"let", "lets", "have", "has", "had", "having", "do", "does", "did", "done",
	"happen", "happens", "happened", "happening", "know", "knows", "knew", "known", "think", "thinks",
	"needing", "keeping", "doing", "knowing", "thinking", "look", "looks", "looked", "looking")
