package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// page is headless Chromium showing browser mode.
type page struct {
	ctx context.Context
	srv server
}

// openPage starts Chromium on the server's token URL and waits for the app to mount.
// A canary in the page records any script error so tests can require none.
func openPage(t *testing.T, srv server) *page {
	t.Helper()
	chrome := need(t, "chromium")
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
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
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	p := &page{ctx: ctx, srv: srv}
	p.do(t, chromedp.Navigate(srv.URL))
	p.waitVisible(t, "content")
	return p
}

// sel is the CSS selector of a data-testid.
func sel(testid string) chromedp.CSS {
	return chromedp.CSS(fmt.Sprintf(`[data-testid=%q]`, testid))
}

func (p *page) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

func (p *page) waitVisible(t *testing.T, testid string) {
	t.Helper()
	p.do(t, chromedp.WaitVisible(sel(testid)))
}

func (p *page) click(t *testing.T, testid string) {
	t.Helper()
	p.do(t, chromedp.WaitVisible(sel(testid)), chromedp.Click(sel(testid)))
}

// fill replaces a field's value by typing, as a user would.
func (p *page) fill(t *testing.T, testid, value string) {
	t.Helper()
	p.do(t, chromedp.WaitVisible(sel(testid)), chromedp.Clear(sel(testid)), chromedp.SendKeys(sel(testid), value))
}

// text returns an element's visible text.
func (p *page) text(t *testing.T, testid string) string {
	t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Text(sel(testid)))
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
