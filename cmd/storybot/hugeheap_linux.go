package main

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// madvHugepage is Linux's MADV_HUGEPAGE.
const madvHugepage = 14

// thpSizeFile holds the size of the system's transparent huge pages; a
// variable so that a test can name a file that is not there.
var thpSizeFile = "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"

// growHugeHeap makes the heap hold n bytes of memory advised for
// transparent huge pages (MADV_HUGEPAGE), for a build about to fill it:
// it allocates one block of n bytes, which the runtime maps fresh and
// does not touch, advises its huge-page-aligned part, and collects it, so
// that the build's allocations reuse that memory. Each first touch of a
// fresh page is a page fault, and a build's memory was mostly first
// touches: War and Peace's ask took 5,700-5,900 faults with no question,
// ×8 War and Peace's bench 45,000-46,000, at about 10 µs each on this
// host's virtual machines. A 2 MB page is one fault where 512 small
// pages were 512. Where Go's heap gets huge pages on its own (the system
// set to "always") or never (set to "never", GODEBUG=disablethp=1), the
// advice changes nothing; the runtime keeps the memory mapped, and gives
// back what stays free as it does any free pages.
func growHugeHeap(n int64) {
	size := hugePageSize()
	if size == 0 || n < 4*int64(size) || strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return
	}
	block := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	beg := (p + size - 1) &^ (size - 1)
	end := (p + uintptr(n)) &^ (size - 1)
	if beg < end {
		syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHugepage)
	}
	runtime.KeepAlive(block)
	block = nil
	runtime.GC()
}

// hugePageSize is the size of the system's transparent huge pages, or 0
// when it has none (or does not say).
func hugePageSize() uintptr {
	b, err := os.ReadFile(thpSizeFile)
	if err != nil {
		return 0
	}
	n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n == 0 || n&(n-1) != 0 || n > 1<<30 {
		return 0
	}
	return uintptr(n)
}
