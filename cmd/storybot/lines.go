package main

import (
	"bufio"
	"errors"
	"strings"
	"unicode/utf8"
)

// maxQuestionLine bounds how much of a line read from stdin is kept; the bot
// refuses long questions politely, so longer lines need not be held in
// memory. They are still measured whole, so the refusal gives the real
// length rather than the buffer's.
const maxQuestionLine = 64 << 10

// readLine reads one line, keeping at most max bytes of it; tooLong reports
// a longer one, which is consumed, and of which line keeps the first max
// bytes (cut on a character boundary). runes is the length of the whole
// line in characters.
func readLine(r *bufio.Reader, max int) (line string, runes int, tooLong bool, err error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		body := chunk
		if !errors.Is(err, bufio.ErrBufferFull) {
			body = trimEOL(chunk)
		}
		runes += countRunes(body)
		if len(b)+len(chunk) > max {
			tooLong = true
		}
		if room := max - len(b); room > 0 {
			b = append(b, chunk[:min(room, len(chunk))]...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = strings.TrimRight(string(b), "\r\n")
		if tooLong {
			line = strings.ToValidUTF8(line, "") // the cut may split a character
		}
		return line, runes, tooLong, err
	}
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

// countRunes counts characters in a piece of a line: bytes that start a
// UTF-8 sequence, so a character split between two reads counts once.
func countRunes(b []byte) int {
	n := 0
	for _, c := range b {
		if utf8.RuneStart(c) {
			n++
		}
	}
	return n
}
