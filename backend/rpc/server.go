package rpc

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strings"
)

// MaxBody caps a request body; the largest legal call carries a few 100,000-character texts.
const MaxBody = 8 << 20

// Server is browser mode's HTTP handler.
type Server struct {
	methods map[string]method
	format  func(error) any
	assets  http.Handler
	token   string
	port    string
}

// New returns a server for the bindings and page assets; format maps errors
// to what the page reads (apperr.Format). The token is random per launch.
func New(bindings []any, assets fs.FS, format func(error) any) (*Server, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return &Server{methods: methods(bindings), format: format, assets: http.FileServerFS(assets), token: hex.EncodeToString(b)}, nil
}

// Listen opens a listener on addr, refusing any address that is not loopback.
func Listen(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("address %q: %w", addr, err)
	}
	ip := net.ParseIP(host)
	if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("address %q is not loopback: browser mode only listens on 127.0.0.1, ::1 or localhost", addr)
	}
	return net.Listen("tcp", addr)
}

// URL is the address to open, with the token, for a listener this server serves.
func (s *Server) URL(l net.Listener) string {
	_, s.port, _ = net.SplitHostPort(l.Addr().String())
	return "http://" + l.Addr().String() + "/?token=" + s.token
}

func (s *Server) cookieName() string { return "circlebook_" + s.port }

// ServeHTTP refuses foreign hosts and origins and requests without the token,
// then serves the API or the page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !loopbackHost(r.Host) {
		http.Error(w, "forbidden host", http.StatusForbidden)
		return
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		http.Error(w, "forbidden origin", http.StatusForbidden)
		return
	}
	if t := r.URL.Query().Get("token"); t != "" && s.valid(t) && r.Method == http.MethodGet {
		http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	if !s.authorized(r) {
		http.Error(w, "missing or wrong token: open the URL circlebook serve printed", http.StatusUnauthorized)
		return
	}
	setSecurityHeaders(w.Header())
	if r.URL.Path == "/api/call" {
		s.serveCall(w, r)
		return
	}
	s.assets.ServeHTTP(w, r)
}

func (s *Server) valid(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

func (s *Server) authorized(r *http.Request) bool {
	if t := r.Header.Get("X-Circlebook-Token"); t != "" {
		return s.valid(t)
	}
	c, err := r.Cookie(s.cookieName())
	return err == nil && s.valid(c.Value)
}

func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CSP is the page's content security policy, the same as index.html's meta tag.
// WebKitGTK does not count the window's wails:// URLs as 'self' for styles and
// fonts, so that scheme is named for those two; browser mode never serves it.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' wails:; img-src 'self' data:; font-src 'self' wails:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
}

type callRequest struct {
	Name string            `json:"name"`
	Args []json.RawMessage `json:"args"`
}

// okReply carries a method's result; a falsy result (false, 0, "") is kept.
type okReply struct {
	Result any `json:"result"`
}

// errReply carries an error as {code, field, message}.
type errReply struct {
	Error any `json:"error"`
}

func (s *Server) serveCall(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	var req callRequest
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	m, ok := s.methods[req.Name]
	switch {
	case err != nil:
		s.reply(w, http.StatusBadRequest, errReply{Error: s.format(fmt.Errorf("bad request: %w", err))})
	case !ok:
		s.reply(w, http.StatusNotFound, errReply{Error: s.format(fmt.Errorf("method %q not registered", req.Name))})
	default:
		result, err := m.call(req.Args)
		if err != nil {
			s.reply(w, http.StatusUnprocessableEntity, errReply{Error: s.format(err)})
			return
		}
		s.reply(w, http.StatusOK, okReply{Result: result})
	}
}

func (s *Server) reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
