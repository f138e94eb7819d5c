package lexicon

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/yamlfile"
)

// lexiconFile is the YAML shape of one lexicon file.
type lexiconFile struct {
	Classes yaml.Node `yaml:"classes"` // a mapping, kept as a node for order and lines
	Ignore  termLists `yaml:"ignore"`
}

type termLists struct {
	Zh       []entry `yaml:"zh"`
	ZhTW     []entry `yaml:"zh-TW"`
	ZhHK     []entry `yaml:"zh-HK"`
	En       []entry `yaml:"en"`
	Patterns []entry `yaml:"patterns"`
}

type classDef struct {
	Description string      `yaml:"description"`
	Source      string      `yaml:"source"`
	Phrases     []phraseDef `yaml:"phrases"`
	SlotOnly    bool        `yaml:"slot_only"`
	termLists   `yaml:",inline"`
}

// entry is a term or pattern, written as a plain string or as a mapping that
// names its own source.
type entry struct {
	Text   string
	Source string
	Line   int
}

func (e *entry) UnmarshalYAML(n *yaml.Node) error {
	e.Line = n.Line
	if n.Kind == yaml.ScalarNode {
		e.Text = n.Value
		return nil
	}
	var m struct {
		Term    string `yaml:"term"`
		Pattern string `yaml:"pattern"`
		Source  string `yaml:"source"`
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a term is a string or a mapping with term and source", n.Line)
	}
	for i := 0; i < len(n.Content); i += 2 {
		switch k := n.Content[i].Value; k {
		case "term", "pattern", "source":
		default:
			return fmt.Errorf("line %d: unknown key %q in a term (want term, pattern, source)", n.Content[i].Line, k)
		}
	}
	if err := n.Decode(&m); err != nil {
		return err
	}
	e.Text, e.Source = m.Term+m.Pattern, m.Source
	return nil
}

// builder accumulates classes and terms from several files.
type builder struct {
	lex     *Lexicon
	termIDs map[string]int32
	pending []pendingPhrase // phrases whose slots are resolved at the end
}

