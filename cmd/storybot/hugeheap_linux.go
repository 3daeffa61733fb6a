package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

// Linux's MADV_HUGEPAGE and MADV_NOHUGEPAGE.
const (
	madvHugepage   = 14
	madvNoHugepage = 15
)

// advised is the memory growHugeHeap advised, until endHugeHeap.
var advised struct {
	sync.Mutex
	beg, end uintptr
}

// thpDir holds the system's settings of transparent huge pages, and
// memInfo its memory figures; variables so that tests can give others.
var (
	thpDir  = "/sys/kernel/mm/transparent_hugepage"
	memInfo = "/proc/meminfo"
)

// growHugeHeap makes the heap hold n bytes of memory advised for
// transparent huge pages (MADV_HUGEPAGE), for a build about to fill it:
// it allocates one block of n bytes, which the runtime maps fresh and
// does not touch, advises its huge-page-aligned part, and collects it, so
// that the build's allocations reuse that memory. Each first touch of a
// fresh page is a page fault, and a build's memory was mostly first
// touches: War and Peace's ask took 5,700-5,900 faults with no question,
// ×8 War and Peace's bench 45,000-46,000, at about 10 µs each on this
// host's virtual machines. A 2 MB page is one fault where 512 small pages
// were 512.
//
// It acts only where the system gives huge pages to memory that asks for
// them ("madvise", this host's setting and a common default): where Go's
// heap gets them unasked ("always") or never ("never", or
// GODEBUG=disablethp=1), the heap is left as it is. The runtime keeps the
// memory mapped, and gives back what stays free as it does any free
// pages. The block is at most half the memory the system has available:
// mapped but untouched it costs no memory, yet a system that refuses to
// promise more than it has would refuse a larger one, and the runtime
// cannot survive a refused map.
func growHugeHeap(n int64) {
	// Under four of the smallest huge pages any Linux has (s390's 1 MB)
	// nothing is advised anywhere: a short text, the built-in story's
	// start-up among them, reads no settings.
	if n < 4<<20 {
		return
	}
	size := hugePageSize()
	if size == 0 || strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return
	}
	if n = min(n, availableBytes()/2); n < 4*int64(size) {
		return
	}
	block := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	beg := (p + size - 1) &^ (size - 1)
	end := (p + uintptr(n)) &^ (size - 1)
	if beg < end {
		if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHugepage); errno == 0 {
			advised.Lock()
			advised.beg, advised.end = beg, end
			advised.Unlock()
		}
	}
	runtime.KeepAlive(block) // dead from here: the collection frees it
	runtime.GC()
}

// endHugeHeap withdraws growHugeHeap's advice once the store is built.
// The pages made huge stay so; memory touched afresh after it (pages the
// runtime gave back, then reused by the matcher's tables, the corrector
// and the questions) is faulted in small pages again: kept, the advice
// made each such fault clear 2 MB, or compact memory to find it, and ×8
// War and Peace's build took 637-729 ms where ending it here took
// 543-585 ms (four runs each, alternated).
func endHugeHeap() {
	advised.Lock()
	defer advised.Unlock()
	if advised.beg < advised.end {
		syscall.Syscall(syscall.SYS_MADVISE, advised.beg, advised.end-advised.beg, madvNoHugepage)
	}
	advised.beg, advised.end = 0, 0
}

// availableBytes is the memory the system has available (MemAvailable),
// or 0 when it does not say.
func availableBytes() int64 {
	b, err := os.ReadFile(memInfo)
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "MemAvailable:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil || kb < 0 {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// hugePageSize is the size of the system's transparent huge pages when
// it gives them only to memory advised for them, or else 0.
func hugePageSize() uintptr {
	mode, err := os.ReadFile(filepath.Join(thpDir, "enabled"))
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		return 0
	}
	b, err := os.ReadFile(filepath.Join(thpDir, "hpage_pmd_size"))
	if err != nil {
		return 0
	}
	n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n == 0 || n&(n-1) != 0 || n > 1<<30 {
		return 0
	}
	return uintptr(n)
}
