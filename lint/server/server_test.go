package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/server"
)

// hyped has an emoji before a flagged term and a Han character outside the
// BMP (U+20000) near another.
const hyped = "😀重磅！NMN逆转衰老\n\n研究显示，𠀀这款神药让患者返老还童。\n"

func newServer(t *testing.T) (*httptest.Server, *lint.Linter) {
	t.Helper()
	l, err := lint.Default()
	require.NoError(t, err)
	ts := httptest.NewServer(server.New(l, "test", "en").Handler())
	t.Cleanup(ts.Close)
	return ts, l
}

// want is what `hypelint --format json` writes for one input.
func want(t *testing.T, l *lint.Linter, filename, format, locale, text string) string {
	t.Helper()
	res, err := l.Lint(lint.Input{Path: filename, Data: []byte(text), Format: format})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, report.WriteJSON(&buf, []report.File{report.NewFile(filename, res, locale)}, "test"))
	return buf.String()
}

func post(t *testing.T, url, contentType string, body io.Reader) (*http.Response, string) {
	t.Helper()
	resp, err := http.Post(url, contentType, body)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(data)
}

func postJSON(t *testing.T, url string, req any) (*http.Response, string) {
	t.Helper()
	body, err := json.Marshal(req)
	require.NoError(t, err)
	return post(t, url+"/api/lint", "application/json", bytes.NewReader(body))
}

func multipartBody(t *testing.T, filename, text string, fields map[string]string) (string, io.Reader) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		require.NoError(t, w.WriteField(k, v))
	}
	fw, err := w.CreateFormFile("file", filename)
	require.NoError(t, err)
	fw.Write([]byte(text))
	require.NoError(t, w.Close())
	return w.FormDataContentType(), &buf
}

func TestServeLintAnswersLikeFormatJSON(t *testing.T) {
	ts, l := newServer(t)
	md := "# 重磅：NMN逆转衰老\n\n研究显示，这款**神药**让患者返老还童。`神药`\n"
	html := "<html><head><title>Miracle pill reverses aging</title></head><body><p>Studies show it is a cure.</p></body></html>"
	cases := []struct {
		name                           string
		req                            server.Request
		filename, format, locale, text string
	}{
		{"defaults", server.Request{Text: hyped}, "draft.txt", "text", "en", hyped},
		{"locale", server.Request{Text: hyped, Locale: "zh-Hant"}, "draft.txt", "text", "zh-Hant", hyped},
		{"markdown by format", server.Request{Text: md, Format: "markdown"}, "draft.md", "markdown", "en", md},
		{"markdown by filename", server.Request{Text: md, Filename: "a/b.md", Locale: "zh-Hans"}, "a/b.md", "markdown", "zh-Hans", md},
		{"html", server.Request{Text: html, Format: "html"}, "draft.html", "html", "en", html},
		{"byte-order mark", server.Request{Text: "\uFEFF" + hyped}, "draft.txt", "text", "en", "\uFEFF" + hyped},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := postJSON(t, ts.URL, c.req)
			require.Equal(t, http.StatusOK, resp.StatusCode, body)
			assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
			assert.Equal(t, want(t, l, c.filename, c.format, c.locale, c.text), body)
		})
	}

	t.Run("file bytes in base64", func(t *testing.T) {
		resp, body := postJSON(t, ts.URL, server.Request{Data: []byte(md), Filename: "story.md", Locale: "zh-Hans"})
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
		assert.Equal(t, want(t, l, "story.md", "markdown", "zh-Hans", md), body)
	})
	t.Run("charset parameter", func(t *testing.T) {
		resp, body := post(t, ts.URL+"/api/lint", "application/json; charset=utf-8", strings.NewReader(`{"text": "神药"}`))
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
		assert.Equal(t, want(t, l, "draft.txt", "text", "en", "神药"), body)
	})
}

func errorOf(t *testing.T, body string) server.Error {
	t.Helper()
	var e server.Error
	require.NoError(t, json.Unmarshal([]byte(body), &e), body)
	require.NotEmpty(t, e.Error)
	return e
}

