package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
)

// Talk is what kind of chat message a message is when it is not a question
// about the documents: the things people say to any chat bot. Quoting a
// sentence in reply to "thanks!" tells a user the bot does not listen, so
// these are recognised before the matcher runs and answered in kind.
type Talk int

const (
	TalkNone     Talk = iota // a question (or at least not small talk)
	TalkGreeting             // hi, good morning, how are you
	TalkThanks               // thanks, great, that helped
	TalkBye                  // bye, see you, good night
	TalkHelp                 // help, what can you do, how does this work
	TalkIdentity             // who are you, are you a bot, are you married, tell me a joke
	TalkAck                  // ok, lol, hmm, test
	TalkFeedback             // that's wrong, you're useless
	TalkNoWords              // emoji, punctuation: nothing to read
	TalkForeign              // a message in another language
	TalkTask                 // remind me, set a timer, write me a poem, what time is it: a task for an assistant (not "what's the weather like?": a travel guide may say)
)

func (t Talk) String() string {
	return [...]string{"none", "greeting", "thanks", "bye", "help", "identity", "ack",
		"feedback", "no_words", "foreign", "task"}[t]
}

// talkPhrases are general English small-talk phrasings by kind, written
// as normalised words (see talkWords). A message is small talk when it
// is made entirely of these phrases and the fillers below, in any order.
var talkPhrases = map[Talk][]string{
	TalkGreeting: {
		"hi", "hello", "hey", "heya", "hiya", "howdy", "yo", "sup", "wassup", "whats up",
		"what is up", "greetings", "good morning", "good afternoon", "good evening",
		"good day", "morning", "evening", "afternoon", "gm", "hey hey", "hi hi",
		"anyone there", "anybody there", "is anyone there", "is anybody there", "anyone home",
		"is this thing on", "is this on", "are you there", "you there", "are you awake",
		"how are you", "how are you doing", "how are you today", "how is it going",
		"how is your day", "how is your day going", "how are things", "how have you been",
		"how do you do", "how goes it", "hope you are well", "hope you are doing well",
		"hope all is well", "i hope you are well", "hope your well", "hope your doing well",
		"how is everyone", "how is everyone doing", "how is your week", "how is your week going",
		"how is everyone's week", "how is everyone's week going", "how is the week going",
		"how was your weekend", "how is your weekend", "mornin", "evenin", "what is new", "are you ok", "are you well",
		"nice to meet you", "pleased to meet you", "long time no see", "welcome back",
	},
	TalkThanks: {
		"thanks", "thank you", "thank u", "thx", "thnx", "thanx", "tks", "ty", "tysm",
		"thank you very much", "thanks a lot", "thanks a bunch", "many thanks", "cheers",
		"much appreciated", "appreciated", "appreciate it", "i appreciate it",
		"thanks for the help", "thanks for your help", "thanks for that", "thanks for this",
		"thanks for the answer", "that helped", "that helps", "that is helpful", "very helpful",
		"helpful", "great", "awesome", "perfect", "brilliant", "excellent", "wonderful",
		"amazing", "fantastic", "superb", "great job", "good job", "well done", "nice one",
		"good bot", "you are the best", "you rock", "you are great", "you are awesome",
		"you are amazing", "you are a star", "love it", "love you", "i love you", "legend",
		"nice work", "great work", "good work", "good answer", "great answer", "that is great",
		"that is perfect", "that is it", "exactly", "bless you", "kudos",
	},
	TalkBye: {
		"bye", "goodbye", "good bye", "bye bye", "byebye", "see you", "see ya", "see you later",
		"see you soon", "see you tomorrow", "later", "laters", "cya", "ttyl", "goodnight",
		"good night", "night", "nighty night", "take care", "have a good day",
		"have a nice day", "have a good one", "have a good night", "have a good weekend",
		"i am off", "i am done", "that is all", "that is all for now", "gotta go", "got to go",
		"farewell", "catch you later", "talk later", "talk to you later", "so long", "over and out",
	},
	TalkHelp: {
		"help", "help me", "help please", "i need help", "need help", "can you help",
		"can you help me", "could you help me", "please help", "please help me", "sos",
		"how does this work", "how do you work", "how does it work", "how do i use this",
		"how do i use you", "how to use", "how to use this", "what can you do",
		"what do you do", "what can i ask", "what can i ask you", "what should i ask",
		"what do you know", "what can you tell me", "what do you know about",
		"what is this", "what is this bot", "what is this thing", "what is this for",
		"menu", "commands", "options", "usage", "instructions", "manual", "faq",
		"start", "start over", "restart", "reset", "get started", "getting started",
		"info", "what are you for", "what are you good for", "what are my options",
		"where do i start", "what now", "now what", "what next", "show me what you can do",
		"list commands", "show commands", "show help", "can you do anything else",
		"what else can you do", "what commands do you support", "what commands do you have",
		"what commands are there",
	},
	TalkIdentity: {
		"who are you", "what are you", "what is your name", "what are you called",
		"your name", "who made you", "who built you", "who created you", "who wrote you",
		"who programmed you", "who owns you", "who is this", "are you a bot",
		"are you a robot", "are you human", "are you a human", "are you real",
		"are you a real person", "are you a person", "are you ai", "are you an ai",
		"are you alive", "are you sentient", "are you chatgpt", "are you gpt",
		"are you siri", "are you alexa", "is this a bot", "is this a robot", "is this ai",
		"am i talking to a bot", "am i talking to a human", "am i talking to a person",
		"am i talking to a robot", "can i talk to a human", "can i talk to a person",
		"can i speak to a human", "can i speak to a person", "talk to a human",
		"speak to a human", "human", "agent", "operator", "what model are you",
		"what model are you running on", "which model are you", "how old are you",
		"where are you from", "where do you live", "what language are you written in",
		"do you have a name", "tell me about yourself", "introduce yourself",
		"who built this", "who made this", "who built this thing", "who made this thing",
		"who wrote this bot", "who made this bot", "who built this bot",
	},
	TalkAck: {
		"ok", "okay", "okey", "k", "kk", "alright", "all right", "sure", "got it",
		"i see", "understood", "right", "fine", "yes", "yeah", "yep", "yup", "ya", "no",
		"nope", "nah", "lol", "lmao", "rofl", "haha", "hahaha", "hah", "hehe", "heh",
		"hmm", "hmmm", "hm", "mm", "mmm", "uh", "um", "umm", "oh", "ah", "aha", "wow",
		"whoa", "whatever", "meh", "interesting", "noted", "test", "testing", "ping",
		"cool", "nice", "neat", "good", "sweet", "i guess", "fair enough", "makes sense",
		"oh well", "never mind", "nevermind", "nvm", "no worries", "no problem", "np",
		"sounds good", "ok then", "oh ok", "oh okay", "ah ok", "gotcha", "roger",
		"what", "huh", "eh", "wait", "hello world",
		// Taking back what was just said: nothing asked.
		"ignore that", "ignore me", "ignore this", "forget it", "forget that", "forget about it",
		"scratch that", "disregard that", "never mind that", "cancel that", "my bad", "oops wrong chat",
		"wrong chat", "sorry wrong chat", "sorry wrong channel", "wrong channel", "oops", "whoops",
	},
	TalkTask: {
		"what time is it", "what is the time", "what is the time now", "what time is it now",
		"what is the date", "what is the date today", "what is today's date", "today's date",
		"what day is it", "what day is it today",
	},
	TalkFeedback: {
		"you are useless", "useless", "this is useless", "stupid", "this is stupid",
		"you are stupid", "dumb", "dumb bot", "stupid bot", "bad bot", "you suck",
		"this sucks", "shut up", "go away", "what a waste of time", "waste of time",
		"wrong", "that is wrong", "that is not right", "not helpful", "unhelpful",
		"that did not help", "that does not help", "that is not what i asked",
		"i hate you", "idiot", "terrible", "awful", "rubbish", "nonsense", "not what i asked",
		"try again", "wrong answer", "bad answer", "that is not it", "no that is wrong",
	},
}

