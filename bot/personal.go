package bot

// Personal questions put to the bot itself ("are you married?", "what do
// you eat?", "tell me a joke") have no answer in any document, yet their
// everyday words (single, breakfast, old) are often in one. They are too
// many phrasings to list, so they are recognised by their shape: a
// message in the second person whose every word is either a word about a
// person's life (feelings, family, favourites, meals, age, home, name,
// hobbies, sleep, looks), a general category of things people like
// (colour, music, film), or a function word. One word outside these — a
// ticket, the council, a recipe — and it may be a question about the
// documents, so the matcher hears it.

// secondPerson are the words that address the bot ("u", "ur" are spelled
// out by talkWords).
var secondPerson = setOfWords("you your yours yourself yourselves you've you'd you'll")

// personWords are what a question about a person asks after: its topic.
var personWords = setOfWords(
	// feelings
	"feel feels feeling feelings emotion emotions emotional happy sad unhappy lonely alone " +
		"bored tired sleepy hungry thirsty angry upset scared afraid nervous mood love loved " +
		"cry laugh smile " +
		// relationships
		"friend friends bestie family married marry marriage wife husband spouse girlfriend " +
		"boyfriend partner single dating crush relationship relationships kids children child " +
		"baby babies son daughter sister sisters brother brothers siblings mother father mom " +
		"mum dad parents parent pet pets dog dogs cat cats " +
		// favourites and likes
		"favourite favourites favorite favorites fave fav like likes enjoy enjoys hate hates " +
		"dislike prefer prefers " +
		// meals
		"eat eats ate eaten eating drink breakfast lunch dinner supper brunch snack snacks " +
		"food foods meal meals " +
		// age
		"old age aged birthday born birth young younger older " +
		// home and upbringing
		"live lives living home hometown grow grew raised " +
		// name
		"name names nickname called call " +
		// hobbies, dreams, sleep
		"hobby hobbies pastime pastimes fun dream dreams dreaming dreamt dreamed sleep sleeps " +
		"sleeping asleep bedtime nap " +
		// looks, body, beliefs, work
		"tall height weigh weight look looks gender boy girl woman male female body face hair " +
		"eyes religion religious god believe job sing dance")

// mealNouns are the meals one gets somewhere ("can you get lunch").
var mealNouns = setOfWords("breakfast lunch dinner supper brunch snack snacks food foods meal meals")

// homeWords are the person words a "where" question asks about ("where do
// you live"); "where do you eat", "where can you sleep" ask for a place the
// documents may name.
var homeWords = setOfWords("live lives living home hometown born grow grew raised")

// personThings are the general categories people name favourites of.
var personThings = setOfWords("colour color colours colors dish drink drinks music song " +
	"songs band bands singer singers artist artists movie movies film films show shows tv " +
	"book books author authors game games sport sports team teams animal animals season " +
	"seasons month day number place city country holiday holidays flower flowers fruit " +
	"thing things subject word letter car cars toy toys joke jokes story stories poem poems " +
	"genre free spare weekend weekends life star sign zodiac")

// personGlue are the function words around a personal question: question
// words, auxiliaries, pronouns for the asker, articles, prepositions,
// adverbs of frequency, politeness and interjections.
var personGlue = setOfWords("what who whom whose which where when why how is are am was " +
	"were be been being do does did doing done have has had having can could will would " +
	"shall may might i me my mine myself we us our i'd i'll a an the any some ever never " +
	"not no yet still really actually even of to for with in on at about up or and but if " +
	"so as one ones much many lot lots more most other else own real tell say got get gets " +
	"anyone anybody someone somebody something anything everything all every good best " +
	"least big little very too please pls plz then now today tonight usually often always " +
	"sometimes normally kind sort type haven't hasn't aren't wasn't weren't can't won't " +
	"wouldn't couldn't mate buddy pal dude bot storybot hi hello hey yo ok okay oh ah um " +
	"hmm lol haha btw well thanks")

// personBlock are words that show the question is about something else:
// third-person pronouns point at the documents ("how long do you bake
// it?").
var personBlock = setOfWords("it its they them their theirs he she him her his this that " +
	"these those there")

// obligation words make "you" anyone: "what should you bring", "do you
// need a ticket", "how old do you have to be".
var obligation = setOfWords("should must need needs needed ought supposed allowed")

// jokeWords are what a request for entertainment asks for; requestWords
// and jokeGlue are the rest of such a request ("got a riddle for me?",
// "sing me a song", "say something funny").
var (
	jokeWords = setOfWords("joke jokes riddle riddles pun puns limerick limericks haiku " +
		"poem poems song songs story stories tale tales funny laugh")
	// plainJokes need no verb: "a joke please", "riddle?".
	plainJokes   = setOfWords("joke jokes riddle riddles pun puns limerick limericks funny laugh")
	requestWords = setOfWords("tell say make sing write share give recite know got have hear " +
		"read compose")
	jokeGlue = setOfWords("me us i i'd you can could would will do please pls plz a an any " +
		"some another one more something anything good funny short little new best silly bad " +
		"dad for to want like love another quick ok okay so hey hi bot storybot mate")
)

