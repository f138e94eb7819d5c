// Package yamlfile decodes hypelint's YAML files (rules, lexicons, config)
// so that every problem is reported as "file:line: message".
package yamlfile

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

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

var lineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

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
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: file, Line: line, Msg: msg[len(m[0]):]}
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

// Parse decodes data into a document node.
func Parse(file string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Wrap(file, err)
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1}, nil
	}
	return doc.Content[0], nil
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
