// Package rules holds hypelint's built-in rule files, lexicons and conversion tables.
package rules

import "embed"

// FS holds every rule file, lexicon and table that ships inside the binary.
//
// lexicon.snapshot is the lexicons compiled (lexicon.Snapshot); after
// editing a lexicon file, rewrite it with
//
//	go test ./lint -run TestBuiltinSnapshotIsCurrent -update
//
//go:embed *.yaml lexicon/*.yaml zhconv/*.txt lexicon.snapshot
var FS embed.FS
