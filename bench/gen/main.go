// Command gen writes a reproducible synthetic archive for benchmarking
// hypelint, built from the paragraphs of the corpus articles.
//
//	go run ./bench/gen -out DIR -files N -seed S [-large 1,10,100] [-corpus corpus]
//
// DIR/archive holds N articles (zh-Hans, zh-Hant and en; Markdown and plain
// text; 1–20 KB each), each made of shuffled paragraphs from corpus articles
// of one script. DIR/large-<n>MB.txt is a single plain-text "book" of n×10⁶
// bytes, as text extracted from a PDF: chapters of long paragraphs, every line
// hard-wrapped at about 60 characters. The same seed gives the same bytes.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"html"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	minSize  = 1_000
	maxSize  = 20_000
	perDir   = 500 // articles per archive folder, as in a year/month layout
	wrapCols = 60  // PDF line width, in characters
)

// block is one paragraph-level block of a corpus article.
type block struct {
	text     string
	markdown bool // uses Markdown syntax (emphasis, links): only for .md output
}

// pool is the material of one script.
type pool struct {
	script string
	titles []string
	blocks []block
}

var scripts = []string{"zh-Hans", "zh-Hant", "en"}

func main() {
	out := flag.String("out", "bench/out", "output directory")
	files := flag.Int("files", 0, "number of archive articles to write to OUT/archive (0: none)")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same files")
	large := flag.String("large", "", "comma-separated sizes in MB (10⁶ bytes) of single large files, e.g. 1,10,100")
	corpus := flag.String("corpus", "corpus", "the corpus directory to take paragraphs from")
	flag.Parse()
	if *files <= 0 && *large == "" {
		fmt.Fprintln(os.Stderr, "gen: nothing to do: give -files N and/or -large SIZES")
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*out, *corpus, *files, *seed, *large); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}

func run(out, corpus string, files int, seed uint64, large string) error {
	pools, err := loadPools(corpus)
	if err != nil {
		return err
	}
	if files > 0 {
		if err := writeArchive(filepath.Join(out, "archive"), pools, files, seed); err != nil {
			return err
		}
	}
	for _, f := range strings.FieldsFunc(large, func(r rune) bool { return r == ',' }) {
		mb, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || mb <= 0 {
			return fmt.Errorf("-large: bad size %q", f)
		}
		path := filepath.Join(out, fmt.Sprintf("large-%dMB.txt", mb))
		if err := writeBook(path, pools, mb*1_000_000, seed+uint64(mb)); err != nil {
			return err
		}
		fmt.Printf("gen: wrote %s\n", path)
	}
	return nil
}

// writeArchive replaces dir with n articles and a .complete marker (hidden,
// so hypelint's directory walk skips it) recording what was written.
func writeArchive(dir string, pools []*pool, n int, seed uint64) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0x68797065))
	total := 0
	for i := range n {
		p := pools[pickScript(rng)]
		ext := "txt"
		if rng.IntN(10) < 4 {
			ext = "md"
		}
		// Log-uniform sizes: most articles are a few KB, some near 20 KB.
		size := int(minSize * math.Pow(maxSize/minSize, rng.Float64()))
		text := article(rng, p, ext == "md", size)
		path := filepath.Join(dir, fmt.Sprintf("%03d", i/perDir), fmt.Sprintf("%05d-%s.%s", i, p.script, ext))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
		total += len(text)
	}
	marker := fmt.Sprintf("files=%d bytes=%d seed=%d\n", n, total, seed)
	fmt.Printf("gen: wrote %s: %s", dir, marker)
	return os.WriteFile(filepath.Join(dir, ".complete"), []byte(marker), 0o644)
}

// pickScript draws a script: 40% zh-Hans, 25% zh-Hant, 35% en.
func pickScript(rng *rand.Rand) int {
	switch r := rng.IntN(100); {
	case r < 40:
		return 0
	case r < 65:
		return 1
	}
	return 2
}

// article is a title and shuffled blocks of one script, between minSize and
// maxSize bytes and close to size.
func article(rng *rand.Rand, p *pool, md bool, size int) string {
	var sb strings.Builder
	title := p.titles[rng.IntN(len(p.titles))]
	if md {
		sb.WriteString("# ")
	}
	sb.WriteString(title + "\n\n")
	for _, i := range rng.Perm(len(p.blocks)) {
		b := p.blocks[i]
		if b.markdown && !md {
			continue
		}
		if sb.Len()+len(b.text)+2 > maxSize {
			continue
		}
		sb.WriteString(b.text + "\n\n")
		if sb.Len() >= size {
			break
		}
	}
	// Never below minSize, even when maxSize left few blocks usable.
	for sb.Len() < min(size, minSize) {
		b := p.blocks[rng.IntN(len(p.blocks))]
		if !b.markdown || md {
			sb.WriteString(b.text + "\n\n")
		}
	}
	return sb.String()
}

