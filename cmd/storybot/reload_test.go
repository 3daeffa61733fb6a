package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// reloadServer serves doc with a reload channel and the given hooks, and
// returns it with a function asking a question.
func reloadServer(t *testing.T, doc string, hooks serveHooks) (*served, func(q string) string) {
	t.Helper()
	cfg := slackConfig + "documents: [" + strconv.Quote(doc) + "]\n"
	s := startServe(t, cfg, map[string]string{"SLACK_SIGNING_SECRET": slackSecret}, hooks)
	return s, func(q string) string {
		t.Helper()
		_, body := slash(t, s.base, slackSecret, "U1", "C1", q)
		return parseSlack(t, body).Text
	}
}

// zebras writes the document every reload test starts from, and makes
// the channel that triggers a reload.
func zebras(t *testing.T) (doc string, reload chan os.Signal) {
	t.Helper()
	doc = filepath.Join(t.TempDir(), "animals.txt")
	writeFile(t, doc, "Zebras have black and white stripes.\n")
	return doc, make(chan os.Signal, 1)
}

const (
	halfGiraffe = "Giraffes have very"
	fullGiraffe = "Giraffes have very long necks. They eat leaves.\n"
)

// A file that changes while a reload reads it (rewritten in place) is not
// loaded; it is read again once it has settled.
func TestReloadSkipsFileChangedWhileRead(t *testing.T) {
	t.Parallel()
	doc, reload := zebras(t)
	var once sync.Once
	hooks := serveHooks{reload: reload, poll: 5 * time.Millisecond, read: func() {
		// The writer finishes the file just after the reload read half.
		once.Do(func() { writeFile(t, doc, fullGiraffe) })
	}}
	s, ask := reloadServer(t, doc, hooks)
	writeFile(t, doc, halfGiraffe)
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(doc, past, past); err != nil { // so only the change during the read counts
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	_, off := s.logs.wait(t, 0, "documents changed while being read")
	s.logs.wait(t, off, `msg="documents reloaded"`, `trigger="documents settled"`)
	if got := ask("What do giraffes have?"); !strings.Contains(got, "long necks") {
		t.Errorf("after the reload: %q, want the whole file's answer", got)
	}
	if n := strings.Count(s.logs.String(), `msg="documents reloaded"`); n != 1 {
		t.Errorf("%d reloads, want 1 (the half-written file must never be loaded)", n)
	}
}

// A file modified within the last poll interval may still be being
// written: a reload waits until it has been left alone that long.
func TestReloadWaitsForRecentlyChangedFile(t *testing.T) {
	t.Parallel()
	doc, reload := zebras(t)
	var now atomic.Pointer[time.Time]
	setNow := func(at time.Time) { now.Store(&at) }
	setNow(time.Now().Add(-time.Hour))
	hooks := serveHooks{reload: reload, poll: 5 * time.Millisecond, now: func() time.Time { return *now.Load() }}
	s, ask := reloadServer(t, doc, hooks)

	writeFile(t, doc, halfGiraffe)
	info, err := os.Stat(doc)
	if err != nil {
		t.Fatal(err)
	}
	setNow(info.ModTime()) // the clock says it was written just now
	reload <- syscall.SIGHUP
	s.logs.wait(t, 0, "documents changed moments ago")
	if got := ask("What do zebras have?"); !strings.Contains(got, "stripes") {
		t.Errorf("while the file is being written: %q, want the old document's answer", got)
	}
	// The rest arrives whole (written beside it and renamed over it): a
	// second truncate-and-write could be read empty, between the two, by
	// the poll that sees its modification time, under load, more than the
	// settle time after the fake clock's.
	tmp := doc + ".part"
	writeFile(t, tmp, fullGiraffe)
	if err := os.Rename(tmp, doc); err != nil {
		t.Fatal(err)
	}
	setNow(time.Now().Add(time.Hour)) // and now it has been left alone
	s.logs.wait(t, 0, `msg="documents reloaded"`)
	if got := ask("What do giraffes have?"); !strings.Contains(got, "long necks") {
		t.Errorf("after the reload: %q, want the whole file's answer", got)
	}
	if n := strings.Count(s.logs.String(), `msg="documents reloaded"`); n != 1 {
		t.Errorf("%d reloads, want 1 (the half-written file must never be loaded)", n)
	}
}

// After a reload has swapped the documents, the memory the old ones held
// is handed back to the OS (a 100 MiB document replaced by a small one
// left RSS at 1.6 GiB before; 641 -> 31 MiB measured with it), and not
// before the new documents answer.
func TestReloadReturnsTheOldStoresMemory(t *testing.T) {
	t.Parallel()
	doc, reload := zebras(t)
	freed := make(chan string, 4)
	var ask func(string) string
	hooks := serveHooks{reload: reload, poll: 5 * time.Millisecond, freeMemory: func() {
		freed <- ask("What do giraffes have?")
	}}
	s, asker := reloadServer(t, doc, hooks)
	ask = asker
	writeFile(t, doc, fullGiraffe)
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(doc, past, past); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	s.logs.wait(t, 0, `msg="documents reloaded"`)
	select {
	case got := <-freed:
		if !strings.Contains(got, "long necks") {
			t.Errorf("memory freed while the old documents still answer: %q", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the old documents' memory was not handed back after the reload")
	}
}
