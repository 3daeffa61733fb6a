// Package match is the matcher: given a fact store (package facts), it
// builds its own per-store tables (BM25 postings, the kinds of answer each
// sentence can hold, the typo corrector, the reranker's word vectors and
// caches) and answers questions with ranked sentences.
//
// A question goes through stages, each its own function: read the
// question (type, words, names), correct its unknown words, retrieve BM25
// candidates, rerank them by meaning, and judge how confident the best one
// is. docs/ARCHITECTURE.md describes them and where a new stage goes.
//
// The reranker's weights are fitted by internal/fitrank on SQuAD.
package match
