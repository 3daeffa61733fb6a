package bot

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/storybot/storybot/english"
	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/match"
)

// Options tune answering. Zero values mean the defaults.
type Options struct {
	// MinConfidence is the least confidence at which the bot answers;
	// below it, it says the documents do not answer. Confidence is the
	// fitted probability that the documents answer the question; the
	// default 0.4 was chosen on development data (docs/EVALUATION.md).
	MinConfidence float64
	// TopK is how many ranked candidates a Reply carries. Default 5.
	TopK int
	// MaxQuestion is the longest question, in characters, that is
	// answered. Default 1000.
	MaxQuestion int
	// Memory keeps conversations, so that a question asked with
	// WithConversation is read as a follow-up. Nil: every question is
	// answered alone.
	Memory Memory
}

// DefaultMinConfidence is the least answerability (the fitted probability
// that the documents answer) at which the bot answers. It is chosen on the
// development sets' trade-off between off-topic messages answered and
// answerable questions refused (docs/EVALUATION.md).
const DefaultMinConfidence = 0.35

func (o Options) withDefaults() Options {
	if o.MinConfidence <= 0 {
		o.MinConfidence = DefaultMinConfidence
	}
	if o.TopK <= 0 {
		o.TopK = 5
	}
	if o.MaxQuestion <= 0 {
		o.MaxQuestion = 1000
	}
	return o
}

// loaded is a store's matcher with what the bot derives from it once.
type loaded struct {
	m     *match.Matcher
	multi bool
	names string
	docs  map[string]*docInfo
	// guide holds the suggestions, made on first use by guidance: a
	// book's keywords and example questions cost a twentieth of its
	// start-up, and most runs never refuse a question.
	guideOnce sync.Once
	guide     guide
	minConf   float64
}

// guide is what a refusal offers: the store's topics (keywords) and
// questions the documents answer (examples).
type guide struct {
	keywords []string
	examples []string
	// cover and try are the sentences every not-found reply and most
	// small-talk replies end with (coverLine, tryLine), made once.
	cover, try string
}

// guidance returns l's suggestions, making them the first time.
func (l *loaded) guidance() *guide {
	l.guideOnce.Do(func() {
		l.guide.keywords = hints(l.m.Store())
		l.guide.examples = exampleQuestions(l.m, l.guide.keywords, l.minConf)
		if t := topics(l.guide.keywords); t != "" {
			l.guide.cover = " It covers " + t + "."
		}
		switch ex := l.guide.examples; len(ex) {
		case 0:
		case 1:
			l.guide.try = " Try \"" + ex[0] + "\""
		default:
			l.guide.try = " Try \"" + ex[0] + "\" or \"" + ex[1] + "\""
		}
	})
	return &l.guide
}

// Bot answers questions from a fact store. It is safe for concurrent use,
// and its store can be swapped atomically while questions are in flight.
type Bot struct {
	opt Options
	cur atomic.Pointer[loaded]
}

var _ Answerer = (*Bot)(nil)

// New returns a Bot answering from store.
func New(store *facts.Store, opt Options) *Bot {
	return NewMatcher(match.New(store), opt)
}

// NewMatcher returns a Bot answering through m, a matcher already built
// (to time or prepare it apart from the bot).
func NewMatcher(m *match.Matcher, opt Options) *Bot {
	b := &Bot{opt: opt.withDefaults()}
	b.swap(m)
	return b
}

// Swap replaces the fact store. Questions already being answered finish
// with the store they started with.
func (b *Bot) Swap(store *facts.Store) { b.swap(match.New(store)) }

func (b *Bot) swap(m *match.Matcher) {
	store := m.Store()
	l := &loaded{m: m, minConf: b.opt.MinConfidence}
	docs := store.Documents()
	l.docs = docInfos(docs)
	l.multi = len(docs) > 1
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	l.names = strings.Join(names, ", ")
	b.cur.Store(l)
}

// Store returns the current fact store.
func (b *Bot) Store() *facts.Store { return b.cur.Load().m.Store() }

// Answer answers one question. It never fails: bad questions get a Reply
// that says what is wrong. When ctx names a conversation
// (WithConversation) and the bot has a Memory, the question is read as a
// possible follow-up of that conversation's last turn and remembered.
func (b *Bot) Answer(ctx context.Context, question string) Reply {
	if key := ConversationFrom(ctx); key != "" && b.opt.Memory != nil {
		return b.converse(ctx, key, question)
	}
	return b.answer(ctx, question, nil)
}

