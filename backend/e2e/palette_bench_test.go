package e2e_test

import (
	"os"
	"path/filepath"
	"testing"

	"circlebook/backend/store"

	"github.com/chromedp/chromedp"
)

// BenchmarkPaletteTyping types issue 11's searches into the palette in
// browser mode, in headless Chromium, on a copy of the data file that
// CIRCLEBOOK_PALETTE_DB names: the search benchmark's 100,000 notes
// (backend/find, BenchmarkSearchScale, builds it into its scale cache as
// find-100k-*/circlebook.db). It reports the time from each search's last
// key to the frame that showed its results (searchPalette: 70 ms a key);
// the target is 50 ms.
//
//	CIRCLEBOOK_E2E=1 CIRCLEBOOK_PALETTE_DB=.../find-100k-*/circlebook.db go test -run XXX -bench PaletteTyping -benchtime 3x ./backend/e2e/
func BenchmarkPaletteTyping(b *testing.B) {
	need(b, "chromium")
	src := os.Getenv("CIRCLEBOOK_PALETTE_DB")
	if src == "" {
		b.Skip("set CIRCLEBOOK_PALETTE_DB to the search benchmark's data file")
	}
	file, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	data := b.TempDir()
	if err := os.WriteFile(filepath.Join(data, store.FileName), file, 0o600); err != nil {
		b.Fatal(err)
	}
	srv := serveTB(b, data)
	tab := chromiumTB(b, scaleProbe)
	tab.do(chromedp.Navigate(srv.URL)) // trades the one-time token for the cookie
	tab.waitFor(`document.querySelector('[data-testid=today-count]') && ` + pageSettled)
	paletteQueries = []string{"demo", "munoz demo", "cap", "roadmap", "budget"} // the search benchmark's words
	var all []float64
	for b.Loop() {
		all = append(all, searchPalette(b, "scale", tab, srv)...)
	}
	b.ReportMetric(percentile(all, 50), "p50-ms")
	b.ReportMetric(percentile(all, 95), "p95-ms")
	b.ReportMetric(percentile(all, 100), "max-ms")
}
