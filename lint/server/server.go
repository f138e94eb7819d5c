// Package server is `hypelint serve`: a local web page for linting a
// draft, and the JSON API behind it. The page and its assets are embedded,
// so it works offline.
//
//	POST /api/lint         lint a draft (a JSON body); the answer is the --format json document with one file
//	GET  /api/rules        every rule's category, severity, scope, explanation and source
//	GET  /api/rules/{id}   one rule
//	GET  /                 the page (index.html, app.js, style.css, favicon.svg)
package server

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
)

//go:embed static
var embedded embed.FS

// Static holds the page's assets.
var Static, _ = fs.Sub(embedded, "static")

// MaxBytes is the largest draft /api/lint accepts.
const MaxBytes = 5 << 20

// maxBody is the largest request body: a draft of MaxBytes sent as base64
// in "data", with room for the other fields.
const maxBody = MaxBytes/3*4 + 64<<10

// CSP is the Content-Security-Policy of every response: only this server's
// own scripts, styles and images; no inline code, no other origin.
const CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Server answers the page's requests with one linter. Its exported fields
// are limits New sets to defaults; change them before calling Handler or
// Serve (the tests make them small).
type Server struct {
	linter  *lint.Linter
	version string // reported in the JSON's "tool"
	locale  string // messages' language when a request names none

	ReadHeaderTimeout time.Duration // to read a request's headers
	ReadTimeout       time.Duration // to read a whole request, body included: a trickled body is cut off
	WriteTimeout      time.Duration // to write an answer once it is ready: a client that never reads is dropped
	IdleTimeout       time.Duration // a keep-alive connection with no request is closed
	LintTimeout       time.Duration // longest one lint may take
	DrainTimeout      time.Duration // on shutdown, how long requests in flight may still take

	Workers    int           // lints at once; New sizes it to the cores
	Queue      int           // requests admitted beyond those linting, waiting; more get 503
	RetryAfter time.Duration // what a 503 tells the client to wait

	admit chan struct{} // one per request admitted (linting or waiting): Workers+Queue
	work  chan struct{} // one per lint running: Workers

	// Test hooks: before and after each lint, and after writing its answer.
	beforeLint func(r *http.Request)
	afterLint  func(err error)
	wrote      func(err error)
}

// New returns a server that lints with l. version goes into the JSON
// documents; locale is the default message language.
func New(l *lint.Linter, version, locale string) *Server {
	workers := runtime.GOMAXPROCS(0)
	return &Server{linter: l, version: version, locale: locale,
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second, WriteTimeout: 60 * time.Second,
		IdleTimeout: 60 * time.Second, LintTimeout: 2 * time.Minute, DrainTimeout: 3 * time.Minute,
		Workers: workers, Queue: 2 * workers, RetryAfter: 2 * time.Second}
}

