package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonFiles decodes a --format json report into path → rules found.
func jsonFiles(t *testing.T, out string) map[string][]string {
	t.Helper()
	var doc struct {
		Files []struct {
			Path     string
			Findings []struct{ Rule string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	got := map[string][]string{}
	for _, f := range doc.Files {
		got[f.Path] = []string{}
		for _, x := range f.Findings {
			got[f.Path] = append(got[f.Path], x.Rule)
		}
	}
	return got
}

func TestFlagsAnywhereOnTheLine(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": hyped})
	t.Chdir(dir)
	for _, args := range [][]string{
		{"--format", "json", "a.md"},
		{"a.md", "--format", "json"},
		{"a.md", "--format=json"},
		{"lint", "a.md", "--format", "json"},
		{"--format", "json", "lint", "a.md"},
		{"-format", "json", "a.md"}, // one dash, as the standard flag package took it
		{"--format", "json", "--", "a.md"},
	} {
		r := runCLI(t, nil, false, args...)
		require.Equal(t, exitFindings, r.code, "%q: %s", args, r.stderr)
		assert.Contains(t, jsonFiles(t, r.stdout)["a.md"], "reverse-aging-claim", args)
	}

	r := runCLI(t, nil, false, "explain", "hype-word", "--locale", "zh-Hant")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "hype-word (overclaim")
	assert.Regexp(t, `[這為與個說]`, r.stdout, "the explanation in Traditional Chinese")
	assert.Equal(t, r.stdout, runCLI(t, nil, false, "--locale", "zh-Hant", "explain", "hype-word").stdout)
}

func TestDoubleDashEndsFlagsAndCommands(t *testing.T) {
	// Files named like a command or like a flag are linted after "--".
	dir := writeFiles(t, map[string]string{"rules": hyped, "--quiet": hyped})
	t.Chdir(dir)
	r := runCLI(t, nil, false, "--format", "json", "--", "rules", "--quiet")
	require.Equal(t, exitFindings, r.code, r.stderr)
	files := jsonFiles(t, r.stdout)
	assert.Contains(t, files["rules"], "reverse-aging-claim")
	assert.Contains(t, files["--quiet"], "reverse-aging-claim")
	// Without "--", "rules" is the command.
	assert.Contains(t, runCLI(t, nil, false, "rules").stdout, "ID ")
}

func TestUnknownCommandSuggestsAndLintsNothing(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hype-word": hyped})
	t.Chdir(dir)
	cases := map[string]struct {
		args []string
		want string
	}{
		"typo":             {[]string{"expain", "hype-word"}, `unknown command "expain"; did you mean "explain"?`},
		"transposed":       {[]string{"lnit", "hype-word"}, `unknown command "lnit"; did you mean "init" or "lint"?`},
		"prefix":           {[]string{"vers"}, `did you mean "version"?`},
		"a bare word":      {[]string{"frobnicate", "hype-word"}, `unknown command "frobnicate", and no file or folder has that name`},
		"after flags":      {[]string{"--format", "json", "rulez"}, `unknown command "rulez"; did you mean "rules"?`},
		"subcommand flags": {[]string{"rules", "--formt", "json"}, `unknown flag "--formt" for "hypelint rules"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := runCLI(t, nil, false, c.args...)
			assert.Equal(t, exitError, r.code)
			assert.Contains(t, r.stderr, c.want)
			assert.Contains(t, r.stderr, "--help' for usage")
			assert.Empty(t, r.stdout, "nothing is linted, not even the file named hype-word")
		})
	}
	// A file that exists under a command-like name is a path.
	require.NoError(t, os.WriteFile("expain", []byte(hyped), 0o644))
	r := runCLI(t, nil, false, "expain")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, "expain:1:")
	// A missing path that looks like one stays an input error naming it.
	r = runCLI(t, nil, false, "missing.md")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "missing.md")
}

func TestUnknownFlagSuggestsTheNearest(t *testing.T) {
	for args, want := range map[string]string{
		"--formt json a.md":     `unknown flag "--formt" for "hypelint"; did you mean "--format"?`,
		"a.md --fail_on none":   `unknown flag "--fail_on" for "hypelint"; did you mean "--fail-on"?`,
		"lint --colour never":   `unknown flag "--colour" for "hypelint lint"; did you mean "--color"?`,
		"explain x --local en":  `unknown flag "--local" for "hypelint explain"; did you mean "--locale"?`,
		"serve --adr :1":        `did you mean "--addr"?`,
		"--zzzzzzzz a.md":       `unknown flag "--zzzzzzzz" for "hypelint"`,
		"-x a.md":               `unknown flag "-x" for "hypelint"`,
		"rules --format json":   `unknown flag "--format" for "hypelint rules"`,
		"version --json":        `unknown flag "--json" for "hypelint version"`,
		"init --locale zh-Hans": `unknown flag "--locale" for "hypelint init"`,
	} {
		r := runCLI(t, nil, false, strings.Fields(args)...)
		assert.Equal(t, exitError, r.code, args)
		assert.Contains(t, r.stderr, want, args)
		assert.Empty(t, r.stdout, args)
	}
}

// TestHelpForEveryCommand asks each command for help three ways and checks
// that every flag it takes is listed exactly once, with its default.
func TestHelpForEveryCommand(t *testing.T) {
	root := (&env{}).commands()
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var all []*cobra.Command
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		all = append(all, c)
		for _, sub := range c.Commands() {
			if !sub.Hidden {
				walk(sub)
			}
		}
	}
	walk(root)
	require.Greater(t, len(all), 12, "root, lint, rules, explain, explain-score, eval, init, serve, lsp, version, help, completion and its shells")
	for _, c := range all {
		path := strings.Fields(c.CommandPath())[1:]
		ways := [][]string{append(append([]string{}, path...), "--help"), append(append([]string{}, path...), "-h")}
		if len(path) > 0 {
			ways = append(ways, append([]string{"help"}, path...))
		}
		var first string
		for _, args := range ways {
			r := runCLI(t, nil, false, args...)
			require.Equal(t, exitClean, r.code, "%q: %s", args, r.stderr)
			assert.Contains(t, r.stdout, "Usage:", args)
			if first == "" {
				first = r.stdout
			}
			assert.Equal(t, first, r.stdout, "%q gives the same help", args)
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden {
				assert.NotContains(t, first, "--"+f.Name+" ", c.CommandPath())
				return
			}
			n := len(regexp.MustCompile(`(?m)^\s+(-\w, )?--`+regexp.QuoteMeta(f.Name)+`(?:[ =]|$)`).FindAllString(first, -1))
			assert.Equal(t, 1, n, "%s lists --%s once", c.CommandPath(), f.Name)
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" && f.DefValue != "0" {
				want := "(default " + f.DefValue + ")"
				if f.Value.Type() == "string" {
					want = `(default "` + f.DefValue + `")`
				}
				assert.Contains(t, first, want, "%s --%s shows its default", c.CommandPath(), f.Name)
			}
		})
	}
	r := runCLI(t, nil, false, "help", "expalin")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `no help for "expalin"; did you mean "explain"?`)
}

func TestVersionFromBuildInfo(t *testing.T) {
	cases := []struct {
		info *debug.BuildInfo
		want string
	}{
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}}, "v0.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.2.1-0.20261206140000-ec8f5bf1c2d3"}}, "v0.2.1-0.20261206140000-ec8f5bf1c2d3"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "ec8f5bf1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7"}, {Key: "vcs.modified", Value: "true"}}},
			devVersion + "+ec8f5bf1c2d3.dirty"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, devVersion},
		{nil, devVersion},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, versionFrom(c.info))
	}
}

func TestVersionCommandAndFlag(t *testing.T) {
	r := runCLI(t, nil, false, "version")
	require.Equal(t, exitClean, r.code)
	assert.Regexp(t, `^hypelint \S+\nrule set: \d+ rule files crc32 [0-9a-f]{8}, \d+ lexicon files crc32 [0-9a-f]{8}\ngo1\.`, r.stdout)
	assert.Equal(t, r.stdout, runCLI(t, nil, false, "--version").stdout)

	// A release build sets the version at link time; the real binary
	// prints it for both spellings.
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "hypelint")
	out, err := exec.Command("go", "build", "-ldflags", "-X main.version=v9.8.7", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	for _, arg := range []string{"version", "--version"} {
		out, err := exec.Command(bin, arg).Output()
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(out), "hypelint v9.8.7\nrule set: "), string(out))
	}
	// And says so in its reports.
	cmd := exec.Command(bin, "--format", "json", "-")
	cmd.Stdin = strings.NewReader(clean)
	out, _ = cmd.Output()
	assert.Contains(t, string(out), `"version": "v9.8.7"`)
}

func TestStdinReadWhenPipedAndNoPath(t *testing.T) {
	var out, errOut strings.Builder
	e := &env{stdin: strings.NewReader(hyped), stdout: &out, stderr: &errOut, stdinPiped: true,
		getenv: func(string) string { return "" }}
	assert.Equal(t, exitFindings, e.dispatch([]string{"--format", "json"}), errOut.String())
	assert.Contains(t, jsonFiles(t, out.String())["-"], "reverse-aging-claim")

	// Not piped (a terminal, /dev/null): no paths is an error, not an empty pass.
	r := runCLI(t, nil, false)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "no paths given")

	if testing.Short() {
		t.Skip("runs the binary")
	}
	bin := buildBinary(t)
	cmd := exec.Command(bin, "--stdin-filename", "draft.md")
	cmd.Stdin = strings.NewReader(hyped) // a pipe
	stdout, err := cmd.Output()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, exitFindings, exit.ExitCode())
	assert.Contains(t, string(stdout), "draft.md:1:")

	devnull, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer devnull.Close()
	cmd = exec.Command(bin)
	cmd.Stdin = devnull
	errBuf := &strings.Builder{}
	cmd.Stderr = errBuf
	err = cmd.Run()
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, exitError, exit.ExitCode())
	assert.Contains(t, errBuf.String(), "no paths given")

	// A file redirected to standard input is read too.
	dir := writeFiles(t, map[string]string{"a.txt": hyped})
	f, err := os.Open(filepath.Join(dir, "a.txt"))
	require.NoError(t, err)
	defer f.Close()
	cmd = exec.Command(bin, "--quiet")
	cmd.Stdin = f
	stdout, _ = cmd.Output()
	assert.Contains(t, string(stdout), "-:1:")
}

func TestColorChoice(t *testing.T) {
	cases := []struct {
		mode     string
		terminal bool
		toFile   bool
		vars     map[string]string
		want     bool
	}{
		{"auto", true, false, nil, true},
		{"auto", false, false, nil, false},
		{"auto", true, false, map[string]string{"NO_COLOR": "1"}, false},
		{"auto", false, false, map[string]string{"FORCE_COLOR": "1"}, true},
		{"auto", false, false, map[string]string{"FORCE_COLOR": "true"}, true},
		{"auto", true, false, map[string]string{"FORCE_COLOR": "0"}, false},
		{"auto", false, false, map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, false},
		{"auto", true, true, map[string]string{"FORCE_COLOR": "1"}, false},
		{"always", false, false, map[string]string{"NO_COLOR": "1"}, true},
		{"always", false, true, nil, true},
		{"never", true, false, map[string]string{"FORCE_COLOR": "1"}, false},
	}
	for _, c := range cases {
		got := useColor(c.mode, c.terminal, c.toFile, func(k string) string { return c.vars[k] })
		assert.Equal(t, c.want, got, "%+v", c)
	}

	dir := writeFiles(t, map[string]string{"a.txt": hyped})
	path := filepath.Join(dir, "a.txt")
	colored := func(r result) bool { return strings.Contains(r.stdout, "\x1b[31merror") }
	assert.True(t, colored(runCLI(t, map[string]string{"FORCE_COLOR": "1"}, false, path)), "FORCE_COLOR in a CI log")
	assert.True(t, colored(runCLI(t, nil, false, "--color", "always", path)))
	assert.False(t, colored(runCLI(t, nil, true, "--color", "never", path)))
	assert.False(t, colored(runCLI(t, map[string]string{"NO_COLOR": "1", "FORCE_COLOR": "1"}, true, path)))
	r := runCLI(t, nil, false, "--color", "sometimes", path)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `--color "sometimes": want one of auto, always, never`)
}

func TestSummaryInTheMessageLocale(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": hyped, "b.txt": clean})
	r := runCLI(t, nil, false, "--locale", "zh-Hant", dir)
	assert.Regexp(t, `(?m)^2 個檔案中共有 \d+ 個問題（\d+ 個錯誤，\d+ 個警告，\d+ 個提示）。$`, r.stdout)
	assert.Regexp(t, `(?m)a\.txt：可信度 \d+/100（未滿足：`, r.stdout)
	r = runCLI(t, map[string]string{"LANG": "zh_CN.UTF-8"}, false, dir)
	assert.Regexp(t, `(?m)^2 个文件中共有 \d+ 个问题`, r.stdout)
	r = runCLI(t, nil, false, filepath.Join(dir, "b.txt"))
	assert.Contains(t, r.stdout, "No findings in 1 file.")
	r = runCLI(t, nil, false, "--locale", "zh-Hans", filepath.Join(dir, "b.txt"))
	assert.Contains(t, r.stdout, "1 个文件中未发现问题。")
}

func TestOutputNamingAnInputIsRefused(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": hyped, "sub/b.md": hyped})
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "sub", "b.md")
	cases := [][]string{
		{"-o", a, a},
		{"--output", a, "--format", "json", a},
		{"-o", filepath.Join(dir, "sub", "..", "a.md"), a},      // another spelling
		{"-o", b, dir},                                          // found by the walk
		{"--write-baseline", b, dir},                            // the baseline too
		{"--write-baseline", "./" + filepath.Base(a), "a.md"},   // relative, from the folder
		{"--format", "sarif", "-o", "a.md", filepath.Join(dir)}, // relative output, absolute input
	}
	t.Chdir(dir)
	for _, args := range cases {
		r := runCLI(t, nil, false, args...)
		assert.Equal(t, exitError, r.code, args)
		assert.Contains(t, r.stderr, "that is one of the files being linted; refusing to overwrite it", args)
		for _, p := range []string{a, b} {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			assert.Equal(t, hyped, string(data), "%q left %s alone", args, p)
		}
	}
	if err := os.Symlink(a, filepath.Join(dir, "link.md")); err == nil {
		r := runCLI(t, nil, false, "-o", "link.md", a)
		assert.Equal(t, exitError, r.code, "a link to an input is the input")
	}
	// An output beside the inputs is fine.
	r := runCLI(t, nil, false, "--format", "json", "-o", "report.json", "a.md")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.FileExists(t, "report.json")
}
