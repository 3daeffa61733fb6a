// Package facts turns documents into what a document is: numbered
// sentences with byte offsets, their tokens, stems and postings, the
// vocabulary of their words, and what those words show (names, numbers,
// English word classes).
//
// It ranks nothing and knows nothing about questions, chat platforms or
// logging: a Store is built once from parsed Documents, is then immutable,
// and package match builds a matcher's tables from it. English itself
// (tokens, stems, stop words, word lists) comes from package english.
package facts
