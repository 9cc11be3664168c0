package rpc_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/rpc"
	"circlebook/backend/services"
)

const indexHTML = "<!doctype html><title>Circlebook</title>"

// browser is a running browser-mode server over a fresh store, and a client
// that does not follow redirects.
type browser struct {
	t      *testing.T
	server *httptest.Server
	base   string // http://127.0.0.1:port
	token  string
	cookie *http.Cookie // what opening the token URL gave, once opened
	client *http.Client
	f      testdb.Fixture
}

// start is a launch whose token URL a browser has opened once: calls carry its cookie.
func start(t *testing.T) *browser {
	t.Helper()
	b := launch(t)
	res := b.open(nil)
	wantStatus(t, res, http.StatusSeeOther)
	if cs := res.Cookies(); len(cs) == 1 {
		b.cookie = cs[0]
	} else {
		t.Fatalf("opening the token URL set cookies %v, want one", cs)
	}
	return b
}

// launch is a fresh launch whose token URL nobody has opened yet.
func launch(t *testing.T) *browser {
	t.Helper()
	st, f := testdb.New(t)
	svc := services.New(st.DB, testdb.Now, t.TempDir())
	assets := fstest.MapFS{
		"index.html":  {Data: []byte(indexHTML)},
		"js/main.js":  {Data: []byte("export {};")},
		"css/app.css": {Data: []byte("body{}")},
	}
	h, err := rpc.New(svc.Bindings(), assets, apperr.Format)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(h)
	u, err := url.Parse(h.URL(ts.Listener))
	if err != nil {
		t.Fatal(err)
	}
	ts.Start()
	t.Cleanup(ts.Close)
	if u.Query().Get("token") == "" {
		t.Fatalf("URL %s carries no token", u)
	}
	return &browser{t: t, server: ts, base: ts.URL, token: u.Query().Get("token"), f: f,
		client: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(req *http.Request) *http.Response {
	b.t.Helper()
	res, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	b.t.Cleanup(func() { res.Body.Close() })
	return res
}

// open gets the token URL; edit adjusts the request.
func (b *browser) open(edit func(*http.Request)) *http.Response {
	b.t.Helper()
	return b.get("/?token="+b.token, edit)
}

// withCookie adds the browser's cookie to a request.
func (b *browser) withCookie(r *http.Request) { r.AddCookie(b.cookie) }

func (b *browser) get(path string, edit func(*http.Request)) *http.Response {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, b.base+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	if edit != nil {
		edit(req)
	}
	return b.do(req)
}

// call posts a raw body to /api/call with the cookie, when there is one; edit adjusts the request.
func (b *browser) call(body string, edit func(*http.Request)) *http.Response {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, b.base+"/api/call", strings.NewReader(body))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if b.cookie != nil {
		b.withCookie(req)
	}
	if edit != nil {
		edit(req)
	}
	return b.do(req)
}

// listAll asks circles.Circles.List for the first page of every circle.
var listAll = map[string]any{"includeArchived": true}

func callBody(t *testing.T, name string, args ...any) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{"name": name, "args": args})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type reply struct {
	Result json.RawMessage `json:"result"`
	Error  *apperr.Payload `json:"error"`
}

func decode(t *testing.T, res *http.Response) reply {
	t.Helper()
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q, want JSON", ct)
	}
	var r reply
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatalf("decoding reply: %v", err)
	}
	return r
}

func wantStatus(t *testing.T, res *http.Response, want int) {
	t.Helper()
	if res.StatusCode != want {
		body, _ := io.ReadAll(res.Body)
		t.Fatalf("%s %s: status %d, want %d (body %q)", res.Request.Method, res.Request.URL.Path, res.StatusCode, want, body)
	}
}

func TestPageNeedsToken(t *testing.T) {
	b := start(t)
	wantStatus(t, b.get("/", nil), http.StatusUnauthorized)
	wantStatus(t, b.get("/?token=not-the-token", nil), http.StatusUnauthorized)
	_, port, _ := net.SplitHostPort(b.server.Listener.Addr().String())
	wantStatus(t, b.get("/", func(r *http.Request) {
		r.AddCookie(&http.Cookie{Name: "circlebook_" + port, Value: "guess"})
	}), http.StatusUnauthorized)
	wantStatus(t, b.call(callBody(t, "circles.Circles.List", listAll), func(r *http.Request) { r.Header.Del("Cookie") }), http.StatusUnauthorized)
	wantStatus(t, b.call(callBody(t, "circles.Circles.List", listAll), func(r *http.Request) {
		r.Header.Del("Cookie")
		r.AddCookie(&http.Cookie{Name: b.cookie.Name, Value: "guess"})
	}), http.StatusUnauthorized)
}

