// Package lsp is hypelint's language server: diagnostics, hovers with the
// rule's explanation, and quick fixes that add a suppression comment, for
// Markdown, HTML and plain-text articles open in an editor. It speaks
// JSON-RPC 2.0 with Content-Length framing (the LSP base protocol) over any
// reader and writer; `hypelint lsp` runs it on standard input and output.
package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hypelint/hypelint/lint"
)

// Options configure a server.
type Options struct {
	// Linter returns the linter for the article at a file path ("" when
	// the document is not a file). An error is shown as a diagnostic on
	// the document's first line. nil means lint.Default for every document.
	Linter func(path string) (*lint.Linter, error)
	// Locale is the message language of the configuration, used when the
	// client's initializationOptions name none (it beats the editor's own
	// locale, as a configuration beats the environment on the command line).
	Locale  string
	Version string    // reported in serverInfo
	Log     io.Writer // protocol problems and panics; nil discards them
}

// ErrNoShutdown is returned by Serve when the input ended, or exit came,
// without a shutdown request first; the process should exit with status 1.
var ErrNoShutdown = errors.New("lsp: exit without shutdown")

// Serve answers the client on r and w until the exit notification or the
// end of r (nil after a shutdown request, ErrNoShutdown without one), or
// until r or w fails.
func Serve(r io.Reader, w io.Writer, opts Options) error {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Linter == nil {
		builtin := sync.OnceValues(lint.Default)
		opts.Linter = func(string) (*lint.Linter, error) { return builtin() }
	}
	s := &server{
		conn: newConn(r, w), opts: opts, encoding: UTF16, locale: "en", hoverKind: "markdown",
		docs: map[string]*document{}, dirty: map[string]bool{}, wake: make(chan struct{}, 1),
	}
	s.conn.skipped = s.frameError
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { s.lintLoop(done) })
	defer func() {
		close(done)
		wg.Wait()
	}()
	for {
		body, err := s.conn.read()
		var frame errFrame
		switch {
		case errors.As(err, &frame):
			s.frameError(frame)
			continue
		case errors.Is(err, io.EOF) && s.shutdown:
			return nil
		case errors.Is(err, io.EOF):
			return ErrNoShutdown
		case err != nil:
			return err
		}
		m, rerr := decode(body)
		if rerr != nil {
			s.logf("%v", rerr)
			if err := s.conn.reply(m.ID, nil, rerr); err != nil {
				return err
			}
			continue
		}
		if m.Method == "exit" {
			if s.shutdown {
				return nil
			}
			return ErrNoShutdown
		}
		if err := s.handle(m); err != nil {
			return err
		}
	}
}

// decode parses one message; the error is the reply a bad one gets.
func decode(body []byte) (*message, *rpcError) {
	m := &message{}
	if !json.Valid(body) {
		return m, errorf(codeParseError, "message is not valid JSON")
	}
	if err := json.Unmarshal(body, m); err != nil {
		return &message{}, errorf(codeInvalidRequest, "not a JSON-RPC message: %v", err)
	}
	if len(m.ID) > 0 && !validID(m.ID) {
		m.ID = nil
		return m, errorf(codeInvalidRequest, "id must be a number or a string")
	}
	if m.JSONRPC != "2.0" {
		return m, errorf(codeInvalidRequest, `jsonrpc must be "2.0"`)
	}
	if m.Method == "" && len(m.ID) == 0 {
		return m, errorf(codeInvalidRequest, "message without method or id")
	}
	return m, nil
}

func validID(id json.RawMessage) bool {
	c := id[0]
	return c == '"' || c == '-' || c >= '0' && c <= '9' || string(id) == "null"
}

type server struct {
	conn *conn
	opts Options

	// Set by the message loop only.
	initialized, shutdown bool

	// Settled by initialize, before any document is opened.
	encoding  string // position encoding
	locale    string // message language: en, zh-Hans or zh-Hant
	hoverKind string // markdown or plaintext

	mu    sync.Mutex
	docs  map[string]*document // open documents by URI: the latest version
	dirty map[string]bool      // URIs whose latest version has no diagnostics yet
	wake  chan struct{}        // tells lintLoop that dirty is not empty
}