// Compile builds one lexicon from files in order; a class defined in
// several files (a newsroom's own terms) gathers the terms of all of them.
func Compile(files []yamlfile.File) (*Lexicon, error) {
	b := &builder{lex: &Lexicon{byName: map[string]int{}}, termIDs: map[string]int32{}}
	for _, f := range files {
		if err := b.addFile(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	if err := b.resolvePhrases(); err != nil {
		return nil, err
	}
	return b.finish()
}

// Parse compiles a lexicon from in-memory files (name → content), for tests.
func Parse(files map[string]string) (*Lexicon, error) {
	var list []yamlfile.File
	for _, name := range sortedKeys(files) {
		list = append(list, yamlfile.File{Name: name, Data: []byte(files[name])})
	}
	return Compile(list)
}

// patternSets sets the bits of the patterns that always run and of those
// gated on digits only, and the compact clause masks Match reads; it fails
// on a lexicon too large for the hot records (see indexTerms, which
// takes bitOf).
func (l *Lexicon) patternSets(bitOf [][8]int32) error {
	words, n := len(l.regexes)/64+1, len(l.regexes) // a bit for the spare slot too (hotTerm)
	l.alwaysSet, l.digitSet = make([]uint64, words), make([]uint64, words)
	l.needLiterals = make([]uint8, n+1)
	l.needLiterals[n] = noTriggerNeed
	if err := l.indexTerms(bitOf); err != nil {
		return err
	}
	l.slotOnly = make([]bool, len(l.Classes))
	for c := range l.Classes {
		l.slotOnly[c] = l.Classes[c].SlotOnly
	}
	for i := range l.regexes {
		p := &l.regexes[i]
		p.ahead, p.behind, p.next.set = p.ahead.indexed(), p.behind.indexed(), p.next.set.indexed()
		p.walkAhead, p.walkBehind = walks(&p.ahead, p.before), walks(&p.behind, p.after)
		if p.always {
			l.alwaysSet[i/64] |= 1 << (i % 64)
		}
		if !p.always && p.clauses == p.digitClause {
			l.digitSet[i/64] |= 1 << (i % 64)
			l.digitOnly = true
		}
		// At most maxClauses (8) clauses: a byte holds their bits.
		l.needLiterals[i] = uint8(p.clauses &^ p.digitClause)
	}
	return nil
}

func (b *builder) finish() (*Lexicon, error) {
	if err := b.lex.patternSets(nil); err != nil {
		return nil, err
	}
	texts := make([]string, len(b.lex.terms))
	for i, t := range b.lex.terms {
		texts[i] = t.text
	}
	b.lex.ac = buildAutomaton(texts)
	return b.lex, nil
}

func (b *builder) addFile(name string, data []byte) error {
	var f lexiconFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return yamlfile.Wrap(name, err)
	}
	if f.Classes.Kind != 0 && f.Classes.Kind != yaml.MappingNode {
		return &yamlfile.Error{File: name, Line: f.Classes.Line, Msg: "classes must be a mapping from class name to its definition"}
	}
	if err := yamlfile.CheckDuplicates(name, &f.Classes); err != nil {
		return err
	}
	for i := 0; i+1 < len(f.Classes.Content); i += 2 {
		if err := b.addClass(name, f.Classes.Content[i], f.Classes.Content[i+1]); err != nil {
			return err
		}
	}
	for _, list := range [][]entry{f.Ignore.Zh, f.Ignore.ZhTW, f.Ignore.ZhHK, f.Ignore.En} {
		for _, e := range list {
			if err := b.addTerm(name, e, -1); err != nil {
				return err
			}
		}
	}
	if len(f.Ignore.Patterns) > 0 {
		return &yamlfile.Error{File: name, Line: f.Ignore.Patterns[0].Line, Msg: "ignore takes terms, not patterns"}
	}
	return nil
}

func (b *builder) addClass(file string, key, value *yaml.Node) error {
	var def classDef
	if err := yamlfile.CheckKeys(file, value, "description", "source", "zh", "zh-TW", "zh-HK", "en", "patterns", "phrases", "slot_only"); err != nil {
		return err
	}
	if err := value.Decode(&def); err != nil {
		return yamlfile.Wrap(file, err)
	}
	name := key.Value
	if !validClassName(name) {
		return &yamlfile.Error{File: file, Line: key.Line, Msg: fmt.Sprintf("class name %q: use lower case letters, digits and _", name)}
	}
	id, exists := b.lex.byName[name]
	if !exists {
		id = len(b.lex.Classes)
		b.lex.byName[name] = id
		b.lex.Classes = append(b.lex.Classes, Class{Name: name, File: file})
	}
	c := &b.lex.Classes[id]
	c.Description = firstNonEmpty(def.Description, c.Description)
	c.Source = firstNonEmpty(def.Source, c.Source)
	c.SlotOnly = c.SlotOnly || def.SlotOnly
	for _, list := range [][]entry{def.Zh, def.ZhTW, def.ZhHK, def.En} {
		for _, e := range list {
			if err := b.addTerm(file, e, id); err != nil {
				return err
			}
		}
	}
	for i, ph := range def.Phrases {
		ph.Line = value.Line
		if n := yamlfile.Get(value, "phrases"); n != nil && i < len(n.Content) {
			ph.Line = n.Content[i].Line
		}
		if err := b.addPhrase(ph, id); err != nil {
			return &yamlfile.Error{File: file, Line: ph.Line, Msg: fmt.Sprintf("class %s: phrase: %v", name, err)}
		}
		b.pending[len(b.pending)-1].file = file
		c.Terms++
	}
	for _, p := range def.Patterns {
		if err := b.addPattern(p.Text, id); err != nil {
			return &yamlfile.Error{File: file, Line: p.Line, Msg: fmt.Sprintf("class %s: pattern %q: %v", name, p.Text, err)}
		}
		c.Terms++
	}
	return nil
}

// addTerm adds every expansion of e to class (or to the ignore list when
// class is -1).
func (b *builder) addTerm(file string, e entry, class int) error {
	forms, err := expand(e.Text)
	if err != nil {
		return &yamlfile.Error{File: file, Line: e.Line, Msg: fmt.Sprintf("term %q: %v", e.Text, err)}
	}
	for _, form := range forms {
		text := normalize.Normalize(form).Text
		if text == "" {
			return &yamlfile.Error{File: file, Line: e.Line, Msg: fmt.Sprintf("term %q is empty after normalization", e.Text)}
		}
		id := b.termID(text)
		if class < 0 {
			b.lex.terms[id].ignore = true
		} else if !slices.Contains(b.lex.terms[id].classes, class) {
			b.lex.terms[id].classes = append(b.lex.terms[id].classes, class)
			b.lex.Classes[class].Terms++
		}
	}
	return nil
}

// addPattern adds a pattern of class and the literals that gate it. The
// regexp itself is compiled on first use (see lazyRegexp).
func (b *builder) addPattern(src string, class int) error {
	parsed, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return err
	}
	p := pattern{re: newLazyRegexp(src), class: class}
	for i, name := range parsed.CapNames() {
		if name == "t" {
			p.group = i
		}
	}
	clauses := gate(requiredClauses(parsed.Simplify()))
	p.always = len(clauses) == 0
	p.clauses = uint64(1)<<len(clauses) - 1
	p.window = window(clauses)
	p.ahead, p.behind, p.next = reach{other: -1}, reach{other: -1}, nextAnything
	if p.window >= 0 {
		c := clauses[p.window]
		p.before, p.after, p.ahead, p.behind, p.next = c.before, c.after, c.ahead, c.behind, c.next
		if classSize(p.next.set.runes) > maxReachRunes {
			// So many runes may follow the literal that the test would
			// pass nearly every occurrence, and cost more than it saves.
			p.next = nextAnything
		}
	}
	index := int32(len(b.lex.regexes))
	b.lex.regexes = append(b.lex.regexes, p)
	for ci, c := range clauses {
		for _, lit := range c.lits {
			if lit == digitLiteral {
				b.lex.regexes[index].digitClause |= 1 << ci
				continue
			}
			id := b.termID(lit)
			b.lex.terms[id].triggers = append(b.lex.terms[id].triggers,
				trigger{pattern: index, clause: uint8(ci), window: ci == p.window})
		}
	}
	return nil
}

// termID returns the index of a normalized term, adding it if new.
func (b *builder) termID(text string) int32 {
	if id, ok := b.termIDs[text]; ok {
		return id
	}
	id := int32(len(b.lex.terms))
	b.termIDs[text] = id
	first, _ := firstRune(text)
	last, _ := lastRune(text)
	b.lex.terms = append(b.lex.terms, term{text: text, latinL: isWordRune(first), latinR: isWordRune(last)})
	return id
}
