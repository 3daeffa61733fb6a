package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// wrapWidth: a block whose lines (but the last) are all at most this many
// characters is a hard-wrapped paragraph (books, e-mail, Markdown); a block of
// longer lines is one paragraph per line (news copy, chat exports).
const wrapWidth = 100

type lineSpan struct{ start, end int }

// splitter is the state of one document's split.
type splitter struct {
	d     *Document
	raw   string
	md    *mdStructure // nil for plain text
	block []lineSpan
	para  int
	// intro is the sentence ending in ":" that introduces the list or
	// table that follows it, "" when none does.
	intro string
}

// estimateSentences guesses, a little over, how many sentences raw holds:
// its sentence ends (a run of '.', '?' or '!', closing quotes or brackets,
// then a space, a line break or the end: not "3.5", "e.g" or "..." thrice),
// and a line in sixteen for headings and lists. Sizing the list once
// saves growing it by appending, which on a book allocated four times the
// list's own size. On War and Peace it is 12 % over; counting every mark
// was 26 % over, and the list was then copied at its size (see
// splitDocument).
func estimateSentences(raw string) int {
	n := 0
	for _, mark := range []byte(".?!") {
		for i := 0; ; {
			j := strings.IndexByte(raw[i:], mark)
			if j < 0 {
				break
			}
			i += j + 1
			if i < len(raw) && isStopMark(raw[i]) {
				continue // the run's last mark counts
			}
			k := i
			for k < len(raw) && (raw[k] == '"' || raw[k] == '\'' || raw[k] == ')' || raw[k] == ']') {
				k++
			}
			// A byte of a multi-byte rune: a curly quote, mostly.
			if k == len(raw) || raw[k] == ' ' || raw[k] == '\n' || raw[k] == '\r' || raw[k] == '\t' || raw[k] >= utf8.RuneSelf {
				n++
			}
		}
	}
	return n + strings.Count(raw, "\n")/16 + 4
}

func isStopMark(c byte) bool { return c == '.' || c == '?' || c == '!' }

// splitDocument fills d.Sentences and d.Paragraphs, then marks headings
// and gives each sentence its section (structure.go).
func splitDocument(d *Document) {
	// Sentence texts are substrings of one string that shares the
	// document's bytes: a book is not held twice. Parse's callers hand
	// their bytes over (see Parse).
	sp := &splitter{d: d, raw: unsafe.String(unsafe.SliceData(d.Raw), len(d.Raw))}
	pos := 0
	if strings.HasPrefix(sp.raw, "\uFEFF") {
		pos = 3
	}
	d.abbrevs = learnAbbreviations(sp.raw)
	if d.markdown {
		sp.md = parseMarkdown(d.Raw)
	}
	if !splitHalves(sp, pos) {
		d.Sentences = make([]Sentence, 0, estimateSentences(sp.raw))
		sp.lines(pos, len(sp.raw))
	}
	d.Paragraphs = sp.para
	markStructure(d, sp.md)
	if len(d.Sentences) <= referBackMaxSentences {
		askedQuestions(d)
		runInHeadings(d)
		problemEntries(d)
		referBackParagraphs(d)
	}
	// The estimate overshoots (abbreviations, short lines). Past a
	// quarter the list is copied at its size. Less is kept: the unused end
	// of a large allocation made on a fresh heap is never touched, so it
	// is not resident, while the copy cost War and Peace's build 15-30 ms
	// of wall time (the copy of a list of pointers, during a collection,
	// and the collection its garbage brought forward).
	if cap(d.Sentences)-len(d.Sentences) > len(d.Sentences)/4 {
		d.Sentences = slices.Clone(d.Sentences)
	}
}

// lines splits the lines of raw[pos:end] (end a line's start or the
// text's end) into paragraphs and sentences.
func (sp *splitter) lines(pos, end int) {
	d := sp.d
	inFence, code := false, false
	for pos < end {
		line, next := sp.lineAt(pos)
		trimmed := strings.TrimSpace(sp.raw[line.start:line.end])
		switch {
		case d.markdown && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			sp.flush()
			inFence, code = !inFence, false
		case inFence:
			// Code is indexed line by line, one paragraph a block.
			code = sp.codeLine(line, code)
		case sp.md != nil && sp.tableAt(line.start) != nil:
			sp.flush()
			next = sp.table(sp.tableAt(line.start))
		case trimmed == "":
			sp.flush()
		case d.markdown && isMarkdownRule(trimmed):
			sp.flush()
		default:
			sp.block = append(sp.block, line)
		}
		pos = next
	}
	sp.flush()
}

