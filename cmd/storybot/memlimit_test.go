package main

import "testing"

// TestQuestionGCPercent: a book's store keeps a quarter over its live
// heap; a larger one's headroom is softGCHeadroom, down to the floor.
func TestQuestionGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, softGCPercent},
		{15 << 20, softGCPercent}, // War and Peace
		{48 << 20, softGCPercent}, // a quarter is exactly the headroom
		{100 << 20, 12},           // eight copies
		{400 << 20, softGCFloor},  // 3 % would be below the floor
	} {
		if got := questionGCPercent(c.live); got != c.want {
			t.Errorf("questionGCPercent(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}
