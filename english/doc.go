// Package english holds what storybot knows of general English, apart from
// any document: how a text splits into tokens, stems and irregular forms,
// stop words, word classes (months, titles, number words...), WordNet
// synonyms and kinds, and GloVe word vectors.
//
// The lexicons and vectors are embedded data files, made by the generators
// in internal/ (genlex, genvec); their licences are beside them. Packages
// facts and match build on this one; it imports neither.
package english
