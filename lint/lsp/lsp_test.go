package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
)

var (
	linterOnce sync.Once
	linter     *lint.Linter
	linterErr  error
)

func defaultLinter(t testing.TB) *lint.Linter {
	t.Helper()
	linterOnce.Do(func() { linter, linterErr = lint.Default() })
	require.NoError(t, linterErr)
	return linter
}

// client talks to a server over in-memory pipes.
type client struct {
	t       testing.TB
	toSrv   *io.PipeWriter
	in      chan incoming // everything the server sent, in order
	pending []incoming    // notifications read while waiting for something else
	served  chan error    // Serve's result
	nextID  int
}

type incoming struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *rpcError       `json:"error"`
}

func startServer(t testing.TB) *client {
	t.Helper()
	l := defaultLinter(t)
	return startServerWith(t, Options{Linter: func(string) (*lint.Linter, error) { return l, nil }, Version: "test"})
}

func startServerWith(t testing.TB, opts Options) *client {
	t.Helper()
	srvIn, toSrv := io.Pipe()
	fromSrv, srvOut := io.Pipe()
	c := &client{t: t, toSrv: toSrv, in: make(chan incoming, 1000), served: make(chan error, 1)}
	go func() {
		c.served <- Serve(srvIn, srvOut, opts)
		srvOut.Close()
	}()
	go func() {
		defer close(c.in)
		r := newConn(fromSrv, nil)
		for {
			body, err := r.read()
			if err != nil {
				return
			}
			var m incoming
			if json.Unmarshal(body, &m) != nil {
				panic("server sent invalid JSON: " + string(body))
			}
			c.in <- m
		}
	}()
	t.Cleanup(func() { toSrv.Close(); fromSrv.Close() })
	return c
}

func (c *client) raw(s string) {
	c.t.Helper()
	_, err := io.WriteString(c.toSrv, s)
	require.NoError(c.t, err)
}

func (c *client) send(msg map[string]any) {
	c.t.Helper()
	msg["jsonrpc"] = "2.0"
	body, err := json.Marshal(msg)
	require.NoError(c.t, err)
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"method": method, "params": params})
}

// next returns the next message from the server.
func (c *client) next() incoming {
	c.t.Helper()
	select {
	case m, ok := <-c.in:
		require.True(c.t, ok, "server closed its output")
		return m
	case <-time.After(20 * time.Second):
		c.t.Fatal("no message from the server in 20s")
	}
	return incoming{}
}

// request sends a request and returns its response.
func (c *client) request(method string, params any) incoming {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"id": id, "method": method, "params": params})
	return c.response(fmt.Sprint(id))
}

// response waits for the response with an id (as JSON text).
func (c *client) response(id string) incoming {
	c.t.Helper()
	for {
		m := c.next()
		if m.Method != "" {
			c.pending = append(c.pending, m)
			continue
		}
		require.Equal(c.t, id, string(m.ID), "response to an unexpected request")
		return m
	}
}

type published struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// diagnostics waits for the diagnostics of a document version (-1: any
// version, as after didClose) and checks that versions never go backwards.
func (c *client) diagnostics(uri string, version int) published {
	c.t.Helper()
	last := -1
	check := func(m incoming) (published, bool) {
		var p published
		if m.Method != "textDocument/publishDiagnostics" {
			return p, false
		}
		require.NoError(c.t, json.Unmarshal(m.Params, &p))
		if p.URI != uri {
			return p, false
		}
		if p.Version != nil {
			require.GreaterOrEqual(c.t, *p.Version, last, "diagnostics for an older version after a newer one")
			last = *p.Version
		}
		return p, version < 0 || p.Version != nil && *p.Version == version
	}
	for len(c.pending) > 0 {
		m := c.pending[0]
		c.pending = c.pending[1:]
		if p, ok := check(m); ok {
			return p
		}
	}
	for {
		if p, ok := check(c.next()); ok {
			return p
		}
	}
}