func TestTokenInURLSetsCookie(t *testing.T) {
	b := launch(t)
	res := b.open(nil)
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != "/" {
		t.Errorf("Location = %q, want / (the token leaves the address bar)", loc)
	}
	cookies := res.Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies = %v, want one", cookies)
	}
	c := cookies[0]
	_, port, _ := net.SplitHostPort(b.server.Listener.Addr().String())
	if c.Name != "circlebook_"+port || len(c.Value) < 32 || c.Value == b.token || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("cookie = %+v, want circlebook_%s=a secret other than the token, HttpOnly, SameSite=Strict, Path=/", c, port)
	}

	page := b.get("/", func(r *http.Request) { r.AddCookie(c) })
	wantStatus(t, page, http.StatusOK)
	body, _ := io.ReadAll(page.Body)
	if string(body) != indexHTML {
		t.Errorf("page = %q, want index.html", body)
	}
	if csp := page.Header.Get("Content-Security-Policy"); csp != rpc.CSP || !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy = %q, want rpc.CSP", csp)
	}
	if got := page.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
	}
	asset := b.get("/js/main.js", func(r *http.Request) { r.AddCookie(c) })
	wantStatus(t, asset, http.StatusOK)
}

func TestForeignHostIsRefused(t *testing.T) {
	for _, host := range []string{"evil.example:80", "evil.example", "192.168.1.10:8080", "127.0.0.1.evil.example", "[::ffff:10.0.0.1]:80"} {
		t.Run(host, func(t *testing.T) {
			b := start(t)
			setHost := func(r *http.Request) { r.Host = host }
			wantStatus(t, b.call(callBody(t, "circles.Circles.List", listAll), setHost), http.StatusForbidden)
			wantStatus(t, b.get("/?token="+b.token, setHost), http.StatusForbidden)
		})
	}
	t.Run("localhost is fine", func(t *testing.T) {
		b := start(t)
		_, port, _ := net.SplitHostPort(b.server.Listener.Addr().String())
		wantStatus(t, b.call(callBody(t, "circles.Circles.List", listAll), func(r *http.Request) { r.Host = "localhost:" + port }), http.StatusOK)
	})
}

func TestForeignOriginIsRefused(t *testing.T) {
	b := start(t)
	for _, origin := range []string{"http://evil.example", "null", "https://" + b.server.Listener.Addr().String(), "http://localhost:1"} {
		res := b.call(callBody(t, "circles.Circles.List", listAll), func(r *http.Request) { r.Header.Set("Origin", origin) })
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("Origin %q: status %d, want 403", origin, res.StatusCode)
		}
	}
	same := b.call(callBody(t, "circles.Circles.List", listAll), func(r *http.Request) { r.Header.Set("Origin", b.base) })
	wantStatus(t, same, http.StatusOK)
}

