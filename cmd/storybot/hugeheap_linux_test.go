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
// will fill carries the huge-page advice until endHugeHeap, and the block
// that made the runtime map it is not kept.
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
	endHugeHeap()
	if got := advisedBytes(t) - before; got > 0 {
		t.Errorf("%d bytes still advised for huge pages after endHugeHeap", got)
	}
}

// TestGrowHugeHeapLeavesSmallHeapsAndOtherSystems: a short text's heap
// gets no advice, nor does a system that gives huge pages to all memory
// or none, or does not say.
func TestGrowHugeHeapLeavesSmallHeapsAndOtherSystems(t *testing.T) {
	before := advisedBytes(t)
	growHugeHeap(1 << 20)
	defer func(d string) { thpDir = d }(thpDir)
	for _, mode := range []string{"[always] madvise never", "always madvise [never]", ""} {
		thpDir = t.TempDir()
		if mode != "" {
			for name, text := range map[string]string{"enabled": mode, "hpage_pmd_size": "2097152"} {
				if err := os.WriteFile(filepath.Join(thpDir, name), []byte(text+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		growHugeHeap(64 << 20)
	}
	if got := advisedBytes(t) - before; got != 0 {
		t.Errorf("%d bytes newly advised, want none", got)
	}
}

// TestGrowHugeHeapAsksNoMoreThanHalfTheAvailableMemory: the block is
// capped by what the system has available, and a system that does not
// say gets no advice.
func TestGrowHugeHeapAsksNoMoreThanHalfTheAvailableMemory(t *testing.T) {
	if hugePageSize() == 0 {
		t.Skip("the system has no transparent huge pages")
	}
	defer func(f string) { memInfo = f }(memInfo)
	memInfo = filepath.Join(t.TempDir(), "meminfo")
	if err := os.WriteFile(memInfo, []byte("MemTotal:       24683748 kB\nMemFree:         1000000 kB\nMemAvailable:      32768 kB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := advisedBytes(t)
	growHugeHeap(256 << 20)
	got := advisedBytes(t) - before
	endHugeHeap()
	if got == 0 || got > 16<<20 {
		t.Errorf("%d bytes advised with 32 MB available, want some and at most 16 MB", got)
	}
	memInfo = filepath.Join(t.TempDir(), "missing")
	before = advisedBytes(t)
	growHugeHeap(256 << 20)
	if got := advisedBytes(t) - before; got != 0 {
		t.Errorf("%d bytes advised with no memory figures, want none", got)
	}
}