func TestServeRejectsBadRequests(t *testing.T) {
	ts, _ := newServer(t)
	big := strings.Repeat("神药", server.MaxBytes/6+1)

	t.Run("too large", func(t *testing.T) {
		resp, body := postJSON(t, ts.URL, server.Request{Text: big})
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
		assert.Contains(t, errorOf(t, body).Error, "larger than 5 MB")
		resp, body = postJSON(t, ts.URL, server.Request{Data: []byte(big)})
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, body)
		assert.Contains(t, errorOf(t, body).Error, "larger than 5 MB")
		resp, body = post(t, ts.URL+"/api/lint", "application/json", strings.NewReader(`{"text": "`+big+big+`"}`))
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, body)
	})
	t.Run("invalid UTF-8 in the draft", func(t *testing.T) {
		resp, body := postJSON(t, ts.URL, server.Request{Data: []byte("重磅\xff")})
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		e := errorOf(t, body)
		assert.Contains(t, e.Error, "byte offset 6")
		require.NotNil(t, e.Offset)
		assert.Equal(t, 6, *e.Offset)
		resp, body = postJSON(t, ts.URL, server.Request{Data: []byte("ok\xc4\xe3"), Filename: "gbk.txt"})
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Contains(t, errorOf(t, body).Error, "gbk.txt: byte offset 2: invalid UTF-8")
	})
	t.Run("invalid UTF-8 in a JSON body", func(t *testing.T) {
		resp, body := post(t, ts.URL+"/api/lint", "application/json", strings.NewReader("{\"text\": \"ab\xff\"}"))
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Contains(t, errorOf(t, body).Error, "request body: byte offset 12: not valid UTF-8")
	})
	t.Run("NUL byte", func(t *testing.T) {
		resp, body := post(t, ts.URL+"/api/lint", "application/json", strings.NewReader(`{"text": "abc\u0000"}`))
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Contains(t, errorOf(t, body).Error, "byte offset 3: NUL byte")
	})
	t.Run("wrong method", func(t *testing.T) {
		resp, err := http.Get(ts.URL + "/api/lint")
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
		assert.Equal(t, "POST", resp.Header.Get("Allow"))
		assert.Contains(t, errorOf(t, string(body)).Error, "use POST")
		resp, body2 := post(t, ts.URL+"/api/rules", "text/plain", nil)
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, body2)
	})
	for name, c := range map[string]struct {
		req    string
		status int
		msg    string
	}{
		"unknown format":  {`{"text": "x", "format": "docx"}`, 400, `unknown format "docx" (want text, markdown or html)`},
		"unknown locale":  {`{"text": "x", "locale": "fr"}`, 400, `unknown locale "fr"`},
		"unknown field":   {`{"txt": "x"}`, 400, `unknown field "txt"`},
		"not JSON":        {`text=x`, 400, "request body:"},
		"text and data":   {`{"text": "x", "data": "eA=="}`, 400, `in "text" or in "data", not both`},
		"bad base64":      {`{"data": "x!"}`, 400, "request body:"},
		"second document": {`{"text": "x"} {"text": "y"}`, 400, "byte offset 14: data after the JSON document"},
		"trailing text":   {`{"text": "x"}garbage`, 400, "byte offset 13: data after the JSON document"},
		"trailing brace":  {`{"text": "x"}}`, 400, "data after the JSON document"},
		"white space":     {"{\"text\": \"x\"}\r\n\t ", 200, ""},
		"lone high":       {`{"text": "a\ud800b"}`, 400, `byte offset 11: a lone UTF-16 surrogate`},
		"lone low":        {`{"text": "\udc00"}`, 400, "byte offset 10: a lone UTF-16 surrogate"},
		"high then other": {`{"text": "\ud800\u0041"}`, 400, "a lone UTF-16 surrogate"},
		"reversed pair":   {`{"text": "\ude00\ud83d"}`, 400, "a lone UTF-16 surrogate"},
		"surrogate name":  {`{"filename": "\udfff.txt", "text": "x"}`, 400, "a lone UTF-16 surrogate"},
		"pair":            {`{"text": "\ud83d\ude00神药"}`, 200, ""},
		"escaped slash":   {`{"text": "\\ud800"}`, 200, ""},
	} {
		t.Run(name, func(t *testing.T) {
			resp, body := post(t, ts.URL+"/api/lint", "application/json", strings.NewReader(c.req))
			assert.Equal(t, c.status, resp.StatusCode, body)
			if c.msg != "" {
				assert.Contains(t, errorOf(t, body).Error, c.msg)
			}
		})
	}
	t.Run("unsupported content type", func(t *testing.T) {
		resp, body := post(t, ts.URL+"/api/lint", "application/pdf", strings.NewReader("%PDF"))
		assert.Equal(t, http.StatusUnsupportedMediaType, resp.StatusCode)
		assert.Contains(t, errorOf(t, body).Error, "application/pdf")
	})
	// What a form on another site can send without a preflight.
	t.Run("no preflight needed", func(t *testing.T) {
		ct, mb := multipartBody(t, "story.md", hyped, nil)
		for ctype, body := range map[string]io.Reader{
			"text/plain": strings.NewReader(hyped), ct: mb, "": strings.NewReader(hyped),
			"application/x-www-form-urlencoded": strings.NewReader("text=" + hyped),
		} {
			resp, body := post(t, ts.URL+"/api/lint", ctype, body)
			assert.Equal(t, http.StatusUnsupportedMediaType, resp.StatusCode, ctype)
			assert.Contains(t, errorOf(t, body).Error, "send application/json", ctype)
		}
	})
}

