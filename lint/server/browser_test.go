package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/server"
)

const chromium = "/usr/bin/chromium"

// article is a hyped Chinese draft with an emoji before flagged terms and
// U+20000 (𠀀, outside the BMP) near others: a highlight placed by UTF-16
// index without converting the API's byte offsets would land off by one or
// more characters.
const article = "😀重磅！NMN逆转衰老，𠀀老人重返青春\n\n研究显示，这款😀神药让患者返老还童，无副作用。𠀀王阿姨服用三个月后白发变黑。\n\n扫码购买，限时优惠！\n"

// page is a browser tab on a running `hypelint serve`.
type page struct {
	ctx      context.Context
	url      string
	linter   *lint.Linter
	mu       sync.Mutex
	problems []string // console errors, exceptions, policy violations, requests to other origins
	posted   []string // the Content-Type of each request to /api/lint
	origins  []string // the Origin of each request to /api/lint as the server saw it, each once
}

func openPage(t *testing.T, timeout time.Duration) *page {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("chromium not installed; .ci/run installs it (apt-get install chromium)")
	}
	l, err := lint.Default()
	require.NoError(t, err)
	ln, err := server.Listen("127.0.0.1:0", false)
	require.NoError(t, err)
	p := &page{url: "http://" + ln.Addr().String(), linter: l}
	srv := server.New(l, "test", "en").HTTPServer()
	h := srv.Handler
	srv.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/lint" {
			p.mu.Lock()
			if origin := r.Header.Get("Origin"); !slices.Contains(p.origins, origin) {
				p.origins = append(p.origins, origin)
			}
			p.mu.Unlock()
		}
		h.ServeHTTP(w, r)
	})
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000))
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })

	p.ctx = ctx
	require.NoError(t, chromedp.Listen(ctx, p.watch))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(p.url+"/"), chromedp.WaitVisible(chromedp.CSS("#lint"))))
	return p
}

// watch records whatever would mean the page is broken or not self-contained.
func (p *page) watch(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		problem = "exception: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			problem += " " + ev.ExceptionDetails.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			problem = "console." + string(ev.Type)
		}
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
			problem = "log: " + ev.Entry.Text + " " + ev.Entry.URL
		}
	case *network.EventRequestWillBeSent:
		if !strings.HasPrefix(ev.Request.URL, p.url+"/") {
			problem = "request to another origin: " + ev.Request.URL
		}
		if ev.Request.URL == p.url+"/api/lint" {
			ct, _ := ev.Request.Headers["Content-Type"].(string)
			p.mu.Lock()
			p.posted = append(p.posted, ct)
			p.mu.Unlock()
		}
	}
	if problem != "" {
		p.mu.Lock()
		p.problems = append(p.problems, problem)
		p.mu.Unlock()
	}
}

func (p *page) checkNoProblems(t *testing.T) {
	p.mu.Lock()
	defer p.mu.Unlock()
	assert.Empty(t, p.problems, "the page logged errors, broke its policy or reached another origin")
}

func run[T any](t *testing.T, p *page, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, a)
	require.NoError(t, err)
	return v
}

// lint clicks Lint and waits until the page has shown the result.
func (p *page) lint(t *testing.T, timeout time.Duration) time.Duration {
	t.Helper()
	return p.await(t, chromedp.Click(chromedp.CSS("#lint")), timeout)
}

// await runs an action that starts a lint and waits until the page has
// shown the result.
func (p *page) await(t *testing.T, action chromedp.Action[chromedp.Void], timeout time.Duration) time.Duration {
	t.Helper()
	run(t, p, chromedp.Evaluate[string](`document.body.dataset.state = 'test: started'`))
	start := time.Now()
	require.NoError(t, chromedp.Do(p.ctx, action))
	state := run(t, p, chromedp.Poll[string](`['done', 'error'].includes(document.body.dataset.state) && document.body.dataset.state`,
		chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond)))
	took := time.Since(start)
	require.Equal(t, "done", state, "status: %s", run(t, p, chromedp.TextContent(chromedp.CSS("#status"))))
	return took
}

// apiReport is what the API answers for a file, straight from the linter.
func apiReport(t *testing.T, l *lint.Linter, name, text, locale string) report.File {
	t.Helper()
	res, err := l.Lint(lint.Input{Path: name, Data: []byte(text)})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, report.WriteJSON(&buf, []report.File{report.NewFile(name, res, locale)}, "test"))
	var doc report.JSON
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	return doc.Files[0]
}

