//go:build unix

package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildVersion compiles hypelint stamped with a version, as a release is.
func buildVersion(t *testing.T, version string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "hypelint")
	out, err := exec.Command("go", "build", "-ldflags", "-X main.version="+version, "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// fakeRelease serves, on a loopback address, what a GitHub release made by
// .goreleaser.yaml holds: /VERSION/hypelint_V_OS_ARCH.tar.gz and
// /VERSION/checksums.txt. It records the paths asked for.
type fakeRelease struct {
	*httptest.Server
	mu    sync.Mutex
	files map[string][]byte
	asked []string
}

func newFakeRelease(t *testing.T) *fakeRelease {
	f := &fakeRelease{files: map[string][]byte{}}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.asked = append(f.asked, r.URL.Path)
		data, ok := f.files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeRelease) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.asked...)
}

func (f *fakeRelease) forget() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = nil
}

// publishZip adds a Windows-style release (a .zip holding hypelint.exe)
// of bin as version for platform.
func (f *fakeRelease) publishZip(t *testing.T, version, platform, bin string) {
	archive := fmt.Sprintf("hypelint_%s_%s.zip", strings.TrimPrefix(version, "v"), platform)
	data, err := os.ReadFile(bin)
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "hypelint.exe", Method: zip.Deflate})
	require.NoError(t, err)
	w.Write(data)
	require.NoError(t, zw.Close())
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files["/"+version+"/"+archive] = buf.Bytes()
	f.files["/"+version+"/checksums.txt"] = []byte(fmt.Sprintf("%x  %s\n", sha256.Sum256(buf.Bytes()), archive))
}

// publish adds a release of bin as version; checksum overrides the
// archive's recorded sha256 when not empty.
func (f *fakeRelease) publish(t *testing.T, version, bin, checksum string) {
	archive := fmt.Sprintf("hypelint_%s_%s_%s.tar.gz", strings.TrimPrefix(version, "v"), runtime.GOOS, runtime.GOARCH)
	data, err := os.ReadFile(bin)
	require.NoError(t, err)
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "README.md", Mode: 0o644, Size: 2}))
	tw.Write([]byte("x\n"))
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "hypelint", Mode: 0o755, Size: int64(len(data))}))
	tw.Write(data)
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	if checksum == "" {
		checksum = fmt.Sprintf("%x", sha256.Sum256(buf.Bytes()))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files["/"+version+"/"+archive] = buf.Bytes()
	f.files["/"+version+"/checksums.txt"] = []byte(fmt.Sprintf("%064x  other.tar.gz\n%s  %s\n", 0, checksum, archive))
}

// toolsWithoutGo is a PATH with what install.sh needs to download, and no
// go: a download that falls back to a build fails.
func toolsWithoutGo(t *testing.T) string {
	dir := t.TempDir()
	for _, tool := range []string{"bash", "curl", "tar", "gzip", "sha256sum", "awk", "cut", "mktemp", "mkdir", "mv", "chmod", "rm", "uname", "cat"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			t.Skipf("%s is not installed", tool)
		}
		require.NoError(t, os.Symlink(p, filepath.Join(dir, tool)))
	}
	return dir
}

// install runs action/install.sh as the Action's first step does.
func install(t *testing.T, path string, env ...string) (string, string, error) {
	t.Helper()
	temp := t.TempDir()
	githubPath := filepath.Join(temp, "github_path")
	cmd := exec.Command("bash", filepath.Join(repoRoot(t), "action", "install.sh"))
	cmd.Env = append(os.Environ(), append([]string{"PATH=" + path, "RUNNER_TEMP=" + temp, "GITHUB_PATH=" + githubPath,
		"ACTION_PATH=" + repoRoot(t), "GITHUB_ACTION_REF=", "HYPELINT_VERSION="}, env...)...)
	out, err := cmd.CombinedOutput()
	added, _ := os.ReadFile(githubPath)
	return strings.TrimSpace(string(added)), string(out), err
}

func versionOf(t *testing.T, dir string) string {
	t.Helper()
	out, err := exec.Command(filepath.Join(dir, "hypelint"), "version").CombinedOutput()
	require.NoError(t, err, string(out))
	return string(out)
}

