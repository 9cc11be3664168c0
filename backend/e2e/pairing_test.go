package e2e_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// sampleCohort is the cohort demo.Demo.LoadCohort adds: 40 people, 12 of them mentors.
const sampleCohort = "2026 spring cohort"

// watchProgress records in the page whether a run's progress bar appeared,
// however fast the run.
const watchProgress = `(() => { window.__sawProgress = false;
	new MutationObserver(() => { if (document.querySelector('[data-testid=pairing-progress]')) window.__sawProgress = true; })
		.observe(document.body, {childList: true, subtree: true}); return true })()`

// Issue 12 items 6 and 8 in browser mode, on the sample cohort of 40: the
// match screen suggests 28 pairs with their explanations; a rejected pair is
// gone and a pinned pair kept when run again; publishing makes 28 pair
// circles of the cohort, and publishing again makes none. The form screen
// splits the cohort into circles with their mix explained; a move the rules
// refuse says why in its card and changes nothing; an allowed move lands the
// person (and the focus) in the new circle; creating makes the circles.
// axe finds nothing serious on either screen.
func TestPairingScreens(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.waitVisible(t, "first-run")
	callAPI[map[string]any](t, p, "demo.Demo.Load")

	// No cohort yet: the screen offers the sample cohort, which the test loads as a leader would.
	p.do(t, chromedpNavigate(srv, "#/match"))
	p.waitVisible(t, "no-cohort")
	p.axeCheck(t, axe, "match-empty")
	p.click(t, "load-sample-cohort")
	p.setValue(t, "field-cohort", sampleCohort)
	p.fill(t, "field-growthAreas", "150")
	p.click(t, "suggest-pairs")
	p.waitFor(t, `!document.querySelector('[data-testid=error-growthAreas]').hidden`)
	if msg := p.text(t, "error-growthAreas"); !strings.Contains(msg, "0") || !strings.Contains(msg, "100") {
		t.Errorf("a weight of 150 says %q beside its field", msg)
	}
	p.fill(t, "field-growthAreas", "40")
	eval[bool](t, p, watchProgress)
	p.click(t, "suggest-pairs")
	p.waitFor(t, `document.querySelectorAll('[data-testid=match-pair]').length === 28`)
	summary := p.text(t, "match-summary")
	if !regexp.MustCompile(`^28 pairs from 28 mentees and 12 mentors · [\d,]+ points$`).MatchString(summary) {
		t.Errorf("the summary says %q", summary)
	}
	if !eval[bool](t, p, `window.__sawProgress`) {
		t.Error("no progress bar while matching")
	}
	if n := eval[int](t, p, `[...document.querySelectorAll('[data-testid=match-pair]')].filter((r) => r.querySelectorAll('[data-testid=pair-why] li').length >= 3).length`); n != 28 {
		t.Errorf("%d of 28 pairs explain their points", n)
	}
	if why := eval[string](t, p, `document.querySelector('[data-testid=pair-why]').textContent`); !strings.Contains(why, "/40") {
		t.Errorf("the first pair's reasons lack the growth areas' points: %q", why)
	}

	rejected := eval[string](t, p, `document.querySelectorAll('[data-testid=match-pair]')[0].dataset.key`)
	pinned := eval[string](t, p, `document.querySelectorAll('[data-testid=match-pair]')[1].dataset.key`)
	eval[bool](t, p, `(document.querySelectorAll('[data-testid=pair-reject]')[0].click(), true)`)
	p.waitFor(t, fmt.Sprintf(`document.querySelector('[data-key=%q] [data-testid=pair-reject]').getAttribute('aria-pressed') === 'true'`, rejected))
	eval[bool](t, p, fmt.Sprintf(`(document.querySelector('[data-key=%q] [data-testid=pair-pin]').click(), true)`, pinned))
	p.waitFor(t, fmt.Sprintf(`document.querySelector('[data-key=%q] [data-testid=pair-pin]').getAttribute('aria-pressed') === 'true'`, pinned))
	if got := p.text(t, "publish-pairs"); got != "Publish 27 pairs" {
		t.Errorf("with one pair rejected the button says %q", got)
	}
	if focus := eval[string](t, p, `document.activeElement.dataset.testid || ''`); focus != "pair-pin" {
		t.Errorf("after pinning, the focus is on %q", focus)
	}
	p.click(t, "suggest-again")
	p.waitFor(t, fmt.Sprintf(`!document.querySelector('[data-key=%q]') && !!document.querySelector('[data-key=%q] [data-testid=pair-pinned]')`, rejected, pinned))
	if n := p.count(t, "match-pair"); n != 28 {
		t.Errorf("run again: %d pairs (screenshot: %s)", n, p.shot(t))
	}
	p.axeCheck(t, axe, "match")

	p.click(t, "publish-pairs")
	p.waitFor(t, `!document.querySelector('[data-testid=publish-note]').hidden`)
	if note := p.text(t, "publish-note"); !strings.HasPrefix(note, "Published 28 pairs as circles of two.") {
		t.Errorf("publishing says %q", note)
	}
	list := callAPI[struct{ Total int }](t, p, "program.Program.List", map[string]any{"kind": "pair", "cohort": sampleCohort, "offset": 0, "after": "", "limit": 0})
	if list.Total != 28 {
		t.Errorf("the program lists %d pairs of the cohort, want 28", list.Total)
	}
	p.click(t, "publish-pairs")
	p.waitFor(t, `document.querySelector('[data-testid=publish-note]').textContent.startsWith('Published no new pairs')`)
	if note := p.text(t, "publish-note"); !strings.Contains(note, "28 pairs were already published and skipped") {
		t.Errorf("publishing again says %q", note)
	}

	p.do(t, chromedpNavigate(srv, "#/form"))
	p.setValue(t, "field-cohort", sampleCohort)
	// 12 people can lead and a circle takes at most 2: 5 circles are refused, with Go's reason.
	p.setValue(t, "field-circles", "5")
	p.click(t, "propose-circles")
	p.waitFor(t, `!document.querySelector('[data-testid=form-error]').hidden`)
	if msg := p.text(t, "form-error"); !strings.Contains(msg, "12 people can lead") {
		t.Errorf("5 circles: %q", msg)
	}
	p.setValue(t, "field-circles", "6")
	eval[bool](t, p, watchProgress)
	p.click(t, "propose-circles")
	p.waitFor(t, `document.querySelectorAll('[data-testid=form-circle]').length === 6`)
	if !eval[bool](t, p, `window.__sawProgress`) {
		t.Error("no progress bar while forming")
	}
	if n := eval[int](t, p, `[...document.querySelectorAll('[data-testid=form-circle]')].filter((c) => c.querySelectorAll('[data-testid=circle-why] li').length >= 2 && c.querySelectorAll('[data-testid=lead-badge]').length === 2).length`); n != 6 {
		t.Errorf("%d of 6 circles explain their mix and show their two leads (screenshot: %s)", n, p.shot(t))
	}
	if got := p.text(t, "form-summary"); got != "40 people in 6 circles of 6 to 7" {
		t.Errorf("the proposal says %q", got)
	}
	sizes := eval[[]int](t, p, `[...document.querySelectorAll('[data-testid=form-circle]')].map((c) => c.querySelectorAll('[data-testid=form-member]').length)`)
	small, big := -1, -1
	for i, n := range sizes {
		if n == 6 && small < 0 {
			small = i
		}
		if n == 7 && big < 0 {
			big = i
		}
	}
	if small < 0 || big < 0 {
		t.Fatalf("circle sizes %v: want some of 6 and some of 7", sizes)
	}
	// Someone who does not lead, from a circle of 6 to one of 7, leaves 5 and 8: refused.
	member := func(circle int) string {
		return eval[string](t, p, fmt.Sprintf(`[...document.querySelectorAll('[data-testid=form-circle]')[%d].querySelectorAll('[data-testid=form-member]')].find((m) => !m.querySelector('[data-testid=lead-badge]')).dataset.person`, circle))
	}
	moveTo := func(person string, to int) {
		eval[bool](t, p, fmt.Sprintf(`(() => { const s = document.querySelector('select[data-person=%q]'); s.focus(); s.value = '%d'; s.closest('li').querySelector('[data-testid=member-move-go]').click(); return true })()`, person, to))
	}
	before := eval[string](t, p, `JSON.stringify([...document.querySelectorAll('[data-testid=form-circle]')].map((c) => [...c.querySelectorAll('[data-testid=form-member]')].map((m) => m.dataset.person)))`)
	refused := member(small)
	moveTo(refused, big)
	p.waitFor(t, fmt.Sprintf(`!document.querySelectorAll('[data-testid=form-circle]')[%d].querySelector('[data-testid=circle-error]').hidden`, small))
	if msg := eval[string](t, p, fmt.Sprintf(`document.querySelectorAll('[data-testid=form-circle]')[%d].querySelector('[data-testid=circle-error]').textContent`, small)); msg == "" {
		t.Error("a refused move says nothing")
	}
	after := eval[string](t, p, `JSON.stringify([...document.querySelectorAll('[data-testid=form-circle]')].map((c) => [...c.querySelectorAll('[data-testid=form-member]')].map((m) => m.dataset.person)))`)
	if after != before || eval[string](t, p, fmt.Sprintf(`document.querySelector('select[data-person=%q]').value`, refused)) != fmt.Sprint(small) {
		t.Errorf("a refused move changed the circles or left the select on the new circle")
	}
	// From a circle of 7 to one of 6 leaves 6 and 7: moved, and the focus follows.
	moved := member(big)
	moveTo(moved, small)
	p.waitFor(t, fmt.Sprintf(`!!document.querySelectorAll('[data-testid=form-circle]')[%d].querySelector('[data-person=%q]')`, small, moved))
	if !eval[bool](t, p, fmt.Sprintf(`document.activeElement.matches('select[data-person=%q]') && !!document.activeElement.closest('[data-index="%d"]')`, moved, small)) {
		t.Errorf("after the move the focus is on %s", eval[string](t, p, `document.activeElement.outerHTML.slice(0, 120)`))
	}
	if got := p.count(t, "form-member"); got != 40 {
		t.Errorf("after the move %d members are shown", got)
	}
	p.axeCheck(t, axe, "form")

	p.click(t, "create-circles")
	p.waitFor(t, `!document.querySelector('[data-testid=create-note]').hidden`)
	if note := p.text(t, "create-note"); !strings.HasPrefix(note, "Created 6 circles") {
		t.Errorf("creating says %q", note)
	}
	groups := callAPI[struct{ Total int }](t, p, "program.Program.List", map[string]any{"kind": "group", "cohort": sampleCohort, "offset": 0, "after": "", "limit": 0})
	if groups.Total != 6 {
		t.Errorf("the program lists %d circles of the cohort, want 6", groups.Total)
	}
}

