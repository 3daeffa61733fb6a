package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"

	"github.com/storybot/storybot/match"
)

// softGCPercent is the GOGC that ask and repl answer a book's questions
// with, once it is built: the heap may grow a quarter over the live heap
// before the collector runs, instead of the default's double, which on a
// book was most of the process's peak (issue #17).
//
// It replaced a soft memory limit of 1.5 times the live heap set after the
// build: the limit counts all of the runtime's memory, so its heap goal
// was within a megabyte of the live heap once the typo corrector was
// built, and War and Peace's 5,000 questions ran 25-40 collections, about
// half of their CPU. The build itself keeps the default GOGC: at 25 it
// collected so often that War and Peace's build took 40 % more CPU. Five
// runs each, alternating: the book's peak RSS with those questions 42.7-
// 43.8 MiB (41.0-42.4 with the limit), with none 35.7-37.2 (39.1-41.8);
// ask with no question 0.13-0.21 s (0.21-0.31), with them 0.36-0.55 s
// (0.40-0.88).
const softGCPercent = 25

// softGCHeadroom caps, for a larger text, what the heap may grow over the
// live heap before a collection: a quarter of a ×8 War and Peace's live
// heap (over 100 MB) was 26 MB of garbage on top of it, and its peak RSS
// with 2,000 questions 157-162 MB; 12 MiB over it (GOGC 12) made it
// 145-146 MB. A collection of such a heap, mostly arrays without
// pointers, is about 12 ms of the other core's time, every few hundred
// questions. A book's live heap (War and Peace's, 15 MB) keeps
// softGCPercent.
const softGCHeadroom = 12 << 20

// softGCFloor is the least GOGC softGCHeadroom sets.
const softGCFloor = 5

// questionGCPercent is the GOGC for questions over a text whose store's
// live heap is live bytes.
func questionGCPercent(live uint64) int {
	if live == 0 {
		return softGCPercent
	}
	return int(max(softGCFloor, min(softGCPercent, softGCHeadroom*100/live)))
}

// liveHeap is the live heap the last collection found (0 if unknown).
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// softGCMinBytes is the smallest text worth it: below it (the built-in
// story, short documents) the collections that a low GOGC adds to a run
// touch more memory (the collector's code and stacks) than they save.
const softGCMinBytes = 256 << 10

// collectOften sets GOGC to softGCPercent (less for a large store: see
// softGCHeadroom) once ask or repl has built the
// store and bot for the documents at paths, when their files hold
// softGCMinBytes or more (a directory counts as that much), unless the
// user has set GOGC or GOMEMLIMIT: their setting stands. Only commands
// that hold one store for their life call it: serve swaps stores on
// reload and holds two while it does.
//
// For such a text it also returns the garbage of building m's typo
// corrector, which New builds on the other core, to the system once it is
// done (see releaseBuild).
func collectOften(paths []string, m *match.Matcher) {
	if textBytes(paths) < softGCMinBytes {
		return
	}
	go func() {
		m.Prepare()
		debug.FreeOSMemory()
	}()
	setQuestionGC()
}

// collectOftenPrepared is collectOften for a matcher whose corrector is
// built (bench's).
func collectOftenPrepared(paths []string) {
	if textBytes(paths) >= softGCMinBytes {
		debug.FreeOSMemory()
		setQuestionGC()
	}
}

// setQuestionGC sets the GOGC questions are answered with, unless the
// user has set GOGC or GOMEMLIMIT.
func setQuestionGC() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(questionGCPercent(liveHeap()))
	}
}

// releaseBuild returns the garbage of building the store for the
// documents at paths to the system, when their files hold softGCMinBytes
// or more; ask and repl call it before they build the matcher. The heap
// grew to about twice the live heap while the store was built (the
// default GOGC), and the runtime's scavenger gives those pages back far
// more slowly than a run of questions lasts, so they stayed in the peak
// RSS while the matcher's tables, the corrector's index and the questions
// (which no longer wait for the corrector) added pages on top of them.
// Here, before the matcher starts the corrector, the collection has both
// cores. War and Peace with 5,000 questions, peak RSS: 42.5-46.3 MiB
// (twelve runs) with no release, 40.6-42.8 MiB (twelve runs) releasing
// after the corrector alone, 42.5-43.4 MiB so once the questions stopped
// waiting for it, 40.8-41.5 MiB releasing here as well (eight runs each).
// It costs War and Peace's build 6-8 ms (9-16 ms after New, where the
// corrector's build shares the cores) (issue #17).
func releaseBuild(paths []string) {
	if textBytes(paths) >= softGCMinBytes {
		debug.FreeOSMemory()
	}
}

// buildHeapPerByte is how many bytes of heap growHugeHeap prepares per
// byte of text, for its reading, splitting and store: War and Peace's
// ask and ×8 War and Peace's bench took fewest page faults from 8
// (2,140-2,220 and 7,500-8,500, where 4 left 2,700-3,100 and
// 16,900-19,200); 12 took no fewer.
const buildHeapPerByte = 8

// textBytes is the size of the files at paths; a directory counts as
// softGCMinBytes, and a path that cannot be read as nothing.
func textBytes(paths []string) int64 {
	var n int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
		case fi.IsDir():
			n += softGCMinBytes
		default:
			n += fi.Size()
		}
	}
	return n
}
