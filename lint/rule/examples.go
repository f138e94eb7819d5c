package rule

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/lint/document"
)

// Examples are short articles (first line is the title) that `hypelint
// test` and the test suite lint: each bad one must produce this rule's
// finding (on the marked spans, when it marks any), no good one may.
//
// An example is a string, or a mapping with text: and span: (the text the
// finding must cover, or a list of them). In a bad example written as a
// string, {{…}} or 【…】 mark the spans the rule must report (the markers are
// not part of the text); a text that needs a real 【 is written as a
// mapping, where nothing is read as a marker.
type Examples struct {
	Bad  []string // the texts, without markers
	Good []string
	// BadSpans are the marked spans of each bad example (byte offsets in
	// its text; none: any finding of the rule will do).
	BadSpans [][]document.Span
	// BadLines and GoodLines are where each example starts in its file.
	BadLines, GoodLines []int
}

// Example is one example of a rule, for running it.
type Example struct {
	Bad   bool
	Text  string
	Spans []document.Span // for a bad example: where the rule must report
	Line  int             // where it starts in the rule's file (0: unknown)
}

// Cases lists the examples, bad ones first.
func (x Examples) Cases() []Example {
	var out []Example
	for i, text := range x.Bad {
		ex := Example{Bad: true, Text: text}
		if i < len(x.BadSpans) {
			ex.Spans = x.BadSpans[i]
		}
		if i < len(x.BadLines) {
			ex.Line = x.BadLines[i]
		}
		out = append(out, ex)
	}
	for i, text := range x.Good {
		ex := Example{Text: text}
		if i < len(x.GoodLines) {
			ex.Line = x.GoodLines[i]
		}
		out = append(out, ex)
	}
	return out
}

// UnmarshalYAML reads bad: and good: lists, keeping each example's line and
// marked spans.
func (x *Examples) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: examples is a mapping with bad: and good: lists", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, list := n.Content[i], n.Content[i+1]
		if key.Value != "bad" && key.Value != "good" {
			return fmt.Errorf("line %d: unknown key %q in examples (want bad, good)", key.Line, key.Value)
		}
		if list.Kind != yaml.SequenceNode {
			return fmt.Errorf("line %d: examples %s: want a list of examples", list.Line, key.Value)
		}
		for _, item := range list.Content {
			text, spans, err := readExample(item, key.Value == "bad")
			if err != nil {
				return err
			}
			if key.Value == "bad" {
				x.Bad, x.BadSpans, x.BadLines = append(x.Bad, text), append(x.BadSpans, spans), append(x.BadLines, exampleLine(item))
			} else {
				x.Good, x.GoodLines = append(x.Good, text), append(x.GoodLines, exampleLine(item))
			}
		}
	}
	return nil
}

// exampleLine is the first line of an example's text: a block scalar
// (|) starts on the line after its indicator.
func exampleLine(n *yaml.Node) int {
	if n.Kind == yaml.ScalarNode && (n.Style == yaml.LiteralStyle || n.Style == yaml.FoldedStyle) {
		return n.Line + 1
	}
	return n.Line
}

func readExample(n *yaml.Node, bad bool) (string, []document.Span, error) {
	switch {
	case n.Kind == yaml.ScalarNode && bad:
		return unmark(n)
	case n.Kind == yaml.ScalarNode:
		return n.Value, nil, nil
	case n.Kind != yaml.MappingNode:
		return "", nil, fmt.Errorf("line %d: an example is a text, or a mapping with the keys text and span", n.Line)
	}
	var m struct {
		Text string    `yaml:"text"`
		Span yaml.Node `yaml:"span"`
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Value != "text" && k.Value != "span" {
			return "", nil, fmt.Errorf("line %d: unknown key %q in an example (want text, span)", k.Line, k.Value)
		}
	}
	if err := n.Decode(&m); err != nil {
		return "", nil, err
	}
	var terms []string
	switch m.Span.Kind {
	case 0:
	case yaml.ScalarNode:
		terms = []string{m.Span.Value}
	default:
		if err := m.Span.Decode(&terms); err != nil {
			return "", nil, fmt.Errorf("line %d: span: a text or a list of texts", m.Span.Line)
		}
	}
	if len(terms) > 0 && !bad {
		return "", nil, fmt.Errorf("line %d: a good example has no span: it must produce no finding", m.Span.Line)
	}
	var spans []document.Span
	from := 0
	for _, t := range terms {
		i := strings.Index(m.Text[from:], t)
		if t == "" || i < 0 {
			return "", nil, fmt.Errorf("line %d: span %q is not in the example's text (after what the spans before it cover)", m.Span.Line, t)
		}
		spans = append(spans, document.Span{Start: from + i, End: from + i + len(t)})
		from += i + len(t)
	}
	return m.Text, spans, nil
}

// markers open and close an expected span in a bad example.
var markers = [][2]string{{"{{", "}}"}, {"【", "】"}}

// unmark removes the span markers from a bad example's text and returns
// the spans they marked.
func unmark(n *yaml.Node) (string, []document.Span, error) {
	s := n.Value
	var b strings.Builder
	var spans []document.Span
	for {
		open, marker := -1, [2]string{}
		for _, m := range markers {
			if i := strings.Index(s, m[0]); i >= 0 && (open < 0 || i < open) {
				open, marker = i, m
			}
		}
		if open < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:open])
		s = s[open+len(marker[0]):]
		end := strings.Index(s, marker[1])
		if end <= 0 {
			return "", nil, fmt.Errorf("line %d: %s opens a marked span that %s does not close (write the example as a mapping with text: to keep %s as text)",
				exampleLine(n), marker[0], marker[1], marker[0])
		}
		start := b.Len()
		b.WriteString(s[:end])
		spans = append(spans, document.Span{Start: start, End: b.Len()})
		s = s[end+len(marker[1]):]
	}
	return b.String(), spans, nil
}