// document is one version of an open document; a change replaces it.
type document struct {
	uri, path, format string
	version           int
	text              string
	lines             *lines

	once   sync.Once // lints this version once, whoever asks first
	linter *lint.Linter
	result *lint.Result
	err    error
}

func (s *server) logf(format string, args ...any) {
	fmt.Fprintf(s.opts.Log, "hypelint lsp: "+format+"\n", args...)
}

// frameError reports a message the server could not read to the log and,
// once initialized, to the client, whose own framing is likely at fault.
func (s *server) frameError(err errFrame) {
	s.logf("%v", err)
	if s.initialized {
		s.conn.notify("window/logMessage", logMessageParams{Type: messageError, Message: "hypelint: " + err.Error()})
	}
}

// handle answers one request or notification. Only a failure to write the
// reply is returned.
func (s *server) handle(m *message) (err error) {
	var result any
	var rerr *rpcError
	defer func() {
		if p := recover(); p != nil {
			s.logf("panic in %s: %v\n%s", m.Method, p, debug.Stack())
			result, rerr = nil, errorf(codeInternalError, "internal error in %s: %v", m.Method, p)
		}
		switch {
		case m.isRequest():
			err = s.conn.reply(m.ID, result, rerr)
		case rerr != nil:
			s.logf("%s: %v", m.Method, rerr)
		}
	}()
	if m.Method == "" { // a response to a request of ours (we send none)
		m.ID = nil
		return nil
	}
	switch {
	case m.Method == "initialize" && s.initialized:
		rerr = errorf(codeInvalidRequest, "initialize sent twice")
		return nil
	case m.Method != "initialize" && !s.initialized:
		if m.isRequest() {
			rerr = errorf(codeServerNotInitialized, "initialize first")
		}
		return nil
	case s.shutdown:
		rerr = errorf(codeInvalidRequest, "%s after shutdown", m.Method)
		return nil
	}
	switch m.Method {
	case "initialize":
		result, rerr = s.initialize(m.Params)
	case "initialized":
	case "shutdown":
		s.shutdown = true
	case "textDocument/didOpen":
		rerr = s.didOpen(m.Params)
	case "textDocument/didChange":
		rerr = s.didChange(m.Params)
	case "textDocument/didClose":
		rerr = s.didClose(m.Params)
	case "textDocument/hover":
		result, rerr = s.hover(m.Params)
	case "textDocument/codeAction":
		result, rerr = s.codeAction(m.Params)
	default:
		if m.isRequest() {
			rerr = errorf(codeMethodNotFound, "method not found: %s", m.Method)
		}
	}
	return nil
}

// locales is made on first use: every hypelint process linked it into its
// start-up, though only the language server reads it.
var locales = sync.OnceValue(func() language.Matcher {
	return language.NewMatcher([]language.Tag{language.English, language.SimplifiedChinese, language.TraditionalChinese})
})

// matchLocale maps a BCP 47 tag to a message language: zh-TW and zh-HK
// to zh-Hant, zh, zh-CN and zh-SG to zh-Hans, anything else to en.
func matchLocale(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return "en"
	}
	_, i, confidence := locales().Match(t)
	if confidence == language.No {
		return "en"
	}
	return [...]string{"en", "zh-Hans", "zh-Hant"}[i]
}

func (s *server) initialize(raw json.RawMessage) (any, *rpcError) {
	var p initializeParams
	if len(raw) > 0 && string(raw) != "null" {
		if rerr := unmarshalParams(raw, &p); rerr != nil {
			return nil, rerr
		}
	}
	s.initialized = true
	s.encoding = pickEncoding(p.Capabilities.General.PositionEncodings)
	locale := p.InitializationOptions.Locale
	if locale == "" {
		locale = s.opts.Locale
	}
	if locale == "" {
		locale = p.Locale
	}
	s.locale = matchLocale(locale)
	if formats := p.Capabilities.TextDocument.Hover.ContentFormat; len(formats) > 0 && !slices.Contains(formats, "markdown") {
		s.hoverKind = "plaintext"
	}
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding":   s.encoding,
			"textDocumentSync":   map[string]any{"openClose": true, "change": 1}, // full text on every change
			"hoverProvider":      true,
			"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix"}},
		},
		"serverInfo": map[string]string{"name": "hypelint", "version": s.opts.Version},
	}, nil
}

