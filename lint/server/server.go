// Package server is `hypelint serve`: a local web page for linting a
// draft, and the JSON API behind it. The page and its assets are embedded,
// so it works offline.
//
//	POST /api/lint         lint a draft; the answer is the --format json document with one file
//	GET  /api/rules        every rule's category, severity, scope, explanation and source
//	GET  /api/rules/{id}   one rule
//	GET  /                 the page (index.html, app.js, style.css, favicon.svg)
package server

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/suppress"
)

//go:embed static
var embedded embed.FS

// Static holds the page's assets.
var Static, _ = fs.Sub(embedded, "static")

// MaxBytes is the largest request body /api/lint accepts.
const MaxBytes = 5 << 20

// CSP is the Content-Security-Policy of every response: only this server's
// own scripts, styles and images; no inline code, no other origin.
const CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Server answers the page's requests with one linter.
type Server struct {
	linter  *lint.Linter
	version string // reported in the JSON's "tool"
	locale  string // messages' language when a request names none
}

// New returns a server that lints with l. version goes into the JSON
// documents; locale is the default message language.
func New(l *lint.Linter, version, locale string) *Server {
	return &Server{linter: l, version: version, locale: locale}
}

// Handler returns the server's routes with its security headers.
func (s *Server) Handler() http.Handler {
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
		mux.ServeHTTP(w, r)
	})
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

// Request is what /api/lint reads: a JSON body, a multipart form (the
// draft in the field "file" or "text"), or a raw text body with the other
// fields in the query string.
type Request struct {
	Text     string `json:"text"`
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
	r.Body = http.MaxBytesReader(w, r.Body, MaxBytes)
	req, herr := readRequest(r)
	if herr == nil {
		herr = s.complete(req)
	}
	if herr != nil {
		writeJSON(w, herr.status, herr.Error)
		return
	}
	res, err := s.linter.Lint(lint.Input{Path: req.Filename, Data: []byte(req.Text), Format: req.Format, Card: true})
	var ie *document.InputError
	if errors.As(err, &ie) {
		writeJSON(w, http.StatusBadRequest, Error{ie.Error(), &ie.Offset})
		return
	}
	if err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, []report.File{report.NewFile(req.Filename, res, req.Locale)}, s.version); err != nil {
		fail(w, http.StatusInternalServerError, "%v", err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(buf.Bytes())
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

// readRequest reads a request body of any of the three kinds. Text that is
// not valid UTF-8 is left for the linter to reject with its offset.
func readRequest(r *http.Request) (*Request, *httpError) {
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	q := r.URL.Query()
	req := &Request{Format: q.Get("format"), Filename: q.Get("filename"), Locale: q.Get("locale")}
	switch mediaType {
	case "application/json":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, readError(err)
		}
		// encoding/json would quietly replace bad bytes with U+FFFD.
		if !utf8.Valid(body) {
			off := invalidAt(body)
			return nil, badRequest(&off, "request body: byte offset %d: not valid UTF-8; send UTF-8 text", off)
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(req); err != nil {
			return nil, badRequest(nil, "request body: %v (want {\"text\": ..., \"format\": ..., \"filename\": ..., \"locale\": ...})", err)
		}
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, badRequest(nil, "%v", err)
		}
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, readError(err)
			}
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, readError(err)
			}
			switch part.FormName() {
			case "file", "text":
				req.Text = string(data)
				if name := part.FileName(); name != "" && req.Filename == "" {
					req.Filename = name
				}
			case "format":
				req.Format = string(data)
			case "filename":
				req.Filename = string(data)
			case "locale":
				req.Locale = string(data)
			}
		}
	case "text/plain", "text/markdown", "text/html", "application/octet-stream", "":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, readError(err)
		}
		req.Text = string(body)
	default:
		return nil, &httpError{http.StatusUnsupportedMediaType, Error{Error: fmt.Sprintf(
			"unsupported Content-Type %q: send application/json, multipart/form-data or text/plain", mediaType)}}
	}
	return req, nil
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
	list = append(list, ruleInfo(suppress.Unused, locale))
	writeJSON(w, http.StatusOK, map[string]any{"rules": list})
}

func (s *Server) rule(w http.ResponseWriter, r *http.Request) {
	locale, ok := s.requestLocale(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	x := s.linter.Rules.Get(id)
	if id == suppress.Unused.ID {
		x = suppress.Unused
	}
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
