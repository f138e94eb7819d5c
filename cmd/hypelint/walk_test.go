//go:build unix

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// asUnprivileged runs cmd as an ordinary user when the tests run as root:
// root reads folders whatever their permission bits, so an unreadable
// folder is only unreadable to someone else. The files the command needs
// are handed to that user (nobody, 65534).
func asUnprivileged(t *testing.T, cmd *exec.Cmd, paths ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	const nobody = 65534
	for _, p := range paths {
		require.NoError(t, filepath.Walk(p, func(path string, _ os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			return os.Lchown(path, nobody, nobody)
		}))
		for d := filepath.Dir(p); d != "/" && d != "."; d = filepath.Dir(d) {
			info, err := os.Stat(d)
			require.NoError(t, err)
			if info.Mode().Perm()&0o005 != 0o005 {
				require.NoError(t, os.Chmod(d, info.Mode().Perm()|0o005))
			}
		}
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	cmd.Env = append(cmd.Env, "HOME="+paths[0])
}

// Issue 13 #3: one unreadable folder (mode 000, met for real: as root the
// binary runs as nobody) must not lose the run, nor must the failed stat of
// a .hypelint.yaml inside it. Every readable file is linted and reported,
// the unreadable folder is named, and the exit status is 2.
func TestUnreadableFolderLosesNothingElse(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hypelint; skipped with -short")
	}
	bin := buildBinary(t)
	for _, repo := range []bool{false, true} {
		name := "plain folder"
		if repo {
			name = "git repository"
		}
		t.Run(name, func(t *testing.T) {
			if _, err := exec.LookPath("git"); repo && err != nil {
				t.Skip("git is not installed")
			}
			dir := writeFiles(t, map[string]string{
				"m/a.md":                  hypedArticle,
				"m/locked/b.md":           hypedArticle,
				"m/locked/.hypelint.yaml": "rules:\n  disable: [hype-word]\n",
				"m/z/c.md":                hypedArticle,
			})
			if repo {
				git(t, dir, "init", "-q")
			}
			cmd := exec.Command(bin, "--format", "json", "m")
			cmd.Dir = dir
			cmd.Env = os.Environ()
			asUnprivileged(t, cmd, dir, filepath.Dir(bin))
			require.NoError(t, os.Chmod(filepath.Join(dir, "m", "locked"), 0))
			defer os.Chmod(filepath.Join(dir, "m", "locked"), 0o755)
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit, stderr.String())
			assert.Equal(t, exitError, exit.ExitCode(), stderr.String())
			assert.Contains(t, stderr.String(), "m/locked: permission denied", "the unreadable folder is named")
			assert.Equal(t, 1, strings.Count(stderr.String(), "hypelint:"), "one error, for the one unreadable folder:\n%s", stderr.String())

			var rep jsonReport
			require.NoError(t, json.Unmarshal([]byte(stdout.String()), &rep), "stdout: %s\nstderr: %s", stdout.String(), stderr.String())
			require.Len(t, rep.Files, 2, "every readable file is reported")
			assert.Equal(t, "m/a.md", rep.Files[0].Path)
			assert.Equal(t, "m/z/c.md", rep.Files[1].Path)
			assert.Contains(t, rulesOf(rep, 0), "reverse-aging-claim")
			assert.Contains(t, rulesOf(rep, 1), "reverse-aging-claim")
		})
	}
}

// A named pipe in a walked folder used to be read, and the run hung for
// ever; now it is an error named on its own and the rest is reported.
func TestPipeInAFolderIsAnErrorNotAHang(t *testing.T) {
	dir := writeFiles(t, map[string]string{"m/a.md": hypedArticle})
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "m", "pipe.md"), 0o644))
	rep, r := lintJSON(t, filepath.Join(dir, "m"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, filepath.Join(dir, "m", "pipe.md")+": not a regular file")
	require.Len(t, rep.Files, 1)
	assert.Contains(t, rulesOf(rep, 0), "reverse-aging-claim")
}
