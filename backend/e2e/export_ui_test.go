package e2e_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// downloadsTo makes Chromium save downloads in dir under their suggested names.
func (p *page) downloadsTo(t *testing.T, dir string) {
	t.Helper()
	_, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
	if err != nil {
		t.Fatalf("set download behavior: %v", err)
	}
}

// waitDownload waits for one finished file in dir (Chromium writes *.crdownload first).
func waitDownload(t *testing.T, dir string) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".crdownload") {
				return filepath.Join(dir, e.Name())
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no download arrived in %s", dir)
	return ""
}

// openExport opens a sample circle's page and its export dialog, and returns the circle's name.
func openExport(t *testing.T, srv server, p *page) string {
	t.Helper()
	callAPI[map[string]any](t, p, "demo.Demo.Load")
	p.do(t, chromedpNavigate(srv, "#/circles"))
	p.waitFor(t, `document.querySelectorAll('[data-testid=circle-row]').length === 4`)
	id := eval[int](t, p, `(() => { const rows = [...document.querySelectorAll('[data-testid=circle-row]')];
		const r = rows.find(r => r.textContent.includes('Product Craft Circle')); return Number(r.dataset.circleId) })()`)
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", id)))
	p.waitVisible(t, "export-summary")
	name := eval[string](t, p, `document.querySelector('h1').textContent.trim()`)
	if !strings.HasPrefix(p.text(t, "export-summary"), "Export summary") {
		t.Errorf("button reads %q", p.text(t, "export-summary"))
	}
	p.click(t, "export-summary")
	p.waitVisible(t, "export-dialog")
	return name
}

func TestExportSummaryDownloadsCSV(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	dir := t.TempDir()
	p.downloadsTo(t, dir)
	name := openExport(t, srv, p)
	p.waitFor(t, fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid=export-preview]');
		return el.dataset.state === 'ready' && !!el.querySelector('h1') && el.textContent.includes(%q) })()`, name))
	if n := eval[int](t, p, `document.querySelectorAll('[data-testid=export-preview] script, [data-testid=export-preview] [style]').length`); n != 0 {
		t.Errorf("preview holds %d scripts or style attributes", n)
	}
	members := p.count(t, "member-row")

	p.setValue(t, "field-format", "csv:roster")
	p.click(t, "field-anonymize")
	p.waitFor(t, `(() => { const el = document.querySelector('[data-testid=export-preview]');
		return el.dataset.state === 'ready' && el.textContent.includes('Member 1') })()`)
	if shot := p.shot(t); !strings.HasPrefix(shot, "none") {
		t.Logf("export dialog: %s", shot)
	}
	p.click(t, "save")
	p.waitFor(t, `!!document.querySelector('[data-testid=toast], [data-testid=toast-error], [data-testid=form-error]:not([hidden])')`)
	file := waitDownload(t, dir)
	p.waitFor(t, `!document.querySelector('[data-testid=export-dialog]')`)
	if !strings.Contains(p.text(t, "toast"), "Downloaded product-craft-circle-roster.csv") {
		t.Errorf("toast reads %q", p.text(t, "toast"))
	}
	if got := filepath.Base(file); got != "product-craft-circle-roster.csv" {
		t.Errorf("downloaded %q", got)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, data)
	}
	if len(rows) < 2 || rows[0][0] != "Member" || rows[0][len(rows[0])-1] != "Attendance rate (%)" {
		t.Fatalf("roster header: %q", rows)
	}
	if len(rows)-1 != members {
		t.Errorf("roster has %d members; the page lists %d", len(rows)-1, members)
	}
	for i, r := range rows[1:] {
		if want := fmt.Sprintf("Member %d", i+1); r[0] != want {
			t.Errorf("row %d names %q; want %q (anonymized)", i+1, r[0], want)
		}
		if r[1] == "" || !slices.ContainsFunc(r[4:8], func(n string) bool { return n != "" }) {
			t.Errorf("row %d lacks a role or counts: %q", i+1, r)
		}
	}
}

func TestExportBadRangeShowsErrorBesideField(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	dir := t.TempDir()
	p.downloadsTo(t, dir)
	openExport(t, srv, p)
	p.setValue(t, "field-period", "range")
	p.waitVisible(t, "field-from")
	p.setValue(t, "field-from", "2026-06-01")
	p.setValue(t, "field-to", "2026-03-01")
	p.waitFor(t, `(() => { const el = document.querySelector('[data-testid=error-to]'); return !el.hidden && el.textContent.length > 0 })()`)
	p.click(t, "save")
	p.waitFor(t, `document.querySelector('[data-testid=save]').disabled === false`)
	if msg := p.text(t, "error-to"); !strings.Contains(msg, "before the start date") {
		t.Errorf("error beside To reads %q", msg)
	}
	if p.count(t, "export-dialog") != 1 {
		t.Error("the dialog closed on a bad range")
	}
	time.Sleep(500 * time.Millisecond)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("something was downloaded: %v", entries)
	}
}
