// Package statetest starts a real redis-server for tests: on a free
// loopback port, with a temporary directory, no persistence, stopped at the
// test's end. Where redis-server is missing or cannot start, tests fail in
// CI (CI=true) and are skipped elsewhere with a message.
package statetest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Server is one redis-server process.
type Server struct {
	Addr string // 127.0.0.1:port
	t    testing.TB
	dir  string
	port int
	cmd  *exec.Cmd
	pass string
}

// URL is the server's redis:// URL.
func (s *Server) URL() string { return "redis://" + s.Addr + "/0" }

// Start starts a redis-server and stops it when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartWithPassword(t, "")
}

// StartWithPassword starts a redis-server that requires password (none if
// empty).
func StartWithPassword(t testing.TB, password string) *Server {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		unavailable(t, "redis-server is not installed (apt-get install redis-server)")
	}
	s := &Server{t: t, dir: t.TempDir(), pass: password}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.port = ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	s.Addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port))
	if err := s.start(bin); err != nil {
		unavailable(t, err.Error())
	}
	t.Cleanup(s.Stop)
	return s
}

func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("redis: %s; CI needs a real redis-server", why)
	}
	t.Skipf("redis: %s; skipping (CI=true makes this a failure)", why)
}

func (s *Server) start(bin string) error {
	args := []string{"--port", strconv.Itoa(s.port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--dir", s.dir, "--loglevel", "warning"}
	if s.pass != "" {
		args = append(args, "--requirepass", s.pass)
	}
	s.cmd = exec.Command(bin, args...)
	if err := s.cmd.Start(); err != nil {
		return fmt.Errorf("start redis-server: %w", err)
	}
	c := redis.NewClient(&redis.Options{Addr: s.Addr, Password: s.pass, MaxRetries: -1})
	defer c.Close()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := c.Ping(ctx).Err()
		cancel()
		if err == nil {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.Stop()
	return fmt.Errorf("redis-server on %s did not answer within 10s", s.Addr)
}

// Stop stops the server; its data is gone. Stopping twice is fine.
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	s.cmd = nil
}

// Restart starts the server again on the same port, empty.
func (s *Server) Restart() {
	s.t.Helper()
	s.Stop()
	bin, _ := exec.LookPath("redis-server")
	if err := s.start(bin); err != nil {
		s.t.Fatal(err)
	}
}
