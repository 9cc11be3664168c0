package e2e_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// fetchFrom fetches a path from the page's origin, as the page's own script
// would (a POST lists the circles), and returns the HTTP status and body.
func fetchFrom(t *testing.T, p *page, method, path string) (int, string) {
	t.Helper()
	body := "undefined"
	if method == "POST" {
		body = `'{"name":"circles.Circles.List","args":[{"includeArchived":true}]}'`
	}
	js := fmt.Sprintf(`fetch(%q, {method: %q, headers: {'Content-Type': 'application/json'}, body: %s})
		.then(async r => [String(r.status), await r.text()])`, path, method, body)
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](js, func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
	if err != nil || len(v) != 2 {
		t.Fatalf("fetch %s %s: %v %v", method, path, v, err)
	}
	code, err := strconv.Atoi(v[0])
	if err != nil {
		t.Fatal(err)
	}
	return code, v[1]
}

// The token URL opens Circlebook in one browser only: a second, fresh
// browser gets a refusal page and no data, and the first one, opening the
// URL again, is sent on to the app.
func TestTokenURLOpensOnce(t *testing.T) {
	srv := startServe(t, "")
	first := openPage(t, srv)
	const marker = "Token canary circle"
	callAPI[struct{ ID int }](t, first, "circles.Circles.Create", map[string]any{"name": marker})

	second := startChromium(t, srv)
	second.do(t, chromedp.Navigate(srv.URL))
	text := eval[string](t, second, `document.body.innerText`)
	if !strings.Contains(text, "already used") || !strings.Contains(text, "circlebook serve") {
		t.Errorf("a second browser opening the URL reads %q, want the link-used page", text)
	}
	if n := second.count(t, "content"); n != 0 || strings.Contains(text, marker) {
		t.Errorf("a second browser got the app (%d content) or the data: %q", n, text)
	}
	if code, _ := fetchFrom(t, second, "GET", srv.URL[len(srv.Base):]); code != 403 {
		t.Errorf("second browser, token URL again: status %d, want 403", code)
	}
	for _, c := range []struct{ method, path string }{{"GET", "/"}, {"GET", "/js/main.js"}, {"POST", "/api/call"}} {
		code, body := fetchFrom(t, second, c.method, c.path)
		if code != 401 || strings.Contains(body, marker) {
			t.Errorf("second browser, %s %s: status %d body %.200q, want 401 and no data", c.method, c.path, code, body)
		}
	}

	first.do(t, chromedp.Navigate(srv.URL))
	first.waitVisible(t, "content")
	first.waitFor(t, fmt.Sprintf(`document.body.innerText.includes(%q)`, marker))
	if loc := eval[string](t, first, `location.pathname + location.search`); loc != "/" {
		t.Errorf("the first browser, reopening the URL, is at %q, want / (no token)", loc)
	}
	if code, body := fetchFrom(t, first, "POST", "/api/call"); code != 200 || !strings.Contains(body, marker) {
		t.Errorf("the first browser's calls: status %d body %q, want 200 with the circle", code, body)
	}
}
