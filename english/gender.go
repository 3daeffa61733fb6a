package english

// Gender says which personal pronoun general English uses for a person
// named with w (lower case): 'm' for "he" (mr, sir, father, king…), 'f' for
// "she" (mrs, ms, mother, queen…), 0 when w does not say. Follow-up
// questions use it to choose whom "he" or "her" stands for.
func Gender(w string) byte {
	switch {
	case maleWords[w]:
		return 'm'
	case femaleWords[w]:
		return 'f'
	}
	return 0
}

// PronounGender is Gender for the personal pronouns: 'm' for he, him, his,
// himself; 'f' for she, her, hers, herself; 0 otherwise.
func PronounGender(w string) byte {
	switch w {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

var maleWords = setOf("mr", "sir", "lord", "king", "prince", "emperor", "duke", "baron", "count",
	"monsieur", "signor", "herr", "senor", "father", "dad", "daddy", "grandfather", "grandpa",
	"granddad", "son", "grandson", "brother", "husband", "uncle", "nephew", "man", "boy",
	"gentleman", "he", "him", "his", "himself", "spokesman", "chairman", "businessman",
	"fisherman", "policeman", "actor", "waiter", "monk", "priest", "pope", "bishop", "abbot")

var femaleWords = setOf("mrs", "ms", "miss", "madam", "madame", "mademoiselle", "lady", "dame",
	"queen", "princess", "empress", "duchess", "baroness", "countess", "signora", "frau",
	"senora", "mother", "mum", "mom", "mummy", "grandmother", "grandma", "granny", "daughter",
	"granddaughter", "sister", "wife", "aunt", "niece", "woman", "girl", "she", "her", "hers",
	"herself", "spokeswoman", "chairwoman", "businesswoman", "policewoman", "actress",
	"waitress", "nun", "abbess")

// IsTitleOnly reports whether w (lower case) is a word for a person only
// as a title, written with a capital before a name ("Count Rostov",
// "Miss Bennet"): in lower case "the count" is a tally and "miss" a verb.
func IsTitleOnly(w string) bool { return w == "count" || w == "miss" }

// IsTitle reports whether w (lower case) is a title or office written
// before a person's name ("Mayor Elena Voss", "Cllr. Moss", "Prof. Hale"),
// beyond the words for a person that Lookup marks Person.
func IsTitle(w string) bool { return titleWords[w] || personWords[w] && w != "who" && w != "whom" }

var titleWords = setOf("mayor", "cllr", "councillor", "councilor", "alderman", "judge", "justice",
	"rev", "revd", "reverend", "fr", "pastor", "rabbi", "imam", "bishop", "archbishop", "cardinal",
	"officer", "inspector", "detective", "constable", "sgt", "capt", "col", "gen", "lt", "cmdr",
	"commander", "admiral", "prof", "chancellor", "premier", "deputy", "commissioner", "mp", "mep",
	"dame", "chef", "coach", "nurse", "agent", "grandma", "grandpa", "granny", "aunty", "auntie")

// IsPlural reports whether w (lower case) is a plural noun, or a noun for
// a group, a business or its building that British English calls "they"
// ("the council", "the bakery", "the pub"): "they" may stand for it. A
// word ending in "s" is plural unless it ends in "ss", "us" or "is", or
// is a singular that ends so ("news", "series").
func IsPlural(w string) bool {
	if pluralWords[w] || isGroup(Stem(w)) {
		return true
	}
	n := len(w)
	if n < 4 || w[n-1] != 's' || singularS[w] {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'i':
		return false
	}
	return true
}

// isGroup reports whether the noun term names, in WordNet, a kind of
// group, organisation, business or building: the people in it are "they".
func isGroup(term string) bool {
	k := KindsOf(term)
	for _, g := range groupKinds {
		if ListHas(k, g) {
			return true
		}
	}
	return false
}

var groupKinds = []string{"group", "organis", "institut", "establish", "busi", "enterpris", "assemblag",
	"build", "edific", "shop", "store", "workplac", "eateri", "restaur", "tavern"}

var pluralWords = setOf("people", "children", "men", "women", "staff", "police", "teeth", "feet", "mice",
	"geese", "data", "media", "crew", "management", "public", "practice", "helpline", "support")

var singularS = setOf("news", "series", "species", "physics", "mathematics", "maths", "economics", "politics",
	"gas", "bus", "lens", "atlas", "canvas", "chaos", "bias", "always", "perhaps", "various", "previous",
	"whereas", "besides", "towards", "afterwards", "upstairs", "downstairs", "indoors", "outdoors", "overseas")