func (c *client) initialize(params map[string]any) map[string]any {
	c.t.Helper()
	resp := c.request("initialize", params)
	require.Nil(c.t, resp.Error)
	var result map[string]any
	require.NoError(c.t, json.Unmarshal(resp.Result, &result))
	c.notify("initialized", map[string]any{})
	return result
}

func (c *client) open(uri, languageID, text string) published {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": languageID, "version": 1, "text": text}})
	return c.diagnostics(uri, 1)
}

func (c *client) change(uri string, version int, text string) published {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"text": text}}})
	return c.diagnostics(uri, version)
}

func (c *client) shutdownAndExit() {
	c.t.Helper()
	resp := c.request("shutdown", nil)
	require.Nil(c.t, resp.Error)
	assert.Equal(c.t, "null", string(resp.Result))
	c.notify("exit", nil)
	select {
	case err := <-c.served:
		assert.NoError(c.t, err)
	case <-time.After(10 * time.Second):
		c.t.Fatal("server did not stop after exit")
	}
}

func find(diags []Diagnostic, code string) []Diagnostic {
	var out []Diagnostic
	for _, d := range diags {
		if d.Code == code {
			out = append(out, d)
		}
	}
	return out
}

// The article: an emoji and a Han character outside the BMP (U+20000)
// before the flagged terms on the same line.
const article = "# 新药研究进展\n\n据报道 😀𠀀 这款神药可以逆转衰老。\n"

// expectedRange computes, independently of the server, the range of the
// n-th occurrence of term in text, counting characters in an encoding.
func expectedRange(t *testing.T, text, term string, enc string) Range {
	t.Helper()
	start := strings.Index(text, term)
	require.GreaterOrEqual(t, start, 0, term)
	pos := func(off int) Position {
		line := strings.Count(text[:off], "\n")
		prefix := text[strings.LastIndex(text[:off], "\n")+1 : off]
		var n int
		switch enc {
		case UTF8:
			n = len(prefix)
		case UTF16:
			n = len(utf16.Encode([]rune(prefix)))
		case UTF32:
			n = len([]rune(prefix))
		}
		return Position{Line: line, Character: n}
	}
	return Range{pos(start), pos(start + len(term))}
}

func TestLSPPositionEncodings(t *testing.T) {
	for _, tc := range []struct {
		name    string
		offered []string
		want    string
	}{
		{"default", nil, UTF16},
		{"utf-16", []string{UTF16}, UTF16},
		{"utf-8", []string{UTF8, UTF16}, UTF8},
		{"utf-32", []string{UTF32, UTF8, UTF16}, UTF32},
		{"unknown", []string{"utf-7"}, UTF16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := startServer(t)
			params := map[string]any{"capabilities": map[string]any{}}
			if tc.offered != nil {
				params["capabilities"] = map[string]any{"general": map[string]any{"positionEncodings": tc.offered}}
			}
			result := c.initialize(params)
			caps := result["capabilities"].(map[string]any)
			assert.Equal(t, tc.want, caps["positionEncoding"])

			p := c.open("file:///tmp/draft.md", "markdown", article)
			for code, term := range map[string]string{"miracle-cure-claim": "神药", "reverse-aging-claim": "逆转衰老"} {
				got := find(p.Diagnostics, code)
				require.Len(t, got, 1, code)
				assert.Equal(t, expectedRange(t, article, term, tc.want), got[0].Range, code)
				assert.Equal(t, SeverityError, got[0].Severity)
				assert.Equal(t, "hypelint", got[0].Source)
			}
			// The three encodings really differ on this line.
			r := expectedRange(t, article, "神药", tc.want).Start.Character
			assert.Equal(t, map[string]int{UTF8: 25, UTF16: 11, UTF32: 9}[tc.want], r)
			c.shutdownAndExit()
		})
	}
}

