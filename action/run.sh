#!/usr/bin/env bash
# The GitHub Action's lint step: builds the hypelint command line from the
# action's inputs (INPUT_* variables) and runs it. Tested locally by
# cmd/hypelint/action_test.go.
set -euo pipefail
args=(--format "${INPUT_FORMAT:-github}" --fail-on "${INPUT_FAIL_ON:-error}")
if [ -n "${INPUT_CONFIG:-}" ]; then
  args+=(--config "$INPUT_CONFIG")
fi
if [ -n "${INPUT_ARGS:-}" ]; then
  # Extra flags are split on white space, as a user types them.
  read -r -a extra <<< "$INPUT_ARGS"
  args+=("${extra[@]}")
fi
read -r -a paths <<< "${INPUT_PATHS:-.}"
exec "${HYPELINT:-hypelint}" "${args[@]}" "${paths[@]}"