// lineAt returns the line starting at pos, without its line break, and
// where the next one starts.
func (sp *splitter) lineAt(pos int) (lineSpan, int) {
	raw := sp.raw
	nl := strings.IndexByte(raw[pos:], '\n')
	end, next := len(raw), len(raw)
	if nl >= 0 {
		end = pos + nl
		next = end + 1
	}
	if end > pos && raw[end-1] == '\r' {
		end--
	}
	return lineSpan{pos, end}, next
}

// flush splits the block of lines gathered so far into paragraphs and
// sentences.
func (sp *splitter) flush() {
	if len(sp.block) == 0 {
		return
	}
	if !sp.d.markdown && len(sp.block) >= 2 && capsTitle(sp.raw, sp.block[0], sp.block[1]) {
		// "CLUBHOUSE QUIZ NIGHT" over its paragraph, no blank line
		// between: a heading of its own, not the paragraph's first words.
		rest := slices.Clone(sp.block[1:])
		sp.block = sp.block[:1]
		sp.flush()
		sp.block = append(sp.block[:0], rest...)
	}
	d, raw := sp.d, sp.raw
	paras := paragraphsOf(raw, sp.block, d.markdown)
	for k, p := range paras {
		if !d.markdown {
			p.end = withoutCloser(raw, p.start, p.end)
			if salutation(raw[p.start:p.end]) || bracketOpener(raw[p.start:p.end]) {
				continue
			}
		}
		before := len(d.Sentences)
		if !d.markdown && len(sp.block) == 1 && chapterLine(raw[p.start:p.end]) {
			// "CHAPTER 1. Loomings.": one heading, not two sentences.
			a, b := trimSpan(raw, p.start, p.end)
			sp.para++
			d.Sentences = append(d.Sentences, Sentence{
				N: int32(before + 1), Paragraph: int32(sp.para),
				Start: int32(a), End: int32(b), Text: raw[a:b], place: d.topPlace(),
				more: &sentenceMore{heading: true},
			})
			sp.intro = ""
			continue
		}
		list := isListItem(raw[p.start:p.end])
		splitParagraph(d, raw, p.start, p.end, sp.para+1)
		if len(d.Sentences) == before {
			continue
		}
		sp.para++
		if !d.markdown && len(d.Sentences) == before+1 && (sp.plainHeading(p) || k == 0 && headsBlock(raw, paras) || k > 0 && (numberedTitle(raw, paras[k:]) || titleAfterProse(raw, paras, k))) {
			d.Sentences[before].setHeading(true)
			sp.intro = ""
			continue
		}
		// A bold lead-in ("**Shape:** Tip the dough out...") titles its
		// item or paragraph: the sentences after the first are under it.
		lead := ""
		if d.markdown {
			lead = boldLeadIn(d.Sentences[before].Text)
		}
		if list {
			for i := before; i < len(d.Sentences); i++ {
				d.Sentences[i].setContext(sp.intro)
				if i > before && lead != "" {
					d.Sentences[i].setContext(strings.TrimSpace(sp.intro + " " + lead))
				}
			}
			continue
		}
		for i := before + 1; lead != "" && i < len(d.Sentences); i++ {
			d.Sentences[i].setContext(lead)
		}
		sp.intro = ""
		if last := d.Sentences[len(d.Sentences)-1].Text; introducesBelow(last) {
			sp.intro = last
		}
	}
	sp.block = sp.block[:0]
}

// plainHeading reports whether paragraph p of a plain text is a heading:
// the document's first paragraph when it is one line, or a block of one
// line (see isPlainHeading).
func (sp *splitter) plainHeading(p lineSpan) bool {
	first := sp.para == 1
	if strings.ContainsAny(sp.raw[p.start:p.end], "\n") || !first && len(sp.block) != 1 {
		return false
	}
	return isPlainHeading(sp.raw, p, first)
}