// answer answers question, read as a follow-up of prev when prev is not nil.
func (b *Bot) answer(ctx context.Context, question string, prev *Turn) Reply {
	l := b.cur.Load()
	q := strings.TrimSpace(strings.ToValidUTF8(question, "\uFFFD"))
	r := Reply{Question: q, Understood: q, MultiDoc: l.multi}
	if n := utf8.RuneCountInString(q); n > b.opt.MaxQuestion {
		return b.TooLong(q, n)
	}
	if err := ctx.Err(); err != nil {
		r.Outcome = OutcomeRefused
		r.Text = "The question was cancelled before it could be answered."
		return r
	}
	if reply, ok := l.chat(r); ok {
		return reply
	}
	rd := l.read(withoutPreface(q), prev)
	r.Understood, r.Reading, r.topic = rd.understood, rd.note, rd.topic
	k := b.opt.TopK
	if rd.followUp {
		k = max(k, followTopK) // arrange looks further down for the follow-up's own words
	}
	res := searchTurn(ctx, l.m, &rd, k, prev, b.opt.MinConfidence)
	r.Understood, r.Reading = rd.understood, rd.note
	if res.Cancelled {
		r.Outcome = OutcomeRefused
		r.Text = "The question was cancelled before it could be answered."
		return r
	}
	r.explain = res.Explain
	if rd.note != "" {
		understood, note := rd.understood, rd.note // not rd: it would move to the heap
		r.explain = func() string {
			return "understood: " + understood + " (" + note + ")\n" + res.Explain()
		}
	}
	own := arrange(l.m, res, rd, prev)
	if len(res.Hits) > 0 && res.SwapsName(res.Hits[0]) {
		// The sentence to quote names something else than the question
		// does: "millbrook to harton" for "millbrook to kelsey".
		res.Confidence = min(res.Confidence, match.SwapConfidence)
	}
	r.Confidence = res.Confidence
	res.Hits = res.Hits[:min(len(res.Hits), b.opt.TopK)]
	r.hits, r.from = res.Hits, l
	if len(res.Hits) == 0 || res.Confidence < b.opt.MinConfidence || !own {
		r.Outcome = OutcomeNotFound
		r.Suggestions = l.guidance().keywords
		r.Examples = l.guidance().examples
		r.Text = withReading(notFound(l, res), rd.note)
		if !own && res.Confidence >= b.opt.MinConfidence && isLastAnswer(res.Hits[0], prev) {
			// The sentence that answers best was quoted last: the text
			// says no more, which "can't find" would misstate.
			r.Text = withReading(noMore, rd.note)
		}
		return r
	}
	r.Outcome = OutcomeAnswered
	r.Answered = true
	cited, rows := l.cited(res)
	for i, h := range cited {
		r.Citations = append(r.Citations, quoted(h, i+1, res.Terms))
		l.source(&r.Citations[i], h.Sentence, true)
	}
	if !rows { // several rows answer alike: no one of them is the answer
		r.Short = shortAnswer(rd.understood, res.QType, r.Citations[0])
	}
	if r.Short != nil && r.Short.Kind == wantNames[wantPerson] && asksWhoIs(withNames(rd.understood, l.m.Store())) {
		r.Short = nil // another person's name does not say who this one is
	}
	r.Text = withReading(answerText(r.Short, r.Citations, l.multi), rd.note)
	return r
}

// read reads q, after the turn prev when prev is not nil. The topic is
// what a remembered turn keeps (converse); a question outside a
// conversation does not need it.
func (l *loaded) read(q string, prev *Turn) reading {
	if prev == nil {
		return titlePerson(q, l.m.Store())
	}
	rd := readFollowUp(withNames(q, l.m.Store()), withNamesTurn(*prev, l.m.Store()))
	if w := onlyTopic(q); rd.followUp && w != "" && !relationalNouns[w] && (l.m.NamesHeading(q) || l.knows(w)) {
		// A topic of its own: "what's the warranty?"
		rd = reading{understood: q, topic: rd.topic, own: rd.own, nouns: rd.nouns, also: additive(words(q))}
	}
	if !rd.followUp {
		rd.understood = q // read as asked
	}
	return rd
}

// knows reports whether the documents hold w, by its stem.
func (l *loaded) knows(w string) bool { return holdsStem(l.m.Store(), w) }

// holdsStem reports whether store holds w, by its stem.
func holdsStem(store *facts.Store, w string) bool {
	_, termID := store.Terms()
	_, ok := termID.Lookup(english.Stem(w))
	return ok
}