func TestLSPLinesAndOffsets(t *testing.T) {
	text := "a😀b\r\n𠀀c\rd\n"
	l := newLines(text)
	assert.Equal(t, []int{0, 8, 14, 16}, l.starts)
	for _, enc := range []string{UTF8, UTF16, UTF32} {
		for off := 0; off <= len(text); off++ {
			if !utf8.RuneStart(text[min(off, len(text)-1)]) && off < len(text) {
				continue
			}
			if off < len(text) && text[off] == '\n' && off > 0 && text[off-1] == '\r' {
				continue // between \r and \n: not a place on a line
			}
			assert.Equal(t, off, l.offset(l.position(off, enc), enc), "%s offset %d", enc, off)
		}
		// Past the end of a line: its end; past the last line: the end.
		assert.Equal(t, 6, l.offset(Position{0, 99}, enc))
		assert.Equal(t, len(text), l.offset(Position{99, 0}, enc))
		assert.Equal(t, 0, l.offset(Position{-1, -1}, enc))
	}
	// Inside a surrogate pair: the start of the character.
	assert.Equal(t, 1, l.offset(Position{0, 2}, UTF16))
	assert.Equal(t, 1, l.offset(Position{0, 3}, UTF8))
}

// applyEdits applies non-overlapping UTF-16 edits, computing offsets
// independently of the server.
func applyEdits(t *testing.T, text string, edits []TextEdit) string {
	t.Helper()
	offset := func(p Position) int {
		lines := strings.SplitAfter(text, "\n")
		require.Less(t, p.Line, len(lines))
		off := 0
		for _, l := range lines[:p.Line] {
			off += len(l)
		}
		units := 0
		for i, r := range lines[p.Line] {
			if units == p.Character {
				return off + i
			}
			units += utf16.RuneLen(r)
		}
		require.Equal(t, units, p.Character)
		return off + len(lines[p.Line])
	}
	for i := len(edits) - 1; i >= 0; i-- { // the server sends one edit per action
		e := edits[i]
		a, b := offset(e.Range.Start), offset(e.Range.End)
		text = text[:a] + e.NewText + text[b:]
	}
	return text
}

func (c *client) codeActions(uri string, r Range) []CodeAction {
	c.t.Helper()
	resp := c.request("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": r,
		"context": map[string]any{"diagnostics": []any{}}})
	require.Nil(c.t, resp.Error)
	var actions []CodeAction
	require.NoError(c.t, json.Unmarshal(resp.Result, &actions))
	return actions
}

func actionFor(t *testing.T, actions []CodeAction, ruleID string) CodeAction {
	t.Helper()
	for _, a := range actions {
		if len(a.Diagnostics) == 1 && a.Diagnostics[0].Code == ruleID {
			return a
		}
	}
	t.Fatalf("no code action for %s among %+v", ruleID, actions)
	return CodeAction{}
}