// qaLabel returns the length of a FAQ's label opening a paragraph ("Q: ",
// "A: ", "Answer: "), which a quote leaves out as it does a list marker;
// 0 when there is none.
func qaLabel(para string) int {
	label, _, ok := strings.Cut(para, ": ")
	if !ok {
		return 0
	}
	switch strings.ToLower(label) {
	case "q", "a", "question", "answer":
		return len(label) + 2
	}
	return 0
}

// maxSalutationWords bounds a letter's salutation or closing line.
const maxSalutationWords = 4

// salutation reports whether a paragraph is a letter's greeting or
// closing on a line of its own ("Hi everyone,", "Dear Ms Lee,", "Best
// wishes,"): a few words ending with a comma, which state nothing and are
// no answer ("will there be enough desks for everyone" quoted "Hi
// everyone,"). It is not indexed.
func salutation(para string) bool {
	t := strings.TrimSpace(para)
	return strings.HasSuffix(t, ",") && !strings.ContainsAny(t, "\n0123456789") && strings.Count(t, " ") < maxSalutationWords
}

// capsTitle reports whether line, the first of a block, is a title in
// capitals over the line after it, which opens its text: a newsletter's
// or a manual's section title written straight above its paragraph.
func capsTitle(raw string, line, next lineSpan) bool {
	t := strings.TrimSpace(raw[line.start:line.end])
	n := strings.TrimSpace(raw[next.start:next.end])
	if !isCapitals(t) || isCapitals(n) || listMarker(t) > 0 || !isPlainHeading(raw, line, false) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(n)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// bracketOpener reports whether para is only a bracketed label, alone
// ("[Illustration]") or opening a block ("[Illustration:", "[Footnote:"),
// as plain-text books mark their pictures, captions and notes: the label
// is no sentence.
func bracketOpener(para string) bool {
	t := strings.TrimSpace(para)
	if len(t) < 3 || len(t) > 40 || t[0] != '[' || !hasWordChar(t) {
		return false
	}
	label, ok := strings.CutSuffix(t[1:], ":")
	if !ok {
		label, ok = strings.CutSuffix(t[1:], "]")
	}
	return ok && !strings.ContainsAny(label, " \t\r\n[]")
}

// withoutCloser returns end less a last line of only "]" or ")" that
// closes such a block ("“Mr. Darcy with him.”\n]"): the caption is
// the sentence, the bracket is not part of it.
func withoutCloser(raw string, start, end int) int {
	t := strings.TrimRight(raw[start:end], " \t\r\n")
	if !strings.HasSuffix(t, "]") && !strings.HasSuffix(t, ")") {
		return end
	}
	nl := strings.LastIndexByte(t, '\n')
	if nl < 0 || strings.Trim(t[nl+1:], " \t\r])") != "" {
		return end
	}
	return start + len(strings.TrimRight(t[:nl], " \t\r"))
}

// headsBlock reports whether the first of a block's paragraphs, one line,
// is a heading over the rest, which start paragraphs of their own (list
// items, or lines too long to be wrapped): a heading by isPlainHeading,
// and when it is numbered, the line after it numbers its clauses under it
// ("4. Fees and payment" over "4.1 Monthly fees are…"), where a numbered
// list's first item is followed by its second.
func headsBlock(raw string, paras []lineSpan) bool {
	if len(paras) < 2 {
		return false
	}
	p := paras[0]
	line := strings.TrimSpace(raw[p.start:p.end])
	if strings.Contains(line, "\n") || !isPlainHeading(raw, p, false) {
		return false
	}
	m := listMarker(line)
	if m == 0 || line[0] < '0' || line[0] > '9' {
		return true
	}
	return numberedTitle(raw, paras)
}

// titleAfterProse reports whether paras[k], a line of its own inside a
// block written a paragraph a line, is a title between paragraphs of
// prose: "The fire of 1887" after a paragraph that ends as a sentence
// does (or with a signature, signedProse) and before one that is prose
// (titleBeforeProse). The last line of a list ("Single, A to B: £4.50")
// follows another entry, not prose.
func titleAfterProse(raw string, paras []lineSpan, k int) bool {
	p := paras[k]
	line := strings.TrimSpace(raw[p.start:p.end])
	if k == 0 || strings.Contains(line, "\n") || listMarker(line) > 0 || !isPlainHeading(raw, p, false) {
		return false
	}
	before := strings.TrimRight(raw[paras[k-1].start:paras[k-1].end], " \t\r\n\"'”’)")
	last, _ := utf8.DecodeLastRuneInString(before)
	return (strings.ContainsRune(".!?", last) || signedProse(before, line)) && (isCapitals(line) || titleBeforeProse(raw, p.end, line))
}

// numberedTitle reports whether paras[0], a line of its own, is a
// numbered title over its numbered clauses ("2. RENT AND DEPOSIT" over
// "2.1 The annual rent is…"), wherever it stands in its block: rules and
// agreements are often written with no blank line between sections.
func numberedTitle(raw string, paras []lineSpan) bool {
	if len(paras) < 2 {
		return false
	}
	p := paras[0]
	line := strings.TrimSpace(raw[p.start:p.end])
	m := listMarker(line)
	if m == 0 || line[0] < '0' || line[0] > '9' || strings.Contains(line, "\n") || !isPlainHeading(raw, p, false) {
		return false
	}
	num := strings.TrimRight(line[:m], " .)")
	next := strings.TrimLeft(raw[paras[1].start:paras[1].end], " \t")
	return strings.HasPrefix(next, num+".") && len(next) > len(num)+1 && next[len(num)+1] >= '0' && next[len(num)+1] <= '9'
}

// codeLine indexes one line of a fenced code block; inBlock reports
// whether the block already has a paragraph.
func (sp *splitter) codeLine(l lineSpan, inBlock bool) bool {
	a, b := trimSpan(sp.raw, l.start, l.end)
	if a >= b || !hasWordChar(sp.raw[a:b]) {
		return inBlock
	}
	if !inBlock {
		sp.para++
	}
	sp.d.Sentences = append(sp.d.Sentences, Sentence{
		N: int32(len(sp.d.Sentences) + 1), Paragraph: int32(sp.para), place: sp.d.topPlace(),
		Start: int32(a), End: int32(b), Text: sp.raw[a:b],
	})
	return true
}

// tableAt returns the table whose header line starts at pos, if any.
func (sp *splitter) tableAt(pos int) *mdTable {
	for i := range sp.md.tables {
		if sp.md.tables[i].start == pos {
			return &sp.md.tables[i]
		}
	}
	return nil
}

// table makes each body row a sentence: its text is the row as written,
// its display text the cells with their column names, and the sentence
// that introduced the table is its context. The header row is not a
// sentence (a heading alone is never the answer). It returns where the
// line after the table starts.
func (sp *splitter) table(t *mdTable) int {
	d := sp.d
	before := len(d.Sentences)
	for _, r := range t.rows {
		if !hasWordChar(sp.raw[r.start:r.end]) {
			continue
		}
		a, b := trimSpan(sp.raw, r.start, r.end)
		d.Sentences = append(d.Sentences, Sentence{
			N: int32(len(d.Sentences) + 1), Paragraph: int32(sp.para + 1), place: d.topPlace(),
			Start: int32(a), End: int32(b), Text: sp.raw[a:b],
			more: &sentenceMore{display: rowDisplay(t.header, r.cells), context: sp.intro},
		})
	}
	if len(d.Sentences) > before {
		sp.para++
	}
	sp.intro = ""
	_, next := sp.lineAt(t.end)
	return next
}

// isMarkdownRule reports lines that are pure markup: horizontal rules and
// table separators.
func isMarkdownRule(s string) bool {
	if len(s) < 3 {
		return false
	}
	for _, r := range s {
		switch r {
		case '-', '*', '_', '=', '|', ':', ' ', '+':
		default:
			return false
		}
	}
	return true
}

// paragraphsOf groups a block of non-blank lines into paragraphs.
func paragraphsOf(raw string, block []lineSpan, markdown bool) []lineSpan {
	labels := labelList(raw, block)
	wrapped := len(block) > 1 && !labels
	for _, l := range block[:len(block)-1] {
		if utf8.RuneCountInString(raw[l.start:l.end]) > wrapWidth {
			wrapped = false
			break
		}
	}
	var out []lineSpan
	for i, l := range block {
		text := raw[l.start:l.end]
		startsNew := !wrapped || i == 0 || isListItem(text) || (markdown && isHeading(text)) ||
			!markdown && speakerTurn(raw[block[i-1].start:block[i-1].end], text) ||
			!markdown && mailQuoted(raw[block[i-1].start:block[i-1].end]) != mailQuoted(text)
		if startsNew && i > 0 && !labels && continuesLine(raw[block[i-1].start:block[i-1].end], text) {
			// A line break inside a sentence ("pure O" / "2 gas."): the
			// line before stops mid-sentence and this one goes on in lower
			// case or with a number.
			startsNew = isListItem(text) || (markdown && isHeading(text))
		}
		// A Markdown heading is a paragraph on its own, so the line after it
		// starts a new one too.
		if i > 0 && markdown && isHeading(raw[block[i-1].start:block[i-1].end]) {
			startsNew = true
		}
		if startsNew {
			out = append(out, l)
		} else {
			out[len(out)-1].end = l.end
		}
	}
	return out
}

// maxLabelWords bounds the label of a list's line ("Second and further
// children from the same family: £50 per year").
const maxLabelWords = 8

// labelList reports whether a block's lines are mostly labelled ("Monday:
// 8:00am to 6:00pm", "Juniors (under 16): £70 per year") or open with a
// time of day ("2:00pm Ceremony in the orchard"), at least two
// of them and two in three (a transcript's turns wrapped over two lines
// are not): a list of facts, one a line, however short
// its lines, not a paragraph wrapped at a narrow width ("Sunday: Closed"
// does not run on into "We close for lunch…" under it).
func labelList(raw string, block []lineSpan) bool {
	n, misses := 0, 0
	for _, l := range block {
		if labelled(raw[l.start:l.end]) {
			n++
		} else if misses++; 3*misses > len(block) {
			return false // a book's wrapped paragraph leaves at its first lines
		}
	}
	return n >= 2 && 3*n >= 2*len(block)
}

// labelled reports whether line opens with a short label and ": " or
// with a time of day.
func labelled(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if t == "" || t[0] >= 'a' && t[0] <= 'z' {
		return false // a wrapped line going on, most lines of a book
	}
	if t[0] >= '0' && t[0] <= '9' && opensWithTime(t) {
		return true
	}
	i := strings.Index(t[:min(len(t), maxLabelBytes)], ": ")
	if i <= 0 {
		return false
	}
	label := t[:i]
	return !strings.ContainsAny(label, ".!?") && strings.Count(strings.TrimSpace(label), " ") < maxLabelWords
}

// maxLabelBytes bounds where a label's ": " is looked for.
const maxLabelBytes = 80

// opensWithTime reports whether line opens with a time of day and goes
// on: a schedule's line ("2:00pm Ceremony in the orchard", "09:30 Doors
// open").
func opensWithTime(line string) bool {
	first, rest, ok := strings.Cut(strings.TrimSpace(line), " ")
	if !ok || strings.TrimSpace(rest) == "" {
		return false
	}
	first = strings.ToLower(first)
	ampm := strings.HasSuffix(first, "am") || strings.HasSuffix(first, "pm")
	if ampm {
		first = first[:len(first)-2]
	}
	h, m, colon := strings.Cut(first, ":")
	if h == "" || len(h) > 2 || !allDigits(h) || colon && (len(m) != 2 || !allDigits(m)) {
		return false
	}
	return colon || ampm
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// speakerTurn reports whether line starts with a label ("JANE: By
// accident.", a speaker's turn in a transcript; "Population: 1,240", a
// fact sheet's line) after a line that ends a sentence or is labelled
// too: a paragraph of its own, however short the lines.
func speakerTurn(prev, line string) bool {
	prev = strings.TrimSpace(prev)
	t := strings.TrimLeft(line, " \t")
	if prev == "" || withoutSpeaker(t) == t {
		return false
	}
	return strings.ContainsRune(".!?\"”", rune(prev[len(prev)-1])) || withoutSpeaker(prev) != prev
}

func isHeading(line string) bool {
	t := strings.TrimLeft(line, " ")
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(t) || t[n] == ' ')
}

// listMarker returns the length of a list marker ("- ", "* ", "1. ", "2) ",
// "> ", "# ") at the start of line, after indentation, or 0.
func listMarker(line string) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := i
	switch {
	case j < len(line) && (line[j] == '-' || line[j] == '*' || line[j] == '+' || line[j] == '>'):
		j++
	case j < len(line) && line[j] == '#':
		for j < len(line) && line[j] == '#' {
			j++
		}
	default:
		for j < len(line) && j-i < 4 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j == i || j >= len(line) || (line[j] != '.' && line[j] != ')') {
			return 0
		}
		if k := clauseNumberEnd(line, j); k > j {
			return k
		}
		j++
	}
	if j < len(line) && line[j] == ' ' {
		for j < len(line) && line[j] == ' ' {
			j++
		}
		return j
	}
	return 0
}

