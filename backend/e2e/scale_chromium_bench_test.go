package e2e_test

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"circlebook/backend/fold"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// scaleProbe runs in every document before the page's own scripts. It keeps,
// on window.__scale, the long tasks (PerformanceObserver "longtask": every
// task over 50 ms), when each list's first rows were painted (ms from the
// navigation's start to the end of the frame that showed them), the last
// key's time, the calls to Go in flight and when the last one ended, and the
// last change to the DOM and the end of the frame after it.
const scaleProbe = `(() => {
  const m = window.__scale = { tasks: [], painted: {}, key: -1, inflight: 0, lastReply: 0, lastMutation: 0, lastPaint: 0 };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) m.tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  } catch (err) { m.noLongtasks = String(err); }
  const fetch = window.fetch;
  window.fetch = (...args) => {
    m.inflight++;
    return fetch(...args).finally(() => { m.inflight--; m.lastReply = performance.now(); });
  };
  const afterPaint = (fn) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = fn; c.port2.postMessage(0); });
  const rows = { circles: '[data-testid="circle-row"]', people: '[data-testid="person-row"]' };
  new MutationObserver(() => {
    m.lastMutation = performance.now();
    afterPaint(() => { m.lastPaint = performance.now(); });
    for (const [list, css] of Object.entries(rows)) {
      if (!(list in m.painted) && document.querySelector(css)) {
        m.painted[list] = 0;
        afterPaint(() => { m.painted[list] = performance.now(); });
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener('keydown', (e) => { m.key = e.timeStamp; }, true);
})()`

// pageSettled is true once no call to Go is out, nothing has changed for
// 500 ms since the last key, reply or change, and that change is painted.
const pageSettled = `window.__scale.inflight === 0 && performance.now() - Math.max(window.__scale.key, window.__scale.lastReply, window.__scale.lastMutation) > 500 && window.__scale.lastPaint >= window.__scale.lastMutation`

// countNodes counts the nodes in the document (elements, text and the rest).
const countNodes = `(() => { let n = 1; const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); while (w.nextNode()) n++; return n; })()`

// scaleList is one list screen the Chromium benchmark opens and filters.
type scaleList struct {
	name, route, nameID, filterID string
	last                          func(testing.TB, string) listEnd
}

// scaleLists are the two long lists: circles and People.
var scaleLists = []scaleList{
	{"circles", "#/circles", "circle-name", "circle-filter", lastCircle},
	{"people", "#/people", "person-name", "people-search", lastPerson},
}

// listFigures are what one list measured over the benchmark's runs.
type listFigures struct {
	paint   []float64 // ms from navigation to the first rows painted
	longest []float64 // each visit's longest task, ms (0: none over 50 ms)
	nodes   int       // DOM nodes once the list pageSettled (the most seen)
	keys    []float64 // ms from each key to the filtered rows painted
	bursts  []float64 // ms from the last key of a burst to the filtered rows painted
}

