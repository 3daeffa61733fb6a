package match

import "github.com/storybot/storybot/english"

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
	if wid, ok := m.wordID[word]; ok && m.wordVec != nil {
		if r := m.wordVec[wid]; r >= 0 {
			return m.vecData[int(r)*m.vecDim : int(r+1)*m.vecDim]
		}
		return nil
	}
	v := english.LoadVectors()
	row := v.Row(word)
	if row < 0 {
		return nil
	}
	out := make([]float32, v.Dim())
	v.Unit(row, out)
	return out
}
