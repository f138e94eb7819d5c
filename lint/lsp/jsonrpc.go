package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
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
}

func newConn(r io.Reader, w io.Writer) *conn {
	return &conn{r: bufio.NewReader(r), w: w}
}

// errFrame is a framing problem the reader recovered from: the message was
// skipped and the stream is positioned at the next header.
type errFrame struct{ msg string }

func (e errFrame) Error() string { return e.msg }

// read returns the body of the next message. An error of type errFrame
// means one message was unusable and reading may go on; any other error
// (io.EOF included) ends the stream.
func (c *conn) read() ([]byte, error) {
	header, err := textproto.NewReader(c.r).ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(header) == 0 {
			return nil, io.EOF
		}
		if _, ok := err.(textproto.ProtocolError); ok {
			return nil, errFrame{"malformed header: " + err.Error()}
		}
		return nil, err
	}
	v := header.Get("Content-Length")
	if v == "" {
		return nil, errFrame{"header without Content-Length"}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return nil, errFrame{fmt.Sprintf("bad Content-Length %q", v)}
	}
	if n > maxBody {
		if _, err := io.CopyN(io.Discard, c.r, n); err != nil {
			return nil, err
		}
		return nil, errFrame{fmt.Sprintf("message of %d bytes skipped (limit %d)", n, maxBody)}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return nil, err
	}
	return body, nil
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