// clauseNumberEnd reads a clause number of several levels ("4.1",
// "4.1.2", "4.1." or "4.1)") whose first level ends at line[j], the
// period after it, as a list marker: terms and conditions, policies and
// specifications number their clauses so, a line each. Only before a
// capital letter, so that a wrapped line that starts "4.5 million" goes
// on the sentence before it. It returns where the text after the marker
// starts, or j when there is none.
func clauseNumberEnd(line string, j int) int {
	k := j
	levels := 0
	for k < len(line) && line[k] == '.' {
		d := k + 1
		for d < len(line) && d-k <= 3 && line[d] >= '0' && line[d] <= '9' {
			d++
		}
		if d == k+1 {
			break
		}
		k, levels = d, levels+1
	}
	if levels == 0 {
		return j
	}
	if k < len(line) && (line[k] == '.' || line[k] == ')') {
		k++
	}
	if k >= len(line) || line[k] != ' ' {
		return j
	}
	for k < len(line) && line[k] == ' ' {
		k++
	}
	if r, _ := utf8.DecodeRuneInString(line[k:]); !unicode.IsUpper(r) {
		return j
	}
	return k
}

// mailQuoted reports whether a plain text's line is quoted from another
// message ("> The lift will be closed…"): a quoted block is a paragraph
// of its own, not the end of the line introducing it ("… Tom Reid
// wrote:").
func mailQuoted(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " \t"), ">")
}

