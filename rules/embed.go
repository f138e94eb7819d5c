// Package rules holds hypelint's built-in rule files, lexicons and conversion tables.
package rules

import "embed"

// FS holds every rule file, lexicon and table that ships inside the binary.
//
//go:embed *.yaml lexicon/*.yaml zhconv/*.txt
var FS embed.FS