// BenchmarkScaleChromium opens browser mode (circlebook serve) in headless
// Chromium on the generated data set and on the sample program, in the same
// run, and for the circles list and People measures: the time from
// navigation to the rows painted, the longest task (PerformanceObserver
// "longtask"), the DOM's nodes, and, typing the name of the list's last row
// into its filter, each key's time to the filtered rows painted (the frame
// after the page's last change for that key), and the last key's in a burst
// at 60 ms a key. Targets: painted within 1.5 s, no task over 200 ms, every
// key answered within 100 ms.
//
//	CIRCLEBOOK_E2E=1 go test -run XXX -bench ScaleChromium -benchtime 3x -timeout 60m ./backend/e2e/
//
// CIRCLEBOOK_SCALE=program runs it on the program-scale data set (tenth otherwise).
func BenchmarkScaleChromium(b *testing.B) {
	need(b, "chromium")
	sets := []struct {
		name string
		data string
		tab  *chromeTab
		srv  server
		figs map[string]*listFigures
		last map[string]listEnd // each list's last row
	}{{name: "sample", data: sampleData(b)}, {name: "scale", data: scaleData(b)}}
	for i := range sets {
		s := &sets[i]
		s.srv = serveTB(b, s.data)
		s.tab = chromiumTB(b, scaleProbe)
		s.tab.do(chromedp.Navigate(s.srv.URL))                                                 // trades the one-time token for the cookie
		s.tab.waitFor(`document.querySelector('[data-testid=today-count]') && ` + pageSettled) // the app opens on Today
		s.figs, s.last = map[string]*listFigures{}, map[string]listEnd{}
		for _, l := range scaleLists {
			s.figs[l.name], s.last[l.name] = &listFigures{}, l.last(b, s.data)
		}
	}
	palette := map[string][]float64{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sets {
			for _, l := range scaleLists {
				visitList(b, s.name, s.tab, s.srv, l, s.last[l.name], s.figs[l.name])
			}
			palette[s.name] = append(palette[s.name], searchPalette(b, s.name, s.tab, s.srv)...)
		}
	}
	b.StopTimer()
	for _, s := range sets {
		b.ReportMetric(percentile(palette[s.name], 50), s.name+"-palette-p50-ms")
		b.ReportMetric(percentile(palette[s.name], 95), s.name+"-palette-p95-ms")
	}
	for _, s := range sets {
		for _, l := range scaleLists {
			f := s.figs[l.name]
			prefix := s.name + "-" + l.name + "-"
			b.ReportMetric(meanOf(f.paint), prefix+"paint-ms")
			b.ReportMetric(percentile(f.longest, 100), prefix+"longtask-max-ms")
			b.ReportMetric(percentile(f.longest, 50), prefix+"longtask-p50-ms")
			b.ReportMetric(float64(f.nodes), prefix+"nodes")
			b.ReportMetric(percentile(f.keys, 50), prefix+"key-p50-ms")
			b.ReportMetric(percentile(f.keys, 95), prefix+"key-p95-ms")
			b.ReportMetric(percentile(f.keys, 100), prefix+"key-max-ms")
			b.ReportMetric(meanOf(f.bursts), prefix+"burst-ms")
		}
	}
	for _, l := range scaleLists {
		sample, scale := sets[0].figs[l.name], sets[1].figs[l.name]
		b.ReportMetric(meanOf(scale.paint)/meanOf(sample.paint), l.name+"-paint-x-sample")
		b.ReportMetric(percentile(scale.keys, 95)/math.Max(percentile(sample.keys, 95), 1), l.name+"-key-p95-x-sample")
	}
}

// visitList loads a list screen afresh, waits for its rows to be painted and
// the page to settle, and counts the DOM. Then it types the folded name of
// target, the list's last row, into the filter twice: a key at a time, each
// key once the page has settled from the one before (each key's own
// answer), and, the filter cleared, in a burst at 60 ms a key (what the last
// key waits for when keys come faster than answers). Both times that row
// must be among those shown. set names the data set in the log.
func visitList(b *testing.B, set string, tab *chromeTab, srv server, l scaleList, target listEnd, f *listFigures) {
	b.Helper()
	tab.do(chromedp.Navigate("about:blank"), chromedp.Navigate(srv.Base+"/"+l.route))
	tab.waitFor(fmt.Sprintf(`window.__scale.painted[%q] > 0`, l.name))
	tab.waitFor(pageSettled)
	f.paint = append(f.paint, tabEval[float64](tab, fmt.Sprintf(`window.__scale.painted[%q]`, l.name)))
	f.nodes = max(f.nodes, tabEval[int](tab, countNodes))

	query := []rune(fold.Key(target.Name))
	query = query[:min(len(query), 40)]
	shown := fmt.Sprintf(`[...document.querySelectorAll('[data-testid=%q]')].some((e) => e.textContent.trim().startsWith(%q))`, l.nameID, target.Name)
	tab.do(chromedp.Focus(sel(l.filterID)))
	var keys []float64
	for _, r := range query {
		tabEval[bool](tab, `(window.__scale.key = -1, true)`)
		tab.do(chromedp.KeyEvent(string(r)))
		tab.waitFor(`window.__scale.key >= 0 && ` + pageSettled)
		keys = append(keys, tabEval[float64](tab, keyToPaint))
	}
	if !tabEval[bool](tab, shown) {
		b.Fatalf("%s: typed %q into the filter a key at a time, and %q is not among the rows shown (screenshot: %s)", l.name, string(query), target.Name, tab.shot())
	}
	f.keys = append(f.keys, keys...)

	tabEval[bool](tab, fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid=%q]'); el.value = ''; el.dispatchEvent(new Event('input', {bubbles: true})); return true })()`, l.filterID))
	tab.waitFor(pageSettled)
	tabEval[bool](tab, `(window.__scale.key = -1, true)`)
	for _, r := range query {
		tab.do(chromedp.KeyEvent(string(r)), chromedp.Sleep(60*time.Millisecond))
	}
	tab.waitFor(pageSettled)
	burst := tabEval[float64](tab, keyToPaint)
	if !tabEval[bool](tab, shown) {
		b.Fatalf("%s: typed %q into the filter at 60 ms a key, and %q is not among the rows shown (screenshot: %s)", l.name, string(query), target.Name, tab.shot())
	}
	f.bursts = append(f.bursts, burst)

	if noLong := tabEval[string](tab, `window.__scale.noLongtasks || ''`); noLong != "" {
		b.Fatalf("this Chromium reports no long tasks: %s", noLong)
	}
	tasks := tabEval[[]float64](tab, `window.__scale.tasks`)
	longest := 0.0
	if len(tasks) > 0 {
		longest = slices.Max(tasks)
	}
	f.longest = append(f.longest, longest)
	b.Logf("%s, %s: painted %.0f ms, longest task %.0f ms; keys (ms) %.0f; burst's last key %.0f ms",
		set, l.name, f.paint[len(f.paint)-1], longest, keys, burst)
}