// The Action downloads the release binary matching its version, checks it
// against checksums.txt and needs no Go; with no release it builds from its
// own checkout; a checksum that does not match stops it.
func TestActionInstall(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed")
	}
	if testing.Short() {
		t.Skip("builds hypelint; skipped with -short")
	}
	release := newFakeRelease(t)
	base := "HYPELINT_DOWNLOAD_BASE=" + release.URL
	bin := buildVersion(t, "9.9.9")
	release.publish(t, "v9.9.9", bin, "")
	noGo := toolsWithoutGo(t)

	t.Run("release binary for inputs.version", func(t *testing.T) {
		dir, out, err := install(t, noGo, base, "HYPELINT_VERSION=v9.9.9")
		require.NoError(t, err, out)
		assert.Contains(t, out, "installed the v9.9.9 release binary")
		assert.Contains(t, versionOf(t, dir), "9.9.9")
	})
	t.Run("release binary for the action's own tag", func(t *testing.T) {
		dir, out, err := install(t, noGo, base, "GITHUB_ACTION_REF=v9.9.9")
		require.NoError(t, err, out)
		assert.Contains(t, versionOf(t, dir), "9.9.9")
	})
	t.Run("a zip for Windows", func(t *testing.T) {
		release.publishZip(t, "v9.9.5", "windows_amd64", bin)
		dir, out, err := install(t, os.Getenv("PATH"), base, "HYPELINT_VERSION=v9.9.5", "HYPELINT_PLATFORM=windows_amd64")
		require.NoError(t, err, out)
		assert.Contains(t, out, "installed the v9.9.5 release binary for windows_amd64")
		got, err := exec.Command(filepath.Join(dir, "hypelint.exe"), "version").CombinedOutput()
		require.NoError(t, err, "the unpacked binary (a Linux one, standing in): %s", got)
		assert.Contains(t, string(got), "9.9.9")
	})
	t.Run("checksum mismatch", func(t *testing.T) {
		release.publish(t, "v9.9.7", bin, strings.Repeat("ab", 32))
		dir, out, err := install(t, os.Getenv("PATH"), base, "HYPELINT_VERSION=v9.9.7")
		require.Error(t, err, out)
		assert.Contains(t, out, "checksum mismatch")
		assert.NotContains(t, out, "building", "a tampered download is not papered over by a build")
		assert.Empty(t, dir)
	})
	t.Run("no release: build from the checkout", func(t *testing.T) {
		release.forget()
		dir, out, err := install(t, os.Getenv("PATH"), base, "GITHUB_ACTION_REF=v9.9.8")
		require.NoError(t, err, out)
		assert.Contains(t, release.requests(), "/v9.9.8/"+fmt.Sprintf("hypelint_9.9.8_%s_%s.tar.gz", runtime.GOOS, runtime.GOARCH), "a download was tried first")
		assert.Contains(t, out, "building hypelint v9.9.8 from the action's checkout")
		assert.Contains(t, versionOf(t, dir), "v9.9.8")
	})
	t.Run("no release and no Go", func(t *testing.T) {
		_, out, err := install(t, noGo, base, "HYPELINT_VERSION=v9.9.6")
		assert.Error(t, err, "fails loudly rather than leaving no hypelint:\n%s", out)
	})
	t.Run("local builds without asking", func(t *testing.T) {
		release.forget()
		dir, out, err := install(t, os.Getenv("PATH"), base, "HYPELINT_VERSION=local")
		require.NoError(t, err, out)
		assert.Empty(t, release.requests())
		assert.Contains(t, versionOf(t, dir), "local")
	})
}

// The hypelint-system hook runs the hypelint on PATH (language: system),
// driven by the real pre-commit: no Go build inside pre-commit.
func TestPreCommitSystemHook(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (Debian package pre-commit; .ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("builds hypelint; skipped with -short")
	}
	bin := buildVersion(t, "9.9.9-system")
	dir := writeFiles(t, map[string]string{"article.md": "# 重磅！NMN逆转衰老\n\n它是神药，能让老人返老还童。\n"})
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	tryRepo := func(path string) (string, error) {
		cmd := exec.Command("pre-commit", "try-repo", repoRoot(t), "hypelint-system", "--files", "article.md")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+path, "PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "cache"))
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	withHypelint := filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")
	out, err := tryRepo(withHypelint)
	require.Error(t, err, "a hyped article fails the hook:\n%s", out)
	assert.Contains(t, out, "article.md:1:")
	assert.Contains(t, out, "[reverse-aging-claim]")

	clean := "# 小鼠实验：这种分子改善老年小鼠的肌力\n\n在小鼠中，这种分子改善了握力，尚未在人体中验证。研究由国家自然科学基金资助，作者声明无利益冲突。\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "article.md"), []byte(clean), 0o644))
	git(t, dir, "add", ".")
	out, err = tryRepo(withHypelint)
	require.NoError(t, err, "a careful article passes:\n%s", out)
	assert.Contains(t, out, "Passed")

	// Without a hypelint on PATH the hook cannot run: it says so rather than building one.
	var path []string
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(d, "hypelint")); err != nil {
			path = append(path, d)
		}
	}
	out, err = tryRepo(strings.Join(path, string(os.PathListSeparator)))
	require.Error(t, err, out)
	assert.Contains(t, out, "hypelint")
	assert.NotContains(t, out, "Passed")
}
