// Package layout holds no code, only the tests that guard the module's
// shape (docs/ARCHITECTURE.md): packages import only those below them in
// the flow of a question, and no function grows past maxLines.
package layout
