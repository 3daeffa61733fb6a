//go:build !linux

package main

// growHugeHeap does nothing where transparent huge pages are not Linux's.
func growHugeHeap(n int64) {}

// endHugeHeap does nothing where growHugeHeap does nothing.
func endHugeHeap() {}
