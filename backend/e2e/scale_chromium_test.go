package e2e_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The browser-mode helpers of browser_test.go and serve_test.go, for a
// benchmark as well as a test, with limits long enough for a slow page.

// serveTB runs `circlebook serve` on dir and stops it with SIGTERM when the
// test or benchmark ends, failing if it does not exit cleanly.
func serveTB(t testing.TB, dir string) server {
	t.Helper()
	return serveFor(t, dir, scaleStepLimit)
}

// chromeTab is headless Chromium for a test or a benchmark.
type chromeTab struct {
	ctx context.Context
	t   testing.TB
}

// chromiumTB starts a fresh headless Chromium with its own profile, the
// window size the other browser tests use, and script run in every document
// before the page's own.
func chromiumTB(t testing.TB, script string) *chromeTab {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromiumOptions(t)...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser on the long-lived context
		t.Fatalf("start chromium: %v", err)
	}
	c := &chromeTab{ctx: ctx, t: t}
	c.do(onNewDocuments(script))
	return c
}

// onNewDocuments is a step that has the tab run script in every document it
// loads from then on, before the page's own scripts.
func onNewDocuments(script string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	})
}

// do runs steps, each bounded by scaleStepLimit.
func (c *chromeTab) do(steps ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, scaleStepLimit)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		c.t.Fatalf("browser: %v", err)
	}
}

// tabEval runs JavaScript in the page and returns its value.
func tabEval[T any](c *chromeTab, js string) T {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, scaleStepLimit)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		c.t.Fatalf("eval %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition (every animation frame) until it is true.
func (c *chromeTab) waitFor(js string) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, scaleStepLimit)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(scaleStepLimit))); err != nil {
		c.t.Fatalf("waiting for %s: %v (screenshot: %s)", js, err, c.shot())
	}
}

// shot saves a screenshot of the page for a failure message, and returns its path.
func (c *chromeTab) shot() string {
	ctx, cancel := context.WithTimeout(c.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return "none: " + err.Error()
	}
	path := filepath.Join(os.TempDir(), "circlebook-"+strings.ReplaceAll(c.t.Name(), "/", "-")+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		return "none: " + err.Error()
	}
	return path
}
