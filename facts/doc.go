// Package facts turns documents into numbered sentences with byte offsets,
// indexes them, and finds the sentences that best answer a question.
//
// It knows nothing about chat platforms or logging: a Store is built once
// from parsed Documents and is then safe for concurrent Search calls.
package facts