func TestCall(t *testing.T) {
	b := start(t)

	res := b.call(callBody(t, "circles.Circles.Create", map[string]any{"name": "Product Craft Circle", "kind": "pair", "meetingDay": -1}), nil)
	wantStatus(t, res, http.StatusOK)
	r := decode(t, res)
	if r.Error != nil {
		t.Fatalf("error = %+v", r.Error)
	}
	var created struct {
		ID   uint   `json:"id"`
		UUID string `json:"uuid"`
		Name string `json:"name"`
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal(r.Result, &created); err != nil {
		t.Fatal(err)
	}
	if created.ID == 0 || created.Name != "Product Craft Circle" || created.Kind != "pair" || created.UUID == "" {
		t.Errorf("result = %s", r.Result)
	}
	if n := b.f.Count("circles"); n != 1 {
		t.Errorf("circles = %d, want 1", n)
	}

	res = b.call(callBody(t, "circles.Circles.List", listAll), nil)
	wantStatus(t, res, http.StatusOK)
	var page struct {
		Circles []struct {
			ID          uint `json:"id"`
			MemberCount int  `json:"memberCount"`
		} `json:"circles"`
		Total int `json:"total"`
	}
	if err := json.Unmarshal(decode(t, res).Result, &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Circles) != 1 || page.Circles[0].ID != created.ID || page.Total != 1 {
		t.Errorf("List = %+v, want the created circle", page)
	}

	// A method with only an error result replies with a null result, as Wails does.
	res = b.call(callBody(t, "circles.Circles.Delete", created.ID), nil)
	wantStatus(t, res, http.StatusOK)
	if r := decode(t, res); r.Error != nil || string(r.Result) != "null" {
		t.Errorf("Delete reply = result %s, error %+v; want result null", r.Result, r.Error)
	}
	if n := b.f.Count("circles"); n != 0 {
		t.Errorf("circles = %d after Delete, want 0", n)
	}
}

func TestCallErrors(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		status  int
		code    apperr.Code
		field   string
		message string // a part of it
	}{
		{"validation", `{"name":"circles.Circles.Create","args":[{"name":"  "}]}`, http.StatusUnprocessableEntity, apperr.Invalid, "name", "required"},
		{"not found", `{"name":"circles.Circles.Get","args":[4242]}`, http.StatusUnprocessableEntity, apperr.NotFound, "", "4242"},
		{"conflict", `{"name":"people.People.Create","args":[{"name":"Ana 2","email":"ANA@example.org"}]}`, http.StatusUnprocessableEntity, apperr.Conflict, "email", "ANA@example.org"},
		{"too few arguments", `{"name":"circles.Circles.Get","args":[]}`, http.StatusUnprocessableEntity, apperr.Internal, "", "expected 1 arguments, got 0"},
		{"too many arguments", `{"name":"circles.Circles.List","args":[{},{}]}`, http.StatusUnprocessableEntity, apperr.Internal, "", "expected 1 arguments, got 2"},
		{"argument of the wrong type", `{"name":"circles.Circles.Get","args":["seven"]}`, http.StatusUnprocessableEntity, apperr.Internal, "", "argument 1"},
		{"bad JSON", `{"name":"circles.Circles.List","args":[`, http.StatusBadRequest, apperr.Internal, "", "bad request"},
		{"unknown method", `{"name":"circles.Circles.DropAll","args":[]}`, http.StatusNotFound, apperr.Internal, "", "not registered"},
		{"unexported helper", `{"name":"circles.Circles.find","args":[]}`, http.StatusNotFound, apperr.Internal, "", "not registered"},
		{"Go package path is not the name", `{"name":"circlebook/backend/circles.Circles.List","args":[{}]}`, http.StatusNotFound, apperr.Internal, "", "not registered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := start(t)
			b.f.Person("Ana", func(p *model.Person) { p.Email = "ana@example.org" })
			before := b.f.Counts()
			res := b.call(tt.body, nil)
			wantStatus(t, res, tt.status)
			r := decode(t, res)
			if r.Error == nil {
				t.Fatalf("no error in reply, result %s", r.Result)
			}
			if r.Error.Code != tt.code || r.Error.Field != tt.field || !strings.Contains(r.Error.Message, tt.message) {
				t.Errorf("error = %+v, want code %q field %q message containing %q", *r.Error, tt.code, tt.field, tt.message)
			}
			if r.Result != nil {
				t.Errorf("result %s alongside an error", r.Result)
			}
			for table, n := range b.f.Counts() {
				if n != before[table] {
					t.Errorf("%s: %d rows, was %d", table, n, before[table])
				}
			}
		})
	}
}

func TestCallNeedsPost(t *testing.T) {
	b := start(t)
	res := b.get("/api/call", b.withCookie)
	wantStatus(t, res, http.StatusMethodNotAllowed)
}

func TestCallBodyIsCapped(t *testing.T) {
	b := start(t)
	big := `{"name":"circles.Circles.List","args":[{}],"pad":"` + strings.Repeat("x", rpc.MaxBody) + `"}`
	req, _ := http.NewRequest(http.MethodPost, b.base+"/api/call", bytes.NewReader([]byte(big)))
	b.withCookie(req)
	wantStatus(t, b.do(req), http.StatusBadRequest)
}

func TestMethodNamesMatchWails(t *testing.T) {
	b := start(t)
	b.f.Circle("Leaders")
	names := []struct {
		name string
		args []any
	}{
		{"circles.Circles.List", []any{map[string]any{"includeArchived": true}}},
		{"circles.Circles.Sidebar", []any{[]uint{1}}},
		{"circles.Circles.SetPinned", []any{1, true}},
		{"circles.Circles.Get", []any{1}},
		{"people.People.List", []any{map[string]any{"query": "ana", "limit": 8}}},
		{"sessions.Sessions.ScheduleSeries", []any{1, map[string]any{"firstStartsAt": "2026-12-01T17:00", "count": 2}}},
		{"sessions.Sessions.Get", []any{1}},
		{"demo.Demo.Load", nil},
	}
	for _, n := range names {
		res := b.call(callBody(t, n.name, n.args...), nil)
		if res.StatusCode != http.StatusOK {
			body, _ := io.ReadAll(res.Body)
			t.Errorf("%s: status %d (%s)", n.name, res.StatusCode, body)
		}
	}
}

