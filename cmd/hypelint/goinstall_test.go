package main

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoInstallAtAVersionSaysThatVersion publishes this checkout as
// github.com/hypelint/hypelint v0.2.0 on a module proxy in a folder (its
// dependencies come from the local module cache, which is laid out as a
// proxy too), runs `go install …/cmd/hypelint@v0.2.0` against it as a user
// would, and asks the installed binary its version.
func TestGoInstallAtAVersionSaysThatVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("publishes and installs the module")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not installed")
	}
	modCache, err := exec.Command(goCmd, "env", "GOMODCACHE").Output()
	require.NoError(t, err)
	root := repoRoot(t)
	listed, err := exec.Command("git", "-C", root, "ls-files", "-co", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("git ls-files: %v", err)
	}

	const module, ver = "github.com/hypelint/hypelint", "v0.2.0"
	tmp := t.TempDir()
	at := filepath.Join(tmp, "proxy", module, "@v")
	require.NoError(t, os.MkdirAll(at, 0o755))
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(at, "list"), []byte(ver+"\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(at, ver+".info"), []byte(`{"Version":"`+ver+`","Time":"2026-12-01T00:00:00Z"}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(at, ver+".mod"), gomod, 0o644))

	out, err := os.Create(filepath.Join(at, ver+".zip"))
	require.NoError(t, err)
	zw := zip.NewWriter(out)
	for _, name := range strings.Split(strings.TrimSpace(string(listed)), "\n") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue // deleted in the working tree
		}
		w, err := zw.Create(module + "@" + ver + "/" + name)
		require.NoError(t, err)
		_, err = w.Write(data)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, out.Close())

	bin := filepath.Join(tmp, "bin")
	install := exec.Command(goCmd, "install", module+"/cmd/hypelint@"+ver)
	install.Dir = tmp
	install.Env = append(os.Environ(),
		"GOPROXY=file://"+filepath.Join(tmp, "proxy")+",file://"+filepath.Join(strings.TrimSpace(string(modCache)), "cache", "download"),
		"GOSUMDB=off", "GOTOOLCHAIN=local", "GOFLAGS=-modcacherw",
		"GOMODCACHE="+filepath.Join(tmp, "modcache"), // keep the made-up release out of the real cache
		"GOBIN="+bin)
	msg, err := install.CombinedOutput()
	require.NoError(t, err, string(msg))

	got, err := exec.Command(filepath.Join(bin, "hypelint"), "version").Output()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(got), "hypelint v0.2.0\nrule set: "), string(got))
	got, err = exec.Command(filepath.Join(bin, "hypelint"), "--version").Output()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(got), "hypelint v0.2.0\n"), string(got))
}