// chat answers what the matcher need not hear: small talk in kind, and a
// request for an overview with the documents' opening. It reports whether
// it answered r's question.
func (l *loaded) chat(r Reply) (Reply, bool) {
	t, words := smallTalk(r.Question)
	// A greeting that opens with "what" ("what's new?") asks about the
	// documents when one of its words heads a section ("New features").
	if t != TalkNone && !(t == TalkGreeting && words[0] == "what" && l.m.NamesHeading(r.Question)) {
		r.Outcome = OutcomeSmallTalk
		r.Talk = t
		r.Examples = l.guidance().examples
		r.Text = talkReply(l, t)
		return r, true
	}
	if overviewRequest(words) {
		if o := l.overview(r); o.Answered {
			return o, true
		}
	}
	if noun := listedThing(words); noun != "" {
		if o, ok := l.listRows(r, noun); ok {
			return o, true
		}
	}
	return r, false
}

// TooLong is the refusal of a question of n characters, for callers that
// measured a question without holding all of it (a line longer than their
// buffer). Reply.Question keeps the question's start, marked "…".
func (b *Bot) TooLong(question string, n int) Reply {
	q := strings.TrimSpace(strings.ToValidUTF8(question, "\uFFFD"))
	if rs := []rune(q); len(rs) > b.opt.MaxQuestion {
		q = string(rs[:b.opt.MaxQuestion]) + "…"
	}
	return Reply{
		Question: q,
		Outcome:  OutcomeRefused,
		MultiDoc: b.cur.Load().multi,
		Text:     fmt.Sprintf("That question is too long (%d characters). Please ask it in at most %d.", n, b.opt.MaxQuestion),
	}
}

// Quoting a list with the sentence that introduces it: at most
// listItemsQuoted items, and no more once they hold listQuoteRunes.
const (
	listItemsQuoted = 10
	listQuoteRunes  = 1200
)

// withListItems quotes, after the first cited sentence when it introduces
// a list or a table ("For two medium loaves you will need:"), the items
// it introduces, in order: the introduction alone answers nothing. Other
// cited sentences follow them.
func withListItems(s *facts.Store, cited []match.Hit) []match.Hit {
	intro := cited[0]
	next := intro.Index + 1
	if next >= s.Len() || s.Sentence(next).Context() != intro.Sentence.Text || intro.Sentence.Text == "" {
		return withTableBelow(s, cited)
	}
	items := quotedRun(s, next, func(item *facts.Sentence) bool {
		return item.Doc() == intro.Sentence.Doc() && item.Context() == intro.Sentence.Text
	})
	return appendNew(append([]match.Hit{intro}, items...), cited[1:])
}

// withTableBelow quotes, after the cited sentences, the rows of the table
// the first of them points to ("Pay-as-you-go prices are listed below."):
// the first table within tableBelowGap sentences after it in its section.
func withTableBelow(s *facts.Store, cited []match.Hit) []match.Hit {
	intro := cited[0].Sentence
	if !pointsBelow(intro.Text) {
		return withSectionNamed(s, cited)
	}
	inSection := func(sent *facts.Sentence) bool {
		return !sent.Heading() && sent.Doc() == intro.Doc() && sent.Section() == intro.Section()
	}
	for i := cited[0].Index + 1; i < s.Len() && i <= cited[0].Index+1+tableBelowGap && inSection(s.Sentence(i)); i++ {
		if s.Sentence(i).Display() != "" {
			rows := quotedRun(s, i, func(row *facts.Sentence) bool { return row.Display() != "" && inSection(row) })
			return appendNew(slices.Clone(cited), rows)
		}
	}
	return cited
}

// withSectionNamed quotes, after the cited sentences, the opening of the
// section the first of them sends the reader to ("Please read the
// Breaking changes section carefully before upgrading"): a heading of its
// document, named with "section" after it.
func withSectionNamed(s *facts.Store, cited []match.Hit) []match.Hit {
	intro := cited[0].Sentence
	text := strings.ToLower(intro.Text)
	if !strings.Contains(text, " section") {
		return cited
	}
	for i := 0; i < s.Len(); i++ {
		h := s.Sentence(i)
		if !h.Heading() || h.Doc() != intro.Doc() || h.Text == intro.Section() || !strings.Contains(text, strings.ToLower(h.Text)+" section") {
			continue
		}
		body := i + 1
		for body < s.Len() && s.Sentence(body).Heading() && s.Sentence(body).Doc() == h.Doc() {
			body++
		}
		under := quotedRun(s, body, func(sent *facts.Sentence) bool {
			return !sent.Heading() && sent.Doc() == h.Doc() && sent.Section() == h.Text
		})
		return appendNew(slices.Clone(cited), under[:min(len(under), sectionQuoted)])
	}
	return cited
}

