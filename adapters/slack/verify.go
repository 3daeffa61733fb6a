package slack

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// MaxSkew is how far a request's timestamp may be from now, either way.
// Slack recommends five minutes; a captured request is useless after that.
const MaxSkew = 5 * time.Minute

// Header names Slack signs requests with.
const (
	HeaderSignature = "X-Slack-Signature"
	HeaderTimestamp = "X-Slack-Request-Timestamp"
)

// Verification errors. They never include the secret or the signature.
var (
	ErrMissingSignature = errors.New("slack: missing signature or timestamp header")
	ErrMalformed        = errors.New("slack: malformed signature or timestamp")
	ErrStale            = errors.New("slack: request timestamp outside the allowed window")
	ErrBadSignature     = errors.New("slack: signature does not match")
)

// Verify checks a request's v0 signature (HMAC-SHA256 of "v0:timestamp:body"
// keyed with the signing secret) against the raw body, and that its
// timestamp is within MaxSkew of now in either direction. It is pure: the
// clock is a parameter, so Slack's published 2018 test vector stays testable
// (slack-go's verifier reads the wall clock and would call it expired).
func Verify(secret string, header http.Header, body []byte, now time.Time) error {
	sig := header.Get(HeaderSignature)
	tsText := header.Get(HeaderTimestamp)
	if sig == "" || tsText == "" {
		return ErrMissingSignature
	}
	ts, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil || ts <= 0 {
		return ErrMalformed
	}
	hexSig, ok := strings.CutPrefix(sig, "v0=")
	if !ok || len(hexSig) != sha256.Size*2 {
		return ErrMalformed
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil {
		return ErrMalformed
	}
	// Compare in seconds so a huge timestamp cannot overflow a Duration.
	if skew := now.Unix() - ts; skew > int64(MaxSkew/time.Second) || skew < -int64(MaxSkew/time.Second) {
		return ErrStale
	}
	if secret == "" {
		// An unset secret must not make every request "valid" for an
		// attacker who also signs with the empty key.
		return ErrBadSignature
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:"))
	mac.Write([]byte(tsText))
	mac.Write([]byte(":"))
	mac.Write(body)
	if !hmac.Equal(got, mac.Sum(nil)) {
		return ErrBadSignature
	}
	return nil
}

// Sign returns the X-Slack-Signature value for body at timestamp ts. Tests
// and local tools use it to build requests the way Slack would.
func Sign(secret string, ts int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + strconv.FormatInt(ts, 10) + ":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}