// Handler returns the server's routes behind its checks of Host and
// Origin, with its security headers.
func (s *Server) Handler() http.Handler {
	s.admit = make(chan struct{}, max(s.Workers, 1)+max(s.Queue, 0))
	s.work = make(chan struct{}, max(s.Workers, 1))
	mux := http.NewServeMux()
	mux.Handle("/api/lint", only(http.MethodPost, s.lint))
	mux.Handle("/api/rules", only(http.MethodGet, s.rules))
	mux.Handle("/api/rules/{id}", only(http.MethodGet, s.rule))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "no such endpoint %s", r.URL.Path)
	})
	mux.Handle("/", only(http.MethodGet, http.FileServerFS(Static).ServeHTTP))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if err := checkHost(r); err != nil {
			fail(w, http.StatusMisdirectedRequest, "%v", err)
			return
		}
		if err := checkOrigin(r); err != nil {
			fail(w, http.StatusForbidden, "%v", err)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// checkHost refuses a Host header other than the address the request came
// in on or localhost, with that address's port. A web page that gets its
// own name to resolve to 127.0.0.1 (DNS rebinding) sends its own name.
func checkHost(r *http.Request) error {
	local, ok := r.Context().Value(http.LocalAddrContextKey).(*net.TCPAddr)
	if !ok {
		return fmt.Errorf("the Host %q: the server does not know its own address", r.Host)
	}
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = r.Host, "80"
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	ip := net.ParseIP(host)
	if port == strconv.Itoa(local.Port) && (strings.EqualFold(host, "localhost") || ip != nil && ip.Equal(local.IP)) {
		return nil
	}
	return fmt.Errorf("the Host %q is not this server's address; open http://%s/", r.Host, local)
}

// checkOrigin refuses a request another page sent: a browser names the
// sending page's origin in Origin on every cross-origin request and on
// every POST, and this server's own page is served from http://Host.
func checkOrigin(r *http.Request) error {
	origin := r.Header.Get("Origin")
	if origin == "" || strings.EqualFold(origin, "http://"+r.Host) {
		return nil
	}
	return fmt.Errorf("requests from %s are refused: only this server's own page may call it", origin)
}

// only answers methods other than method (and HEAD for GET) with a JSON 405.
func only(method string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method && !(method == http.MethodGet && r.Method == http.MethodHead) {
			w.Header().Set("Allow", method)
			fail(w, http.StatusMethodNotAllowed, "%s %s: use %s", r.Method, r.URL.Path, method)
			return
		}
		h(w, r)
	})
}

// Request is the JSON body /api/lint reads. The draft is in Text, or, for
// a file whose bytes may not be UTF-8 (so that the error can say where),
// in Data as base64.
type Request struct {
	Text     string `json:"text,omitempty"`
	Data     []byte `json:"data,omitempty"`
	Format   string `json:"format,omitempty"`   // text, markdown or html; "" picks by the file name's extension
	Filename string `json:"filename,omitempty"` // shown in the report; default draft.txt, draft.md or draft.html
	Locale   string `json:"locale,omitempty"`   // en, zh-Hans or zh-Hant
}

// Error is the body of every error response. Offset is the byte offset of
// bad input, in the draft (or, for a JSON body that is not UTF-8, in the body).
type Error struct {
	Error  string `json:"error"`
	Offset *int   `json:"offset,omitempty"`
}

type httpError struct {
	status int
	Error
}

func badRequest(offset *int, format string, args ...any) *httpError {
	return &httpError{http.StatusBadRequest, Error{fmt.Sprintf(format, args...), offset}}
}

