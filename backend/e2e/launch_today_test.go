package e2e_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// countTodayReads counts, in every document, the page's calls of Today.Get.
const countTodayReads = `(() => {
	window.__todayReads = 0;
	const real = window.fetch;
	window.fetch = (url, init) => {
		try { if (JSON.parse(init.body).name === 'today.Today.Get') window.__todayReads++; } catch {}
		return real(url, init);
	};
})()`

// A launch that opens on Today reads its list once: the read that chose
// Today is the one the screen draws and the sidebar counts. (It read it
// three times: to choose, to draw, to count; at program scale each read is
// tens of milliseconds before the first screen.) lib/today.js's test holds
// that only that first draw takes it.
func TestLaunchReadsTodayOnce(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	callAPI[map[string]any](t, p, "demo.Demo.Load")
	p.do(t, onNewDocuments(countTodayReads))
	p.do(t, chromedp.Navigate(srv.Base+"/"))
	p.waitFor(t, `location.hash === '#/today' && !!document.querySelector('[data-testid=attention-list]') && document.querySelector('[data-testid=today-count]').textContent !== ''`)
	if n := eval[int](t, p, `window.__todayReads`); n != 1 {
		t.Errorf("the launch read Today's list %d times, want 1", n)
	}

}
