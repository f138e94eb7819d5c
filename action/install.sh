#!/usr/bin/env bash
# Installs hypelint for the GitHub Action: from the action's own checkout
# ("local") or a released Go package version.
set -euo pipefail
if [ "${HYPELINT_VERSION:-local}" = "local" ]; then
  (cd "${ACTION_PATH:?}" && go install ./cmd/hypelint)
else
  go install "github.com/hypelint/hypelint/cmd/hypelint@${HYPELINT_VERSION}"
fi
echo "$(go env GOPATH)/bin" >> "${GITHUB_PATH:-/dev/null}"