// bigCohortCSV is a roster of mentees and mentors, with tags and zones
// enough for matching to take a while.
func bigCohortCSV(mentees, mentors int) []byte {
	tags := []string{"hiring", "delegation", "roadmapping", "public speaking", "system design", "coaching", "budgeting", "negotiation"}
	zones := []string{"Europe/Berlin", "America/New_York", "Asia/Kolkata", "America/Sao_Paulo", "Europe/London", "Asia/Tokyo"}
	var b strings.Builder
	b.WriteString("Name,Email,Role,Skills,Areas to grow,Time zone,Max mentees,Languages\n")
	for i := range mentees + mentors {
		role, capacity := "mentee", ""
		if i < mentors {
			role, capacity = "mentor", fmt.Sprint(2+i%3)
		}
		fmt.Fprintf(&b, "Person %05d,p%05d@example.org,%s,\"%s, %s\",\"%s, %s\",%s,%s,English\n", i, i, role,
			tags[i%8], tags[(i/8)%8], tags[(i+3)%8], tags[(i/5)%8], zones[i%6], capacity)
	}
	return []byte(b.String())
}

// On a cohort of 7,000 (the 5,000 mentees and 2,000 mentors) the match screen's bar says how far matching is
// ("Matching… 40%") while Go works, from pairing.Progress polled every 250 ms.
func TestMatchProgressOnALargeCohort(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.waitVisible(t, "first-run")
	callAPI[map[string]any](t, p, "roster.Roster.Import", map[string]any{"name": "big.csv", "data": bigCohortCSV(5000, 2000), "cohort": "Big cohort"})
	p.do(t, chromedpNavigate(srv, "#/match"))
	p.setValue(t, "field-cohort", "Big cohort")
	eval[bool](t, p, `(() => { window.__labels = [];
		new MutationObserver(() => { const el = document.querySelector('[data-testid=pairing-progress-text]'); if (el) window.__labels.push(el.textContent) })
			.observe(document.body, {childList: true, subtree: true, characterData: true}); return true })()`)
	p.click(t, "suggest-pairs")
	p.waitFor(t, `document.querySelectorAll('[data-testid=match-pair]').length === 50`)
	labels := eval[[]string](t, p, `window.__labels`)
	pct := regexp.MustCompile(`^Matching… \d+%$`)
	seen := false
	for _, l := range labels {
		seen = seen || pct.MatchString(l)
	}
	if !seen {
		t.Errorf("the bar never said how far matching was: %q", labels)
	}
	if got := p.text(t, "match-pager"); !strings.Contains(got, "Showing 1–50 of 5,000") {
		t.Errorf("the pager says %q", got)
	}
	p.click(t, "match-next")
	p.waitFor(t, `document.querySelector('[data-testid=match-pager]').textContent.includes('Showing 51–100 of 5,000')`)
}