func isListItem(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if t == "" || t[0] == '#' || t[0] == '>' {
		return false
	}
	return listMarker(line) > 0
}

// mayEnd marks the bytes that may end a sentence: '.', '!', '?' and the
// first byte of "…".
var mayEnd = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

// splitParagraph appends the sentences of raw[start:end] to d.
func splitParagraph(d *Document, raw string, start, end, para int) {
	if m := listMarker(raw[start:end]); m > 0 && (d.markdown || isListItem(raw[start:end])) {
		start += m
	} else if m := qaLabel(raw[start:end]); m > 0 {
		start += m
	}
	s := raw[start:end]
	emit := func(a, b int) {
		a, b = trimSpan(s, a, b)
		if a >= b || !hasWordChar(s[a:b]) {
			return
		}
		d.Sentences = append(d.Sentences, Sentence{
			place:     d.topPlace(),
			N:         int32(len(d.Sentences) + 1),
			Paragraph: int32(para),
			Start:     int32(start + a),
			End:       int32(start + b),
			Text:      s[a:b],
		})
	}
	sentStart := 0
	i := 0
	for i < len(s) {
		// Skip to the next byte that may end a sentence in a loop of its
		// own: it reads every byte of a book.
		for i < len(s) && !mayEnd[s[i]] {
			i++
		}
		if i >= len(s) {
			break
		}
		// 0xE2 opens "…" (a prefix test at every byte was a third of
		// the split).
		if s[i] == 0xE2 && !strings.HasPrefix(s[i:], "…") {
			i++
			continue
		}
		// The run of terminal punctuation, then closing quotes and brackets.
		j, dots, other := terminalRun(s, i)
		k := skipRunes(s, j, isCloser)
		if k >= len(s) {
			break
		}
		r, _ := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsSpace(r) {
			// "U.S.A", "3.5", "e.g.," and URLs: not an end.
			i = k
			continue
		}
		m := skipRunes(s, k, unicode.IsSpace)
		if m >= len(s) {
			break
		}
		if isBoundary(s, sentStart, i, dots, other, m, d.abbrevs) {
			emit(sentStart, k)
			sentStart = m
		}
		i = k
	}
	emit(sentStart, len(s))
}

