package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
)

// lspArticle has an emoji and a Han character outside the BMP (U+20000)
// before flagged terms on the same line.
const lspArticle = "# 哈佛团队找到逆转衰老的青春分子\n\n据报道 😀𠀀 这款神药可以逆转衰老，而且无副作用。\n\n- 🧪 This miracle pill is a breakthrough.\n"

// lspPeer speaks framed JSON-RPC to `hypelint lsp` run in process.
type lspPeer struct {
	t   *testing.T
	w   io.WriteCloser
	r   *bufio.Reader
	out chan int // the exit status
}

func startLSP(t *testing.T, args ...string) *lspPeer {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	p := &lspPeer{t: t, w: inW, r: bufio.NewReader(outR), out: make(chan int, 1)}
	go func() {
		p.out <- run(append([]string{"lsp"}, args...), inR, outW, io.Discard)
		outW.Close()
	}()
	t.Cleanup(func() { inW.Close(); outR.Close() })
	return p
}

func (p *lspPeer) send(msg string) {
	p.t.Helper()
	_, err := fmt.Fprintf(p.w, "Content-Length: %d\r\n\r\n%s", len(msg), msg)
	require.NoError(p.t, err)
}

// receive returns the next message whose method (or, for a response, id)
// is want, skipping others.
func (p *lspPeer) receive(want string) map[string]any {
	p.t.Helper()
	for {
		h, err := textproto.NewReader(p.r).ReadMIMEHeader()
		require.NoError(p.t, err)
		n, err := strconv.Atoi(h.Get("Content-Length"))
		require.NoError(p.t, err)
		body := make([]byte, n)
		_, err = io.ReadFull(p.r, body)
		require.NoError(p.t, err)
		var m map[string]any
		require.NoError(p.t, json.Unmarshal(body, &m))
		if m["method"] == want || fmt.Sprint(m["id"]) == want {
			return m
		}
	}
}

func (p *lspPeer) status() int {
	p.t.Helper()
	select {
	case code := <-p.out:
		return code
	case <-time.After(10 * time.Second):
		p.t.Fatal("hypelint lsp did not stop")
	}
	return -1
}

func codes(m map[string]any) []string {
	var out []string
	for _, d := range m["params"].(map[string]any)["diagnostics"].([]any) {
		out = append(out, d.(map[string]any)["code"].(string))
	}
	return out
}

func TestLSPCommandLifecycleAndConfig(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".hypelint.yaml": "rules:\n  disable: [miracle-cure-claim]\n",
		"sub/article.md": lspArticle,
	})
	p := startLSP(t)
	p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	init := p.receive("1")
	assert.Equal(t, "hypelint", init["result"].(map[string]any)["serverInfo"].(map[string]any)["name"])
	p.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)

	// The nearest .hypelint.yaml applies to files below it.
	text, _ := json.Marshal(lspArticle)
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "sub", "article.md"))
	p.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"markdown","version":1,"text":%s}}}`, uri, text))
	got := codes(p.receive("textDocument/publishDiagnostics"))
	assert.Contains(t, got, "reverse-aging-claim")
	assert.NotContains(t, got, "miracle-cure-claim")
	// An untitled buffer gets the built-in rules.
	p.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:1","languageId":"markdown","version":1,"text":%s}}}`, text))
	assert.Contains(t, codes(p.receive("textDocument/publishDiagnostics")), "miracle-cure-claim")

	p.send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
	p.receive("2")
	p.send(`{"jsonrpc":"2.0","method":"exit"}`)
	assert.Equal(t, 0, p.status())

	// Without shutdown the status is 1; bad flags are usage errors.
	p = startLSP(t, "--stdio")
	p.w.Close()
	assert.Equal(t, 1, p.status())
	assert.Equal(t, exitError, runCLI(t, nil, false, "lsp", "--nope").code)
	assert.Equal(t, exitError, runCLI(t, nil, false, "lsp", "extra").code)
}

