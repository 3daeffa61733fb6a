package match

import (
	"cmp"
	"math"
	"slices"

	"github.com/storybot/storybot/english"
)

// indexVectors gives a short text's words their vectors, as float32 rows
// of one array: the reranker compares them with a question's words.
func (m *Matcher) indexVectors() {
	v := english.LoadVectors()
	m.wordVec = make([]int32, len(m.words))
	if v == nil {
		for i := range m.wordVec {
			m.wordVec[i] = -1
		}
		return
	}
	m.vecDim = v.Dim()
	rows := 0
	for wid, w := range m.words {
		m.wordVec[wid] = -1
		if v.Row(w) >= 0 {
			m.wordVec[wid] = int32(rows)
			rows++
		}
	}
	m.vecData = make([]float32, rows*v.Dim())
	for wid, w := range m.words {
		if r := m.wordVec[wid]; r >= 0 {
			v.Unit(v.Row(w), m.vecData[int(r)*v.Dim():int(r+1)*v.Dim()])
		}
	}
}

// vectorOfWord returns word's unit vector: the store's row if the text has
// the word, else a new copy; nil if the vectors lack it.
func (m *Matcher) vectorOfWord(word string) []float32 {
	if wid, ok := m.wordID.Lookup(word); ok && m.wordVec != nil {
		if r := m.wordVec[wid]; r >= 0 {
			return m.vecData[int(r)*m.vecDim : int(r+1)*m.vecDim]
		}
		return nil
	}
	v := english.LoadVectors()
	// A British spelling's vector is the less trained ("neighbours"):
	// the word is read in its more frequent national spelling.
	row := v.Row(english.CommonSpelling(word))
	if row < 0 {
		return nil
	}
	out := make([]float32, v.Dim())
	v.Unit(row, out)
	return out
}

// sentenceCentroids returns, for a short text, each sentence's content
// words' unit vectors summed, each weighed by how informative the word is
// in English, and scaled to unit length: a sentence's meaning in one
// vector, for finding sentences that share no word with a question.
func (m *Matcher) sentenceCentroids() []float32 {
	m.centOnce.Do(func() {
		v := english.LoadVectors()
		c := make([]float32, len(m.sents)*m.vecDim)
		for i := range m.sents {
			row := c[i*m.vecDim : (i+1)*m.vecDim]
			for _, wid := range m.sentenceCore(i).wids {
				r := m.wordVec[wid]
				if r < 0 {
					continue
				}
				w := float32(v.Rarity(v.Row(m.words[wid])) / maxInfo)
				for k, x := range m.vecData[int(r)*m.vecDim : int(r+1)*m.vecDim] {
					row[k] += w * x
				}
			}
			unit(row)
		}
		m.centroids = c
	})
	return m.centroids
}

// unit scales v to length 1 (a zero vector stays zero).
func unit(v []float32) {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	s := float32(1 / math.Sqrt(n))
	for k := range v {
		v[k] *= s
	}
}

// nearestUnmatched returns, in reading order, up to n of a short text's
// sentences that hold none of the question's words (matched 0) and are
// not headings: when there are more, the n nearest in meaning to the
// question's words (asked, each weighed by how informative it is in
// English). nil when the question has no vectors.
func (m *Matcher) nearestUnmatched(asked []rqWord, matched []uint32, n int) []int {
	if m.wordVec == nil || n <= 0 {
		return nil
	}
	q := make([]float32, m.vecDim)
	hasVec := false
	for _, w := range asked {
		if w.vec == nil {
			continue
		}
		hasVec = true
		for k, x := range w.vec {
			q[k] += float32(w.rare/maxInfo) * x
		}
	}
	if !hasVec {
		return nil
	}
	unit(q)
	cent := m.sentenceCentroids()
	type near struct {
		i   int
		cos float32
	}
	var cands []near
	for i := range m.sents {
		if matched[i] == 0 && !m.sents[i].Heading() {
			cands = append(cands, near{i, english.Dot(q, cent[i*m.vecDim:(i+1)*m.vecDim])})
		}
	}
	if len(cands) > n {
		// The first keeps its place: a text's lead is the best guess
		// that shares no word.
		rest := cands[1:]
		slices.SortStableFunc(rest, func(a, b near) int { return cmp.Compare(b.cos, a.cos) })
		cands = cands[:n]
	}
	// In reading order, as the sentences a text's lead would have given.
	out := make([]int, 0, len(cands))
	for _, c := range cands {
		out = append(out, c.i)
	}
	slices.Sort(out)
	return out
}
