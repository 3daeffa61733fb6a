// Package squad reads SQuAD v1.1 for answer sentence selection, as
// `storybot eval` and the reranker's fitting both score it: each paragraph
// is its own document, and a question's gold sentences are those holding
// an answer's start.
package squad

import (
	"encoding/json"
	"fmt"

	"github.com/storybot/storybot/facts"
)

// Question is one question with the numbers (Sentence.N) of the sentences
// that answer it.
type Question struct {
	Text string
	Gold map[int]bool
	// Answers are the answer texts the annotators gave.
	Answers []string
}

// Paragraph is one paragraph as a document, with its questions.
type Paragraph struct {
	Article   int // index of its article in the file
	Doc       *facts.Document
	Questions []Question
}

// Parse reads SQuAD JSON, the first articles of it (0: all). Questions
// whose answers start nowhere in the text are left out.
func Parse(data []byte, articles int) ([]Paragraph, error) {
	var file struct {
		Data []struct {
			Title      string `json:"title"`
			Paragraphs []struct {
				Context string `json:"context"`
				QAs     []struct {
					Question string `json:"question"`
					Answers  []struct {
						Start int    `json:"answer_start"`
						Text  string `json:"text"`
					} `json:"answers"`
				} `json:"qas"`
			} `json:"paragraphs"`
		} `json:"data"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, err
	}
	var out []Paragraph
	for ai, art := range file.Data {
		if articles > 0 && ai >= articles {
			break
		}
		for pi, p := range art.Paragraphs {
			doc, err := facts.Parse(fmt.Sprintf("%s#%d", art.Title, pi+1), []byte(p.Context))
			if err != nil {
				continue
			}
			// answer_start counts characters; sentences count bytes.
			var byteAt []int
			for i := range p.Context {
				byteAt = append(byteAt, i)
			}
			para := Paragraph{Article: ai, Doc: doc}
			for _, qa := range p.QAs {
				gold := map[int]bool{}
				var texts []string
				for _, a := range qa.Answers {
					texts = append(texts, a.Text)
					if a.Start < 0 || a.Start >= len(byteAt) {
						continue
					}
					for _, s := range doc.Sentences {
						if byteAt[a.Start] < int(s.End) {
							gold[int(s.N)] = true
							break
						}
					}
				}
				if len(gold) > 0 {
					para.Questions = append(para.Questions, Question{Text: qa.Question, Gold: gold, Answers: texts})
				}
			}
			out = append(out, para)
		}
	}
	return out, nil
}