// highlight is a term <mark> as the page shows it: its text and the number
// of UTF-8 bytes of the draft before it.
type highlight struct {
	Text   string `json:"text"`
	Offset int    `json:"offset"`
}

// termHighlights reads the term marks (those of rules that report the
// triggering term); which picks them by position in the list.
const termHighlights = `((which) => {
  const view = document.getElementById('view');
  const marks = [...view.querySelectorAll('mark.term')];
  return which(marks).map((m) => {
    const before = document.createRange();
    before.setStart(view, 0);
    before.setEndBefore(m);
    return { text: m.textContent, offset: new TextEncoder().encode(before.toString()).length };
  });
})`

// wantHighlights lists the term findings of a report, one per span, in
// order.
func wantHighlights(l *lint.Linter, f report.File) []highlight {
	var out []highlight
	for _, x := range f.Findings {
		r := l.Rules.Get(x.Rule)
		if r == nil || r.Report == "" || len(out) > 0 && out[len(out)-1].Offset == x.Start.Offset {
			continue
		}
		out = append(out, highlight{x.Excerpt, x.Start.Offset})
	}
	return out
}

// saveScreenshot keeps a page's screenshot in the folder HYPELINT_ARTIFACTS
// names; without one it is not kept (each run would otherwise leave tens of
// megabytes in the system's temporary folder).
func saveScreenshot(t *testing.T, png []byte, name string) {
	t.Helper()
	require.NotEmpty(t, png, "the browser gave no screenshot")
	artifacts := os.Getenv("HYPELINT_ARTIFACTS")
	if artifacts == "" {
		t.Logf("screenshot %s: %d bytes, not kept (set HYPELINT_ARTIFACTS to a folder to keep it)", name, len(png))
		return
	}
	require.NoError(t, os.MkdirAll(artifacts, 0o755))
	path := filepath.Join(artifacts, name)
	require.NoError(t, os.WriteFile(path, png, 0o644))
	t.Logf("screenshot: %s", path)
}

func TestServeBrowserHighlightsFindings(t *testing.T) {
	p := openPage(t, 2*time.Minute)
	assert.Equal(t, "en", run(t, p, chromedp.Value(chromedp.CSS("#locale"))), "the page follows the browser's language")
	assert.Equal(t, "Lint", run(t, p, chromedp.TextContent(chromedp.CSS("#lint"))))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.SetValue(chromedp.CSS("#locale"), "zh-Hans"), chromedp.Func(
		func(ctx context.Context, target *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`document.getElementById('locale').dispatchEvent(new Event('change'))`)(ctx, target)
			return err
		})))
	assert.Equal(t, "检查", run(t, p, chromedp.TextContent(chromedp.CSS("#lint"))), "the page speaks Chinese")

	// Paste: the text arrives as one insertion, as from the clipboard.
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS("#text")),
		chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			_, err := cdp.Call(ctx, target, input.InsertText, input.InsertTextParams{Text: article})
			return err
		})))
	took := p.lint(t, time.Minute)
	t.Logf("lint and render: %v", took)

	want := apiReport(t, p.linter, "draft.txt", article, "zh-Hans")
	view := run(t, p, chromedp.Evaluate[string](`document.getElementById('view').textContent`))
	assert.Equal(t, article, view, "the page shows the draft unchanged")
	got := run(t, p, chromedp.Evaluate[[]highlight](termHighlights+`((m) => m)`))
	assert.Equal(t, wantHighlights(p.linter, want), got)
	var terms []string
	for _, h := range got {
		terms = append(terms, h.Text)
	}
	assert.Equal(t, []string{"重磅", "NMN", "逆转衰老", "重返青春", "研究显示", "神药", "返老还童", "无副作用", "扫码购买", "限时优惠"}, terms)

	// Hover shows the message; a click shows the message and explanation.
	const miracle = `//div[@id='view']//mark[.='神药']`
	title := run(t, p, chromedp.AttributeValue(miracle, "title"))
	var finding report.Finding
	for _, x := range want.Findings {
		if x.Excerpt == "神药" {
			finding = x
		}
	}
	require.Equal(t, "miracle-cure-claim", finding.Rule)
	assert.Contains(t, title.Value, finding.Message)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Click(miracle)))
	detail := run(t, p, chromedp.TextContent(chromedp.CSS("#detail")))
	assert.Contains(t, detail, "miracle-cure-claim")
	assert.Contains(t, detail, finding.Message)
	assert.Contains(t, detail, strings.TrimSpace(p.linter.Rules.Get("miracle-cure-claim").ExplanationIn("zh-Hans")))
	assert.Contains(t, run(t, p, chromedp.AttributeValue(miracle, "class")).Value, "selected")
	t.Logf("detail: %.120s…", detail)

	score := run(t, p, chromedp.TextContent(chromedp.CSS("#score")))
	assert.Equal(t, strconv.Itoa(*want.Score), score)
	t.Logf("score: %s/100", score)
	list := run(t, p, chromedp.Evaluate[int](`document.querySelectorAll('#list button.item').length`))
	assert.Equal(t, len(want.Findings), list, "every finding is listed")

	saveScreenshot(t, run(t, p, chromedp.FullScreenshot(100)), "hypelint-serve.png")

	// Upload a Markdown file that starts with a byte-order mark: the API's
	// offsets count its three bytes, and the page keeps it.
	upload := "\uFEFF# " + article
	path := filepath.Join(t.TempDir(), "upload.md")
	require.NoError(t, os.WriteFile(path, []byte(upload), 0o644))
	p.await(t, chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{path}), time.Minute)
	assert.Equal(t, "markdown", run(t, p, chromedp.Value(chromedp.CSS("#format"))))
	assert.Equal(t, upload, run(t, p, chromedp.Evaluate[string](`document.getElementById('view').textContent`)))
	assert.Equal(t, wantHighlights(p.linter, apiReport(t, p.linter, "upload.md", upload, "zh-Hans")),
		run(t, p, chromedp.Evaluate[[]highlight](termHighlights+`((m) => m)`)))
	p.mu.Lock()
	assert.Equal(t, []string{"application/json", "application/json"}, p.posted, "the API takes JSON only")
	assert.Equal(t, []string{p.url}, p.origins, "the page's requests name its own origin")
	p.mu.Unlock()
	p.checkNoProblems(t)
}