func (s *server) didOpen(raw json.RawMessage) *rpcError {
	var p didOpenParams
	if rerr := unmarshalParams(raw, &p); rerr != nil {
		return rerr
	}
	it := p.TextDocument
	if it.URI == "" {
		return errorf(codeInvalidParams, "didOpen without a URI")
	}
	s.update(&document{uri: it.URI, path: uriPath(it.URI), format: formatFor(it.URI, it.LanguageID),
		version: it.Version, text: it.Text})
	return nil
}

func (s *server) didChange(raw json.RawMessage) *rpcError {
	var p didChangeParams
	if rerr := unmarshalParams(raw, &p); rerr != nil {
		return rerr
	}
	old := s.doc(p.TextDocument.URI)
	if old == nil {
		return errorf(codeInvalidParams, "didChange for %s, which is not open", p.TextDocument.URI)
	}
	text := old.text
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			text = c.Text
			continue
		}
		// The server asks for full text, but a ranged change is easy to apply.
		l := newLines(text)
		a, b := l.offset(c.Range.Start, s.encoding), l.offset(c.Range.End, s.encoding)
		if a > b {
			a, b = b, a
		}
		text = text[:a] + c.Text + text[b:]
	}
	s.update(&document{uri: old.uri, path: old.path, format: old.format, version: p.TextDocument.Version, text: text})
	return nil
}

// update makes d the latest version of its document and queues it for
// linting.
func (s *server) update(d *document) {
	d.lines = newLines(d.text)
	s.mu.Lock()
	s.docs[d.uri] = d
	s.dirty[d.uri] = true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *server) didClose(raw json.RawMessage) *rpcError {
	var p didCloseParams
	if rerr := unmarshalParams(raw, &p); rerr != nil {
		return rerr
	}
	uri := p.TextDocument.URI
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.docs, uri)
	delete(s.dirty, uri)
	s.publish(uri, nil, []Diagnostic{})
	return nil
}

func (s *server) doc(uri string) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[uri]
}

// lintLoop lints documents with new versions and publishes their
// diagnostics, unless a newer version arrived meanwhile (it is queued and
// published instead).
func (s *server) lintLoop(done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-s.wake:
		}
		for {
			s.mu.Lock()
			var d *document
			for uri := range s.dirty {
				d = s.docs[uri]
				delete(s.dirty, uri)
				break
			}
			s.mu.Unlock()
			if d == nil {
				break
			}
			diags := s.diagnostics(d)
			s.mu.Lock()
			if s.docs[d.uri] == d {
				version := d.version
				s.publish(d.uri, &version, diags)
			}
			s.mu.Unlock()
		}
	}
}

// publish sends diagnostics; the caller holds s.mu, so that a document's
// notifications go out in the order its versions came in.
func (s *server) publish(uri string, version *int, diags []Diagnostic) {
	err := s.conn.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags})
	if err != nil {
		s.logf("publishing diagnostics: %v", err)
	}
}

// lint returns the document's findings, linting it on first use.
func (s *server) lint(d *document) (*lint.Result, *lint.Linter, error) {
	d.once.Do(func() {
		defer func() {
			if p := recover(); p != nil {
				s.logf("panic linting %s: %v\n%s", d.uri, p, debug.Stack())
				d.err = fmt.Errorf("internal error: %v", p)
			}
		}()
		if d.linter, d.err = s.opts.Linter(d.path); d.err == nil {
			d.result, d.err = d.linter.Lint(lint.Input{Path: d.name(), Data: []byte(d.text), Format: d.format})
		}
	})
	return d.result, d.linter, d.err
}

func (d *document) name() string {
	if d.path != "" {
		return d.path
	}
	return d.uri
}

// uriPath returns the file path of a file: URI, or "".
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return ""
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/… on Windows
		p = p[1:]
	}
	return filepath.FromSlash(p)
}

// formatFor picks the article format from the URI's extension, else from
// the client's language id, else plain text.
func formatFor(uri, languageID string) string {
	name := uri
	if u, err := url.Parse(uri); err == nil && u.Path != "" {
		name = u.Path
	}
	if f := lint.FormatOf(name); f != "text" {
		return f
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return "text"
	}
	switch languageID {
	case "markdown", "html":
		return languageID
	}
	return "text"
}
