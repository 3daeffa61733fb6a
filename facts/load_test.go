package facts

import (
	"bytes"
	"testing"
	"testing/iotest"
)

// readSized must return exactly the reader's bytes whether the size given
// is right, too small (the file grew) or too large, and must not double its
// buffer when the size is right.
func TestReadSized(t *testing.T) {
	want := bytes.Repeat([]byte("War and Peace. "), 10_000)
	for _, size := range []int64{int64(len(want)), 0, 10, int64(len(want)) - 1, int64(len(want)) * 2} {
		got, err := readSized(iotest.OneByteReader(bytes.NewReader(want[:1000])), size)
		if err != nil || !bytes.Equal(got, want[:1000]) {
			t.Fatalf("size %d, one byte at a time: %d bytes, %v", size, len(got), err)
		}
		got, err = readSized(bytes.NewReader(want), size)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("size %d: %d bytes, %v", size, len(got), err)
		}
		if size == int64(len(want)) && cap(got) != len(want)+1 {
			t.Fatalf("exact size: capacity %d for %d bytes", cap(got), len(want))
		}
	}
	if _, err := readSized(iotest.ErrReader(iotest.ErrTimeout), 10); err != iotest.ErrTimeout {
		t.Fatalf("a read error must be returned, got %v", err)
	}
}
