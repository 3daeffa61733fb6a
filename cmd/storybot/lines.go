package main

import (
	"bufio"
	"errors"
	"strings"
)

// maxQuestionLine bounds a line read from stdin; the bot refuses long
// questions politely, so longer lines need not be held in memory.
const maxQuestionLine = 64 << 10

// readLine reads one line, keeping at most max bytes of it; tooLong reports
// a longer one (which is consumed).
func readLine(r *bufio.Reader, max int) (line string, tooLong bool, err error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(b)+len(chunk) > max {
				tooLong, b = true, nil
			} else {
				b = append(b, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return strings.TrimRight(string(b), "\r\n"), tooLong, err
	}
}
