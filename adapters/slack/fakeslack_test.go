package slack

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// fakeSlack is a loopback stand-in for Slack's Web API: auth.test,
// chat.postMessage and chat.postEphemeral (recorded) and apps.connections.open (pointing at ws,
// when set).
type fakeSlack struct {
	*httptest.Server
	t        *testing.T
	authFail bool
	ws       http.HandlerFunc // serves /ws for Socket Mode tests
	// authHang, when set, makes auth.test wait for it to close (or the
	// client to give up).
	authHang chan struct{}

	// faults are served, one per call and in order, to chat.postMessage
	// and chat.postEphemeral calls instead of success; see fault.
	faults []fault
	// calls counts chat.post* requests, faulted or not.
	calls int

	mu     sync.Mutex
	posts  []url.Values
	posted chan url.Values
	tokens map[string]string // method -> bearer token it was called with
}

func newFakeSlack(t *testing.T) *fakeSlack {
	t.Helper()
	f := &fakeSlack{t: t, posted: make(chan url.Values, 16), tokens: map[string]string{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// apiURL is what Config.APIURL should be.
func (f *fakeSlack) apiURL() string { return f.URL + "/api/" }

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/ws" && f.ws != nil {
		f.ws(w, r)
		return
	}
	method, ok := strings.CutPrefix(r.URL.Path, "/api/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		f.t.Errorf("fake slack: %s: %v", method, err)
	}
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if tok == "" {
		tok = r.PostForm.Get("token")
	}
	f.mu.Lock()
	f.tokens[method] = tok
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	reply := func(v any) { _ = json.NewEncoder(w).Encode(v) }
	switch method {
	case "auth.test":
		if f.authHang != nil {
			select {
			case <-f.authHang:
			case <-r.Context().Done():
				return
			}
		}
		if f.authFail {
			reply(map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		reply(map[string]any{"ok": true, "user_id": "UBOT", "bot_id": "BBOT", "user": "storybot", "team_id": "T1"})
	case "chat.postMessage", "chat.postEphemeral":
		r.PostForm.Set("_method", method) // which of the two, for assertions
		f.mu.Lock()
		f.calls++
		var fl fault
		if len(f.faults) > 0 {
			fl, f.faults = f.faults[0], f.faults[1:]
		}
		if fl != "" {
			f.mu.Unlock()
			fl.serve(w, r)
			return
		}
		f.posts = append(f.posts, r.PostForm)
		f.mu.Unlock()
		select {
		case f.posted <- r.PostForm:
		default:
		}
		reply(map[string]any{"ok": true, "channel": r.PostForm.Get("channel"), "ts": "1700000000.000200"})
	case "apps.connections.open":
		if tok != testAppToken {
			reply(map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		reply(map[string]any{"ok": true, "url": "ws://" + r.Host + "/ws"})
	default:
		reply(map[string]any{"ok": false, "error": "unknown_method"})
	}
}

func (f *fakeSlack) postsMade() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.posts...)
}

func (f *fakeSlack) tokenFor(method string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tokens[method]
}

// fault is one failure the fake Web API can serve.
type fault string

const (
	fault500       fault = "500"
	fault429       fault = "429"     // with Retry-After: 7
	faultHang      fault = "hang"    // until the client gives up
	faultGarbage   fault = "garbage" // 200 with a body that is not JSON
	faultTransient fault = "internal_error"
	faultRefused   fault = "channel_not_found"
)

func (fl fault) serve(w http.ResponseWriter, r *http.Request) {
	switch fl {
	case fault500:
		http.Error(w, "oops", http.StatusInternalServerError)
	case fault429:
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
	case faultHang:
		<-r.Context().Done()
	case faultGarbage:
		_, _ = w.Write([]byte("<html>Bad gateway</html>"))
	default:
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": string(fl)})
	}
}

func (f *fakeSlack) fail(faults ...fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults = append(f.faults, faults...)
}

func (f *fakeSlack) callsMade() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}