func TestServeRules(t *testing.T) {
	ts, l := newServer(t)
	get := func(path string) (*http.Response, string) {
		resp, err := http.Get(ts.URL + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	resp, body := get("/api/rules/reverse-aging-claim?locale=zh-Hans")
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	var r server.RuleInfo
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	x := l.Rules.Get("reverse-aging-claim")
	assert.Equal(t, server.RuleInfo{ID: x.ID, Category: "overclaim", Severity: "error", Scope: string(x.Scope), Term: true,
		Explanation: strings.TrimSpace(x.ExplanationIn("zh-Hans")), Source: x.Source}, r)

	resp, body = get("/api/rules")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var all struct{ Rules []server.RuleInfo }
	require.NoError(t, json.Unmarshal([]byte(body), &all))
	assert.Len(t, all.Rules, len(l.Rules.Rules), "every rule, unused-suppression among them")

	resp, _ = get("/api/rules/unused-suppression")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp, body = get("/api/rules/no-such-rule")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Contains(t, errorOf(t, body).Error, `no rule "no-such-rule"`)
	resp, _ = get("/api/rules?locale=de")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	resp, _ = get("/api/nothing")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestServeStaticAssetsFromEmbeddedFS(t *testing.T) {
	ts, _ := newServer(t)
	for path, ctype := range map[string]string{
		"/": "text/html; charset=utf-8", "/index.html": "", "/app.js": "text/javascript; charset=utf-8",
		"/style.css": "text/css; charset=utf-8", "/favicon.svg": "image/svg+xml",
	} {
		resp, err := http.Get(ts.URL + path)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		name := strings.TrimPrefix(path, "/")
		if name == "" {
			name = "index.html"
		}
		if path == "/index.html" { // the file server redirects it to /
			continue
		}
		embedded, err := fs.ReadFile(server.Static, name)
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode, path)
		assert.Equal(t, string(embedded), string(body), path)
		assert.Equal(t, ctype, resp.Header.Get("Content-Type"), path)
	}
}

// TestServeSecurityHeaders checks the headers on the page, its assets and
// the API, and that the page needs nothing its policy forbids.
func TestServeSecurityHeaders(t *testing.T) {
	ts, _ := newServer(t)
	for _, path := range []string{"/", "/app.js", "/api/rules", "/api/lint", "/missing"} {
		resp, err := http.Get(ts.URL + path)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, server.CSP, resp.Header.Get("Content-Security-Policy"), path)
		assert.Contains(t, server.CSP, "default-src 'self'")
		assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"), path)
	}
	index, _ := fs.ReadFile(server.Static, "index.html")
	assert.NotRegexp(t, `<script>|<style|\sstyle=|\son[a-z]+=`, string(index), "inline code the policy would block")
	err := fs.WalkDir(server.Static, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := fs.ReadFile(server.Static, path)
		assert.NotRegexp(t, `https?://`, regexp.MustCompile(`xmlns="[^"]*"`).ReplaceAllString(string(data), ""),
			"%s refers to another origin; the page must work offline", path)
		assert.NotRegexp(t, `innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(`, string(data),
			"%s parses text as HTML or code", path)
		return nil
	})
	require.NoError(t, err)
}

func TestServeListensOnLoopbackOnly(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:0": true, "[::1]:8080": true, "127.0.0.2:80": true,
		":8080": false, "0.0.0.0:8080": false, "[::]:8080": false, "192.168.1.5:8080": false, "example.com:80": false,
	} {
		err := server.CheckLoopback(addr)
		if ok {
			assert.NoError(t, err, addr)
		} else if assert.Error(t, err, addr) {
			assert.Contains(t, err.Error(), "is not a loopback address")
			assert.Contains(t, err.Error(), "--allow-remote")
		}
	}
	assert.Error(t, server.CheckLoopback("8080"))

	_, err := server.Listen("0.0.0.0:0", false)
	assert.ErrorContains(t, err, "not a loopback address")
	ln, err := server.Listen("127.0.0.1:0", false)
	require.NoError(t, err)
	ln.Close()
	ln, err = server.Listen("0.0.0.0:0", true)
	require.NoError(t, err, "--allow-remote lifts the check")
	ln.Close()
}
