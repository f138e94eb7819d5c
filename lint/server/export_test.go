package server

import "net/http"

// SetHooks sets functions the server calls just before and just after
// each lint (tests use them to hold a lint and to see how it ended).
func SetHooks(s *Server, before func(*http.Request), after func(error)) {
	s.beforeLint, s.afterLint = before, after
}

// InHand counts the lint requests admitted: linting or waiting for a worker.
func InHand(s *Server) int { return len(s.admit) }

// SetWriteHook sets a function the server calls after writing the answer
// of a lint, with the error of the write.
func SetWriteHook(s *Server, wrote func(error)) { s.wrote = wrote }
