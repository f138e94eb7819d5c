package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

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
	go func() { done <- e.serveOn(ctx, ln, server.New(l, version, "en").Handler()) }()

	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	cancel()
	assert.NoError(t, <-done)
	assert.Contains(t, out.String(), "open http://"+ln.Addr().String()+"/")
}
