package lexicon

import "sort"

// automaton is an Aho–Corasick matcher over the bytes of normalized text. It
// reports every occurrence of every term, overlapping ones included, each at
// its own offset: a term twice on a line is two matches.
type automaton struct {
	root  [256]int32 // dense transitions out of the root, the hottest state
	nodes []acNode
}

type acNode struct {
	edges []acEdge // sorted by byte
	fail  int32
	out   []int32 // indices of the terms that end here, including by suffix
}

type acEdge struct {
	b    byte
	next int32
}

func (n *acNode) step(b byte) int32 {
	i := sort.Search(len(n.edges), func(i int) bool { return n.edges[i].b >= b })
	if i < len(n.edges) && n.edges[i].b == b {
		return n.edges[i].next
	}
	return -1
}

func buildAutomaton(terms []string) *automaton {
	a := &automaton{nodes: []acNode{{}}}
	for id, t := range terms {
		s := int32(0)
		for i := 0; i < len(t); i++ {
			next := a.nodes[s].step(t[i])
			if next < 0 {
				next = int32(len(a.nodes))
				a.nodes = append(a.nodes, acNode{})
				a.addEdge(s, t[i], next)
			}
			s = next
		}
		a.nodes[s].out = append(a.nodes[s].out, int32(id))
	}
	a.link()
	return a
}

func (a *automaton) addEdge(s int32, b byte, next int32) {
	edges := a.nodes[s].edges
	i := sort.Search(len(edges), func(i int) bool { return edges[i].b >= b })
	edges = append(edges, acEdge{})
	copy(edges[i+1:], edges[i:])
	edges[i] = acEdge{b, next}
	a.nodes[s].edges = edges
}

// link sets failure links breadth first and merges output sets along them.
func (a *automaton) link() {
	queue := make([]int32, 0, len(a.nodes))
	for _, e := range a.nodes[0].edges {
		a.nodes[e.next].fail = 0
		queue = append(queue, e.next)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, e := range a.nodes[s].edges {
			f := a.nodes[s].fail
			for {
				if next := a.nodes[f].step(e.b); next >= 0 {
					a.nodes[e.next].fail = next
					break
				}
				if f == 0 {
					a.nodes[e.next].fail = 0
					break
				}
				f = a.nodes[f].fail
			}
			fail := a.nodes[e.next].fail
			a.nodes[e.next].out = append(a.nodes[e.next].out, a.nodes[fail].out...)
			queue = append(queue, e.next)
		}
	}
	for b := range a.root {
		a.root[b] = max(a.nodes[0].step(byte(b)), 0)
	}
}

// scan calls found(term, end) for every occurrence, end exclusive.
func (a *automaton) scan(text string, found func(term int32, end int)) {
	s := int32(0)
	for i := 0; i < len(text); i++ {
		b := text[i]
		for {
			if s == 0 {
				s = a.root[b]
				break
			}
			if next := a.nodes[s].step(b); next >= 0 {
				s = next
				break
			}
			s = a.nodes[s].fail
		}
		for _, t := range a.nodes[s].out {
			found(t, i+1)
		}
	}
}
