package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reporters' bytes are checked by the goldens in lint/report (fixed
// findings); these tests check the wiring: every format, run end to end
// on a few small files, reports the findings the JSON report has, in the
// same order, and names the file that could not be read.

// located is a finding as every format can say it.
type located struct {
	path, rule string
	line       int
}

func (l located) String() string { return fmt.Sprintf("%s:%d %s", l.path, l.line, l.rule) }

// formatFiles are three small articles, one per script, and one that is
// not UTF-8.
var formatFiles = map[string]string{
	"a/zh-hans.md":  "# 重磅！NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n",
	"b/zh-hant.txt": clean,
	"c/en.txt":      "Miracle pill reverses ageing\n\nA study in mice found the supplement is\n100% safe, researchers said.\n",
	"d/bad.txt":     "ok\xff\n",
}

// readers turn each format's output into the findings it reports.
var readers = map[string]func(t *testing.T, out string) []located{
	"text": func(t *testing.T, out string) []located {
		var got []located
		re := regexp.MustCompile(`(?m)^(.+):(\d+):\d+: (?:error|warning|info) \[([^\]]+)\]`)
		for _, m := range re.FindAllStringSubmatch(out, -1) {
			got = append(got, located{m[1], m[3], atoi(t, m[2])})
		}
		return got
	},
	"json": func(t *testing.T, out string) []located {
		var rep jsonReport
		require.NoError(t, json.Unmarshal([]byte(out), &rep))
		var got []located
		for _, f := range rep.Files {
			for _, x := range f.Findings {
				got = append(got, located{f.Path, x.Rule, x.Start.Line})
			}
		}
		return got
	},
	"sarif": func(t *testing.T, out string) []located {
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID    string `json:"ruleId"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
							Region           struct{ StartLine int } `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
				Invocations []struct {
					Notifications []struct{ Locations []struct{} } `json:"toolExecutionNotifications"`
				} `json:"invocations"`
			} `json:"runs"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &log))
		var got []located
		for _, r := range log.Runs[0].Results {
			loc := r.Locations[0].PhysicalLocation
			u, err := url.Parse(loc.ArtifactLocation.URI)
			require.NoError(t, err)
			got = append(got, located{u.Path, r.RuleID, loc.Region.StartLine})
		}
		assert.Len(t, log.Runs[0].Invocations[0].Notifications, 1, "the unreadable file")
		return got
	},
	"github": func(t *testing.T, out string) []located {
		var got []located
		re := regexp.MustCompile(`(?m)^::(?:error|warning|notice) file=([^,]+),line=(\d+),.*title=([^:]+)::`)
		for _, m := range re.FindAllStringSubmatch(out, -1) {
			got = append(got, located{m[1], m[3], atoi(t, m[2])})
		}
		return got
	},
	"rdjsonl": func(t *testing.T, out string) []located {
		var got []located
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			got = append(got, rdLocated(t, line)...)
		}
		return got
	},
	"rdjson": func(t *testing.T, out string) []located {
		var doc struct{ Diagnostics []json.RawMessage }
		require.NoError(t, json.Unmarshal([]byte(out), &doc))
		var got []located
		for _, d := range doc.Diagnostics {
			got = append(got, rdLocated(t, string(d))...)
		}
		return got
	},
	"gitlab": func(t *testing.T, out string) []located {
		var issues []struct {
			CheckName string `json:"check_name"`
			Location  struct {
				Path  string
				Lines struct{ Begin int }
			}
		}
		require.NoError(t, json.Unmarshal([]byte(out), &issues))
		var got []located
		for _, x := range issues {
			got = append(got, located{x.Location.Path, x.CheckName, x.Location.Lines.Begin})
		}
		return got
	},
	"junit": func(t *testing.T, out string) []located {
		var doc struct {
			Suites []struct {
				Name  string `xml:"name,attr"`
				Cases []struct {
					Name    string    `xml:"name,attr"`
					Failure *struct{} `xml:"failure"`
					Error   *struct{} `xml:"error"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		require.NoError(t, xml.Unmarshal([]byte(out), &doc))
		var got []located
		errors := 0
		for _, s := range doc.Suites {
			for _, c := range s.Cases {
				if c.Error != nil {
					errors++
				}
				if c.Failure == nil {
					continue
				}
				rule, pos, _ := strings.Cut(c.Name, " ")
				line, _, _ := strings.Cut(pos, ":")
				got = append(got, located{s.Name, rule, atoi(t, line)})
			}
		}
		assert.Equal(t, 1, errors, "the unreadable file")
		return got
	},
	"checkstyle": func(t *testing.T, out string) []located {
		var doc struct {
			Files []struct {
				Name   string `xml:"name,attr"`
				Errors []struct {
					Line   int    `xml:"line,attr"`
					Source string `xml:"source,attr"`
				} `xml:"error"`
			} `xml:"file"`
		}
		require.NoError(t, xml.Unmarshal([]byte(out), &doc))
		var got []located
		for _, f := range doc.Files {
			for _, e := range f.Errors {
				if rule, ok := strings.CutPrefix(e.Source, "hypelint."); ok {
					got = append(got, located{f.Name, rule, e.Line})
				}
			}
		}
		return got
	},
}