func (s *Server) lint(w http.ResponseWriter, r *http.Request) {
	// Admission comes before the body is read, so that the memory of
	// requests in hand is bounded too.
	select {
	case s.admit <- struct{}{}:
		defer func() { <-s.admit }()
	default:
		w.Header().Set("Retry-After", strconv.Itoa(int(max(s.RetryAfter.Round(time.Second), time.Second)/time.Second)))
		fail(w, http.StatusServiceUnavailable, "busy: %d drafts are being linted or waiting; try again shortly", cap(s.admit))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	req, herr := readRequest(r)
	if herr == nil {
		herr = s.complete(req)
	}
	if herr != nil {
		writeJSON(w, herr.status, herr.Error)
		return
	}
	select {
	case s.work <- struct{}{}:
	case <-r.Context().Done():
		return // the client left while waiting
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.LintTimeout)
	if s.beforeLint != nil {
		s.beforeLint(r)
	}
	res, err := s.linter.LintContext(ctx, lint.Input{Path: req.Filename, Data: []byte(req.Text), Format: req.Format, Card: true})
	cancel()
	<-s.work
	if s.afterLint != nil {
		s.afterLint(err)
	}
	var ie *document.InputError
	switch {
	case errors.As(err, &ie):
		writeJSON(w, http.StatusBadRequest, Error{ie.Error(), &ie.Offset})
		return
	case r.Context().Err() != nil:
		return // nobody to answer
	case errors.Is(err, context.DeadlineExceeded):
		fail(w, http.StatusServiceUnavailable, "linting took longer than %v; split the draft", s.LintTimeout)
		return
	case err != nil:
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, []report.File{report.NewFile(req.Filename, res, req.Locale)}, s.version); err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	// The write timeout runs from here, not from the request: linting a
	// large draft may take longer than writing its answer should.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.WriteTimeout))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(buf.Bytes())
	if s.wrote != nil {
		s.wrote(err)
	}
}

// complete checks a request's format and locale and fills in defaults.
func (s *Server) complete(req *Request) *httpError {
	if req.Format == "" {
		req.Format = "text"
		if req.Filename != "" {
			req.Format = lint.FormatOf(req.Filename)
		}
	}
	ext, ok := map[string]string{"text": ".txt", "markdown": ".md", "html": ".html"}[req.Format]
	if !ok {
		return badRequest(nil, "unknown format %q (want text, markdown or html)", req.Format)
	}
	if req.Filename == "" {
		req.Filename = "draft" + ext
	}
	if req.Locale == "" {
		req.Locale = s.locale
	}
	if req.Locale != "en" && req.Locale != "zh-Hans" && req.Locale != "zh-Hant" {
		return badRequest(nil, "unknown locale %q (want en, zh-Hans or zh-Hant)", req.Locale)
	}
	return nil
}

// readRequest reads a JSON request body. Only application/json is taken:
// a page of another site can send text/plain or a form without asking
// first, but must ask (a CORS preflight, which this server refuses) to
// send JSON. Text that is not valid UTF-8 is left for the linter to reject
// with its offset.
func readRequest(r *http.Request) (*Request, *httpError) {
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "application/json" {
		return nil, &httpError{http.StatusUnsupportedMediaType, Error{Error: fmt.Sprintf(
			"unsupported Content-Type %q: send application/json (%s)", mediaType, requestShape)}}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, readError(err)
	}
	// encoding/json would quietly replace bad bytes and lone surrogates
	// with U+FFFD.
	if !utf8.Valid(body) {
		off := invalidAt(body)
		return nil, badRequest(&off, "request body: byte offset %d: not valid UTF-8; send UTF-8 text", off)
	}
	if off, ok := loneSurrogate(body); ok {
		return nil, badRequest(&off, "request body: byte offset %d: a lone UTF-16 surrogate escape is not a character", off)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	req := &Request{}
	if err := dec.Decode(req); err != nil {
		return nil, badRequest(nil, "request body: %v (%s)", err, requestShape)
	}
	if rest := bytes.TrimLeft(body[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		off := len(body) - len(rest)
		return nil, badRequest(&off, "request body: byte offset %d: data after the JSON document", off)
	}
	if req.Data != nil {
		if req.Text != "" {
			return nil, badRequest(nil, `request body: send the draft in "text" or in "data", not both`)
		}
		req.Text = string(req.Data)
		req.Data = nil
	}
	if len(req.Text) > MaxBytes {
		return nil, &httpError{http.StatusRequestEntityTooLarge, Error{Error: fmt.Sprintf(
			"draft larger than %d MB; split it", MaxBytes>>20)}}
	}
	return req, nil
}

const requestShape = `want {"text": ..., "format": ..., "filename": ..., "locale": ...}`

// loneSurrogate finds a \u escape of a UTF-16 surrogate that is not half
// of a pair, and returns the offset of its backslash.
func loneSurrogate(body []byte) (int, bool) {
	surrogate := func(i int) (rune, bool) {
		if i+6 > len(body) || body[i] != '\\' || body[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(body[i+2:i+6]), 16, 16)
		return rune(v), err == nil && utf16.IsSurrogate(rune(v))
	}
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' {
			continue
		}
		if r, ok := surrogate(i); ok {
			if next, ok := surrogate(i + 6); r < 0xDC00 && ok && next >= 0xDC00 {
				i += 11
				continue
			}
			return i, true
		}
		i++ // the escaped character, which may be a backslash
	}
	return 0, false
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func readError(err error) *httpError {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &httpError{http.StatusRequestEntityTooLarge, Error{Error: fmt.Sprintf(
			"request body larger than %d MB; split the draft", tooBig.Limit>>20)}}
	}
	return badRequest(nil, "reading the request: %v", err)
}

// RuleInfo is what /api/rules tells about a rule.
type RuleInfo struct {
	ID          string `json:"id"`
	Category    string `json:"category"`
	Severity    string `json:"severity"`
	Scope       string `json:"scope"`
	Term        bool   `json:"term"` // findings mark the triggering term, not a whole sentence, paragraph or article
	Explanation string `json:"explanation"`
	Source      string `json:"source,omitempty"`
}

func ruleInfo(r *rule.Rule, locale string) RuleInfo {
	return RuleInfo{ID: r.ID, Category: r.Category, Severity: r.Severity.String(), Scope: string(r.Scope),
		Term: r.Report != "", Explanation: strings.TrimSpace(r.ExplanationIn(locale)), Source: r.Source}
}

func (s *Server) requestLocale(w http.ResponseWriter, r *http.Request) (string, bool) {
	req := &Request{Locale: r.URL.Query().Get("locale"), Format: "text"}
	if herr := s.complete(req); herr != nil {
		writeJSON(w, herr.status, herr.Error)
		return "", false
	}
	return req.Locale, true
}

func (s *Server) rules(w http.ResponseWriter, r *http.Request) {
	locale, ok := s.requestLocale(w, r)
	if !ok {
		return
	}
	var list []RuleInfo
	for _, x := range s.linter.Rules.Rules {
		list = append(list, ruleInfo(x, locale))
	}
	writeJSON(w, http.StatusOK, map[string]any{"rules": list})
}

func (s *Server) rule(w http.ResponseWriter, r *http.Request) {
	locale, ok := s.requestLocale(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	x := s.linter.Rules.Get(id)
	if x == nil {
		fail(w, http.StatusNotFound, "no rule %q", id)
		return
	}
	writeJSON(w, http.StatusOK, ruleInfo(x, locale))
}

func fail(w http.ResponseWriter, status int, format string, args ...any) {
	writeJSON(w, status, Error{Error: fmt.Sprintf(format, args...)})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// CheckLoopback refuses an address other machines could reach: its host
// must be a loopback IP or "localhost" (an empty host means every
// interface).
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %v", addr, err)
	}
	if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%s is not a loopback address, so other machines could reach the page; "+
		"use 127.0.0.1:PORT or [::1]:PORT, or pass --allow-remote to serve on it anyway", addr)
}

// Listen opens addr, refusing a non-loopback one unless allowRemote.
func Listen(addr string, allowRemote bool) (net.Listener, error) {
	if !allowRemote {
		if err := CheckLoopback(addr); err != nil {
			return nil, err
		}
	}
	return net.Listen("tcp", addr)
}

// HTTPServer returns an http.Server for the handler with the server's
// timeouts.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{Handler: s.Handler(), ReadHeaderTimeout: s.ReadHeaderTimeout, ReadTimeout: s.ReadTimeout,
		WriteTimeout: s.WriteTimeout + s.LintTimeout, IdleTimeout: s.IdleTimeout}
}

// Serve serves on ln until ctx is done, then stops taking connections and
// lets the requests in flight finish (for up to DrainTimeout). It returns
// nil once they have.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.HTTPServer()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	drain, cancel := context.WithTimeout(context.Background(), s.DrainTimeout)
	defer cancel()
	if err := srv.Shutdown(drain); err != nil {
		srv.Close()
		return fmt.Errorf("requests still running after %v: %w", s.DrainTimeout, err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
