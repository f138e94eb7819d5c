package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteGitHub writes one GitHub Actions workflow command per finding, which
// the runner turns into an annotation on the file:
//
//	::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
//
// (warning for warnings, notice for info). Columns count code points; the
// end column is exclusive, as everywhere in hypelint. GitHub takes columns
// only for an annotation on one line, so a finding that spans lines gets
// line and endLine alone. A file that could not be read gets an error
// annotation on the file.
func WriteGitHub(w io.Writer, run Run) error {
	p := &printer{w: w}
	for _, f := range run.Files {
		file := githubProperty(slashPath(f.Path))
		if f.Error != "" {
			p.printf("::error file=%s,title=%s::%s\n", file, githubProperty(toolName), githubData(f.Error))
		}
		for _, x := range f.Findings {
			pos := fmt.Sprintf("line=%d", x.Start.Line)
			if x.End.Line == x.Start.Line {
				pos += fmt.Sprintf(",col=%d,endLine=%d,endColumn=%d", x.Start.Column, x.End.Line, x.End.Column)
			} else {
				pos += fmt.Sprintf(",endLine=%d", x.End.Line)
			}
			p.printf("::%s file=%s,%s,title=%s::%s\n", githubCommand(x.Severity), file, pos,
				githubProperty(x.Rule), githubData(x.Message))
		}
	}
	return p.err
}

func githubCommand(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

// githubData escapes a workflow command's message.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a workflow command's property value.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
