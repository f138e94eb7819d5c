package main

import (
	"debug/elf"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoReleaserSnapshot checks .goreleaser.yaml with the real GoReleaser,
// makes a snapshot build of the linux/amd64 binary and smoke-tests it: it
// is static, prints its version and lints the corpus. The build goes to a
// temporary folder (a copy of the configuration with dist set there), not
// into the repository.
func TestGoReleaserSnapshot(t *testing.T) {
	goreleaser, err := exec.LookPath("goreleaser")
	if err != nil {
		t.Skip("goreleaser is not installed (go install github.com/goreleaser/goreleaser/v2@v2.16.0; .ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("a GoReleaser build; skipped with -short")
	}
	root := repoRoot(t)
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(goreleaser, args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "goreleaser %s:\n%s", strings.Join(args, " "), out)
		return string(out)
	}
	run("check", "--config", filepath.Join(root, ".goreleaser.yaml"))

	config, err := os.ReadFile(filepath.Join(root, ".goreleaser.yaml"))
	require.NoError(t, err)
	dist := filepath.Join(t.TempDir(), "dist")
	tmpConfig := filepath.Join(t.TempDir(), "goreleaser.yaml")
	require.NoError(t, os.WriteFile(tmpConfig, append(config, []byte("\ndist: "+dist+"\n")...), 0o644))
	run("build", "--snapshot", "--clean", "--single-target", "--config", tmpConfig)

	var artifacts []struct {
		Path   string `json:"path"`
		Goos   string `json:"goos"`
		Goarch string `json:"goarch"`
		Type   string `json:"type"`
	}
	data, err := os.ReadFile(filepath.Join(dist, "artifacts.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &artifacts))
	var metadata struct {
		Version string `json:"version"`
	}
	data, err = os.ReadFile(filepath.Join(dist, "metadata.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &metadata))
	require.NotEmpty(t, metadata.Version)

	var bin string
	for _, a := range artifacts {
		if a.Type == "Binary" && a.Goos == "linux" && a.Goarch == "amd64" {
			bin = a.Path
			if !filepath.IsAbs(bin) {
				bin = filepath.Join(root, bin)
			}
		}
	}
	require.NotEmpty(t, bin, "a linux/amd64 binary among %s", data)

	f, err := elf.Open(bin)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, elf.EM_X86_64, f.Machine)
	for _, p := range f.Progs {
		assert.NotEqual(t, elf.PT_INTERP, p.Type, "static: no dynamic loader")
	}
	libs, _ := f.ImportedLibraries()
	assert.Empty(t, libs, "static: no shared libraries")

	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skipf("the linux/amd64 binary cannot run on %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Contains(t, string(out), metadata.Version, "the binary knows its release version")

	cmd := exec.Command(bin, "corpus")
	cmd.Dir = root
	out, _ = cmd.CombinedOutput()
	assert.Equal(t, exitFindings, cmd.ProcessState.ExitCode(), "the corpus has hyped articles on purpose:\n%s", out)
	assert.Contains(t, string(out), "[reverse-aging-claim]")
	assert.Regexp(t, `\d+ errors?`, string(out))
}