func TestLSPEditingHoverAndQuickFix(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{"capabilities": map[string]any{}})
	const uri = "file:///tmp/draft.md"
	text := "# 新药研究进展\n\n  据报道 😀𠀀 这款神药可以逆转衰老。\n"
	p := c.open(uri, "markdown", text)
	miracle := find(p.Diagnostics, "miracle-cure-claim")
	require.Len(t, miracle, 1)

	// didChange: the term goes, so does its diagnostic; it comes back.
	p = c.change(uri, 2, strings.Replace(text, "神药", "新药", 1))
	assert.Empty(t, find(p.Diagnostics, "miracle-cure-claim"))
	assert.NotEmpty(t, find(p.Diagnostics, "reverse-aging-claim"))
	p = c.change(uri, 3, text)
	require.Len(t, find(p.Diagnostics, "miracle-cure-claim"), 1)

	// Hover: the rule's explanation and source, over the flagged span.
	r := defaultLinter(t).Rules.Get("miracle-cure-claim")
	inside := miracle[0].Range.Start
	inside.Character++
	resp := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": inside})
	require.Nil(t, resp.Error)
	var h hover
	require.NoError(t, json.Unmarshal(resp.Result, &h))
	assert.Equal(t, "markdown", h.Contents.Kind)
	assert.Contains(t, h.Contents.Value, "**miracle-cure-claim**")
	assert.Contains(t, h.Contents.Value, "\n\n**What it does:** flags miracle")
	unformatted := strings.ReplaceAll(strings.ReplaceAll(h.Contents.Value, "**", ""), "\n\n", "\n")
	assert.Contains(t, unformatted, strings.TrimSpace(r.ExplanationIn("en")))
	assert.Contains(t, h.Contents.Value, r.Source)
	assert.Equal(t, miracle[0].Range, *h.Range)
	resp = c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{1, 0}})
	assert.Equal(t, "null", string(resp.Result))

	// Code action: a comment line above, with the line's indentation.
	fix := actionFor(t, c.codeActions(uri, miracle[0].Range), "miracle-cure-claim")
	assert.Equal(t, "quickfix", fix.Kind)
	edits := fix.Edit.Changes[uri]
	require.Len(t, edits, 1)
	assert.Equal(t, TextEdit{Range: Range{Position{2, 0}, Position{2, 0}},
		NewText: "  <!-- hypelint-disable-next-line miracle-cure-claim -- reason -->\n"}, edits[0])
	text = applyEdits(t, text, edits)
	p = c.change(uri, 4, text)
	assert.Empty(t, find(p.Diagnostics, "miracle-cure-claim"))
	assert.Empty(t, find(p.Diagnostics, "unused-suppression"))
	aging := find(p.Diagnostics, "reverse-aging-claim")
	require.Len(t, aging, 1)

	// A second rule on the same line joins the existing comment.
	fix = actionFor(t, c.codeActions(uri, aging[0].Range), "reverse-aging-claim")
	text = applyEdits(t, text, fix.Edit.Changes[uri])
	assert.Contains(t, text, "  <!-- hypelint-disable-next-line miracle-cure-claim, reverse-aging-claim -- reason -->\n  据报道")
	p = c.change(uri, 5, text)
	assert.Empty(t, find(p.Diagnostics, "reverse-aging-claim"))
	assert.Empty(t, find(p.Diagnostics, "unused-suppression"))

	// A context.only filter without quickfix gets nothing.
	resp = c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": Range{}, "context": map[string]any{"diagnostics": []any{}, "only": []string{"refactor"}}})
	assert.Equal(t, "[]", string(resp.Result))

	// Closing clears the diagnostics.
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	p = c.diagnostics(uri, -1)
	assert.Nil(t, p.Version)
	assert.Empty(t, p.Diagnostics)
	c.shutdownAndExit()
}

func TestLSPPlainTextQuickFix(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{})
	const uri = "untitled:Untitled-1" // no extension: the language id decides
	text := "新药研究进展\n\n\t😀𠀀 这款神药很好。\n"
	p := c.open(uri, "plaintext", text)
	miracle := find(p.Diagnostics, "miracle-cure-claim")
	require.Len(t, miracle, 1)
	fix := actionFor(t, c.codeActions(uri, Range{miracle[0].Range.Start, miracle[0].Range.Start}), "miracle-cure-claim")
	require.Len(t, fix.Edit.Changes[uri], 1)
	assert.Equal(t, "\t# hypelint-disable-next-line miracle-cure-claim\n", fix.Edit.Changes[uri][0].NewText)
	p = c.change(uri, 2, applyEdits(t, text, fix.Edit.Changes[uri]))
	assert.Empty(t, find(p.Diagnostics, "miracle-cure-claim"))
	assert.Empty(t, find(p.Diagnostics, "unused-suppression"))
	c.shutdownAndExit()
}