// sectionQuoted is how many of a named section's sentences are quoted.
const sectionQuoted = 4

// quotedRun returns the sentences from index from on while keep holds:
// at most listItemsQuoted, and no more once they hold listQuoteRunes.
func quotedRun(s *facts.Store, from int, keep func(*facts.Sentence) bool) []match.Hit {
	var out []match.Hit
	runes := 0
	for i := from; i < s.Len() && len(out) < listItemsQuoted && runes < listQuoteRunes; i++ {
		sent := s.Sentence(i)
		if !keep(sent) {
			break
		}
		out = append(out, match.Hit{Sentence: sent, Index: i})
		runes += utf8.RuneCountInString(sent.Quote())
	}
	return out
}

// wholeEntry quotes a troubleshooting entry whole: when the first cited
// sentence is its cause or its remedy ("Cause: Limescale from hard
// water, which is harmless."), the entry's other lines are quoted beside
// it, in the document's order, as a manual reads them together.
func wholeEntry(s *facts.Store, cited []match.Hit) []match.Hit {
	first := cited[0]
	problem := first.Sentence.Context()
	if problem == "" || !facts.ResponseLine(first.Sentence.Text) {
		return cited
	}
	same := func(sent *facts.Sentence) bool {
		return sent.Doc() == first.Sentence.Doc() && !sent.Heading() && sent.Context() == problem
	}
	start := first.Index
	for start > 0 && same(s.Sentence(start-1)) {
		start--
	}
	return appendNew(quotedRun(s, start, same), cited)
}

// appendNew appends to hits those of add that it does not hold yet.
func appendNew(hits, add []match.Hit) []match.Hit {
	for _, h := range add {
		if !slices.ContainsFunc(hits, func(o match.Hit) bool { return o.Index == h.Index }) {
			hits = append(hits, h)
		}
	}
	return hits
}

// tableBelowGap is how many sentences may stand between a sentence that
// points below and the table it points to.
const tableBelowGap = 2

// pointsBelow reports whether a sentence points to what follows it:
// "prices are listed below", "as follows", "the following".
func pointsBelow(text string) bool {
	t := strings.ToLower(text)
	return strings.Contains(t, "below") || strings.Contains(t, "as follows") || strings.Contains(t, "the following")
}

// noMore is the reply to a follow-up that the sentence quoted last answers
// best: the documents say nothing more on it.
const noMore = "That is all I can find on it: the documents say no more than the sentence I quoted last."

// isLastAnswer reports whether h is the sentence the previous turn quoted.
func isLastAnswer(h match.Hit, prev *Turn) bool {
	return prev != nil && prev.Answer != "" && h.Sentence.Doc() == prev.Doc && int(h.Sentence.N) == prev.Sentence
}

// namingSentence returns the sentence that names what the best sentence's
// opening pronoun stands for (facts.Sentence.Refers), the nearest before
// it in its paragraph: "It is painted International Orange" is quoted with
// "The Golden Gate Bridge opened in 1937", so the reader sees what "it" is.
func namingSentence(s *facts.Store, best match.Hit) (match.Hit, bool) {
	ref := best.Sentence.Refers()
	if ref == "" {
		return match.Hit{}, false
	}
	for i := best.Index - 1; i >= 0; i-- {
		sent := s.Sentence(i)
		if sent.Doc() != best.Sentence.Doc() || sent.Paragraph != best.Sentence.Paragraph {
			break
		}
		if strings.Contains(sent.Text, ref) {
			return match.Hit{Sentence: sent, Index: i}, true
		}
	}
	return match.Hit{}, false
}

// cited returns the sentences an answer quotes: the best, with the
// runner-up when it adds to it or the sentence naming what it speaks of,
// their list items or whole entry, and every row alike in its table;
// rows reports whether those rows stand for the answer together.
func (l *loaded) cited(res *match.Result) (cited []match.Hit, rows bool) {
	cited = res.Hits[:1]
	if len(res.Hits) > 1 && (res.Chain || addsTo(res.Hits[0], res.Hits[1])) {
		cited = res.Hits[:2]
	} else if h, ok := namingSentence(l.m.Store(), res.Hits[0]); ok {
		cited = []match.Hit{res.Hits[0], h}
	}
	cited = withListItems(l.m.Store(), cited)
	cited = wholeEntry(l.m.Store(), cited)
	if res.Banded {
		// A row chosen for the band the question's number falls in
		// ("8 miles away": "| 5 to 12 miles away |") is the answer, not
		// one of the rows alike.
		return cited, false
	}
	return withSameRows(l.m.Store(), cited, res.Terms)
}

