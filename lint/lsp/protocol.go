package lsp

import "encoding/json"

// The subset of the Language Server Protocol 3.17 the server speaks.

// Position is a zero-based line and a character offset in the negotiated
// position encoding.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is a half-open range of positions.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Diagnostic severities and tags.
const (
	SeverityError       = 1
	SeverityWarning     = 2
	SeverityInformation = 3
	TagUnnecessary      = 1
)

// Diagnostic is one finding as the client shows it.
type Diagnostic struct {
	Range    Range  `json:"range"`
	Severity int    `json:"severity,omitempty"`
	Code     any    `json:"code,omitempty"` // the rule id (clients may send numbers)
	Source   string `json:"source,omitempty"`
	Message  string `json:"message"`
	Tags     []int  `json:"tags,omitempty"`
	// RelatedInformation: the study a claim was judged against (see related.go).
	RelatedInformation []RelatedInformation `json:"relatedInformation,omitempty"`
	// CodeDescription links the rule id to its documentation (editors
	// show the code as a link).
	CodeDescription *CodeDescription `json:"codeDescription,omitempty"`
}

// CodeDescription is LSP's link for a diagnostic's code.
type CodeDescription struct {
	Href string `json:"href"`
}

type textDocumentIdentifier struct {
	URI string `json:"uri"`
}

type textDocumentItem struct {
	URI        string `json:"uri"`
	LanguageID string `json:"languageId"`
	Version    int    `json:"version"`
	Text       string `json:"text"`
}

type initializeParams struct {
	Locale                string `json:"locale"`
	InitializationOptions struct {
		Locale string `json:"locale"`
	} `json:"initializationOptions"`
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		TextDocument struct {
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
		} `json:"textDocument"`
	} `json:"capabilities"`
}

type didOpenParams struct {
	TextDocument textDocumentItem `json:"textDocument"`
}

type didChangeParams struct {
	TextDocument struct {
		URI     string `json:"uri"`
		Version int    `json:"version"`
	} `json:"textDocument"`
	ContentChanges []struct {
		Range *Range `json:"range"`
		Text  string `json:"text"`
	} `json:"contentChanges"`
}

type didCloseParams struct {
	TextDocument textDocumentIdentifier `json:"textDocument"`
}

type publishDiagnosticsParams struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

type textDocumentPositionParams struct {
	TextDocument textDocumentIdentifier `json:"textDocument"`
	Position     Position               `json:"position"`
}

type markupContent struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

type hover struct {
	Contents markupContent `json:"contents"`
	Range    *Range        `json:"range,omitempty"`
}

type codeActionParams struct {
	TextDocument textDocumentIdentifier `json:"textDocument"`
	Range        Range                  `json:"range"`
	Context      struct {
		Diagnostics []Diagnostic `json:"diagnostics"`
		Only        []string     `json:"only"`
	} `json:"context"`
}

// TextEdit replaces a range of a document with new text.
type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

// WorkspaceEdit holds edits per document URI.
type WorkspaceEdit struct {
	Changes map[string][]TextEdit `json:"changes"`
}

// CodeAction is a fix the client can apply.
type CodeAction struct {
	Title       string        `json:"title"`
	Kind        string        `json:"kind"`
	Diagnostics []Diagnostic  `json:"diagnostics,omitempty"`
	IsPreferred bool          `json:"isPreferred,omitempty"`
	Edit        WorkspaceEdit `json:"edit"`
}

func unmarshalParams(raw json.RawMessage, v any) *rpcError {
	if len(raw) == 0 || string(raw) == "null" {
		return errorf(codeInvalidParams, "missing params")
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return errorf(codeInvalidParams, "invalid params: %v", err)
	}
	return nil
}

// logMessageParams are the params of window/logMessage.
type logMessageParams struct {
	Type    int    `json:"type"`
	Message string `json:"message"`
}

// messageError is the MessageType of an error.
const messageError = 1
