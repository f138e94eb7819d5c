package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/server"
)

func TestServeRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--addr", "0.0.0.0:0"},
		{"serve", "--addr", ":8080"},
		{"serve", "--locale", "fr"},
		{"serve", "article.md"},
		{"serve", "--rules", "no/such/dir"},
	} {
		r := runCLI(t, nil, false, args...)
		assert.Equal(t, exitError, r.code, args)
		assert.NotEmpty(t, r.stderr, args)
	}
	r := runCLI(t, nil, false, "serve", "--addr", "0.0.0.0:0")
	assert.Contains(t, r.stderr, "hypelint serve: 0.0.0.0:0 is not a loopback address")
	assert.Contains(t, r.stderr, "--allow-remote")
	assert.Regexp(t, `(?m)^  serve  +A local web page`, runCLI(t, nil, false, "help").stdout)
}

// TestServeAnswersLikeTheLintCommand compares the API with `hypelint
// --format json` on standard input.
func TestServeAnswersLikeTheLintCommand(t *testing.T) {
	text := "😀重磅！NMN逆转衰老\n\n研究显示，𠀀这款神药让患者返老还童。\n\n```\n神药\n```\n"
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(text), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	code := e.dispatch([]string{"--format", "json", "--locale", "zh-Hant", "--stdin-filename", "draft.md", "-"})
	require.Equal(t, exitFindings, code, errOut.String())

	l, err := loadLinter(nil)
	require.NoError(t, err)
	ts := httptest.NewServer(server.New(l, version, "en").Handler())
	defer ts.Close()
	body, _ := json.Marshal(server.Request{Text: text, Filename: "draft.md", Locale: "zh-Hant"})
	resp, err := http.Post(ts.URL+"/api/lint", "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, out.String(), string(got))
}

func TestServeStopsWhenCancelled(t *testing.T) {
	ln, err := server.Listen("127.0.0.1:0", false)
	require.NoError(t, err)
	l, err := loadLinter(nil)
	require.NoError(t, err)
	var out bytes.Buffer
	e := &env{stdout: &out, stderr: io.Discard}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- e.serveOn(ctx, ln, server.New(l, version, "en")) }()

	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	cancel()
	assert.NoError(t, <-done)
	assert.Contains(t, out.String(), "open http://"+ln.Addr().String()+"/")
}

// TestServeDrainsOnSIGTERM runs the binary, starts a request, sends
// SIGTERM while the request's body is still coming, then sends the rest
// over six seconds (longer than any fixed grace period a shutdown might
// allow, but well within the read timeout): the request is answered and
// the process exits 0.
func TestServeDrainsOnSIGTERM(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	cmd := exec.Command(buildBinary(t), "serve", "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err, stderr.String())
	addr := regexp.MustCompile(`http://([^/]+)/`).FindStringSubmatch(line)
	require.NotNil(t, addr, line)

	conn, err := net.Dial("tcp", addr[1])
	require.NoError(t, err)
	defer conn.Close()
	body := `{"text": "研究显示，这款神药让患者返老还童。"}`
	fmt.Fprintf(conn, "POST /api/lint HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
		addr[1], len(body), body[:10])
	time.Sleep(100 * time.Millisecond) // the server has the request in hand
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	rest := body[10:]
	for i := range 6 {
		time.Sleep(time.Second)
		_, err = conn.Write([]byte(rest[i*len(rest)/6 : (i+1)*len(rest)/6]))
		require.NoError(t, err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	data, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(data))
	assert.Contains(t, string(data), "miracle-cure-claim")
	require.NoError(t, cmd.Wait(), "exit status; stderr: %s", stderr.String())
	assert.Equal(t, 0, cmd.ProcessState.ExitCode())
}
