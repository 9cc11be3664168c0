package e2e_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 12's program view in browser mode, on the sample program: G goes
// there from Today; every circle and pair is listed with its health (the
// circle with a goal at risk says so beside its chip); "Pairs only" keeps
// the pair; and axe finds nothing serious in three modes.
func TestProgramView(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.waitVisible(t, "first-run")
	callAPI[map[string]any](t, p, "demo.Demo.Load")
	p.do(t, chromedp.Navigate(srv.Base+"/"))
	p.waitFor(t, `location.hash === '#/today' && !!document.querySelector('[data-testid=attention-list]')`)
	p.pressKey(t, "g")
	p.waitFor(t, `location.hash === '#/program' && document.querySelectorAll('[data-testid=program-row]').length === 4`)
	if got := eval[string](t, p, `document.querySelector('[data-testid=program-count]').textContent`); got != "4 circles and pairs" {
		t.Errorf("the count says %q", got)
	}
	line := eval[string](t, p, `[...document.querySelectorAll('[data-testid=program-row]')].find((r) => r.textContent.includes('Emerging Engineering Leaders')).querySelector('[data-testid=program-health-line]').textContent`)
	if line != "Watch1 goal at risk" {
		t.Errorf("the health line of the circle with a goal at risk is %q (screenshot: %s)", line, p.shot(t))
	}
	for _, m := range []viewMode{{"dark", true, 1280}, {"700px", false, 700}, {"light", false, 1280}} {
		p.emulate(t, m)
		if vs := p.axeRun(t, axe); len(vs) > 0 {
			t.Errorf("axe on the program view, %s (screenshot: %s):\n%s", m.name, p.shotAs(t, "program-"+m.name), describeViolations(vs))
		}
	}
	eval[bool](t, p, `(() => { const s = document.querySelector('[data-testid=program-kind-filter]'); s.value = 'pair'; return s.dispatchEvent(new Event('change')); })()`)
	p.waitFor(t, fmt.Sprintf(`document.querySelectorAll('[data-testid=program-row]').length === 1 && document.querySelector('[data-testid=program-count]').textContent === %q`, "1 pair"))
	if name := eval[string](t, p, `document.querySelector('[data-testid=program-name]').textContent`); name != "Chidi & Mateus" {
		t.Errorf("pairs only lists %q", name)
	}
}