// writeBook writes a plain-text book of about size bytes: a title, then
// chapters of paragraphs from one script each, hard-wrapped like PDF text.
func writeBook(path string, pools []*pool, size int, seed uint64) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	// Written under a temporary name, so an interrupted run leaves no
	// truncated book behind for bench/run to take as done.
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	cw := &countWriter{w: w}
	rng := rand.New(rand.NewPCG(seed, 0x626f6f6b))
	fmt.Fprintf(cw, "Health Science Reporting: A Reader (%d MB edition)\n\n", size/1_000_000)
	for ch := 1; cw.n < size; ch++ {
		p := pools[pickScript(rng)]
		if p.script == "en" {
			fmt.Fprintf(cw, "Chapter %d\n\n", ch)
		} else {
			fmt.Fprintf(cw, "第%d章\n\n", ch)
		}
		for range 30 + rng.IntN(50) {
			b := p.blocks[rng.IntN(len(p.blocks))]
			if b.markdown || strings.HasPrefix(b.text, "|") {
				continue // no Markdown or tables in a book's text
			}
			cw.WriteString(wrap(strings.ReplaceAll(b.text, "\n", " "), wrapCols) + "\n\n")
			if cw.n >= size {
				break
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}

type countWriter struct {
	w *bufio.Writer
	n int
}

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return c.w.Write(p)
}

func (c *countWriter) WriteString(s string) {
	c.n += len(s)
	c.w.WriteString(s)
}

// wrap breaks text into lines of at most cols characters: Latin text at the
// last space that fits, Chinese text anywhere.
func wrap(text string, cols int) string {
	var sb strings.Builder
	for {
		text = strings.TrimLeft(text, " ")
		if utf8.RuneCountInString(text) <= cols {
			sb.WriteString(text)
			return sb.String()
		}
		cut := 0 // byte offset after cols runes
		for range cols {
			_, size := utf8.DecodeRuneInString(text[cut:])
			cut += size
		}
		// Inside a Latin word or number: break before it, if it is short.
		start := cut
		for start > 0 && isAlnum(text[start-1]) {
			start--
		}
		if cut < len(text) && isAlnum(text[cut]) && start > 0 && cut-start < 20 {
			cut = start
		}
		sb.WriteString(strings.TrimRight(text[:cut], " ") + "\n")
		text = text[cut:]
	}
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// loadPools reads the corpus articles of each script into titles and blocks.
func loadPools(corpus string) ([]*pool, error) {
	var pools []*pool
	for _, script := range scripts {
		p := &pool{script: script}
		var paths []string
		for _, ext := range []string{"txt", "md", "html"} {
			m, _ := filepath.Glob(filepath.Join(corpus, script, "*."+ext))
			paths = append(paths, m...)
		}
		sort.Strings(paths)
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			title, blocks := split(filepath.Ext(path), strings.ReplaceAll(string(data), "\r\n", "\n"))
			if title != "" {
				p.titles = append(p.titles, title)
			}
			p.blocks = append(p.blocks, blocks...)
		}
		if len(p.titles) == 0 || len(p.blocks) == 0 {
			return nil, fmt.Errorf("no articles in %s", filepath.Join(corpus, script))
		}
		pools = append(pools, p)
	}
	return pools, nil
}

var (
	htmlTitle = regexp.MustCompile(`(?is)<title>(.*?)</title>`)
	htmlBlock = regexp.MustCompile(`(?is)<(?:p|li|h[2-6]|figcaption|blockquote)\b[^>]*>(.*?)</(?:p|li|h[2-6]|figcaption|blockquote)>`)
	htmlTag   = regexp.MustCompile(`<[^>]*>`)
	mdSyntax  = regexp.MustCompile("(?m)[*_`\\[\\]<>]|^#")
)

// split returns an article's title and its blocks, without suppression
// comments, front matter or code.
func split(ext, src string) (string, []block) {
	if ext == ".html" {
		title := ""
		if m := htmlTitle.FindStringSubmatch(src); m != nil {
			title = clean(m[1])
		}
		var blocks []block
		for _, m := range htmlBlock.FindAllStringSubmatch(src, -1) {
			if t := clean(m[1]); t != "" {
				blocks = append(blocks, block{text: t})
			}
		}
		return title, blocks
	}
	if ext == ".md" && strings.HasPrefix(src, "---\n") {
		if end := strings.Index(src[4:], "\n---\n"); end >= 0 {
			src = src[4+end+5:]
		}
	}
	title := ""
	var blocks []block
	for _, raw := range strings.Split(src, "\n\n") {
		t := strings.TrimSpace(raw)
		if t == "" || strings.Contains(t, "hypelint-") || strings.HasPrefix(t, "```") {
			continue
		}
		if title == "" {
			title = strings.TrimPrefix(t, "# ")
			continue
		}
		blocks = append(blocks, block{text: t, markdown: ext == ".md" && mdSyntax.MatchString(t)})
	}
	return title, blocks
}

func clean(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(htmlTag.ReplaceAllString(s, ""))), " ")
}
