package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hypelint/hypelint/lint"
)

// version is the program's version. Release builds may set it with
// -ldflags "-X main.version=v1.2.3"; otherwise it is the module version the
// go command stamped into the binary (a `go install …@v0.2.0` build says
// v0.2.0), and for a build from a checkout without one, devVersion with the
// commit.
var version string

// devVersion names a build that carries no module version.
const devVersion = "0.1.0-dev"

func init() {
	if version == "" {
		info, _ := debug.ReadBuildInfo()
		version = versionFrom(info)
	}
}

// versionFrom picks the version a build's information gives.
func versionFrom(info *debug.BuildInfo) string {
	if info == nil {
		return devVersion
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if len(revision) < 12 {
		return devVersion
	}
	v := devVersion + "+" + revision[:12]
	if modified == "true" {
		v += ".dirty"
	}
	return v
}

func init() {
	cobra.AddTemplateFunc("hypelintVersion", func() string {
		var v strings.Builder
		if err := printVersion(&v); err != nil {
			return fmt.Sprintf("hypelint version %s\n", version) // what cobra prints by default
		}
		return v.String()
	})
}

// printVersion writes what `hypelint version` and `--version` print: the
// version, the checksum of the built-in rule set, and the Go toolchain.
func printVersion(w io.Writer) error {
	sum, err := lint.Builtin.Checksum()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "hypelint %s\nrule set: %s\n%s %s/%s\n", version, sum, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return err
}
