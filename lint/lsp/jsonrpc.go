package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC 2.0 and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
)

// maxBody bounds the Content-Length the server accepts; a longer message
// is skipped unread rather than held in memory.
const maxBody = 64 << 20

// rpcError is the error object of a response.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

func errorf(code int, format string, args ...any) *rpcError {
	return &rpcError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// message is any incoming JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response to a request of ours (ID only;
// the server sends none, so responses are ignored).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
}

func (m *message) isRequest() bool { return len(m.ID) > 0 && string(m.ID) != "null" }

type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// conn reads and writes Content-Length framed JSON-RPC messages. Reads
// happen on one goroutine; writes may come from several.
type conn struct {
	r  *bufio.Reader
	mu sync.Mutex
	w  io.Writer

	// skipped, if set, hears of bytes dropped before a message's header
	// (see read).
	skipped func(errFrame)
}

func newConn(r io.Reader, w io.Writer) *conn {
	return &conn{r: bufio.NewReader(r), w: w}
}

// errFrame is a framing problem the reader recovered from: the message was
// skipped, and the next read looks for the next header.
type errFrame struct{ msg string }

func (e errFrame) Error() string { return e.msg }

// marker (in any case) starts every message the server reads. A message framed wrongly
// (a Content-Length counting characters rather than bytes leaves the end
// of a body in front of the next header) is resynchronised on it.
const marker = "Content-Length:"

// read returns the body of the next message. It starts at the next
// marker: header lines before it are ignored, anything else before it is
// dropped and reported to skipped. An error of type errFrame means one
// message was unusable and reading may go on (the next read looks for the
// next marker); any other error (io.EOF included) ends the stream.
func (c *conn) read() ([]byte, error) {
	dropped, err := c.seek()
	if dropped.garbage() && c.skipped != nil {
		c.skipped(errFrame{fmt.Sprintf("framing error: %d bytes before the next header skipped (%q…); "+
			"does a Content-Length count characters rather than bytes?", dropped.n, dropped.sample[:min(len(dropped.sample), 40)])})
	}
	if err != nil {
		return nil, err
	}
	value, err := c.line()
	if err != nil {
		return nil, err
	}
	// The other headers, up to the blank line that ends them.
	for {
		line, err := c.line()
		if err != nil {
			return nil, err
		}
		if line == "" {
			break
		}
		if !headerLine().MatchString(line + "\n") {
			return nil, errFrame{fmt.Sprintf("malformed header line %q", line)}
		}
	}
	value = strings.TrimSpace(value)
	n, err := strconv.ParseInt(value, 10, 64)
	if err != nil || n < 0 {
		return nil, errFrame{fmt.Sprintf("bad Content-Length %q", value)}
	}
	if n > maxBody {
		if _, err := io.CopyN(io.Discard, c.r, n); err != nil {
			return nil, unexpected(err)
		}
		return nil, errFrame{fmt.Sprintf("message of %d bytes skipped (limit %d)", n, maxBody)}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return nil, unexpected(err)
	}
	return body, nil
}

// seek reads up to and past the next marker, returning what it passed.
func (c *conn) seek() (dropped droppedBytes, err error) {
	for {
		buf, err := c.r.Peek(max(c.r.Buffered(), len(marker)))
		if i := indexFold(buf, markerBytes); i >= 0 {
			dropped.add(buf[:i])
			c.r.Discard(i + len(marker))
			return dropped, nil
		}
		if err != nil {
			dropped.add(buf)
			c.r.Discard(len(buf))
			return dropped, err // the end of the input, between messages
		}
		// Keep what could be the start of a marker.
		n := len(buf) - (len(marker) - 1)
		dropped.add(buf[:n])
		c.r.Discard(n)
	}
}

// indexFold is bytes.Index ignoring case: header names are
// case-insensitive.
func indexFold(b, s []byte) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if bytes.EqualFold(b[i:i+len(s)], s) {
			return i
		}
	}
	return -1
}

var markerBytes = []byte(marker)

// line reads one header line without its line end.
func (c *conn) line() (string, error) {
	b, err := c.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		return "", errFrame{fmt.Sprintf("header line longer than %d bytes", len(b))}
	}
	if err != nil {
		return "", unexpected(err)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// unexpected is err, with an end of input in mid-message called so.
func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// headerLine matches header lines and blank lines, which may come before
// the marker without being reported.
var headerLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:(?:[!-9;-~]+:[^\r\n]*)?\r?\n)*$`) })

// droppedBytes counts the bytes seek passed and keeps the first of them.
type droppedBytes struct {
	n      int
	sample []byte
}

const sampleSize = 200

func (d *droppedBytes) add(b []byte) {
	d.n += len(b)
	if room := sampleSize - len(d.sample); room > 0 {
		d.sample = append(d.sample, b[:min(room, len(b))]...)
	}
}

// garbage tells whether the bytes passed were anything but header lines
// and blank lines.
func (d droppedBytes) garbage() bool {
	return d.n > sampleSize || !headerLine().Match(d.sample)
}

// write sends one message.
func (c *conn) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = c.w.Write(body)
	return err
}

func (c *conn) reply(id json.RawMessage, result any, rerr *rpcError) error {
	resp := response{JSONRPC: "2.0", ID: id, Error: rerr}
	if len(resp.ID) == 0 {
		resp.ID = json.RawMessage("null")
	}
	if rerr == nil {
		b, err := json.Marshal(result)
		if err != nil {
			return c.reply(id, nil, errorf(codeInternalError, "encoding result: %v", err))
		}
		resp.Result = b
	}
	return c.write(resp)
}

func (c *conn) notify(method string, params any) error {
	return c.write(notification{JSONRPC: "2.0", Method: method, Params: params})
}
