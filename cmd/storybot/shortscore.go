package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/storybot/storybot/bot"
)

// shortScore is how the short answers (bot.Reply.Short) fared: how many
// were given, on how many questions, and, where the question file holds
// answer texts (SQuAD), their exact match and token F1 by SQuAD's
// official normalisation.
type shortScore struct {
	Given    int     `json:"given"`
	Coverage float64 `json:"coverage"` // % of questions given one
	Scored   int     `json:"scored"`   // given with answer texts to compare
	EM       float64 `json:"exact_match,omitempty"`
	F1       float64 `json:"f1,omitempty"`
	// Uncited counts short answers given without a citation: there must
	// be none.
	Uncited int `json:"without_citation"`
	// ByKind: given, EM and F1 by the kind of phrase.
	ByKind map[string]*kindScore `json:"by_kind,omitempty"`
	em, f1 float64
}

type kindScore struct {
	Given  int     `json:"given"`
	EM     float64 `json:"exact_match"`
	F1     float64 `json:"f1"`
	em, f1 float64
}

// add counts one reply to a question whose answer texts are answers.
func (s *shortScore) add(r bot.Reply, answers []string) {
	if r.Short == nil {
		return
	}
	s.Given++
	if len(r.Citations) == 0 {
		s.Uncited++
	}
	if len(answers) == 0 {
		return
	}
	s.Scored++
	em, f1 := 0.0, 0.0
	for _, a := range answers {
		em = max(em, exactMatch(r.Short.Text, a))
		f1 = max(f1, tokenF1(r.Short.Text, a))
	}
	s.em += em
	s.f1 += f1
	if s.ByKind == nil {
		s.ByKind = map[string]*kindScore{}
	}
	k := s.ByKind[r.Short.Kind]
	if k == nil {
		k = &kindScore{}
		s.ByKind[r.Short.Kind] = k
	}
	k.Given++
	k.em += em
	k.f1 += f1
}

func (s *shortScore) finish(questions int) {
	if questions > 0 {
		s.Coverage = pct(float64(s.Given) / float64(questions))
	}
	if s.Scored > 0 {
		s.EM, s.F1 = pct(s.em/float64(s.Scored)), pct(s.f1/float64(s.Scored))
	}
	for _, k := range s.ByKind {
		k.EM, k.F1 = pct(k.em/float64(k.Given)), pct(k.f1/float64(k.Given))
	}
}

func (s *shortScore) print(w io.Writer) {
	fmt.Fprintf(w, "short answers\t%d (%.2f %% of questions; %d without a citation)\n", s.Given, s.Coverage, s.Uncited)
	if s.Scored > 0 {
		fmt.Fprintf(w, "short answers EM / F1\t%.2f %% / %.2f %%\n", s.EM, s.F1)
		for _, kind := range []string{"date", "number", "money", "percent", "duration", "distance", "measure", "age", "person", "place"} {
			if k := s.ByKind[kind]; k != nil {
				fmt.Fprintf(w, "  %s\t%d: EM %.2f %% / F1 %.2f %%\n", kind, k.Given, k.EM, k.F1)
			}
		}
	}
}

// squadNormal is SQuAD's official answer normalisation: lower case, no
// punctuation, no articles (a, an, the), white space collapsed.
func squadNormal(s string) []string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) && r < 128 {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	var out []string
	for _, w := range strings.Fields(s) {
		if w != "a" && w != "an" && w != "the" {
			out = append(out, w)
		}
	}
	return out
}

func exactMatch(got, want string) float64 {
	if strings.Join(squadNormal(got), " ") == strings.Join(squadNormal(want), " ") {
		return 1
	}
	return 0
}

// tokenF1 is SQuAD's token overlap F1 of the normalised answers.
func tokenF1(got, want string) float64 {
	g, w := squadNormal(got), squadNormal(want)
	count := map[string]int{}
	for _, t := range w {
		count[t]++
	}
	same := 0
	for _, t := range g {
		if count[t] > 0 {
			count[t]--
			same++
		}
	}
	if same == 0 {
		return 0
	}
	p, r := float64(same)/float64(len(g)), float64(same)/float64(len(w))
	return 2 * p * r / (p + r)
}