// rdLocated reads one reviewdog diagnostic; the unreadable file's has no
// range and is left out.
func rdLocated(t *testing.T, diag string) []located {
	var d struct {
		Location struct {
			Path  string
			Range *struct{ Start struct{ Line int } }
		}
		Code *struct{ Value string }
	}
	require.NoError(t, json.Unmarshal([]byte(diag), &d))
	if d.Location.Range == nil {
		return nil
	}
	return []located{{d.Location.Path, d.Code.Value, d.Location.Range.Start.Line}}
}

func atoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}

// TestEveryFormatEndToEnd runs every format on the small files, one job
// and three, to standard output and to -o FILE.
func TestEveryFormatEndToEnd(t *testing.T) {
	dir := writeFiles(t, formatFiles)
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	defer os.Chdir(wd)
	ref := runCLI(t, nil, false, "--format", "json", "--jobs", "1", ".")
	require.Equal(t, exitError, ref.code, "bad.txt is not UTF-8")
	want := readers["json"](t, ref.stdout)
	require.GreaterOrEqual(t, len(want), 5, "findings in the articles: %v", want)
	paths := map[string]bool{}
	for _, x := range want {
		paths[x.path] = true
	}
	require.Len(t, paths, 2, "the hyped articles have findings, the careful one none")

	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			one := runCLI(t, nil, false, "--format", format, "--color", "never", "--jobs", "1", ".")
			assert.Equal(t, exitError, one.code)
			assert.Contains(t, one.stderr, "bad.txt", "the unreadable file is named")
			assert.Equal(t, fmt.Sprint(want), fmt.Sprint(readers[format](t, one.stdout)), "the findings of the JSON report, in its order")
			if format != "gitlab" && format != "text" { // Code Quality has no place for it; text counts it
				assert.Contains(t, one.stdout, "bad.txt")
			}

			three := runCLI(t, nil, false, "--format", format, "--color", "never", "--jobs", "3", ".")
			assert.Equal(t, one.stdout, three.stdout, "the same report whatever the number of jobs")

			out := filepath.Join(t.TempDir(), "report")
			written := runCLI(t, nil, false, "--format", format, "--jobs", "2", "-o", out, ".")
			assert.Equal(t, exitError, written.code)
			data, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, one.stdout, string(data), "-o FILE holds what standard output shows")
		})
	}
	t.Run("statistics", func(t *testing.T) {
		counts := map[string]int{}
		for _, x := range want {
			counts[x.rule]++
		}
		var stats []struct {
			Count int
			Rule  string
		}
		r := runCLI(t, nil, false, "--statistics", "--format", "json", ".")
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &stats))
		got := map[string]int{}
		for _, s := range stats {
			got[s.Rule] = s.Count
		}
		assert.Equal(t, counts, got)
		text := runCLI(t, nil, false, "--statistics", ".")
		for rule, n := range counts {
			assert.Regexp(t, fmt.Sprintf(`(?m)^\s*%d\s+%s\s`, n, regexp.QuoteMeta(rule)), text.stdout)
		}
	})
}
