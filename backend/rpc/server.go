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
	"sync/atomic"
)

// MaxBody caps a request body: the largest legal call is a roster file of
// up to 50 MB (roster.MaxFileBytes) sent as base64, about 67 MB of JSON.
const MaxBody = 72 << 20

// Server is browser mode's HTTP handler.
type Server struct {
	methods map[string]method
	format  func(error) any
	assets  http.Handler
	token   string      // in the printed URL; opens the page once
	session string      // the cookie's value, never printed
	used    atomic.Bool // whether the token has been traded for the cookie
	port    string
}

// New returns a server for the bindings and page assets; format maps errors
// to what the page reads (apperr.Format). The token and the cookie's secret
// are random per launch.
func New(bindings []any, assets fs.FS, format func(error) any) (*Server, error) {
	token, err := secret()
	if err != nil {
		return nil, err
	}
	session, err := secret()
	if err != nil {
		return nil, err
	}
	return &Server{methods: methods(bindings), format: format, assets: http.FileServerFS(assets), token: token, session: session}, nil
}

func secret() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
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

// ServeHTTP refuses foreign hosts and origins, trades the URL's token for the
// cookie once, refuses requests without the cookie, then serves the API or the page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !loopbackHost(r.Host) {
		http.Error(w, "forbidden host", http.StatusForbidden)
		return
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		http.Error(w, "forbidden origin", http.StatusForbidden)
		return
	}
	setSecurityHeaders(w.Header())
	if r.Method == http.MethodGet && r.URL.Query().Has("token") && s.openToken(w, r) {
		return
	}
	if !s.authorized(r) {
		http.Error(w, "missing or wrong token: open the URL circlebook serve printed", http.StatusUnauthorized)
		return
	}
	if r.URL.Path == "/api/call" {
		s.serveCall(w, r)
		return
	}
	s.assets.ServeHTTP(w, r)
}

// usedLink is what a browser without the cookie reads on opening a used token URL.
const usedLink = "This Circlebook link was already used: each link opens Circlebook in one browser only.\n" +
	"To open it here, stop `circlebook serve` and start it again; it prints a new link.\n"

// openToken answers a GET that carries a token and reports whether it did.
// A browser with the cookie is sent on to the page; the right token, the
// first time, is traded for the cookie; the right token again is refused.
// A wrong token is left to the cookie check.
func (s *Server) openToken(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case s.authorized(r):
		http.Redirect(w, r, "/", http.StatusSeeOther)
	case !equal(r.URL.Query().Get("token"), s.token):
		return false
	case s.used.CompareAndSwap(false, true):
		http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: s.session, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		http.Redirect(w, r, "/", http.StatusSeeOther)
	default:
		http.Error(w, usedLink, http.StatusForbidden)
	}
	return true
}

// authorized reports whether a request carries this launch's cookie; the
// token itself is never a key.
func (s *Server) authorized(r *http.Request) bool {
	c, err := r.Cookie(s.cookieName())
	return err == nil && s.used.Load() && equal(c.Value, s.session)
}

func equal(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
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