// A misspelt directive gets a fix that writes the real one; the finding
// it meant to hide is then hidden.
func TestLSPRespellsUnknownDirective(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{})
	const uri = "file:///tmp/draft.md"
	text := "# 新药研究进展\n\n<!-- hypelint-disabel-next-line miracle-cure-claim -->\n😀 这款神药很好。\n"
	p := c.open(uri, "markdown", text)
	unknown := find(p.Diagnostics, "unknown-suppression")
	require.Len(t, unknown, 1)
	require.Len(t, find(p.Diagnostics, "miracle-cure-claim"), 1)
	fix := actionFor(t, c.codeActions(uri, unknown[0].Range), "unknown-suppression")
	assert.Equal(t, "Write hypelint-disable-next-line (hypelint)", fix.Title)
	edits := fix.Edit.Changes[uri]
	require.Len(t, edits, 1)
	assert.Equal(t, Range{Position{2, 5}, Position{2, 31}}, edits[0].Range)
	p = c.change(uri, 2, applyEdits(t, text, edits))
	assert.Empty(t, find(p.Diagnostics, "unknown-suppression"))
	assert.Empty(t, find(p.Diagnostics, "miracle-cure-claim"))
	assert.Empty(t, find(p.Diagnostics, "unused-suppression"))
	c.shutdownAndExit()
}

func TestLSPHTMLByLanguageID(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{})
	const uri = "file:///tmp/page" // no extension
	text := "<html><head><title>新药研究进展</title></head>\n<body>\n<p>这款神药很好。</p>\n<script>var x = '神药';</script>\n</body></html>\n"
	p := c.open(uri, "html", text)
	miracle := find(p.Diagnostics, "miracle-cure-claim")
	require.Len(t, miracle, 1, "the script is not linted")
	assert.Equal(t, expectedRange(t, text, "神药", UTF16), miracle[0].Range)
	fix := actionFor(t, c.codeActions(uri, miracle[0].Range), "miracle-cure-claim")
	p = c.change(uri, 2, applyEdits(t, text, fix.Edit.Changes[uri]))
	assert.Empty(t, find(p.Diagnostics, "miracle-cure-claim"))
	c.shutdownAndExit()
}

func TestLSPNoQuickFixThatWouldNotWork(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{})
	const uri = "file:///tmp/fm.md"
	// A comment inside front matter would not be read as a directive.
	text := "---\ntitle: 这款神药很好\n---\n\n正文。\n"
	p := c.open(uri, "markdown", text)
	miracle := find(p.Diagnostics, "miracle-cure-claim")
	require.Len(t, miracle, 1)
	for _, a := range c.codeActions(uri, miracle[0].Range) {
		assert.False(t, strings.HasPrefix(a.Title, "Disable"), "no disable comment is offered: %s", a.Title)
	}
	c.shutdownAndExit()
}

func TestLSPLatestVersionOnly(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{})
	const uri = "file:///tmp/burst.md"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "markdown", "version": 1, "text": article}})
	for v := 2; v <= 20; v++ {
		text := article
		if v%2 == 0 {
			text = strings.Replace(article, "神药", "新药", 1)
		}
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": text}}})
	}
	// Versions only go forward (diagnostics checks), and the last one is
	// the text of version 20.
	p := c.diagnostics(uri, 20)
	assert.Empty(t, find(p.Diagnostics, "miracle-cure-claim"))
	c.shutdownAndExit()
}

