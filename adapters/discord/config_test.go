package discord

import (
	"context"
	"net/http"
	"testing"
)

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestRewriteTransport(t *testing.T) {
	t.Parallel()
	tests := []struct {
		apiURL, in, want string
	}{
		{"", "https://discord.com/api/v9/gateway", "https://discord.com/api/v9/gateway"},
		{"http://127.0.0.1:8080/", "https://discord.com/api/v9/gateway", "http://127.0.0.1:8080/api/v9/gateway"},
		{"http://127.0.0.1:8080", "https://discord.com/api/v9/channels/1/messages?x=1", "http://127.0.0.1:8080/api/v9/channels/1/messages?x=1"},
		{"https://proxy.example/discord/", "https://discord.com/api/v9/gateway", "https://proxy.example/discord/api/v9/gateway"},
		// Only Discord's own base is rewritten.
		{"http://127.0.0.1:8080/", "https://cdn.discordapp.com/avatars/1.png", "https://cdn.discordapp.com/avatars/1.png"},
	}
	for _, tt := range tests {
		var got string
		next := roundTripFunc(func(r *http.Request) (*http.Response, error) {
			got = r.URL.String()
			if r.Host != "" && r.Host != r.URL.Host {
				t.Errorf("Host %q does not match URL host %q", r.Host, r.URL.Host)
			}
			return &http.Response{StatusCode: http.StatusNoContent, Body: http.NoBody, Request: r}, nil
		})
		c := httpClient(&http.Client{Transport: next}, Config{APIURL: tt.apiURL}.apiBase(), context.Background())
		req, _ := http.NewRequest("GET", tt.in, nil)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatalf("%s via %q: %v", tt.in, tt.apiURL, err)
		}
		resp.Body.Close()
		if got != tt.want {
			t.Errorf("%s via APIURL %q went to %s, want %s", tt.in, tt.apiURL, got, tt.want)
		}
		if req.URL.String() != tt.in {
			t.Errorf("the caller's request was modified: %s", req.URL)
		}
	}
}
