package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/server"
)

var (
	linterOnce sync.Once
	linter     *lint.Linter
	linterErr  error
)

func sharedLinter(t *testing.T) *lint.Linter {
	t.Helper()
	linterOnce.Do(func() { linter, linterErr = lint.Default() })
	require.NoError(t, linterErr)
	return linter
}

// running is a server.Server serving on a loopback port until the test
// ends (or stop is called).
type running struct {
	*server.Server
	addr string
	stop context.CancelFunc
	done chan error
}

// serve starts s after adjust has set its limits.
func serve(t *testing.T, adjust func(*server.Server)) *running {
	t.Helper()
	s := server.New(sharedLinter(t), "test", "en")
	if adjust != nil {
		adjust(s)
	}
	ln, err := server.Listen("127.0.0.1:0", false)
	require.NoError(t, err)
	ctx, stop := context.WithCancel(context.Background())
	r := &running{Server: s, addr: ln.Addr().String(), stop: stop, done: make(chan error, 1)}
	go func() { r.done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		stop()
		<-r.done
	})
	return r
}

// do sends a request with the given Host, Origin and Content-Type
// (empty: not sent).
func do(t *testing.T, method, url, host, origin, ctype, body string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	if host != "" {
		req.Host = host
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(data)
}

const draftJSON = `{"text": "研究显示，这款神药让患者返老还童。"}`

func TestServeRefusesForeignHosts(t *testing.T) {
	r := serve(t, nil)
	_, port, _ := net.SplitHostPort(r.addr)
	for host, ok := range map[string]bool{
		r.addr: true, "localhost:" + port: true, "LocalHost:" + port: true,
		"evil.example:" + port: false, "evil.example": false, "127.0.0.1": false, "localhost": false,
		"127.0.0.1:1": false, "localhost.evil.example:" + port: false, "[::1]:" + port: false, "127.0.0.2:" + port: false,
	} {
		for _, path := range []string{"/", "/api/rules"} {
			resp, body := do(t, "GET", "http://"+r.addr+path, host, "", "", "")
			if ok {
				assert.Equal(t, http.StatusOK, resp.StatusCode, "%s %s: %s", host, path, body)
				continue
			}
			assert.Equal(t, http.StatusMisdirectedRequest, resp.StatusCode, "%s %s", host, path)
			assert.Contains(t, errorOf(t, body).Error, "is not this server's address; open http://"+r.addr+"/", host)
		}
		resp, body := do(t, "POST", "http://"+r.addr+"/api/lint", host, "", "application/json", draftJSON)
		if ok {
			assert.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", host, body)
		} else {
			assert.Equal(t, http.StatusMisdirectedRequest, resp.StatusCode, host)
		}
	}
}

func TestServeRefusesOtherOrigins(t *testing.T) {
	linted := 0
	r := serve(t, func(s *server.Server) { server.SetHooks(s, nil, func(error) { linted++ }) })
	self := "http://" + r.addr
	resp, body := do(t, "POST", self+"/api/lint", "", self, "application/json", draftJSON)
	assert.Equal(t, http.StatusOK, resp.StatusCode, body)
	require.Equal(t, 1, linted)

	for _, origin := range []string{"http://evil.example", "null", "https://" + r.addr, "http://localhost:1", self + ".evil.example"} {
		// What a form or fetch on another page can send without asking,
		// and what it would send after a preflight.
		for _, ctype := range []string{"text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json"} {
			resp, body := do(t, "POST", self+"/api/lint", "", origin, ctype, draftJSON)
			assert.Equal(t, http.StatusForbidden, resp.StatusCode, "%s %s", origin, ctype)
			assert.Contains(t, errorOf(t, body).Error, "requests from "+origin+" are refused", origin)
			assert.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"))
		}
		resp, _ := do(t, "GET", self+"/api/rules", "", origin, "", "")
		assert.Equal(t, http.StatusForbidden, resp.StatusCode, origin)
		req, _ := http.NewRequest("OPTIONS", self+"/api/lint", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		pre, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		pre.Body.Close()
		assert.Equal(t, http.StatusForbidden, pre.StatusCode, "preflight from %s", origin)
		assert.Empty(t, pre.Header.Get("Access-Control-Allow-Origin"))
		assert.Empty(t, pre.Header.Get("Access-Control-Allow-Headers"))
	}
	assert.Equal(t, 1, linted, "nothing from another origin was linted")
}

// TestServeCutsOffASlowBody sends a body one byte at a time, a byte
// every 300 ms: the server's read timeout (1 s here) ends the request.
func TestServeCutsOffASlowBody(t *testing.T) {
	linted := 0
	r := serve(t, func(s *server.Server) {
		s.ReadTimeout = time.Second
		server.SetHooks(s, nil, func(error) { linted++ })
	})
	conn, err := net.Dial("tcp", r.addr)
	require.NoError(t, err)
	defer conn.Close()
	body := draftJSON
	fmt.Fprintf(conn, "POST /api/lint HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", r.addr, len(body))
	start := time.Now()
	sent := 0
	var writeErr error
	for ; sent < len(body) && time.Since(start) < 10*time.Second; sent++ {
		if _, writeErr = conn.Write([]byte{body[sent]}); writeErr != nil {
			break
		}
		if closed(conn, 300*time.Millisecond) {
			break
		}
	}
	took := time.Since(start)
	assert.Less(t, sent, len(body), "the whole body went through (%v): nothing cut it off", took)
	assert.Equal(t, 0, linted)
	t.Logf("cut off after %d of %d bytes, %v", sent, len(body), took.Round(time.Millisecond))
}

// closed waits up to d for the server to answer or close conn.
func closed(conn net.Conn, d time.Duration) bool {
	conn.SetReadDeadline(time.Now().Add(d))
	_, err := conn.Read(make([]byte, 1024))
	var ne net.Error
	return !(errors.As(err, &ne) && ne.Timeout())
}

func TestServeClosesIdleConnections(t *testing.T) {
	r := serve(t, func(s *server.Server) { s.IdleTimeout = 300 * time.Millisecond })
	conn, err := net.Dial("tcp", r.addr)
	require.NoError(t, err)
	defer conn.Close()
	fmt.Fprintf(conn, "GET /api/rules/miracle-cure-claim HTTP/1.1\r\nHost: %s\r\n\r\n", r.addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	_, err = io.Copy(io.Discard, resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.False(t, resp.Close, "kept alive")
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := conn.Read(make([]byte, 1))
	assert.Equal(t, 0, n)
	assert.ErrorIs(t, err, io.EOF, "the server closed the idle connection")
	t.Logf("closed after %v idle", time.Since(start).Round(time.Millisecond))
}

// TestServeDropsAClientThatDoesNotRead asks for an answer of some 10 MB
// and reads none of it: once the socket buffers are full, the write
// timeout (300 ms here) ends the write instead of leaving it blocked.
func TestServeDropsAClientThatDoesNotRead(t *testing.T) {
	wrote := make(chan error, 1)
	r := serve(t, func(s *server.Server) {
		s.WriteTimeout = 300 * time.Millisecond
		server.SetWriteHook(s, func(err error) { wrote <- err })
	})
	conn, err := net.Dial("tcp", r.addr)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.(*net.TCPConn).SetReadBuffer(4096))
	body := `{"text": "` + strings.Repeat(`神药。\n\n`, 20000) + `"}`
	fmt.Fprintf(conn, "POST /api/lint HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
		r.addr, len(body), body)
	select {
	case err := <-wrote:
		var ne net.Error
		require.ErrorAs(t, err, &ne, "the write ended without the client reading: how?")
		assert.True(t, ne.Timeout(), "%v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("the server is still writing to a client that does not read")
	}
}

// TestServeCancelsTheLintOfAClientThatLeft holds a lint until its client
// has gone, then lets it run: the linter sees the request's context done
// and stops.
func TestServeCancelsTheLintOfAClientThatLeft(t *testing.T) {
	started := make(chan struct{})
	ended := make(chan error, 1)
	r := serve(t, func(s *server.Server) {
		server.SetHooks(s, func(req *http.Request) {
			close(started)
			<-req.Context().Done()
		}, func(err error) { ended <- err })
	})
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "POST", "http://"+r.addr+"/api/lint", strings.NewReader(draftJSON))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	clientErr := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		clientErr <- err
	}()
	<-started
	cancel()
	assert.ErrorIs(t, <-clientErr, context.Canceled)
	select {
	case err := <-ended:
		assert.ErrorIs(t, err, context.Canceled, "the lint was stopped")
	case <-time.After(10 * time.Second):
		t.Fatal("the lint went on after the client left")
	}
}

// TestServeBoundsConcurrentLints is a bounded load test: with one worker
// and a queue of two, a fourth request at once gets 503 with Retry-After,
// and once the held lints finish every admitted request is answered.
func TestServeBoundsConcurrentLints(t *testing.T) {
	release := make(chan struct{})
	var mu sync.Mutex
	running, most := 0, 0
	r := serve(t, func(s *server.Server) {
		s.Workers, s.Queue, s.RetryAfter = 1, 2, 3*time.Second
		server.SetHooks(s, func(*http.Request) {
			mu.Lock()
			running++
			most = max(most, running)
			mu.Unlock()
			<-release
		}, func(error) {
			mu.Lock()
			running--
			mu.Unlock()
		})
	})
	url := "http://" + r.addr + "/api/lint"
	statuses := make(chan int, 3)
	for range 3 {
		go func() {
			resp, err := http.Post(url, "application/json", strings.NewReader(draftJSON))
			if err != nil {
				statuses <- 0
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			statuses <- resp.StatusCode
		}()
	}
	// Wait until all three are admitted: one linting, two queued.
	require.Eventually(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return running == 1 && server.InHand(r.Server) == 3
	}, 10*time.Second, 10*time.Millisecond)
	busy, body := do(t, "POST", url, "", "", "application/json", draftJSON)
	assert.Equal(t, http.StatusServiceUnavailable, busy.StatusCode, "a fourth request while three are in hand")
	assert.Equal(t, "3", busy.Header.Get("Retry-After"))
	assert.Contains(t, errorOf(t, body).Error, "busy")

	close(release)
	for range 3 {
		assert.Equal(t, http.StatusOK, <-statuses)
	}
	assert.Equal(t, 1, most, "one lint at a time")
	resp, body := do(t, "POST", url, "", "", "application/json", draftJSON)
	assert.Equal(t, http.StatusOK, resp.StatusCode, body)
}

// TestServeDrainsOnShutdown stops the server while a lint is running: the
// lint finishes and is answered, new connections are refused, and Serve
// returns nil.
func TestServeDrainsOnShutdown(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	r := serve(t, func(s *server.Server) {
		server.SetHooks(s, func(*http.Request) {
			close(started)
			<-release
		}, nil)
	})
	answer := make(chan string, 1)
	go func() {
		resp, err := http.Post("http://"+r.addr+"/api/lint", "application/json", strings.NewReader(draftJSON))
		if err != nil {
			answer <- err.Error()
			return
		}
		defer resp.Body.Close()
		var doc struct{ Files []json.RawMessage }
		data, _ := io.ReadAll(resp.Body)
		json.NewDecoder(bytes.NewReader(data)).Decode(&doc)
		answer <- fmt.Sprintf("%d %d files", resp.StatusCode, len(doc.Files))
	}()
	<-started
	r.stop()
	require.Eventually(t, func() bool {
		_, err := net.Dial("tcp", r.addr)
		return err != nil
	}, 10*time.Second, 10*time.Millisecond, "no new connections once stopping")
	select {
	case err := <-r.done:
		t.Fatalf("Serve returned (%v) with a request running", err)
	default:
	}
	close(release)
	assert.Equal(t, "200 1 files", <-answer)
	assert.NoError(t, <-r.done)
	r.done <- nil // for the cleanup
}
