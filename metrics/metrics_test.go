package metrics_test

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/metrics"
)

func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("GET /metrics: %d", rec.Code)
	}
	b, _ := io.ReadAll(rec.Body)
	return string(b)
}

func TestMetricsExposition(t *testing.T) {
	t.Parallel()
	m := metrics.New("v1.2.3")
	m.Question("slack", "answered", 50*time.Microsecond)
	m.Question("slack", "answered", 2*time.Millisecond)
	m.Question("discord", "not_found", time.Millisecond)
	m.Question("", "refused", time.Millisecond)
	m.Rejected("slack", "signature")
	m.Connected("discord", true)
	m.Connected("slack", false)
	m.Documents(2, 40)
	m.Reloaded(false)
	m.ReplyFailed("discord", "rate_limited")
	m.ReplyFailed("discord", "rate_limited")
	out := scrape(t, m)
	for _, want := range []string{
		`storybot_questions_total{outcome="answered",platform="slack"} 2`,
		`storybot_questions_total{outcome="not_found",platform="discord"} 1`,
		`storybot_questions_total{outcome="refused",platform="unknown"} 1`,
		`storybot_answer_duration_seconds_bucket{platform="slack",le="0.0001"} 1`,
		`storybot_answer_duration_seconds_count{platform="slack"} 2`,
		`storybot_requests_rejected_total{platform="slack",reason="signature"} 1`,
		`storybot_platform_connected{platform="discord"} 1`,
		`storybot_platform_connected{platform="slack"} 0`,
		`storybot_documents_loaded 2`,
		`storybot_sentences_loaded 40`,
		`storybot_reloads_total{result="failed"} 1`,
		`storybot_reloads_total{result="ok"} 0`,
		`storybot_replies_failed_total{platform="discord",reason="rate_limited"} 2`,
		`storybot_build_info{goversion="go`,
		`version="v1.2.3"} 1`,
		`go_goroutines `,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// Each Metrics has its own registry: two in one process must not collide
// (the global registry would panic on the second registration).
func TestMetricsAreIndependent(t *testing.T) {
	t.Parallel()
	a, b := metrics.New("a"), metrics.New("b")
	a.Rejected("slack", "size")
	if strings.Contains(scrape(t, b), `reason="size"`) {
		t.Error("a's rejection shows in b")
	}
}

func TestLatencyBucketsSpanMicrosecondsToSeconds(t *testing.T) {
	t.Parallel()
	bs := metrics.LatencyBuckets
	if bs[0] > 20e-6 || bs[len(bs)-1] < 5 {
		t.Errorf("buckets %v do not span 20µs..5s", bs)
	}
}