func TestLSPCommandBadConfigIsADiagnostic(t *testing.T) {
	dir := writeFiles(t, map[string]string{".hypelint.yaml": "rules:\n  disable: [no-such-rule]\n"})
	p := startLSP(t)
	p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`)
	p.receive("1")
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "a.txt"))
	p.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"plaintext","version":1,"text":"x"}}}`, uri))
	diags := p.receive("textDocument/publishDiagnostics")["params"].(map[string]any)["diagnostics"].([]any)
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].(map[string]any)["message"], "no-such-rule")
}

// nvimScript drives Neovim 0.7's built-in client: start the server,
// attach it to the article, wait for diagnostics, hover over the first
// miracle-cure-claim, apply its quick fix, wait for the diagnostics to
// update, stop the server, and write what it saw as JSON.
const nvimScript = `
local bin, article, out = os.getenv('HYPELINT_BIN'), os.getenv('HYPELINT_ARTICLE'), os.getenv('HYPELINT_OUT')
local result = {}

local function collect(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, {lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message,
      code = d.code, severity = d.severity, source = d.source})
  end
  return list
end

local function has(buf, code, lnum)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code and d.lnum == lnum then return d end
  end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'hypelint',
    cmd = {bin, 'lsp'},
    root_dir = vim.fn.fnamemodify(article, ':p:h'),
    init_options = {locale = 'en'},
  })
  assert(id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(buf, id), 'buf_attach_client failed')
  assert(vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50), 'no diagnostics in 20s')
  result.diagnostics = collect(buf)
  local client = vim.lsp.get_client_by_id(id)
  result.offset_encoding = client.offset_encoding

  local d = has(buf, 'miracle-cure-claim', 2)
  assert(d, 'no miracle-cure-claim on line 3')
  vim.api.nvim_win_set_cursor(0, {d.lnum + 1, d.col})
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(0, 'utf-16'), 10000)
  result.hover = hover[id].result.contents.value

  local params = vim.lsp.util.make_range_params(0, 'utf-16')
  params.context = {diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf)}
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)[id].result
  for _, a in ipairs(actions) do
    if a.title:find('miracle-cure-claim', 1, true) then
      result.action = a.title
      vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
    end
  end
  assert(result.action, 'no quick fix for miracle-cure-claim')
  assert(vim.wait(20000, function() return has(buf, 'reverse-aging-claim', 3) and not has(buf, 'miracle-cure-claim', 3) end, 50),
    'diagnostics did not follow the edit')
  result.after = collect(buf)
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)

  vim.lsp.stop_client(id)
  result.stopped = vim.wait(10000, function() return vim.lsp.client_is_stopped(id) end, 50)
end)
if not ok then result.error = tostring(err) end
local f = assert(io.open(out, 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qall!')
`

type nvimDiagnostic struct {
	Lnum, Col int
	Message   string
	Code      string
	Severity  int
	Source    string
}

