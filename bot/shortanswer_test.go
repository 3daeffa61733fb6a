package bot

import (
	"strings"
	"testing"

	"github.com/storybot/storybot/match"
)

func TestShortAnswer(t *testing.T) {
	for _, tc := range []struct {
		q    string
		qt   match.QType
		text string
		want string // "" for none
	}{
		{"How long is sick leave paid?", match.QNumber, "Staff get 26 weeks of sick pay at full rate.", "26 weeks"},
		{"When did the bakery open?", match.QDate, "Grandma Odile opened the bakery in 1979 with a single oven.", "1979"},
		{"When was he born?", match.QDate, "He was born on 10 July 1856 in Smiljan.", "10 July 1856"},
		{"What year was he born?", match.QDate, "He was born on 10 July 1856 in Smiljan.", "1856"},
		{"When was the bridge built?", match.QDate, "Built in 1901, it was built again in 1950.", ""},    // two dates: a guess
		{"When was the bridge built?", match.QDate, "It was built in 1901 and rebuilt in 1950.", "1901"}, // the one next to "built"
		{"What happened in 1901?", match.QOther, "It was built in 1901.", ""},                            // not asked
		{"When was it rebuilt after 1901?", match.QDate, "Built in 1901, it was rebuilt in 1950.", "1950"},
		{"How many fumbles did he force?", match.QNumber, "He recorded five tackles and two forced fumbles.", "two"},
		{"How many loaves do you sell?", match.QNumber, "Today we sell around 220 loaves on a busy Saturday.", "220"},
		// A number word opening the sentence is a number, though it has a capital.
		{"How many people died?", match.QNumber, "Seven people died, among them two young apprentices.", "Seven"},
		{"How much does a ticket cost?", match.QMoney, "A ticket costs $12.50 for adults.", "$12.50"},
		{"What percentage of the flour is rye?", match.QPercent, "We use 80% white flour and 20% rye.", "20%"}, // "rye" beside it
		{"What percentage of the flour is rye?", match.QPercent, "We use 80% rye flour and 20% rye meal.", ""}, // both beside "rye"
		{"How far is the station?", match.QNumber, "The station is 3 km from the centre.", "3 km"},
		{"How old was she?", match.QNumber, "She died in 1990, aged 84.", "84"},
		{"How many people live there?", match.QNumber, "About 1.7 million people live there.", "1.7 million"},
		{"Who sang the anthem?", match.QPerson, "The anthem was sung by Marlee Matlin.", "Marlee Matlin"},
		{"Who sang the anthem?", match.QPerson, "Lady Gaga sang it while Marlee Matlin signed.", ""},
		// An interjection opening speech is no one's name.
		{"Who does Jane marry?", match.QPerson, "“Ah, Jane, I take your place now, because I am a married woman.”", ""},
		{"Who spoke first?", match.QPerson, "“Oh,” said Kitty Bennet, “I am glad.”", "Kitty Bennet"},
		{"Who founded the National Football League?", match.QPerson, "The National Football League began in Canton.", ""},
		{"Where did the monks settle?", match.QPlace, "The monks settled in Calabria after the war.", "Calabria"},
		{"Which committee invited people who applied?", match.QPerson, "The Host Committee invited John Smith.", ""},
		{"When are lifeguards on duty?", match.QDate, "The beach is patrolled by lifeguards from May to September.", "May to September"},
		{"What correction was made to last month's minutes?", match.QDate, "The minutes of 13 February 2024 were approved.", ""},
		{"Who abstained on the vote?", match.QPerson, "Quotes were obtained for a park at the Recreation Ground.", ""},
		{"How many ounces are in a pound?", match.QNumber, "Divide the dough in two and shape it.", ""}, // counts no ounces
		{"How much of the flour is rye?", match.QMoney, "We use a blend with 20% rye.", "20%"},
		// Dates before a noun, eras, centuries, weekdays, times, ranges.
		{"When was gold found?", match.QDate, "Days later, still in 1851 gold was discovered near Ballarat.", "1851"},
		{"When did he write the treatise?", match.QDate, "His 1543 treatise was extreme.", "1543"},
		{"When did the soldiers arrive?", match.QDate, "The 1500 soldiers arrived late.", ""}, // counts soldiers
		{"When was the conquest complete?", match.QDate, "By 1000 CE the conquest was complete.", "1000 CE"},
		{"In what century did it begin?", match.QDate, "It began in the 19th century.", "19th"},
		{"When did the engine begin?", match.QDate, "It goes back to the first century AD.", "first century AD"},
		{"When were the Normans there?", match.QDate, "They settled there in the 10th and 11th centuries.", "10th and 11th centuries"},
		{"What day of the week was it held?", match.QDate, "It was held on the Monday evening.", "Monday"},
		{"When was the game played?", match.QDate, "It was played on Sunday, February 7, 2016.", "Sunday, February 7, 2016"},
		{"When was it built?", match.QDate, "Work began on Monday and ended on Friday.", ""}, // two days
		{"When did he wake?", match.QDate, "After 8 a.m., he had chest pains.", "8 a.m"},
		{"When did Carolina get the ball?", match.QDate, "With 4:51 left, Carolina got the ball.", "4:51"},
		{"When did the shop open?", match.QDate, "The shop opened at 2:30pm sharp.", "2:30pm"},
		{"When was the war?", match.QDate, "The war (1939–1945) was long.", "1939–1945"},
		{"What year did the storm hit?", match.QDate, "Jacksonville suffered from 2008's Tropical Storm Fay.", "2008"},
		// Currencies of more than one byte, ages, hyphenated units, spaced degrees.
		{"What is the estimated cost of the gallery?", match.QMoney, "With costs estimated at £76 million, it is the dearest.", "£76 million"},
		{"How old was Elway in that game?", match.QNumber, "Elway led the team to victory at age 38.", "38"},
		{"How old are they when the decline begins?", match.QNumber, "Responses decline at around 50 years of age.", "50"},
		{"How long is the term of a council member?", match.QNumber, "Members are elected for an eight-year term.", "eight-year"},
		{"What temperature does the fever reach?", match.QNumber, "Fevers reach 38–41 °C in most cases.", "38–41 °C"},
		{"How old was he?", match.QNumber, "He was 26 and she was 39.", ""}, // two ages, neither marked
		// Names: initials, hyphens, particles; acronyms and places beside them.
		{"Who analyzed the belongings?", match.QPerson, "His belongings were analyzed by John G. Trump of the OAP.", "John G. Trump"},
		{"Who designed the windows?", match.QPerson, "The windows were designed by Edward Burne-Jones.", "Edward Burne-Jones"},
		{"Who led the forces?", match.QPerson, "The forces were led by Paul von Lettow-Vorbeck.", "Paul von Lettow-Vorbeck"},
		{"Who played the War Doctor?", match.QPerson, "Notably, John Hurt played him.", "John Hurt"},
		{"Who was named the best player?", match.QPerson, "The Panthers' quarterback Cam Newton was named the NFL's best player.", "Cam Newton"},
		{"Who founded the shop?", match.QPerson, "The shop in Paris was founded by Marie Curie.", "Marie Curie"},
		{"Who founded the shop?", match.QPerson, "Kowalski founded it with Marie Curie.", "Kowalski"}, // the one beside "founded"
		{"Who founded the shop?", match.QPerson, "Marie Curie founded it with Pierre Curie.", "Marie Curie"},
		{"Who did the sign language?", match.QPerson, "Marlee Matlin, an Oscar winner, did the sign language.", "Marlee Matlin"},
		{"Who opened the building?", match.QPerson, "The building was opened by Queen Elizabeth II in 2004.", "Queen Elizabeth II"},
		{"Who had the insight?", match.QPerson, "The insight came from Sir Isaac Newton.", "Sir Isaac Newton"},
		{"Where did the monks settle?", match.QPlace, "The monks settled near the Danube.", "Danube"},
		{"How many people live there?", match.QNumber, "The city has 1.7 million residents.", "1.7 million"},
		{"How many people live there?", match.QNumber, "The city has 1.7 million residents and 300 parks.", ""},
		{"The final decided the champion for what season?", match.QOther, "The final decided the champion for the 2015 season.", "2015"},
		{"Who was the director of the society?", match.QPerson, "Kowalski was the director of the society in 1914.", "Kowalski"},
		{"Who was the director of the society?", match.QPerson, "Still, it was the director of the society who chose.", ""},
		{"Who was the captain?", match.QPerson, "The captain Anna Schmidt sailed with her old friend Maria Weber.", "Anna Schmidt"},
		{"Who sailed?", match.QPerson, "Anna Schmidt and Maria Weber sailed.", ""},
		{"When did photosynthetic organisms evolve?", match.QDate, "Bacteria evolved about 3.5 billion years ago.", "3.5 billion years ago"},
		{"Who was the quarterback?", match.QPerson, "The coach praised Kowalski and the quarterback Cam Newton.", "Cam Newton"},
		{"Who was sacked?", match.QPerson, "Kowalski was sacked by DeMarcus Ware as time expired.", ""}, // Kowalski is named too
		// Of several, the one next to the question's words, when the others are far.
		{"When was the exchange founded?", match.QDate, "The exchange was founded in 1817 and was rebuilt after the great fire of 1906.", "1817"},
		{"When was the exchange founded?", match.QDate, "Founded in 1817, the exchange was founded anew in 1820.", "1817"}, // more of the question around it
		{"When did the fleet sail?", match.QDate, "In 1588 and 1589 the fleet sailed.", ""},                                // neither the nearer
		// A season, made a date by the word before it.
		{"When will he visit?", match.QDate, "He asked him to visit Washington in the fall.", "the fall"},
		{"When did the strikes happen?", match.QDate, "Strikes spread over the winter of 1973–74.", "the winter of 1973–74"},
		{"When does the market open?", match.QDate, "The market opens next summer.", "next summer"},
		{"When do prices fall?", match.QDate, "Prices fall when supply grows, as in 1990.", "1990"}, // "fall", a verb
		// A year range by "to"; a year, decade or century placed within.
		{"When were the wars fought?", match.QDate, "The wars were fought from 1562 to 1598 in France.", "1562 to 1598"},
		{"When did nationalism rise?", match.QDate, "Nationalism rose sharply in the late 1960s.", "late 1960s"},
		{"When did the movement begin?", match.QDate, "It began in the mid-18th century in England.", "mid-18th century"},
		{"When did the cars arrive?", match.QDate, "The cars arrived late 1990 or early 1991.", ""}, // two, neither nearer
		{"In what century was the system used?", match.QDate, "The system was used in the late 19th century.", "19th"},
		{"In what years did the show run?", match.QDate, "The show ran from 1963 to 1989 on BBC One.", "1963 to 1989"},
		{"In what year did the show end?", match.QDate, "The show ran from 1963 to 1989 on BBC One.", "1989"},
	} {
		c := Citation{Doc: "d", Start: 100, End: 100 + len(tc.text), Text: tc.text}
		got := shortAnswer(tc.q, tc.qt, c)
		switch {
		case tc.want == "" && got != nil:
			t.Errorf("%q in %q: got %q, want none", tc.q, tc.text, got.Text)
		case tc.want != "" && got == nil:
			t.Errorf("%q in %q: got none, want %q", tc.q, tc.text, tc.want)
		case got != nil && (got.Text != tc.want || tc.text[got.Start-100:got.End-100] != got.Text):
			t.Errorf("%q in %q: got %q at %d-%d, want %q", tc.q, tc.text, got.Text, got.Start, got.End, tc.want)
		}
	}
}

// A "sentence" megabytes long (a document without full stops) is not
// searched: the bound keeps a question's cost linear in what it quotes.
func TestShortAnswerSkipsHugeSentences(t *testing.T) {
	text := strings.Repeat("In 1901 there were 12 boats. ", 40000)
	c := Citation{Doc: "d", End: len(text), Text: text}
	if got := shortAnswer("How many boats were there?", match.QNumber, c); got != nil {
		t.Errorf("got %q from a huge sentence", got.Text)
	}
	c.Text, c.End = "In 1901 there were 12 boats.", 28
	if got := shortAnswer("How many boats were there?", match.QNumber, c); got == nil || got.Text != "12" {
		t.Errorf("got %+v, want 12", got)
	}
}