func TestLSPLocale(t *testing.T) {
	for tag, want := range map[string]string{
		"zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-Hant": "zh-Hant", "zh_TW": "zh-Hant", "zh-tw": "zh-Hant",
		"zh-CN": "zh-Hans", "zh-SG": "zh-Hans", "zh": "zh-Hans", "zh-Hans": "zh-Hans", "zh-cn": "zh-Hans",
		"en-US": "en", "en": "en", "fr": "en", "ja": "en", "": "en", "!!": "en",
	} {
		assert.Equal(t, want, matchLocale(tag), tag)
	}
	r := defaultLinter(t).Rules.Get("miracle-cure-claim")
	for _, tc := range []struct {
		params map[string]any
		locale string
	}{
		{map[string]any{"locale": "zh-TW"}, "zh-Hant"},
		{map[string]any{"locale": "en-GB", "initializationOptions": map[string]any{"locale": "zh-CN"}}, "zh-Hans"},
		{map[string]any{"locale": "de"}, "en"},
	} {
		c := startServer(t)
		c.initialize(tc.params)
		p := c.open("file:///tmp/a.md", "markdown", article)
		got := find(p.Diagnostics, "miracle-cure-claim")
		require.Len(t, got, 1)
		assert.Equal(t, r.Message(tc.locale, "神药"), got[0].Message, tc.locale)
		c.shutdownAndExit()
	}
}

func TestLSPLabelParagraphs(t *testing.T) {
	assert.Equal(t, "**What it does:** flags a\nwrapped line: this.\n\n**Why it matters:** because",
		labelParagraphs("What it does: flags a\nwrapped line: this.\nWhy it matters: because"))
	assert.Equal(t, "**作用：**报告。\n\n**原因：**因为。", labelParagraphs("作用：报告。\n原因：因为。"))
}

func TestLSPFormatFor(t *testing.T) {
	for _, tc := range []struct{ uri, lang, want string }{
		{"file:///a/b.md", "plaintext", "markdown"},
		{"file:///a/b.HTM", "", "html"},
		{"file:///a/b.txt", "markdown", "text"},
		{"file:///a/b", "markdown", "markdown"},
		{"untitled:Untitled-1", "html", "html"},
		{"untitled:Untitled-1", "go", "text"},
		{"::not a uri", "markdown", "markdown"},
	} {
		assert.Equal(t, tc.want, formatFor(tc.uri, tc.lang), tc.uri)
	}
	assert.Equal(t, "/a/b c.md", uriPath("file:///a/b%20c.md"))
	assert.Equal(t, "", uriPath("untitled:Untitled-1"))
}

func TestLSPMalformedInput(t *testing.T) {
	c := startServer(t)
	// Before initialize: requests are refused, notifications dropped.
	resp := c.request("textDocument/hover", map[string]any{})
	require.NotNil(t, resp.Error)
	assert.Equal(t, codeServerNotInitialized, resp.Error.Code)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "file:///x.md", "text": "神药"}})
	c.initialize(map[string]any{"capabilities": map[string]any{}})

	// Not JSON: a parse error with a null id.
	c.raw("Content-Length: 9\r\n\r\n{not json")
	m := c.response("null")
	assert.Equal(t, codeParseError, m.Error.Code)
	// JSON but not a request.
	for _, body := range []string{`[1,2]`, `{"jsonrpc":"1.0","id":7,"method":"shutdown"}`, `{"jsonrpc":"2.0"}`, `"x"`} {
		c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
		m = c.next()
		require.NotNil(t, m.Error, body)
		assert.Equal(t, codeInvalidRequest, m.Error.Code, body)
	}
	// Bad headers: the message is skipped and the server goes on.
	c.raw("Content-Type: application/json\r\n\r\n")
	c.raw("Content-Length: lots\r\n\r\n")
	c.raw("Content-Length: -4\r\n\r\n")
	// An id that is neither a number nor a string.
	body := `{"jsonrpc":"2.0","id":{},"method":"shutdown"}`
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
	m = c.response("null")
	assert.Equal(t, codeInvalidRequest, m.Error.Code)

	// Unknown methods: an error for requests, silence for notifications.
	c.notify("workspace/didChangeConfiguration", map[string]any{})
	c.notify("$/cancelRequest", map[string]any{"id": 1})
	resp = c.request("textDocument/formatting", map[string]any{})
	require.NotNil(t, resp.Error)
	assert.Equal(t, codeMethodNotFound, resp.Error.Code)
	// String ids are echoed.
	c.send(map[string]any{"id": "abc", "method": "workspace/symbol", "params": map[string]any{}})
	m = c.response(`"abc"`)
	assert.Equal(t, codeMethodNotFound, m.Error.Code)

	// Bad params: an error, never a panic.
	for _, method := range []string{"textDocument/hover", "textDocument/codeAction"} {
		resp = c.request(method, "nonsense")
		require.NotNil(t, resp.Error, method)
		assert.Equal(t, codeInvalidParams, resp.Error.Code)
		resp = c.request(method, nil)
		require.NotNil(t, resp.Error, method)
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": 5}})
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///never-opened.md"}})
	resp = c.request("initialize", map[string]any{})
	assert.Equal(t, codeInvalidRequest, resp.Error.Code, "initialize twice")

	// Positions outside the document, and unknown documents.
	const uri = "file:///tmp/x.md"
	c.open(uri, "markdown", article)
	for _, pos := range []Position{{-3, -3}, {1000, 5}, {2, 100000}} {
		resp = c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos})
		assert.Nil(t, resp.Error)
		resp = c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
			"range": Range{pos, Position{-1, 0}}, "context": map[string]any{}})
		assert.Nil(t, resp.Error)
	}
	resp = c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///nope.md"}, "position": Position{}})
	assert.Equal(t, "null", string(resp.Result))
	// A ranged change past the end is clamped.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": Range{Position{99, 0}, Position{0, 3}}, "text": "x"}}})
	c.diagnostics(uri, 2)

	// After shutdown only exit is accepted.
	resp = c.request("shutdown", nil)
	assert.Nil(t, resp.Error)
	resp = c.request("textDocument/hover", map[string]any{})
	assert.Equal(t, codeInvalidRequest, resp.Error.Code)
	c.notify("exit", nil)
	assert.NoError(t, <-c.served)
}