// talkFillers may surround small-talk phrases without changing what the
// message is: who it is addressed to, politeness, intensifiers.
var talkFillers = setOfWords("bot storybot there mate partner pal buddy friend friends " +
	"everyone everybody all guys folks yall team man dude sir madam so very much really " +
	"a lot again please pls plz just well and but anyway too now then today tonight " +
	"for that this it oh ah hey")

// contractions spell out what chat shortens, so a phrase is listed once.
var contractions = map[string][]string{
	"whats": {"what", "is"}, "what's": {"what", "is"}, "hows": {"how", "is"},
	"how's": {"how", "is"}, "youre": {"you", "are"}, "you're": {"you", "are"},
	"ur": {"your"}, "u": {"you"}, "r": {"are"}, "im": {"i", "am"}, "i'm": {"i", "am"},
	"thats": {"that", "is"}, "that's": {"that", "is"}, "its": {"it", "is"},
	"it's": {"it", "is"}, "whos": {"who", "is"}, "who's": {"who", "is"},
	"didnt": {"did", "not"}, "didn't": {"did", "not"}, "doesnt": {"does", "not"},
	"doesn't": {"does", "not"}, "dont": {"do", "not"}, "don't": {"do", "not"},
	"isnt": {"is", "not"}, "isn't": {"is", "not"}, "wheres": {"where", "is"},
	"where's": {"where", "is"}, "ive": {"i", "have"}, "i've": {"i", "have"},
	"gonna": {"going", "to"}, "wanna": {"want", "to"}, "gotta": {"got", "to"},
	"ya": {"you"}, "yall": {"yall"}, "y'all": {"yall"}, "wat": {"what"}, "wats": {"what", "is"},
}

