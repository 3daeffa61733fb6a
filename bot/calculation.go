package bot

import "github.com/storybot/storybot/english"

// calculation reports whether a message's words (talkWords) ask a sum
// or a conversion that no document answers: "what's 2 to the power of
// 10", "5 feet 10 in cm", "how many seconds in a day", "convert 3 miles
// to km". It needs numbers and units alone, or two units of one kind
// ("how many minutes in an hour"): "how many days in a week are you
// open" asks the text, and so does any message with another word.
func calculation(words []string) bool {
	numbers, units, ops := 0, 0, 0
	isNumber := func(w string) bool { return english.HasDigit(w) || english.Lookup(w)&english.Number != 0 }
	for i, w := range words {
		switch {
		case w == "x" && i > 0 && i+1 < len(words) && isNumber(words[i-1]) && isNumber(words[i+1]):
			ops++ // "17 x 23": times
		case isNumber(w):
			numbers++
		case english.Lookup(w)&english.Units != 0:
			units++
		case calcOps[w]:
			ops++
		case calcGlue[w]:
		default:
			return false
		}
	}
	switch {
	case numbers >= 2 && ops > 0:
		return true // "2 to the power of 10", "15 times 4"
	case numbers >= 1 && units >= 2:
		return true // "5 feet 10 in cm", "convert 3 miles to km"
	case numbers == 0 && units == 2 && len(words) > 2 && words[0] == "how" && words[1] == "many":
		return true // "how many seconds in a day"
	}
	return false
}

// calcOps say what to do with numbers.
var calcOps = setOfWords("plus minus times multiplied divided over power squared cubed root sqrt percent convert add subtract")

// calcGlue may stand between the numbers and units of a calculation.
var calcGlue = setOfWords("what whats what's is are there in into to of by the a an one how many much equals equal " +
	"square x")
