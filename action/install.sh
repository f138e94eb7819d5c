#!/usr/bin/env bash
# Installs hypelint for the GitHub Action.
#
# 1. A release binary when one exists for the version asked for
#    (HYPELINT_VERSION, or the tag the action was used at, e.g. v0.2.0):
#    downloaded from the GitHub release made by .goreleaser.yaml, checked
#    against the release's checksums.txt, unpacked. No Go needed.
# 2. Otherwise a build: from the action's own checkout when the version is
#    "local" or the action's own tag, else `go install …@VERSION`.
#
# HYPELINT_DOWNLOAD_BASE points the download elsewhere (tests use a
# loopback server); HYPELINT_PLATFORM overrides the detected OS_ARCH. The binary's folder is appended to GITHUB_PATH.
set -euo pipefail

module=github.com/hypelint/hypelint
base="${HYPELINT_DOWNLOAD_BASE:-https://github.com/hypelint/hypelint/releases/download}"
dest="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/hypelint-bin"
action_ref="${GITHUB_ACTION_REF:-}"
version="${HYPELINT_VERSION:-}"
if [ -z "$version" ]; then
  if [[ "$action_ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then version="$action_ref"; else version=local; fi
fi

say() { echo "hypelint install: $*" >&2; }
fail() {
  say "$*"
  exit 1
}

platform() {
  local os arch
  if [ -n "${HYPELINT_PLATFORM:-}" ]; then # e.g. windows_amd64: tests, unusual runners
    echo "$HYPELINT_PLATFORM"
    return
  fi
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) os=windows ;;
    *) return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) return 1 ;;
  esac
  echo "${os}_${arch}"
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# download VERSION: 0 when the release binary is installed in $dest, 1
# when there is no such release (the caller builds instead); a checksum
# that does not match stops everything.
download() {
  local v="$1" plat archive tmp want got
  plat="$(platform)" || { say "no release binary for $(uname -s)/$(uname -m)"; return 1; }
  archive="hypelint_${v#v}_${plat}.tar.gz"
  [ "${plat%%_*}" = windows ] && archive="hypelint_${v#v}_${plat}.zip"
  tmp="$(mktemp -d)"
  if ! curl -fsSL --retry 2 -o "$tmp/$archive" "$base/$v/$archive" ||
    ! curl -fsSL --retry 2 -o "$tmp/checksums.txt" "$base/$v/checksums.txt"; then
    say "no release binary at $base/$v/$archive"
    rm -rf "$tmp"
    return 1
  fi
  want="$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/checksums.txt")"
  got="$(sha256 "$tmp/$archive")"
  if [ -z "$want" ] || [ "$want" != "$got" ]; then
    fail "checksum mismatch for $archive (checksums.txt: ${want:-none}, downloaded: $got); refusing to install"
  fi
  # set -e does not hold inside a function called from a condition: check each step.
  mkdir -p "$dest" "$tmp/x" || fail "cannot create $dest"
  case "$archive" in
    *.zip) # Windows runners: unzip where Git Bash has it, else the system's bsdtar
      { command -v unzip >/dev/null 2>&1 && unzip -q -o "$tmp/$archive" -d "$tmp/x"; } ||
        tar -xf "$tmp/$archive" -C "$tmp/x" || fail "cannot unpack $archive" ;;
    *) tar -xzf "$tmp/$archive" -C "$tmp/x" || fail "cannot unpack $archive" ;;
  esac
  local bin=hypelint
  [ "${plat%%_*}" = windows ] && bin=hypelint.exe
  mv "$tmp/x/$bin" "$dest/$bin" && chmod +x "$dest/$bin" || fail "$archive holds no $bin"
  rm -rf "$tmp"
  say "installed the $v release binary for $plat"
}

build() {
  local v="$1"
  mkdir -p "$dest"
  if [ "$v" = local ] || [ "$v" = "$action_ref" ]; then
    say "building hypelint $v from the action's checkout"
    (cd "${ACTION_PATH:?}" && GOBIN="$dest" go install -ldflags "-X main.version=$v" ./cmd/hypelint)
  else
    say "building hypelint $v with go install"
    GOBIN="$dest" go install "$module/cmd/hypelint@$v"
  fi
}

if [ "$version" = local ] || ! download "$version"; then
  build "$version"
fi
echo "$dest" >> "${GITHUB_PATH:-/dev/null}"
