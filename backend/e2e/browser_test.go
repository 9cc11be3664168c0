package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// page is headless Chromium showing browser mode.
type page struct {
	ctx context.Context
	srv server
}

// openPage starts Chromium on the server's token URL and waits for the app to mount.
// A canary in the page records any script error so tests can require none.
// The token opens the page once: one openPage per server.
func openPage(t *testing.T, srv server) *page {
	t.Helper()
	p := startChromium(t, srv)
	p.do(t, chromedp.Navigate(srv.URL))
	p.waitVisible(t, "content")
	return p
}

// chromiumOptions are how every browser test runs Chromium: headless as
// root, a fresh profile (so no cookies), no background traffic.
func chromiumOptions(t testing.TB) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(need(t, "chromium")),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 860),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	}
}

// startChromium starts a fresh headless Chromium (its own profile, so no
// cookies) showing a blank page.
func startChromium(t *testing.T, srv server) *page {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromiumOptions(t)...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser on the long-lived context
		t.Fatalf("start chromium: %v", err)
	}
	return &page{ctx: ctx, srv: srv}
}

// sel is the CSS selector of a data-testid.
func sel(testid string) chromedp.CSS {
	return chromedp.CSS(fmt.Sprintf(`[data-testid=%q]`, testid))
}

// stepTimeout bounds one browser step, so a missing element fails fast.
const stepTimeout = 20 * time.Second

func (p *page) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("browser: %v (screenshot: %s)", err, p.shot(t))
	}
}

// pressKey sends one key to the focused element, as a keyboard would.
func (p *page) pressKey(t *testing.T, key string) {
	t.Helper()
	p.do(t, chromedp.KeyEvent(key))
}

// shot saves a screenshot of the page for a failure message, and returns its path.
func (p *page) shot(t *testing.T) string {
	ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return "none: " + err.Error()
	}
	path := filepath.Join(os.TempDir(), "circlebook-"+strings.ReplaceAll(t.Name(), "/", "-")+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		return "none: " + err.Error()
	}
	return path
}

func (p *page) waitVisible(t *testing.T, testid string) {
	t.Helper()
	p.do(t, chromedp.WaitVisible(sel(testid)))
}

// click clicks an element with the mouse. The page redraws from Go's answers,
// so a node found a moment ago may be replaced before the click lands: then
// it looks again, as a person's second glance would.
func (p *page) click(t *testing.T, testid string) {
	t.Helper()
	p.clickCSS(t, string(sel(testid)))
}

// clickCSS clicks the element css finds, as click does.
func (p *page) clickCSS(t *testing.T, css string) {
	t.Helper()
	for try := 0; ; try++ {
		ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
		err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(css)), chromedp.Click(chromedp.CSS(css)))
		cancel()
		if err == nil {
			return
		}
		if try == 2 || !strings.Contains(err.Error(), "Could not find node") {
			t.Fatalf("click %s: %v (screenshot: %s)", css, err, p.shot(t))
		}
	}
}

// fill replaces a field's value by typing, as a user would; the text goes
// in through the input method, so accented and non-Latin letters arrive whole.
func (p *page) fill(t *testing.T, testid, value string) {
	t.Helper()
	p.setValue(t, testid, "")
	p.do(t, chromedp.Focus(sel(testid)),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: value})
			return err
		}))
}

// text returns an element's visible text.
func (p *page) text(t *testing.T, testid string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(sel(testid)))
	if err != nil {
		t.Fatalf("text of %s: %v", testid, err)
	}
	return strings.TrimSpace(s)
}

// eval runs JavaScript in the page and returns its value.
func eval[T any](t *testing.T, p *page, js string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("eval %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it is true.
func (p *page) waitFor(t *testing.T, js string) {
	t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", js, err)
	}
}

// count returns how many elements carry a data-testid.
func (p *page) count(t *testing.T, testid string) int {
	return eval[int](t, p, fmt.Sprintf(`document.querySelectorAll('[data-testid=%q]').length`, testid))
}

// setValue sets a field the way a picker would (date, time, select) and fires input and change.
func (p *page) setValue(t *testing.T, testid, value string) {
	t.Helper()
	p.waitVisible(t, testid)
	js := fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid=%q]');
		el.value = %q; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, testid, value)
	eval[bool](t, p, js)
}

// callAPI calls a bound method through browser mode's transport, for test set-up.
func callAPI[T any](t *testing.T, p *page, name string, args ...any) T {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"name": name, "args": args})
	js := fmt.Sprintf(`fetch('/api/call', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: %q})
		.then(r => r.json()).then(r => { if (r.error) throw new Error(r.error.message); return r.result })`, body)
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// chromedpNavigate moves the page to a route (a hash) of the app.
func chromedpNavigate(srv server, route string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Navigate(srv.Base+"/"+route), chromedp.WaitVisible(sel("content")))
}

// chromedpWaitGone waits until a testid is gone from the page.
func chromedpWaitGone(testid string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitNotPresent(sel(testid))
}
