package squad

import "testing"

// answer_start counts characters: after six two-byte letters, a byte
// count would land in the first sentence instead of the second.
func TestParseFindsTheSentenceHoldingTheAnswerStart(t *testing.T) {
	data := []byte(`{"data":[{"title":"T","paragraphs":[{"context":"Éé éé éé. It is ten.",
		"qas":[{"question":"What is it?","answers":[{"answer_start":10}]},
		       {"question":"Nowhere?","answers":[{"answer_start":99}]}]}]}]}`)
	paras, err := Parse(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(paras) != 1 || len(paras[0].Doc.Sentences) != 2 {
		t.Fatalf("paragraphs %+v", paras)
	}
	qs := paras[0].Questions
	if len(qs) != 1 || !qs[0].Gold[2] || qs[0].Gold[1] {
		t.Fatalf("questions %+v, want only the first, answered by sentence 2", qs)
	}
	if _, err := Parse([]byte("not json"), 0); err == nil {
		t.Error("bad JSON was read")
	}
}