// talkIndex maps a phrase's words, joined by spaces, to its kind.
var talkIndex = func() map[string]Talk {
	m := map[string]Talk{}
	for kind, phrases := range talkPhrases {
		for _, p := range phrases {
			m[p] = kind
		}
	}
	// "see you monday", "see you on friday", "see you next week", "happy friday".
	for _, when := range []string{"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "week", "weekend", "month", "year"} {
		m["see you "+when], m["see you on "+when], m["see you next "+when] = TalkBye, TalkBye, TalkBye
		m["happy "+when] = TalkGreeting
	}
	m["see you then"] = TalkBye
	return m
}()

// talkStarts maps each phrase's first word to the most words a phrase
// opening with it has.
var talkStarts = func() map[string]int {
	m := map[string]int{}
	for p := range talkIndex {
		f := strings.Fields(p)
		m[f[0]] = max(m[f[0]], len(f))
	}
	return m
}()

// maxTalkWords is the longest message read as small talk: past it, a
// message says something, and the matcher should hear it.
const maxTalkWords = 14

// SmallTalk classifies a message: TalkNone for anything that may be a
// question about the documents. It is cheap enough to run on every message.
func SmallTalk(msg string) Talk {
	t, _ := smallTalk(msg)
	return t
}

// smallTalk is SmallTalk, with the message's words as talkWords reads them
// (nil for no words or another language): the bot reads them once for
// small talk and for a request for an overview.
func smallTalk(msg string) (Talk, []string) {
	if !hasWord(msg) {
		return TalkNoWords, nil
	}
	msg = strings.ToLower(msg) // once, for both readings below
	if foreign(msg) {
		return TalkForeign, nil
	}
	words := talkWords(spellOperators(msg))
	return talkKind(words), words
}

// operatorWords spell the operators a sum is typed with.
var operatorWords = map[rune]string{'+': " plus ", '*': " times ", '×': " times ", '÷': " divided by ", '^': " power "}

