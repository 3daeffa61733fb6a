package main

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// advisedBytes sums the process's mappings that hold the huge-page advice
// ("hg" in /proc/self/smaps's VmFlags).
func advisedBytes(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	var sum, size int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			if strings.Contains(" "+flags+" ", " hg ") {
				sum += size
			}
			continue
		}
		span, _, _ := strings.Cut(line, " ")
		if lo, hi, ok := strings.Cut(span, "-"); ok {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				size = int64(b - a)
			}
		}
	}
	return sum
}

// TestGrowHugeHeapAdvisesTheMemoryABuildFills: the heap memory a build
// will fill carries the huge-page advice, and the block that made the
// runtime map it is not kept.
func TestGrowHugeHeapAdvisesTheMemoryABuildFills(t *testing.T) {
	if hugePageSize() == 0 {
		t.Skip("the system has no transparent huge pages")
	}
	const n = 64 << 20
	before := advisedBytes(t)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heapBefore := ms.HeapAlloc
	growHugeHeap(n)
	if got := advisedBytes(t) - before; got < n-2*int64(hugePageSize()) {
		t.Errorf("%d bytes newly advised for huge pages, want about %d", got, n)
	}
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc > heapBefore+n/4 {
		t.Errorf("heap holds %d bytes after growHugeHeap, %d before: the block was kept", ms.HeapAlloc, heapBefore)
	}
}

// TestGrowHugeHeapLeavesSmallHeapsAndOtherSystems: a short text's heap,
// or a system that does not say its huge page size, gets no advice.
func TestGrowHugeHeapLeavesSmallHeapsAndOtherSystems(t *testing.T) {
	before := advisedBytes(t)
	growHugeHeap(1 << 20)
	defer func(f string) { thpSizeFile = f }(thpSizeFile)
	thpSizeFile = filepath.Join(t.TempDir(), "missing")
	growHugeHeap(64 << 20)
	if got := advisedBytes(t) - before; got != 0 {
		t.Errorf("%d bytes newly advised, want none", got)
	}
}
