// Package yamlfile decodes hypelint's YAML files (rules, lexicons, config)
// so that every problem is reported as "file:line: message".
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// File is a named YAML file's content; Name is what errors call it.
type File struct {
	Name string
	Data []byte
}

// ReadDir reads the *.yaml files directly in dir of fsys, in name order,
// naming each as prefix joined with its path (so errors point at the
// user's file, not at a path inside an fs.FS).
func ReadDir(fsys fs.FS, dir, prefix string) ([]File, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	files := make([]File, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: path.Join(prefix, name), Data: data})
	}
	return files, nil
}

// Error locates a problem in a file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// At returns an Error at a node's line.
func At(file string, n *yaml.Node, format string, args ...any) *Error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

var lineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:yaml: )?line (\d+): `) })

// parserProblems are go-yaml's parser errors. It numbers their lines from
// 0 (its scanner errors, from 1), and leaves the line out when it is the
// first.
var parserProblems = []string{
	"did not find expected <stream-start>", "did not find expected <document start>",
	"did not find expected node content", "did not find expected key", "did not find expected '-' indicator",
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "found undefined tag handle",
	"found duplicate %YAML directive", "found incompatible YAML document", "found duplicate %TAG directive",
}

// syntaxProblem matches go-yaml's parser and scanner errors, which come
// without a line when it is the first.
var syntaxProblem = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:found |did not find |could not find |mapping values |block sequence entries |while |exceeded max depth)`)
})

// Wrap turns a YAML decoding error into file:line errors, one per line.
func Wrap(file string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		lines := make([]string, len(te.Errors))
		for i, e := range te.Errors {
			lines[i] = wrapOne(file, e).Error()
		}
		return errors.New(strings.Join(lines, "\n"))
	}
	return wrapOne(file, err.Error())
}

func wrapOne(file, msg string) error {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := lineRE().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
		if slices.Contains(parserProblems, msg) {
			line++
		}
		return &Error{File: file, Line: line, Msg: msg}
	}
	if syntaxProblem().MatchString(msg) {
		return &Error{File: file, Line: 1, Msg: msg}
	}
	return &Error{File: file, Msg: msg}
}

// CheckKeys reports the first key of mapping n that is not one of known.
func CheckKeys(file string, n *yaml.Node, known ...string) error {
	if n.Kind != yaml.MappingNode {
		return At(file, n, "expected a mapping")
	}
	for i := 0; i < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(known, k.Value) {
			return At(file, k, "unknown key %q (known keys: %s)", k.Value, strings.Join(known, ", "))
		}
	}
	return nil
}

// Parse decodes data into a document node. A key written twice in one
// mapping is an error (go-yaml would keep the first quietly).
func Parse(file string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		err = Wrap(file, err)
		// An error at the end of the input is on the last line, not on
		// the empty one after its line end.
		var e *Error
		if errors.As(err, &e) && e.Line > 1 && e.Line > bytes.Count(data, []byte("\n")) {
			e.Line = max(1, len(bytes.Split(bytes.TrimRight(data, "\r\n"), []byte("\n"))))
		}
		return nil, err
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1}, nil
	}
	if err := CheckDuplicates(file, doc.Content[0]); err != nil {
		return nil, err
	}
	return doc.Content[0], nil
}

// CheckDuplicates reports the first key that repeats one before it in the
// same mapping, anywhere under n.
func CheckDuplicates(file string, n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		first := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			if line, ok := first[k.Value]; ok {
				return At(file, k, "duplicate key %q (first on line %d); keep one", k.Value, line)
			}
			first[k.Value] = k.Line
		}
	}
	for _, c := range n.Content {
		if err := CheckDuplicates(file, c); err != nil {
			return err
		}
	}
	return nil
}

// Get returns the value node of key in mapping n, or nil.
func Get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