// paletteQueries are what the search palette is typed, at a typist's
// pace: a word in every generated note's heading, two words, and a
// prefix. The generated program must find each (the sample may not).
var paletteQueries = []string{"check", "feedback trimestre", "pract"}

// searchPalette opens the search palette with Ctrl+K and types each of
// paletteQueries at 70 ms a key, returning for each the time from its
// last key to the frame that showed the results for the whole query
// (the palette's list names the query it shows in data-query). The
// issue's target is 50 ms, in browser mode on 100,000 notes.
func searchPalette(b *testing.B, set string, tab *chromeTab, srv server) []float64 {
	b.Helper()
	tab.do(chromedp.Navigate("about:blank"), chromedp.Navigate(srv.Base+"/#/circles"))
	tab.waitFor(`window.__scale.painted.circles > 0`)
	tab.waitFor(pageSettled)
	var out []float64
	for _, q := range paletteQueries {
		tab.do(chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		tab.waitFor(`document.activeElement && document.activeElement.dataset.testid === 'palette-input'`)
		tabEval[bool](tab, `(window.__scale.key = -1, true)`)
		for _, r := range q {
			tab.do(chromedp.KeyEvent(string(r)), chromedp.Sleep(70*time.Millisecond))
		}
		tab.waitFor(fmt.Sprintf(`document.querySelector('[data-testid=palette-results]').dataset.query === %q && %s`, q, pageSettled))
		hits := tabEval[int](tab, `document.querySelectorAll('[data-testid=palette-hit]').length`)
		if hits == 0 && set == "scale" {
			b.Fatalf("%s: the palette found nothing for %q (screenshot: %s)", set, q, tab.shot())
		}
		ms := tabEval[float64](tab, keyToPaint)
		out = append(out, ms)
		b.Logf("%s, palette %q: %d hits, painted %.0f ms after the last key", set, q, hits, ms)
		tab.do(chromedp.KeyEvent(kb.Escape))
		tab.waitFor(`!document.querySelector('[data-testid=palette-input]') || document.activeElement !== document.querySelector('[data-testid=palette-input]')`)
	}
	return out
}

// keyToPaint is the time from the last key to the frame that showed the
// page's last change after it (0 when the key changed nothing).
const keyToPaint = `window.__scale.lastMutation > window.__scale.key ? window.__scale.lastPaint - window.__scale.key : 0`

// meanOf is the arithmetic mean of v (0 for none).
func meanOf(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}