func TestLSPExitWithoutShutdown(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{})
	c.notify("exit", nil)
	assert.ErrorIs(t, <-c.served, ErrNoShutdown)

	c = startServer(t)
	c.initialize(map[string]any{})
	c.request("shutdown", nil)
	c.toSrv.Close() // the input ends after shutdown: a clean stop
	assert.NoError(t, <-c.served)

	c = startServer(t)
	c.raw("Content-Length: 100\r\n\r\n{") // the input ends mid-message
	c.toSrv.Close()
	assert.Error(t, <-c.served)
}

func TestLSPDefaultLinter(t *testing.T) {
	c := startServerWith(t, Options{})
	c.initialize(map[string]any{})
	p := c.open("file:///a.md", "markdown", "# 神药\n")
	miracle := find(p.Diagnostics, "miracle-cure-claim")
	require.Len(t, miracle, 1)
	// The rule id links to its section of the rule documentation.
	require.NotNil(t, miracle[0].CodeDescription)
	assert.Equal(t, lint.RulesDoc+"#miracle-cure-claim", miracle[0].CodeDescription.Href)
	c.shutdownAndExit()
}

// FuzzLSPServe feeds arbitrary bytes to the server: it must not panic or
// hang.
func FuzzLSPServe(f *testing.F) {
	l := defaultLinter(f)
	frame := func(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }
	init := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`)
	f.Add(init + frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md","languageId":"markdown","version":1,"text":"# 神药\n😀𠀀神药"}}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.md"},"range":{"start":{"line":1,"character":3},"end":{"line":1,"character":3}},"context":{}}}`))
	f.Add(init + frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.txt","version":1,"text":"t\n\n  神药"}}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.txt","version":2},"contentChanges":[{"range":{"start":{"line":2,"character":1},"end":{"line":0,"character":1}},"text":"神"}]}}`))
	f.Add("Content-Length: 3\r\n\r\n{}}Content-Length: 2\r\n\r\n[]")
	f.Add("\r\n\r\n\r\n")
	f.Fuzz(func(t *testing.T, input string) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			Serve(strings.NewReader(input), io.Discard, Options{Linter: func(string) (*lint.Linter, error) { return l, nil }})
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("server hung")
		}
	})
}

// TestLSPResyncsAfterAFramingError sends messages whose Content-Length
// counts characters instead of bytes: each leaves the end of its body in
// front of the next header. The server says so (window/logMessage) and
// answers the messages after.
func TestLSPResyncsAfterAFramingError(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{"capabilities": map[string]any{}})
	const uri = "file:///tmp/framing.md"
	c.open(uri, "markdown", article)

	misframed := func(id int) {
		body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"textDocument/hover","params":{"textDocument":{"uri":%q},"position":{"line":0,"character":0}},"note":"神药神药"}`, id, uri)
		c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", utf8.RuneCountInString(body), body))
	}
	misframed(100)
	// The cut body is not JSON: a parse error. The rest of it is skipped
	// when the next message comes, and reported; that message is answered.
	m := c.response("null")
	assert.Equal(t, codeParseError, m.Error.Code)
	c.send(map[string]any{"id": 7, "method": "textDocument/hover",
		"params": map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{}}})
	var logged []string
	for answered := false; !answered; {
		m := c.next()
		switch {
		case m.Method == "window/logMessage":
			var p logMessageParams
			require.NoError(t, json.Unmarshal(m.Params, &p))
			assert.Equal(t, messageError, p.Type)
			logged = append(logged, p.Message)
		case string(m.ID) == "7":
			assert.Nil(t, m.Error, "the request after the mis-framed one is answered")
			answered = true
		}
	}
	require.Len(t, logged, 1)
	assert.Contains(t, logged[0], "framing error: 8 bytes before the next header skipped")
	assert.Contains(t, logged[0], "count characters rather than bytes")

	// Two in a row, then a document change: its diagnostics come.
	misframed(101)
	misframed(102)
	c.change(uri, 2, "# 神药\n")
	resp := c.request("shutdown", nil)
	assert.Nil(t, resp.Error)
	c.notify("exit", nil)
	assert.NoError(t, <-c.served)
}

