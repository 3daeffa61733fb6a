package slack

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/slack-go/slack"

	"github.com/storybot/storybot/adapters/internal/retry"
)

// transientAPIErrors are Web API "ok": false errors that Slack documents
// as temporary; any other is a refusal that retrying cannot change
// (channel_not_found, not_in_channel, invalid_auth, msg_too_long, …).
var transientAPIErrors = map[string]string{
	"ratelimited":         retry.RateLimited,
	"rate_limited":        retry.RateLimited,
	"internal_error":      retry.ServerError,
	"fatal_error":         retry.ServerError,
	"service_unavailable": retry.ServerError,
	"request_timeout":     retry.Timeout,
}

// classify says whether a failed Web API call is worth another attempt:
// 429 (after its Retry-After), 5xx, timeouts and connection failures,
// unparseable replies (usually a proxy's error page), and Slack's
// temporary errors are; other 4xx and ok:false errors are not.
func classify(err error) retry.Verdict {
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		return retry.Verdict{Retry: true, After: rl.RetryAfter, Reason: retry.RateLimited}
	}
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok {
		switch {
		case sc.Code >= 500:
			return retry.Verdict{Retry: true, Reason: retry.ServerError}
		case sc.Code == http.StatusRequestTimeout:
			return retry.Verdict{Retry: true, Reason: retry.Timeout}
		case sc.Code == http.StatusTooManyRequests:
			return retry.Verdict{Retry: true, After: time.Second, Reason: retry.RateLimited}
		}
		return retry.Verdict{Reason: retry.Rejected}
	}
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		if reason, ok := transientAPIErrors[se.Err]; ok {
			return retry.Verdict{Retry: true, Reason: reason}
		}
		return retry.Verdict{Reason: retry.Rejected}
	}
	if _, ok := errors.AsType[*json.SyntaxError](err); ok {
		return retry.Verdict{Retry: true, Reason: retry.BadResponse}
	}
	if _, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		return retry.Verdict{Retry: true, Reason: retry.BadResponse}
	}
	// Timeouts; connection refused or reset, EOF: the request may never
	// have arrived, so it is worth another try.
	return retry.Unanswered(err)
}
