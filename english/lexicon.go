package english

// irregular maps irregular English verb forms to their base form, which
// Snowball stemming cannot do: "wrote" should match "write", "built"
// "build". General English, not tied to any document.
var irregular = map[string]string{
	"arose": "arise", "arisen": "arise", "awoke": "awake", "awoken": "awake", "was": "be", "were": "be",
	"been": "be", "bore": "bear", "borne": "bear", "born": "bear", "beat": "beat", "beaten": "beat",
	"became": "become", "began": "begin", "begun": "begin", "bent": "bend", "bet": "bet", "bid": "bid",
	"bound": "bind", "bit": "bite", "bitten": "bite", "bled": "bleed", "blew": "blow", "blown": "blow",
	"broke": "break", "broken": "break", "bred": "breed", "brought": "bring", "broadcast": "broadcast",
	"built": "build", "burnt": "burn", "burst": "burst", "bought": "buy", "cast": "cast", "caught": "catch",
	"chose": "choose", "chosen": "choose", "clung": "cling", "came": "come", "cost": "cost", "crept": "creep",
	"cut": "cut", "dealt": "deal", "dug": "dig", "did": "do", "done": "do", "drew": "draw", "drawn": "draw",
	"dreamt": "dream", "drank": "drink", "drunk": "drink", "drove": "drive", "driven": "drive",
	"dwelt": "dwell", "ate": "eat", "eaten": "eat", "fell": "fall", "fallen": "fall", "fed": "feed",
	"felt": "feel", "fought": "fight", "found": "find", "fled": "flee", "flung": "fling", "flew": "fly",
	"flown": "fly", "forbade": "forbid", "forbidden": "forbid", "forgot": "forget", "forgotten": "forget",
	"forgave": "forgive", "forgiven": "forgive", "froze": "freeze", "frozen": "freeze", "got": "get",
	"gotten": "get", "gave": "give", "given": "give", "went": "go", "gone": "go", "ground": "grind",
	"grew": "grow", "grown": "grow", "hung": "hang", "had": "have", "has": "have", "heard": "hear",
	"hid": "hide", "hidden": "hide", "hit": "hit", "held": "hold", "hurt": "hurt", "kept": "keep",
	"knelt": "kneel", "knew": "know", "known": "know", "laid": "lay", "led": "lead", "leapt": "leap",
	"learnt": "learn", "left": "leave", "lent": "lend", "let": "let", "lay": "lie", "lain": "lie",
	"lit": "light", "lost": "lose", "made": "make", "meant": "mean", "met": "meet", "paid": "pay",
	"put": "put", "quit": "quit", "read": "read", "rode": "ride", "ridden": "ride", "rang": "ring",
	"rung": "ring", "rose": "rise", "risen": "rise", "ran": "run", "run": "run", "said": "say", "saw": "see",
	"seen": "see", "sought": "seek", "sold": "sell", "sent": "send", "set": "set", "shook": "shake",
	"shaken": "shake", "shed": "shed", "shone": "shine", "shot": "shoot", "showed": "show", "shown": "show",
	"shrank": "shrink", "shrunk": "shrink", "shut": "shut", "sang": "sing", "sung": "sing", "sank": "sink",
	"sunk": "sink", "sat": "sit", "slept": "sleep", "slid": "slide", "slung": "sling", "spoke": "speak",
	"spoken": "speak", "sped": "speed", "spent": "spend", "spun": "spin", "spat": "spit", "split": "split",
	"spread": "spread", "sprang": "spring", "sprung": "spring", "stood": "stand", "stole": "steal",
	"stolen": "steal", "stuck": "stick", "stung": "sting", "stank": "stink", "strode": "stride",
	"struck": "strike", "stricken": "strike", "strove": "strive", "striven": "strive", "swore": "swear",
	"sworn": "swear", "swept": "sweep", "swam": "swim", "swum": "swim", "swung": "swing", "took": "take",
	"taken": "take", "taught": "teach", "tore": "tear", "torn": "tear", "told": "tell", "thought": "think",
	"threw": "throw", "thrown": "throw", "thrust": "thrust", "trod": "tread", "trodden": "tread",
	"understood": "understand", "undertook": "undertake", "undertaken": "undertake", "underwent": "undergo",
	"undergone": "undergo", "woke": "wake", "woken": "wake", "wore": "wear", "worn": "wear", "wove": "weave",
	"woven": "weave", "wept": "weep", "won": "win", "wound": "wind", "withdrew": "withdraw",
	"withdrawn": "withdraw", "wrote": "write", "written": "write", "overcame": "overcome",
	"overthrew": "overthrow", "overthrown": "overthrow", "foresaw": "foresee", "foreseen": "foresee",
	"mistook": "mistake", "mistaken": "mistake", "rebuilt": "rebuild", "retook": "retake",
	"upheld": "uphold", "withheld": "withhold", "withstood": "withstand", "oversaw": "oversee",
	"overseen": "oversee", "outgrew": "outgrow", "forecast": "forecast", "sewn": "sew", "sawn": "saw",
	"mown": "mow", "proven": "prove", "children": "child", "men": "man", "women": "woman", "people": "person",
	"mice": "mouse", "feet": "foot", "teeth": "tooth", "geese": "goose", "died": "die", "dying": "die",
	"lying": "lie",
}

// IsIrregular reports whether w is an irregular form ("wrote", "built"):
// most of them are past forms, which makes w likely a question's verb.
func IsIrregular(w string) bool {
	_, ok := irregular[w]
	return ok
}

// irregularPlurals maps nouns whose plural the stemmer does not reduce to
// their singular's stem ("loaves", "children", "feet") to the singular.
// Not "leaves" or "lives", as often verbs.
var irregularPlurals = map[string]string{
	"loaves": "loaf", "knives": "knife", "wives": "wife", "halves": "half", "shelves": "shelf",
	"wolves": "wolf", "calves": "calf", "thieves": "thief", "scarves": "scarf", "hooves": "hoof",
	"children": "child", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth",
	"mice": "mouse", "geese": "goose", "oxen": "ox", "criteria": "criterion", "phenomena": "phenomenon",
}

// lemma returns the base form of an irregular word, or the word.
func lemma(w string) string {
	if b, ok := irregular[w]; ok {
		return b
	}
	if b, ok := irregularPlurals[w]; ok {
		return b
	}
	return w
}