// TestServeBrowserLargeDraft lints and renders about 1 MB (the corpus
// repeated) and reports how long it took; the bound is generous on purpose.
func TestServeBrowserLargeDraft(t *testing.T) {
	p := openPage(t, 5*time.Minute)
	files, err := filepath.Glob("../../corpus/*/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var big strings.Builder
	for big.Len() < 1<<20 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			big.Write(data)
			big.WriteString("\n\n")
		}
	}
	text := big.String()
	require.NoError(t, chromedp.Do(p.ctx, chromedp.SetValue(chromedp.CSS("#text"), text),
		chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`window.longTasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(e.duration); })
  .observe({ type: 'longtask' });
true`)(ctx, target)
			return err
		})))
	took := p.lint(t, 4*time.Minute)

	type timings struct {
		Lint      int       `json:"lint"`
		Render    int       `json:"render"`
		Marks     int       `json:"marks"`
		Blocks    int       `json:"blocks"`
		LongTasks []float64 `json:"longTasks"`
	}
	got := run(t, p, chromedp.Evaluate[timings](`({
  lint: +document.body.dataset.lintMs, render: +document.body.dataset.renderMs,
  marks: document.querySelectorAll('#view mark').length, blocks: document.querySelectorAll('#view .block').length,
  longTasks: window.longTasks })`))
	longest := 0.0
	for _, d := range got.LongTasks {
		longest = max(longest, d)
	}
	t.Logf("%d bytes: click to done %v; request %d ms, render %d ms; %d marks in %d blocks; %d long tasks, longest %.0f ms",
		len(text), took.Round(time.Millisecond), got.Lint, got.Render, got.Marks, got.Blocks, len(got.LongTasks), longest)

	want := wantHighlights(p.linter, apiReport(t, p.linter, "draft.txt", text, "en"))
	require.Greater(t, len(want), 100)
	edges := run(t, p, chromedp.Evaluate[[]highlight](termHighlights+`((m) => [...m.slice(0, 3), ...m.slice(-3)])`))
	assert.Equal(t, append(want[:3:3], want[len(want)-3:]...), edges, "the first and last highlights sit at the right bytes")
	assert.Equal(t, len(text), run(t, p, chromedp.Evaluate[int](`new TextEncoder().encode(document.getElementById('view').textContent).length`)))
	shot, err := chromedp.Run(p.ctx, chromedp.Screenshot(chromedp.CSS("body")))
	require.NoError(t, err)
	saveScreenshot(t, shot, "hypelint-serve-1mb.png")
	p.checkNoProblems(t)
}