// spellOperators writes an operator between two numbers as its word ("2+2"
// as "2 plus 2"), so a typed sum reads as one; an operator anywhere else,
// and a dash or a slash ("1-2 days", "24/7"), are left alone.
func spellOperators(msg string) string {
	if !strings.ContainsAny(msg, "+*^") && !strings.Contains(msg, "×") && !strings.Contains(msg, "÷") {
		return msg
	}
	var b strings.Builder
	rs := []rune(msg)
	for i, r := range rs {
		if w, ok := operatorWords[r]; ok && digitNear(rs, i, -1) && digitNear(rs, i, 1) {
			b.WriteString(w)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// digitNear reports whether the first rune other than a space from rs[i]
// in direction step is a digit.
func digitNear(rs []rune, i, step int) bool {
	for j := i + step; j >= 0 && j < len(rs); j += step {
		if rs[j] != ' ' {
			return rs[j] >= '0' && rs[j] <= '9'
		}
	}
	return false
}

// talkKind is the small-talk kind of a message's words.
func talkKind(words []string) Talk {
	if len(words) == 0 || len(words) > maxTalkWords {
		return TalkNone
	}
	if k := coverTalk(words); k != TalkNone {
		return k
	}
	if len(words) == 2 && english.IsInterjection(words[0]) {
		return TalkAck // a reaction: "ugh mondays", "oops sorry", "lol true"
	}
	if mended, ok := mendTalk(words); ok {
		if k := coverTalk(mended); k != TalkNone {
			return k // "wats the tim", "thnaks so much"
		}
	}
	if personal(words) {
		return TalkIdentity
	}
	if taskRequest(words) || calculation(words) {
		return TalkTask
	}
	return TalkNone
}

// coverTalk reads words left to right as small-talk phrases (longest
// first) and fillers. It returns the most telling kind found when every
// word is covered, and TalkNone as soon as one is not.
func coverTalk(words []string) Talk {
	kind := TalkNone
	for i := 0; i < len(words); {
		n, k := longestPhrase(words[i:])
		switch {
		case n > 0:
			kind = strongerTalk(kind, k)
			i += n
		case talkFillers[words[i]]:
			i++
		default:
			return TalkNone
		}
	}
	return kind
}

// longestPhrase is the longest small-talk phrase words open with, in
// words, and its kind. Only phrases whose first word is words[0] are
// tried, and their keys are built in one buffer (a question's first word
// seldom opens one: most messages leave here at the first lookup).
func longestPhrase(words []string) (int, Talk) {
	var ends [16]int
	longest := min(len(words), talkStarts[words[0]], len(ends))
	if longest == 0 {
		return 0, TalkNone
	}
	var buf [128]byte
	key := buf[:0]
	for n := range longest {
		if n > 0 {
			key = append(key, ' ')
		}
		key = append(key, words[n]...)
		ends[n] = len(key)
	}
	for n := longest; n > 0; n-- {
		if k, ok := talkIndex[string(key[:ends[n-1]])]; ok {
			return n, k
		}
	}
	return 0, TalkNone
}

// strongerTalk picks which kind a mixed message is answered as: a request
// for help outranks the greeting that opens it ("hi, what can you do?").
func strongerTalk(a, b Talk) Talk {
	rank := func(t Talk) int {
		return [...]int{TalkNone: 0, TalkAck: 1, TalkGreeting: 2, TalkBye: 3, TalkThanks: 4,
			TalkFeedback: 5, TalkIdentity: 6, TalkHelp: 7, TalkTask: 8, TalkNoWords: 0, TalkForeign: 0}[t]
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// curlyQuotes straightens apostrophes. Built once: making a Replacer for
// each message was a tenth of a book question's time.
var curlyQuotes = strings.NewReplacer("’", "'", "‘", "'")

// talkWords lower-cases a message and splits it into words, dropping
// emoji and punctuation, spelling out contractions, and squeezing letters
// repeated for emphasis ("heyyy", "thanksss") down to what is listed.
func talkWords(msg string) []string {
	msg = strings.ToLower(msg)
	// The Replacer allocates even when it has nothing to replace; and
	// ContainsAny with runes outside ASCII reads msg rune by rune.
	if strings.Contains(msg, "‘") || strings.Contains(msg, "’") {
		msg = curlyQuotes.Replace(msg)
	}
	out := make([]string, 0, 8)
	eachField(msg, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' }, func(w string) bool {
		if w = strings.Trim(w, "'"); w == "" {
			return true
		}
		if exp, ok := contractions[w]; ok {
			out = append(out, exp...)
		} else {
			out = append(out, squeeze(w))
		}
		return true
	})
	return out
}

// eachField calls fn with each run of s's runes that in accepts, in order,
// until fn returns false: strings.FieldsFunc without its slice (every
// message is read this way twice).
func eachField(s string, in func(rune) bool, fn func(string) bool) {
	start := -1
	for i, r := range s {
		switch {
		case in(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			if !fn(s[start:i]) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}

// squeeze drops a letter repeated three or more times down to one, unless
// the word is listed as it is ("hmmm", "hahaha").
func squeeze(w string) string {
	if _, ok := talkIndex[w]; ok || talkFillers[w] {
		return w
	}
	if plainASCII(w) { // nothing to squeeze: skip the rune copies
		if n := len(w); n > 2 && w[n-1] == w[n-2] {
			if t := w[:n-1]; talkIndex[t] != TalkNone || talkFillers[t] {
				return t
			}
		}
		return w
	}
	rs := []rune(w)
	out := rs[:0:0]
	for i, r := range rs {
		if i >= 2 && r == rs[i-1] && r == rs[i-2] {
			continue
		}
		out = append(out, r)
	}
	s := string(out)
	if _, ok := talkIndex[s]; ok {
		return s
	}
	// "heyy", "byee": a doubled last letter.
	if n := len(out); n > 2 && out[n-1] == out[n-2] {
		if t := string(out[:n-1]); talkIndex[t] != TalkNone || talkFillers[t] {
			return t
		}
	}
	return s
}

// plainASCII reports whether w is ASCII with no byte three times running.
func plainASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || i >= 2 && w[i] == w[i-1] && w[i] == w[i-2] {
			return false
		}
	}
	return true
}

func setOfWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// foreignWords are frequent words of the languages English speakers' bots
// most often meet (French, Spanish, German, Italian, Portuguese, Dutch)
// that are not English words themselves: greetings, thanks and the
// function words every sentence has.
var foreignWords = setOfWords(
	// French
	"bonjour bonsoir salut merci beaucoup ça va oui non qui est où je tu vous nous il elle " +
		"les des une et ou pourquoi quand combien quel quelle quoi très bien suis êtes avez " +
		"avec dans sur pas ne du au aux cette ce sont s'il plaît svp " +
		// Spanish
		"hola gracias adiós buenos buenas días noches tardes qué cómo dónde donde cuándo " +
		"cuánto quién está estás estoy muy bueno el los las del por tal baño amigo " +
		"y es eres tengo tiene puedo usted ustedes señor también pero sí " +
		// German
		" guten morgen abend nacht danke schön bitte wie spät ist ich du sie wir " +
		"nicht und oder wo wann warum wer was heißt geht's sehr mit für auf ein eine " +
		"der das dem zum zur tschüss auf wiedersehen " +
		// Italian
		"ciao grazie buongiorno buonasera prego stai sto bene perché quando " +
		"sono della degli gli il che molto arrivederci " +
		// Portuguese and Dutch
		"olá obrigado obrigada tudo bem você está onde quando muito bom dia tarde noite " +
		" goedemorgen goedendag gaat het jou je waar wanneer")

// englishCore are English words that a foreign message almost never has;
// one of them makes a message English enough to be read as English.
var englishCore = setOfWords("the is are was were what who whom how where when why which " +
	"do does did can could would should you your i my it this that of to in for and with " +
	"from have has there their they he she his her about")

// foreign reports whether msg is in another language: written mostly in
// a script other than Latin, or in Latin letters with at least half of its
// words foreign and none of the English words every question has.
func foreign(msg string) bool {
	latin, other := 0, 0
	for _, r := range msg {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				latin++
			}
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		default:
			other++
		}
	}
	if other > latin {
		return true
	}
	nWords, nForeign, isEnglish := 0, 0, false
	eachField(strings.ToLower(msg), func(r rune) bool { return unicode.IsLetter(r) || r == '\'' }, func(w string) bool {
		if englishCore[w] {
			isEnglish = true
			return false
		}
		nWords++
		if foreignWords[w] {
			nForeign++
		}
		return true
	})
	return !isEnglish && nForeign > 0 && 2*nForeign >= nWords
}
