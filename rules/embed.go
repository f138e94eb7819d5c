// Package rules holds hypelint's built-in rule files, lexicons and conversion tables.
package rules

import "embed"

// FS holds every rule file, lexicon and table that ships inside the binary.
//
//go:embed *.yaml lexicon/*.yaml zhconv/*.txt
var FS embed.FS

// LexiconSnapshot is the lexicons compiled (lexicon.Snapshot), held as a
// string so that loading reads it in place. After editing a lexicon file,
// rewrite it with
//
//	go test ./lint -run TestBuiltinSnapshotsAreCurrent -update
//
//go:embed lexicon.snapshot
var LexiconSnapshot string

// RuleSnapshot is the rule files parsed (rule.Parsed.Snapshot), rewritten by
// the same command.
//
//go:embed rules.snapshot
var RuleSnapshot string

// The Simplified-to-Taiwan tables lint/zhconv searches in place (sorted
// "KEY<TAB>VALUE" lines, also in FS), held as strings so that using them
// copies nothing.
var (
	//go:embed zhconv/s2t_phrases.txt
	S2TPhrases string
	//go:embed zhconv/s2t_chars.txt
	S2TChars string
	//go:embed zhconv/tw_phrases.txt
	TWPhrases string
	//go:embed zhconv/tw_variants.txt
	TWVariants string
	// T2S is the Traditional-to-Simplified fold table, searched in place
	// until a process has folded enough to build its dense form.
	//
	//go:embed zhconv/t2s.txt
	T2S string
)