// TestLSPReadResyncs reads framed messages with garbage between them.
func TestLSPReadResyncs(t *testing.T) {
	var reports []string
	in := "Content-Length: 2\r\n\r\n{}" +
		"tail of a body}}Content-Length: 3\r\n\r\n[1]" + // glued to the header
		"\r\n" + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 1\r\n\r\n1" + // quiet
		"garbage\r\nmore\r\nContent-Length: 1\r\nContent-Type: x\r\n\r\n2" +
		"Content-Length: 3\r\nnot a header\r\n\r\n[1]" + // an errFrame, then on
		"Content-Length: x\r\n\r\n" +
		"Content-Length: 1\r\n\r\n3" + strings.Repeat("x", 5000) + "content-length: 1\r\n\r\n4" + "trailing"
	c := newConn(strings.NewReader(in), nil)
	c.skipped = func(e errFrame) { reports = append(reports, e.Error()) }
	var got []string
	for {
		body, err := c.read()
		var frame errFrame
		if errors.As(err, &frame) {
			got = append(got, "error: "+frame.msg)
			continue
		}
		if err != nil {
			got = append(got, err.Error())
			break
		}
		got = append(got, string(body))
	}
	assert.Equal(t, []string{"{}", "[1]", "1", "2", `error: malformed header line "not a header"`,
		`error: bad Content-Length "x"`, "3", "4", "EOF"}, got)
	require.Len(t, reports, 5)
	assert.Contains(t, reports[0], `16 bytes before the next header skipped ("tail of a body}}"`)
	assert.Contains(t, reports[1], `15 bytes before the next header skipped ("garbage\r\nmore\r\n"`)
	assert.Contains(t, reports[2], `5 bytes before the next header skipped ("\r\n[1]"`) // after the bad header
	assert.Contains(t, reports[3], `5000 bytes`)
	assert.Contains(t, reports[4], `8 bytes before the next header skipped ("trailing"`)
}