// personal reports whether words (from talkWords) are a personal
// question to the bot or a request for a joke, a poem or a song.
func personal(words []string) bool {
	return personQuestion(words) || jokeRequest(words)
}

// personQuestion reports whether words are a question to the bot about
// itself: in the second person, about a person's life, and saying nothing
// else.
func personQuestion(words []string) bool {
	you, topic, home, where := false, false, false, false
	for i, w := range words {
		switch {
		case personBlock[w]:
			return false
		case obligation[w] && nextToYou(words, i):
			return false
		case w == "have" || w == "has" || w == "had" || w == "got":
			// "do you have to", "you've got to": obligation again.
			if i+1 < len(words) && words[i+1] == "to" && nextToYou(words, i) {
				return false
			}
		case (w == "can" || w == "could") && i > 0 && whWord[words[i-1]]:
			// "where can you eat", "what can you drink": any "you".
			return false
		case (w == "get" || w == "gets") && i+1 < len(words) && mealNouns[words[i+1]]:
			// "can you get breakfast": a place's, not the bot's.
			return false
		}
		switch {
		case secondPerson[w]:
			you = true
		case personWords[w]:
			topic = true
			home = home || homeWords[w]
		case w == "where":
			where = true
		case personThings[w], personGlue[w], obligation[w]:
		case w == "time" && i > 0 && (words[i-1] == "free" || words[i-1] == "spare"):
			topic = true // a hobby: "what do you do in your free time"
		default:
			return false
		}
	}
	if where && !home {
		return false
	}
	return you && topic
}

var whWord = setOfWords("what who which where when why how")

// nextToYou reports whether the word at i is next to a second-person
// word: "should you", "do you need", "you have to".
func nextToYou(words []string, i int) bool {
	return i > 0 && secondPerson[words[i-1]] || i+1 < len(words) && secondPerson[words[i+1]]
}

// jokeRequest reports whether words ask for a joke, a riddle, a poem, a
// song or a story, and for nothing more particular ("tell me the story"
// and "a joke about the council" ask about the documents).
func jokeRequest(words []string) bool {
	joke, plain, request := false, false, false
	for _, w := range words {
		switch {
		case jokeWords[w]:
			joke = true
			plain = plain || plainJokes[w]
		case requestWords[w]:
			request = true
		case jokeGlue[w], secondPerson[w]:
		default:
			return false
		}
	}
	return joke && (plain || request)
}

// taskRequest reports whether words ask the bot to do something an
// assistant does and a reader of documents cannot: "remind me to call
// mum", "set a timer", "write me a poem about cats", "fix my code",
// "translate this". Only verbs that cannot open a question about a text
// are read so, or verbs read so only with what shows the task ("book me",
// "set a timer", "write a haiku"); "tell me", "show me", "find" and
// "summarise the minutes" are questions.
func taskRequest(words []string) bool {
	i := 0
	for i < len(words) && taskLead[words[i]] {
		i++
	}
	if i >= len(words) {
		return false
	}
	verb, next := words[i], ""
	if i+1 < len(words) {
		next = words[i+1]
	}
	object := ""
	for _, w := range words[i+1:] {
		if !taskGlue[w] {
			object = w
			break
		}
	}
	switch {
	case taskVerbs[verb]:
		return true
	case next == "me" && forMeVerbs[verb]:
		return true // "book me a table", "order me a pizza"
	case (verb == "write" || verb == "compose") && writings[object]:
		return true
	case (verb == "fix" || verb == "debug") && (next == "my" || next == "this"):
		return true
	case verb == "set" && (object == "alarm" || object == "timer" || object == "reminder"):
		return true
	case (verb == "play" || verb == "put") && media[object]:
		return true // "play some music", "put on a podcast": not "play football?" of a sports club
	case verb == "summarise" || verb == "summarize":
		for _, w := range words[i+1 : min(len(words), i+4)] {
			if w == "channel" || w == "chat" || w == "conversation" || w == "thread" {
				return true // "summarise this slack channel"; not "the minutes"
			}
		}
	}
	return false
}

var (
	// taskLead may open a request: politeness and who it is addressed to.
	taskLead = setOfWords("please pls plz can could would will you u hey hi hello ok okay bot " +
		"storybot kindly just quickly quick go ahead and")
	// taskVerbs open nothing but a task.
	taskVerbs = setOfWords("remind translate calculate compute solve")
	// forMeVerbs are a task when "me" follows ("book me a table"); "text",
	// "schedule", "draw" and "sing" alone may be nouns ("schedule for
	// saturday?").
	forMeVerbs = setOfWords("book order buy write draw play sing make text schedule")
	// writings are what "write" asks the bot to make.
	writings = setOfWords("poem poems haiku song songs story stories essay email letter limerick " +
		"code program script function joke tweet post message speech rap")
	taskGlue = setOfWords("me us a an my our the this some another short quick little new on")
	// media are what "play" asks the bot to play.
	media = setOfWords("music song songs tune tunes playlist radio podcast video videos album track")
)
