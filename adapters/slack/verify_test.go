package slack

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Slack's worked example from its "Verifying requests from Slack" guide.
const (
	vecSecret    = "8f742231b10e8888abcd99yyyzzz85a5"
	vecTimestamp = "1531420618"
	vecBody      = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	vecSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func TestVerifyPublishedVector(t *testing.T) {
	t.Parallel()
	at := time.Unix(1531420618, 0)
	hdr := func(sig, ts string) http.Header {
		h := http.Header{}
		if sig != "" {
			h.Set(HeaderSignature, sig)
		}
		if ts != "" {
			h.Set(HeaderTimestamp, ts)
		}
		return h
	}
	tampered := strings.Replace(vecBody, "text=", "text=hi", 1)
	flipped := vecSignature[:len(vecSignature)-1] + "a"
	tests := []struct {
		name   string
		secret string
		header http.Header
		body   string
		now    time.Time
		want   error
	}{
		{"valid at signing time", vecSecret, hdr(vecSignature, vecTimestamp), vecBody, at, nil},
		{"valid 5 min later", vecSecret, hdr(vecSignature, vecTimestamp), vecBody, at.Add(5 * time.Minute), nil},
		{"valid 5 min earlier", vecSecret, hdr(vecSignature, vecTimestamp), vecBody, at.Add(-5 * time.Minute), nil},
		{"stale", vecSecret, hdr(vecSignature, vecTimestamp), vecBody, at.Add(5*time.Minute + time.Second), ErrStale},
		{"from the future", vecSecret, hdr(vecSignature, vecTimestamp), vecBody, at.Add(-5*time.Minute - time.Second), ErrStale},
		{"today (slack-go would say expired too)", vecSecret, hdr(vecSignature, vecTimestamp), vecBody, time.Now(), ErrStale},
		{"tampered body", vecSecret, hdr(vecSignature, vecTimestamp), tampered, at, ErrBadSignature},
		{"wrong secret", vecSecret + "x", hdr(vecSignature, vecTimestamp), vecBody, at, ErrBadSignature},
		{"empty secret", "", hdr(vecSignature, vecTimestamp), vecBody, at, ErrBadSignature},
		{"flipped signature", vecSecret, hdr(flipped, vecTimestamp), vecBody, at, ErrBadSignature},
		{"timestamp changed", vecSecret, hdr(vecSignature, "1531420619"), vecBody, at, ErrBadSignature},
		{"missing signature", vecSecret, hdr("", vecTimestamp), vecBody, at, ErrMissingSignature},
		{"missing timestamp", vecSecret, hdr(vecSignature, ""), vecBody, at, ErrMissingSignature},
		{"no headers", vecSecret, http.Header{}, vecBody, at, ErrMissingSignature},
		{"timestamp not a number", vecSecret, hdr(vecSignature, "15314x0618"), vecBody, at, ErrMalformed},
		{"timestamp negative", vecSecret, hdr(vecSignature, "-1531420618"), vecBody, at, ErrMalformed},
		{"timestamp overflows", vecSecret, hdr(vecSignature, "99999999999999999999"), vecBody, at, ErrMalformed},
		{"huge timestamp", vecSecret, hdr(vecSignature, "9223372036854775807"), vecBody, at, ErrStale},
		{"wrong version", vecSecret, hdr("v1="+vecSignature[3:], vecTimestamp), vecBody, at, ErrMalformed},
		{"not hex", vecSecret, hdr("v0="+strings.Repeat("zz", 32), vecTimestamp), vecBody, at, ErrMalformed},
		{"short", vecSecret, hdr(vecSignature[:40], vecTimestamp), vecBody, at, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Verify(tt.secret, tt.header, []byte(tt.body), tt.now)
			if !errors.Is(err, tt.want) {
				t.Errorf("Verify(%s) = %v, want %v", tt.name, err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), tt.secret) && tt.secret != "" {
				t.Errorf("error %q contains the secret", err)
			}
		})
	}
}

func TestSignMatchesPublishedVector(t *testing.T) {
	t.Parallel()
	if got := Sign(vecSecret, 1531420618, []byte(vecBody)); got != vecSignature {
		t.Errorf("Sign = %s, want %s", got, vecSignature)
	}
}
