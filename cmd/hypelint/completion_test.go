package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// completions runs cobra's hidden __complete command (what every shell
// script calls) and returns the candidates without descriptions.
func completions(t *testing.T, args ...string) []string {
	t.Helper()
	r := runCLI(t, nil, false, append([]string{"__complete"}, args...)...)
	require.Equal(t, exitClean, r.code, r.stderr)
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if strings.HasPrefix(line, ":") { // the directive
			continue
		}
		name, _, _ := strings.Cut(line, "\t")
		out = append(out, name)
	}
	return out
}

func TestCompleteCommandsFlagsAndValues(t *testing.T) {
	assert.Subset(t, completions(t, ""), []string{"lint", "rules", "explain", "explain-score", "eval", "init", "serve", "lsp", "version", "completion", "help"})
	assert.Equal(t, []string{"explain", "explain-score"}, completions(t, "expl"))
	assert.Subset(t, completions(t, "--fo"), []string{"--format"})
	assert.Equal(t, formats, completions(t, "--format", ""))
	assert.Equal(t, []string{"en", "zh-Hans", "zh-Hant"}, completions(t, "explain", "--locale", ""))
	assert.Equal(t, []string{"auto", "always", "never"}, completions(t, "a.md", "--color", ""))
	assert.Equal(t, []string{"reverse-aging-claim"}, completions(t, "explain", "reverse-"))
	// House rules from the configuration complete too.
	dir := writeFiles(t, map[string]string{
		".hypelint.yaml":            "rules:\n  extra: [house]\n",
		"house/lexicon/banned.yaml": "classes:\n  house_banned:\n    description: words our style guide bans\n    source: house style\n    zh: [黑科技]\n",
		"house/banned.yaml":         "rules:\n  - id: house-banned-word\n    category: overclaim\n    severity: error\n    scope: sentence\n    report: house_banned\n    when: \"true\"\n    message: {en: \"{term} is banned\", zh-Hans: \"{term}禁用\"}\n    explanation: {en: house}\n    source: house style guide\n    examples: {bad: [黑科技], good: [科技]}\n",
	})
	t.Chdir(dir)
	assert.Equal(t, []string{"house-banned-word"}, completions(t, "explain", "house"))
}

// TestBashCompletionInRealBash generates the bash script, sources it in a
// real bash and asks it to complete partial command lines, as pressing Tab
// would; the script calls the built binary for the candidates.
func TestBashCompletionInRealBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	// cobra's bash script builds on the bash-completion package, as
	// completion in an interactive bash does.
	const bashCompletion = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(bashCompletion); err != nil {
		t.Skip("the bash-completion package is not installed (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	script, err := exec.Command(bin, "completion", "bash").Output()
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hypelint.bash"), script, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "article.md"), []byte(hyped), 0o644))

	var registration string // how the script registered the completion
	complete := func(line string) []string {
		t.Helper()
		words := strings.Fields(line)
		if strings.HasSuffix(line, " ") {
			words = append(words, "")
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + w + "'"
		}
		prog := `source ` + bashCompletion + `
source ./hypelint.bash
compopt() { :; } # outside a real Tab press bash refuses compopt
[ -n "$REGISTRATION" ] && complete -p hypelint >&2
COMP_WORDS=(` + strings.Join(quoted, " ") + `)
COMP_CWORD=` + strconv.Itoa(len(words)-1) + `
COMP_LINE='` + line + `'
COMP_POINT=${#COMP_LINE}
__start_hypelint
printf '%s\n' "${COMPREPLY[@]}"
true`
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"), "REGISTRATION=1")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		require.NoError(t, err, stderr.String())
		registration = stderr.String()
		return strings.Fields(string(out))
	}
	assert.Equal(t, []string{"explain", "explain-score"}, complete("hypelint expl"))
	assert.Equal(t, []string{"reverse-aging-claim"}, complete("hypelint explain reverse-a"))
	assert.Equal(t, []string{"zh-Hans", "zh-Hant"}, complete("hypelint explain --locale zh"))
	assert.Equal(t, []string{"--format"}, complete("hypelint article.md --form"))
	assert.Equal(t, []string{"sarif"}, complete("hypelint --format sa"))
	assert.Empty(t, complete("hypelint art"))
	assert.Contains(t, registration, "complete -o default", "with no candidate, bash completes file names")
}

// TestZshAndFishCompletionScripts checks the other shells' scripts: each
// is generated, names the program, and is valid for its shell when that
// shell is installed.
func TestZshAndFishCompletionScripts(t *testing.T) {
	for shell, marker := range map[string]string{"zsh": "#compdef hypelint", "fish": "complete -c hypelint"} {
		r := runCLI(t, nil, false, "completion", shell)
		require.Equal(t, exitClean, r.code, r.stderr)
		assert.Contains(t, r.stdout, marker, shell)
		assert.Contains(t, r.stdout, "__complete", "%s asks the program for candidates", shell)
		path, err := exec.LookPath(shell)
		if err != nil {
			t.Logf("%s is not installed; its script is not syntax-checked", shell)
			continue
		}
		file := filepath.Join(t.TempDir(), "hypelint."+shell)
		require.NoError(t, os.WriteFile(file, []byte(r.stdout), 0o644))
		out, err := exec.Command(path, "-n", file).CombinedOutput()
		assert.NoError(t, err, "%s -n: %s", shell, out)
	}
}

// TestFishCompletionInRealFish asks a real fish what it would offer, with
// the generated script loaded and the built binary on PATH.
func TestFishCompletionInRealFish(t *testing.T) {
	fish, err := exec.LookPath("fish")
	if err != nil {
		t.Skip("fish is not installed (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	complete := func(line string) []string {
		t.Helper()
		cmd := exec.Command(fish, "--no-config", "-c", "hypelint completion fish | source; complete -C '"+line+"'")
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		var names []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			name, _, _ := strings.Cut(l, "\t")
			names = append(names, name)
		}
		return names
	}
	assert.Equal(t, []string{"explain", "explain-score"}, complete("hypelint expl"))
	assert.Equal(t, []string{"reverse-aging-claim"}, complete("hypelint explain reverse-a"))
	assert.Equal(t, []string{"zh-Hans", "zh-Hant"}, complete("hypelint rules --locale zh"))
}