// TestLSPNeovim runs the server under a real client: Neovim's built-in LSP
// client (0.7 API), headless.
func TestLSPNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("neovim not installed; .ci/run installs it")
	}
	version, _ := exec.Command(nvim, "--version").Output()
	t.Logf("%s", strings.SplitN(string(version), "\n", 2)[0])
	dir := t.TempDir()
	article := filepath.Join(dir, "article.md")
	script := filepath.Join(dir, "check.lua")
	out := filepath.Join(dir, "out.json")
	require.NoError(t, os.WriteFile(article, []byte(lspArticle), 0o644))
	require.NoError(t, os.WriteFile(script, []byte(nvimScript), 0o644))

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HYPELINT_BIN="+buildBinary(t), "HYPELINT_ARTICLE="+article, "HYPELINT_OUT="+out,
		"HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir, "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir)
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "nvim: %s", output)
	data, err := os.ReadFile(out)
	require.NoError(t, err, "nvim wrote nothing: %s", output)
	t.Logf("neovim saw: %s", data)
	var got struct {
		Error          string
		OffsetEncoding string `json:"offset_encoding"`
		Diagnostics    []nvimDiagnostic
		After          []nvimDiagnostic
		Hover, Action  string
		Lines          []string
		Stopped        bool
	}
	require.NoError(t, json.Unmarshal(data, &got))
	require.Empty(t, got.Error)
	assert.Equal(t, "utf-16", got.OffsetEncoding)

	// What Neovim shows (its columns are bytes, converted from the
	// server's UTF-16) is what the engine found.
	l, err := lint.Default()
	require.NoError(t, err)
	res, err := l.Lint(lint.Input{Path: "article.md", Data: []byte(lspArticle)})
	require.NoError(t, err)
	var want []nvimDiagnostic
	for _, f := range res.Findings {
		lineStart := strings.LastIndex(lspArticle[:f.Span.Start], "\n") + 1
		want = append(want, nvimDiagnostic{Lnum: strings.Count(lspArticle[:f.Span.Start], "\n"), Col: f.Span.Start - lineStart,
			Message: f.Message("en"), Code: f.Rule.ID, Severity: 4 - int(f.Rule.Severity), Source: "hypelint"})
	}
	assert.ElementsMatch(t, want, got.Diagnostics)
	line2 := strings.Split(lspArticle, "\n")[2]
	assert.Contains(t, got.Diagnostics, nvimDiagnostic{Lnum: 2, Col: strings.Index(line2, "神药"),
		Message: l.Rules.Get("miracle-cure-claim").Message("en", "神药"), Code: "miracle-cure-claim", Severity: 1, Source: "hypelint"})

	assert.Contains(t, got.Hover, "**What it does:**")
	unformatted := strings.ReplaceAll(strings.ReplaceAll(got.Hover, "**", ""), "\n\n", "\n")
	assert.Contains(t, unformatted, strings.TrimSpace(l.Rules.Get("miracle-cure-claim").ExplanationIn("en")))
	assert.Equal(t, "Disable miracle-cure-claim for this line (hypelint)", got.Action)
	assert.Equal(t, "<!-- hypelint-disable-next-line miracle-cure-claim -- reason -->", got.Lines[2])
	assert.Equal(t, line2, got.Lines[3])
	for _, d := range got.After {
		assert.False(t, d.Code == "miracle-cure-claim" && d.Lnum == 3, "suppressed finding still shown")
	}
	assert.True(t, got.Stopped, "the server did not stop on shutdown and exit")
}

func TestLSPMessagesInTheConfiguredLocale(t *testing.T) {
	dir := writeFiles(t, map[string]string{".hypelint.yaml": "locale: zh-Hant\n", "article.md": lspArticle})
	for name, c := range map[string]struct {
		init string
		want string
	}{
		"configuration":         {`{"capabilities":{}}`, "逆轉衰老"},
		"beats the editor's":    {`{"capabilities":{},"locale":"en"}`, "逆轉衰老"},
		"initializationOptions": {`{"capabilities":{},"initializationOptions":{"locale":"en"}}`, "reverse ageing"},
	} {
		t.Run(name, func(t *testing.T) {
			p := startLSP(t, "--config", filepath.Join(dir, ".hypelint.yaml"))
			p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":` + c.init + `}`)
			p.receive("1")
			p.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
			text, _ := json.Marshal(lspArticle)
			uri := "file://" + filepath.ToSlash(filepath.Join(dir, "article.md"))
			p.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"markdown","version":1,"text":%s}}}`, uri, text))
			var messages []string
			for _, d := range p.receive("textDocument/publishDiagnostics")["params"].(map[string]any)["diagnostics"].([]any) {
				if d.(map[string]any)["code"] == "reverse-aging-claim" {
					messages = append(messages, d.(map[string]any)["message"].(string))
				}
			}
			require.NotEmpty(t, messages)
			assert.Contains(t, messages[0], c.want)
		})
	}
}
