package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// softLimitFactor is the soft memory limit ask and repl set after building,
// as a multiple of the live heap: the default GOGC lets the heap grow to
// twice the live heap before collecting, which on a book is most of the
// process's peak (issue #17). Half the live heap is left for what the first
// questions build (the typo corrector, caches) and for answers' garbage.
const softLimitFactor = 1.5

// softLimitMinHeap is the smallest heap worth limiting: below it (the
// built-in story, short documents) the forced collection would cost more
// start-up time than the memory it saves. The heap counted holds garbage
// not yet collected, so the bar is well under a book's live heap (War and
// Peace, ~15 MB without its typo corrector): at 16 MB the book passed only
// while the bot's refusal guide, since made on first use, added its
// garbage, and without the limit its peak rose from 42 to 52 MB.
const softLimitMinHeap = 8 << 20

// limitMemory sets a soft memory limit of softLimitFactor times the live
// heap, measured by a collection right after the store and matcher are
// built (a finalizer waiting for the next natural collection set it too
// late: by then the heap had already grown to twice the live heap). It
// does nothing when the user has set GOMEMLIMIT (their limit stands), or
// when the heap is small. The limit is soft: the collector runs more often
// near it, but never fails an allocation. Only commands that hold one store
// for their life call it (ask, repl): serve swaps stores on reload and
// holds two while it does.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if heapMetric("/memory/classes/heap/objects:bytes") < softLimitMinHeap {
		return
	}
	runtime.GC()
	if live := heapMetric("/gc/heap/live:bytes"); live > 0 {
		debug.SetMemoryLimit(int64(float64(live) * softLimitFactor))
	}
}

// heapMetric reads one runtime/metrics byte count, 0 when it is missing.
func heapMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