// body reads a response's body.
func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTokenOpensOnce(t *testing.T) {
	b := start(t)

	again := b.open(nil)
	wantStatus(t, again, http.StatusForbidden)
	text := body(t, again)
	if !strings.Contains(text, "already used") || !strings.Contains(text, "circlebook serve") || strings.Contains(text, indexHTML) {
		t.Errorf("a second opening without the cookie = %q, want a short page saying the link was used and to restart circlebook serve", text)
	}
	if ct := again.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("refusal Content-Type = %q, want text/plain", ct)
	}
	if cs := again.Cookies(); len(cs) != 0 {
		t.Errorf("a second opening set cookies %v", cs)
	}

	back := b.open(b.withCookie)
	wantStatus(t, back, http.StatusSeeOther)
	if loc := back.Header.Get("Location"); loc != "/" {
		t.Errorf("reopening with the cookie: Location = %q, want /", loc)
	}
	if cs := back.Cookies(); len(cs) != 0 {
		t.Errorf("reopening with the cookie set cookies %v", cs)
	}

	// Once used, the token is no key: not as the cookie's value, not as a header, not in the URL.
	asCookie := func(r *http.Request) {
		r.Header.Del("Cookie")
		r.AddCookie(&http.Cookie{Name: b.cookie.Name, Value: b.token})
	}
	wantStatus(t, b.get("/", asCookie), http.StatusUnauthorized)
	wantStatus(t, b.get("/js/main.js", asCookie), http.StatusUnauthorized)
	wantStatus(t, b.call(callBody(t, "circles.Circles.List", listAll), asCookie), http.StatusUnauthorized)
	asHeader := func(r *http.Request) {
		r.Header.Del("Cookie")
		r.Header.Set("X-Circlebook-Token", b.token)
	}
	wantStatus(t, b.call(callBody(t, "circles.Circles.List", listAll), asHeader), http.StatusUnauthorized)
	wantStatus(t, b.get("/js/main.js?token="+b.token, nil), http.StatusForbidden)
	wantStatus(t, b.get("/api/call?token="+b.token, nil), http.StatusForbidden)

	// The first browser goes on working.
	wantStatus(t, b.get("/", b.withCookie), http.StatusOK)
	wantStatus(t, b.call(callBody(t, "circles.Circles.List", listAll), nil), http.StatusOK)
}

func TestTokenIsNoKeyBeforeItIsOpened(t *testing.T) {
	b := launch(t)
	wantStatus(t, b.call(callBody(t, "circles.Circles.List", listAll), func(r *http.Request) { r.Header.Set("X-Circlebook-Token", b.token) }), http.StatusUnauthorized)
	_, port, _ := net.SplitHostPort(b.server.Listener.Addr().String())
	wantStatus(t, b.get("/", func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "circlebook_" + port, Value: b.token}) }), http.StatusUnauthorized)
	wantStatus(t, b.open(nil), http.StatusSeeOther)
}

func TestTokenRaceHasOneWinner(t *testing.T) {
	b := launch(t)
	const n = 16
	statuses := make(chan int, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Go(func() {
			<-start
			req, _ := http.NewRequest(http.MethodGet, b.base+"/?token="+b.token, nil)
			res, err := b.client.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			statuses <- res.StatusCode
		})
	}
	close(start)
	wg.Wait()
	close(statuses)
	won, refused := 0, 0
	for s := range statuses {
		switch s {
		case http.StatusSeeOther:
			won++
		case http.StatusForbidden:
			refused++
		default:
			t.Errorf("status %d, want 303 or 403", s)
		}
	}
	if won != 1 || refused != n-1 {
		t.Errorf("%d openings won and %d were refused, want 1 and %d", won, refused, n-1)
	}
}

func TestRefusedRequestsKeepTheToken(t *testing.T) {
	b := launch(t)
	wantStatus(t, b.open(func(r *http.Request) { r.Host = "evil.example" }), http.StatusForbidden)
	wantStatus(t, b.open(func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") }), http.StatusForbidden)
	post, _ := http.NewRequest(http.MethodPost, b.base+"/?token="+b.token, nil)
	wantStatus(t, b.do(post), http.StatusUnauthorized)
	wantStatus(t, b.get("/?token=guess", nil), http.StatusUnauthorized)
	wantStatus(t, b.open(nil), http.StatusSeeOther)
}

func TestEachLaunchHasItsOwnToken(t *testing.T) {
	first, second := start(t), launch(t)
	if first.token == second.token {
		t.Fatalf("two launches share the token %s", first.token)
	}
	_, port, _ := net.SplitHostPort(second.server.Listener.Addr().String())
	old := func(r *http.Request) {
		r.AddCookie(&http.Cookie{Name: "circlebook_" + port, Value: first.cookie.Value})
	}
	wantStatus(t, second.get("/", old), http.StatusUnauthorized)
	wantStatus(t, second.get("/?token="+first.token, nil), http.StatusUnauthorized)
	wantStatus(t, second.open(nil), http.StatusSeeOther)
}
