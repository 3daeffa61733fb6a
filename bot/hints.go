package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
)

// maxHints is how many topics a "not found" reply offers.
const maxHints = 6

// hints are the topics a "not found" reply suggests: names, and words the
// document uses as nouns. The store's keywords are its most distinctive
// words, which in a small document can be verbs ("It is about opens").
// A suggestion must be something one can ask about, so a lower-case
// keyword is kept only if the document puts it after a determiner, a
// possessive or a number ("the canteen", "Anna's budget", "30 minutes")
// somewhere: a cheap test of being a noun that needs no dictionary.
func hints(s *facts.Store) []string {
	if hs := sectionTopics(s); len(hs) > 0 {
		return hs
	}
	cands := s.Keywords(4 * maxHints)
	var out []string
	need := map[string]bool{}
	for _, k := range cands {
		if !isName(k) && !functionWords[strings.ToLower(k)] {
			need[strings.ToLower(k)] = false
		}
	}
	if len(need) > 0 {
		nounEvidence(s, need)
	}
	for _, k := range cands {
		if len(out) == maxHints {
			break
		}
		if apparatus(k) {
			continue
		}
		if isName(k) || need[strings.ToLower(k)] {
			out = append(out, k)
		}
	}
	return out
}

// sectionTopics are the documents' short section headings, in order,
// when they have at least two ("Annual leave", "Sick leave"): a
// handbook's or a manual's main topics, as its writer named them, where
// its most distinctive words are names and codes.
func sectionTopics(s *facts.Store) []string {
	var out []string
	for _, t := range sectionNames(s) {
		if len(out) < maxHints && len(strings.Fields(t)) <= 4 {
			out = append(out, t)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// sectionNames are the documents' section headings, in order, when they
// have between two and maxSections; nil otherwise. A document's title is
// not one of its sections, and a book's chapters ("CHAPTER XII") are too
// many to name.
func sectionNames(s *facts.Store) []string {
	titles := map[string]string{}
	for _, d := range s.Documents() {
		titles[d.Name] = d.Title
	}
	var out []string
	headings := 0
	for i := 0; i < s.Len(); i++ {
		sent := s.Sentence(i)
		if !sent.Heading() || sent.Text == titles[sent.Doc()] {
			continue
		}
		if headings++; headings > maxSections {
			return nil // a book's chapters
		}
		name := strings.Trim(strings.TrimRight(sent.Text, ":."), "_*")
		if apparatus(name) || slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, name) }) {
			continue // "CONTENTS", "Chapter IV", a second "Epilogue": no topic
		}
		out = append(out, name)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// apparatus reports whether a heading only finds the way in a document
// ("Contents", "CHAPTER XIII", "Part 2", "Page 4", "Index"): a book's
// or a report's furniture, not what it is about.
func apparatus(heading string) bool {
	words := strings.FieldsFunc(strings.ToLower(heading), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > 1 && words[0] == "the" {
		words = words[1:] // "THE END"
	}
	if len(words) == 0 || !apparatusWords[words[0]] {
		return len(words) == 0
	}
	for _, w := range words[1:] {
		if !english.IsNumeral(w) && w != "of" && !apparatusWords[w] {
			return false
		}
	}
	return true
}

var apparatusWords = setOf("contents", "content", "table", "index", "preface", "foreword", "prologue",
	"epilogue", "chapter", "chapters", "page", "pages", "part", "volume", "vol", "book", "section",
	"appendix", "notes", "footnotes", "endnotes", "bibliography", "references", "glossary",
	"acknowledgements", "acknowledgments", "illustrations", "figures", "end", "finis")

// maxSections bounds the headings read as a document's sections.
const maxSections = 30

// isName: a keyword the text capitalises ("White House", "Putin").
func isName(k string) bool {
	r, _ := utf8.DecodeRuneInString(k)
	return unicode.IsUpper(r)
}

// nounEvidence sets need[w] for each word w the first sentences of s put
// right after a determiner, a possessive or a number. (Allowing a modifier
// between, "the new canteen", also lets verbs in: "the office opens".)
func nounEvidence(s *facts.Store, need map[string]bool) {
	left := len(need)
	read := func(i int) {
		var prev1 string
		eachWord(s.Sentence(i).Text, func(_ int, w string) {
			lw := strings.ToLower(w)
			if found, ok := need[lw]; ok && !found && determiner(prev1) {
				need[lw] = true
				left--
			}
			prev1 = lw
		})
	}
	// Only the sentences holding a word needed can show it after a
	// determiner: a book's keywords are in a few hundred of its first
	// 5,000 sentences (the whole scan was a third of a refusal's wait).
	if sents, ok := sentencesWith(s, need, nounEvidenceSentences); ok {
		for _, i := range sents {
			if left == 0 {
				break
			}
			read(i)
		}
		return
	}
	for i := 0; i < min(s.Len(), nounEvidenceSentences) && left > 0; i++ {
		read(i)
	}
}

// nounEvidenceSentences bounds the sentences nounEvidence reads.
const nounEvidenceSentences = 5000

// sentencesWith returns, in order, the sentences before limit that hold
// one of words by its index term; ok is false when a word has no term.
func sentencesWith(s *facts.Store, words map[string]bool, limit int) (sents []int, ok bool) {
	_, termID := s.Terms()
	postings := s.Postings()
	seen := map[int]bool{}
	for w := range words {
		term := ""
		english.Tokenize(w, func(t english.Token) {
			if term == "" {
				term = english.Stem(t.Word)
			}
		})
		id, found := termID.Lookup(term)
		if !found {
			return nil, false
		}
		for _, p := range postings.Of(int(id)) {
			if int(p) >= limit {
				break
			}
			if !seen[int(p)] {
				seen[int(p)] = true
				sents = append(sents, int(p))
			}
		}
	}
	slices.Sort(sents)
	return sents, true
}

func determiner(w string) bool {
	if w == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) {
		return true
	}
	return determiners[w]
}

var determiners = setOf("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
	"our", "my", "your", "some", "any", "no", "every", "each", "another", "s", "two", "three", "four",
	"five", "six", "seven", "eight", "nine", "ten", "several", "many", "few")

// functionWords are never topics, whatever their frequency.
var functionWords = setOf("the", "a", "an", "and", "or", "but", "if", "then", "than", "so", "to", "of",
	"in", "on", "at", "by", "for", "with", "from", "into", "onto", "about", "over", "under", "after",
	"before", "between", "through", "during", "without", "within", "is", "are", "was", "were", "be",
	"been", "being", "am", "do", "does", "did", "have", "has", "had", "will", "would", "shall", "should",
	"can", "could", "may", "might", "must", "not", "no", "yes", "it", "its", "this", "that", "these",
	"those", "he", "she", "they", "we", "you", "i", "him", "her", "them", "us", "me", "his", "their",
	"our", "your", "my", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "there",
	"here", "also", "very", "just", "only", "all", "any", "some", "each", "every", "more", "most",
	"other", "such", "own", "same", "too", "again", "once", "while", "because", "as", "until", "up",
	"down", "out", "off", "per")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