// terminalRun reads the run of terminal punctuation at s[i:]: where it
// ends, how many dots it holds (an ellipsis counts three), and whether it
// holds a "!" or "?".
func terminalRun(s string, i int) (end, dots int, other bool) {
	j := i
	for j < len(s) {
		switch {
		case s[j] == '.':
			dots++
			j++
			continue
		case s[j] == '!' || s[j] == '?':
			other = true
			j++
			continue
		case strings.HasPrefix(s[j:], "…"):
			dots += 3
			j += len("…")
			continue
		}
		break
	}
	return j, dots, other
}

// skipRunes returns the offset of the first rune at or after s[k:] that is
// not in the class.
func skipRunes(s string, k int, in func(rune) bool) int {
	for k < len(s) {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !in(r) {
			break
		}
		k += size
	}
	return k
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '›', '*', '_':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '‹', '*', '_', '@', '#', '$', '£', '€', '¿', '¡':
		return true
	}
	return false
}

func trimSpan(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isBoundary decides whether the terminal punctuation at s[i:] (dots periods
// or an ellipsis; other is true for ! or ?) ends the sentence that started at
// sentStart, given that the next word starts at m. learned are the
// document's own abbreviations, as written.
func isBoundary(s string, sentStart, i, dots int, other bool, m int, learned map[string]bool) bool {
	next, _ := utf8.DecodeRuneInString(s[m:])
	if unicode.IsLower(next) {
		return false
	}
	startsSentence := unicode.IsUpper(next) || unicode.IsDigit(next) || isOpener(next) || unicode.IsTitle(next)
	if !startsSentence {
		return false
	}
	if other || dots > 1 {
		return true
	}
	// A single period: look at the word it ends.
	ws := i
	for ws > sentStart {
		r, size := utf8.DecodeLastRuneInString(s[sentStart:ws])
		if unicode.IsSpace(r) {
			break
		}
		ws -= size
	}
	word := strings.TrimLeft(s[ws:i], "\"'“‘([«")
	if word == "" {
		return true
	}
	if strings.ContainsAny(word, "@/") && !strings.HasPrefix(word, "@") {
		// The end of an e-mail address or URL: its period ends the sentence.
		return true
	}
	// The word lower-cased without its periods, in a stack buffer when
	// it is short ASCII (strings.ToLower allocated for every capitalised
	// word before a period).
	var arr [16]byte
	key, ok := asciiKey(arr[:0], word, true)
	if !ok {
		key = []byte(strings.ToLower(strings.ReplaceAll(word, ".", "")))
	}
	nextWord := wordAt(s, m)
	switch {
	case titleAbbrev[string(key)] && (unicode.IsUpper(rune(word[0])) || unicode.IsDigit(next)):
		// "Mr. Smith", "Dr. Watson", "St. Petersburg", "Jan. 3", "approx. 40%".
		return false
	case numberAbbrev[string(key)] && unicode.IsDigit(next):
		// "No. 5", "p. 12".
		return false
	case isInitials(word) || otherAbbrev[string(key)] || learned[word]:
		// "U.S. Ambassador", "J. Smith", "etc. The", "Cllr. Moss": only a
		// word that usually opens a sentence makes the period a full stop.
		var next [16]byte
		if w, ok := asciiKey(next[:0], nextWord, false); ok {
			return sentenceStarter[string(w)]
		}
		return sentenceStarter[strings.ToLower(nextWord)]
	}
	return true
}

// asciiKey appends word to buf lower-cased, without its periods when
// dropDots, as strings.ToLower would give it; ok is false when word is not
// ASCII or does not fit buf's capacity (then buf is not to be used).
func asciiKey(buf []byte, word string, dropDots bool) (key []byte, ok bool) {
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case c == '.' && dropDots:
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if len(buf) == cap(buf) {
			return nil, false
		}
		buf = append(buf, c)
	}
	return buf, true
}

// wordAt returns the letters starting at s[m:].
func wordAt(s string, m int) string {
	e := m
	for e < len(s) {
		r, size := utf8.DecodeRuneInString(s[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	return s[m:e]
}

// isInitials reports words like "U.S", "J", "e.g", "a.m", "Ph.D": single
// letters (or pairs) separated by periods.
func isInitials(word string) bool {
	if word == "" {
		return false
	}
	// The parts between periods, read in place (strings.Split allocated
	// for every sentence end the splitter weighed).
	parts := 0
	for rest := word; ; {
		p, after, more := strings.Cut(rest, ".")
		parts++
		n := utf8.RuneCountInString(p)
		if n == 0 || n > 2 {
			return false
		}
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		if !more {
			break
		}
		rest = after
	}
	if parts == 1 {
		// A lone letter is an initial only when capitalised: "J. Smith".
		r, _ := utf8.DecodeRuneInString(word)
		return utf8.RuneCountInString(word) == 1 && unicode.IsUpper(r)
	}
	return true
}

// titleAbbrev are abbreviations that precede a name or number and so are
// never the end of a sentence when capitalised.
var titleAbbrev = setOf("mr", "mrs", "ms", "mx", "dr", "prof", "st", "sen", "rep", "gov",
	"gen", "lt", "col", "capt", "cpt", "sgt", "cmdr", "adm", "maj", "rev", "hon", "mt", "ft",
	"pres", "supt", "messrs", "mme", "mlle", "fr", "sr", "jr", "atty", "insp", "brig", "cpl",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"ave", "blvd", "rd", "univ", "dept", "est", "approx")

// numberAbbrev precede numbers: "No. 5", "Vol. 2", "pp. 10-12".
var numberAbbrev = setOf("no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "sec", "art", "op", "nr")

// otherAbbrev may end a sentence or not; the next word decides.
var otherAbbrev = setOf("etc", "inc", "ltd", "co", "corp", "llc", "plc", "v", "vs", "cf", "al", "esp", "eg", "ie", "viz", "bros")

// sentenceStarter are words that commonly open a sentence; after an
// abbreviation they signal that the period was also a full stop.
var sentenceStarter = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "you",
	"this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet", "in",
	"on", "at", "for", "after", "before", "when", "while", "if", "as", "his", "her", "their",
	"our", "its", "my", "your", "one", "some", "many", "most", "all", "no", "not", "what",
	"who", "why", "how", "where", "however", "meanwhile", "then", "also", "both", "each",
	"last", "first", "later", "earlier", "since", "although", "though", "because", "still",
	"with", "without", "by", "from", "to", "of", "under", "over", "during",
	"now", "today", "yesterday", "tomorrow", "instead", "thus", "hence", "nevertheless")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// continuesLine reports whether line goes on the sentence that prev leaves
// unfinished: prev ends without closing punctuation and line starts with a
// lower-case letter or a digit.
func continuesLine(prev, line string) bool {
	prev = strings.TrimRight(prev, " \t")
	line = strings.TrimLeft(line, " \t")
	if prev == "" || line == "" {
		return false
	}
	switch prev[len(prev)-1] {
	case '.', '!', '?', ':', ';', '"', '\'', ')', ']', '*', '|':
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// maxLeadIn bounds a bold lead-in's bytes.
const maxLeadIn = 60

// boldLeadIn returns the words of the bold lead-in text opens with
// ("**Shape:**" or "**Shape**:" gives "Shape"), after any list marker;
// "" when it opens with none.
func boldLeadIn(text string) string {
	t := strings.TrimSpace(text)
	if m := listMarker(t); m > 0 {
		t = strings.TrimSpace(t[m:])
	}
	for _, mark := range []string{"**", "__"} {
		if !strings.HasPrefix(t, mark) {
			continue
		}
		end := strings.Index(t[2:], mark)
		if end <= 0 || end > maxLeadIn {
			return ""
		}
		inner := t[2 : 2+end]
		after := t[2+end+2:]
		if strings.HasSuffix(inner, ":") || strings.HasPrefix(after, ":") {
			return strings.TrimSuffix(inner, ":")
		}
	}
	return ""
}

// introducesBelow reports whether a paragraph's last sentence introduces
// what follows it: it ends with a colon ("you will need:"), or points
// below ("follow the steps below in order.", "as follows.").
func introducesBelow(text string) bool {
	// (Read for every paragraph of a book: no lower-cased copy.)
	return strings.HasSuffix(text, ":") || strings.Contains(text, " below") || strings.Contains(text, "as follows") ||
		strings.Contains(text, "the following") || strings.HasPrefix(text, "The following")
}