// addsTo reports whether the runner-up deserves quoting too: it must score
// close to the best and hold question words the best lacks.
func addsTo(best, next match.Hit) bool {
	return next.Score >= 0.6*best.Score && next.Matched&^best.Matched != 0 &&
		next.Sentence.Text != best.Sentence.Text
}

func citation(h match.Hit, n int) Citation {
	s := h.Sentence
	return Citation{N: n, Doc: s.Doc(), Sentence: int(s.N), Paragraph: int(s.Paragraph), Start: int(s.Start), End: int(s.End), Text: s.Text, Score: round(h.Score)}
}

// quoted is a cited sentence, with the excerpt replies show of it.
func quoted(h match.Hit, n int, terms []match.TermMatch) Citation {
	c := citation(h, n)
	// A table row is quoted as its cells with their column names.
	c.Quote = excerpt(unwrapped(withoutQuoteMarks(h.Sentence.Quote())), terms, MaxQuote)
	return c
}

// withoutQuoteMarks drops the marks an e-mail puts before the lines it
// quotes ("> The passenger lift will be closed…"), which a reply showed:
// the words are the quoted message's. Only a sentence whose every line
// carries one.
func withoutQuoteMarks(text string) string {
	if !strings.HasPrefix(strings.TrimLeft(text, " "), ">") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if !strings.HasPrefix(t, ">") {
			return text
		}
		lines[i] = strings.TrimLeft(t, "> ")
	}
	return strings.Join(lines, "\n")
}

// unwrapped is text with its line breaks read as spaces: a plain text
// wrapped at 70 columns (a book, an e-mail) or a centred title page
// breaks its sentences across lines, and a reply showed those breaks and
// the indentation after them. A run of spaces with a line break in it
// becomes one space; code is indexed a line at a time, so has none.
func unwrapped(text string) string {
	if !strings.ContainsAny(text, "\n\r") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		c := text[i]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			b.WriteByte(c)
			i++
			continue
		}
		j, brk := i, false
		for ; j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r'); j++ {
			brk = brk || text[j] == '\n' || text[j] == '\r'
		}
		if brk {
			b.WriteByte(' ')
		} else {
			b.WriteString(text[i:j])
		}
		i = j
	}
	return b.String()
}

func round(f float64) float64 {
	return float64(int64(f*1000+0.5)) / 1000
}

// answerText quotes the cited sentences, each marked [n], then lists the
// sources. (Built by hand rather than with fmt: it runs for every answer.)
func answerText(short *ShortAnswer, cs []Citation, multi bool) string {
	var b strings.Builder
	n := 32
	for _, c := range cs {
		n += len(c.Quoted()) + len(c.Doc) + len(c.Title) + len(c.Section) + len(c.URL) + 48
	}
	b.Grow(n)
	if short != nil {
		b.WriteString("**" + short.Text + "**\n\n")
	}
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.Quoted())
		b.WriteString(" [")
		b.WriteString(strconv.Itoa(c.N))
		b.WriteByte(']')
	}
	b.WriteString("\n\nSources:")
	for _, c := range cs {
		b.WriteString("\n[")
		b.WriteString(strconv.Itoa(c.N))
		b.WriteString("] ")
		b.WriteString(Source(c, multi))
		if c.URL != "" {
			b.WriteString("\n    ")
			b.WriteString(c.URL)
		}
	}
	return b.String()
}

// shortList joins words for a reply, each cut to a readable length, and
// at most six of them: a pasted paragraph of unknown words is not echoed.
func shortList(words []string) string {
	const maxWords, maxRunes = 6, 24
	var out []string
	for _, w := range words[:min(len(words), maxWords)] {
		if rs := []rune(w); len(rs) > maxRunes {
			w = string(rs[:maxRunes]) + "…"
		}
		out = append(out, w)
	}
	if len(words) > maxWords {
		out = append(out, "…")
	}
	return strings.Join(out, ", ")
}

// notFound says, in one line, that the documents do not answer, what they
// cover, and questions they do answer.
func notFound(l *loaded, res *match.Result) string {
	var b strings.Builder
	g := l.guidance()
	b.Grow(48 + len(l.names) + len(g.cover) + len(g.try)) // one allocation, most of the time
	b.WriteString("I can't find an answer to that in ")
	b.WriteString(l.names)
	b.WriteString(".")
	if len(res.Unknown) > 0 && len(res.Unknown) == len(res.Terms) {
		b.WriteString(" None of its words (" + shortList(res.Unknown) + ") appear there.")
	}
	b.WriteString(g.cover)
	if g.try != "" {
		b.WriteString(g.try)
		b.WriteString(".")
	}
	return b.String()
}

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
