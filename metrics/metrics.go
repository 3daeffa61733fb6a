// Package metrics exposes what storybot does as Prometheus metrics: questions
// by platform and outcome, answer latency, rejected requests, platform
// connection state and the loaded documents. It is the only package that
// imports the Prometheus client, and it uses its own registry, never the
// global one, so tests and several servers in one process do not collide.
package metrics

import (
	"net/http"
	"runtime"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/storybot/storybot/bot"
)

// Metrics records storybot's metrics. It implements bot.Events, so adapters
// can report rejections and connection state to it directly. Its methods
// are safe for concurrent use.
type Metrics struct {
	reg       *prometheus.Registry
	questions *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	rejected  *prometheus.CounterVec
	connected *prometheus.GaugeVec
	documents prometheus.Gauge
	sentences prometheus.Gauge
	reloads   *prometheus.CounterVec
	failed    *prometheus.CounterVec
	redis     prometheus.Counter
}

var _ bot.Events = (*Metrics)(nil)

// LatencyBuckets span 10µs to 10s: answers from a small document take tens
// of microseconds, a large one or a loaded machine milliseconds, and
// anything near Slack's 3-second limit must still land in a bucket.
var LatencyBuckets = []float64{
	10e-6, 25e-6, 50e-6, 100e-6, 250e-6, 500e-6,
	1e-3, 2.5e-3, 5e-3, 10e-3, 25e-3, 50e-3, 100e-3, 250e-3, 500e-3,
	1, 2.5, 5, 10,
}

// New registers storybot's metrics, with the Go runtime and process
// collectors, on a fresh registry. version labels storybot_build_info.
func New(version string) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "storybot_questions_total",
			Help: "Questions answered, by platform and outcome (answered, not_found, refused, rate_limited, error).",
		}, []string{"platform", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "storybot_answer_duration_seconds",
			Help:    "Time to answer a question, limits included, by platform.",
			Buckets: LatencyBuckets,
		}, []string{"platform"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "storybot_requests_rejected_total",
			Help: "Requests refused before answering, by platform and reason (signature, size, method, malformed, replay, rate_limit, busy).",
		}, []string{"platform", "reason"}),
		connected: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "storybot_platform_connected",
			Help: "1 while a platform connection is up (Slack Socket Mode, Discord gateway, Slack HTTP listening), else 0.",
		}, []string{"platform"}),
		documents: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "storybot_documents_loaded",
			Help: "Documents the bot currently answers from.",
		}),
		sentences: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "storybot_sentences_loaded",
			Help: "Sentences in the loaded documents.",
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "storybot_reloads_total",
			Help: "Document reloads, by result (ok, failed).",
		}, []string{"result"}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "storybot_replies_failed_total",
			Help: "Replies that could not be delivered after retries, by platform and reason (rate_limited, server_error, timeout, bad_response, rejected, cancelled).",
		}, []string{"platform", "reason"}),
	}
	m.redis = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "storybot_redis_failures_total",
		Help: "Redis commands and reconnection probes that failed; while Redis is away the bot answers from in-process state.",
	})
	build := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "storybot_build_info",
		Help:        "Always 1; labels say which build is running.",
		ConstLabels: prometheus.Labels{"version": version, "goversion": runtime.Version()},
	})
	build.Set(1)
	m.reg.MustRegister(m.questions, m.latency, m.rejected, m.connected, m.documents, m.sentences, m.reloads, m.failed, m.redis, build,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Zero series for the common outcomes: a rate() over a series that
	// appears only on the first error misses that first error.
	for _, r := range []string{"ok", "failed"} {
		m.reloads.WithLabelValues(r)
	}
	return m
}

// Question records one answered question.
func (m *Metrics) Question(platform string, outcome string, took time.Duration) {
	m.questions.WithLabelValues(label(platform), outcome).Inc()
	m.latency.WithLabelValues(label(platform)).Observe(took.Seconds())
}

// Rejected implements bot.Events.
func (m *Metrics) Rejected(platform, reason string) {
	m.rejected.WithLabelValues(label(platform), reason).Inc()
}

// ReplyFailed implements bot.Events.
func (m *Metrics) ReplyFailed(platform, reason string) {
	m.failed.WithLabelValues(label(platform), reason).Inc()
}

// Connected implements bot.Events.
func (m *Metrics) Connected(platform string, up bool) {
	v := 0.0
	if up {
		v = 1
	}
	m.connected.WithLabelValues(label(platform)).Set(v)
}

// RedisFailed counts one failed Redis command or probe.
func (m *Metrics) RedisFailed() { m.redis.Inc() }

// Documents records what is loaded, after start-up and each reload.
func (m *Metrics) Documents(documents, sentences int) {
	m.documents.Set(float64(documents))
	m.sentences.Set(float64(sentences))
}

// Reloaded counts a reload attempt.
func (m *Metrics) Reloaded(ok bool) {
	r := "failed"
	if ok {
		r = "ok"
	}
	m.reloads.WithLabelValues(r).Inc()
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// label keeps an empty platform (a question without an Asker) readable.
func label(platform string) string {
	if platform == "" {
		return "unknown"
	}
	return platform
}
