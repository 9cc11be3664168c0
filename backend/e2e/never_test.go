package e2e_test

import (
	"fmt"
	"strings"
	"testing"
)

// neverCohort is the cohort TestNeverMatchAndVocabulary adds.
const neverCohort = "Never e2e"

// setRow types value into a vocabulary row's field, as the leader would.
func setRow(t *testing.T, p *page, field, value string) {
	t.Helper()
	eval[bool](t, p, fmt.Sprintf(`(() => { const el = document.querySelector('[data-control-for=%q]'); el.focus(); el.value = %q;
		el.dispatchEvent(new Event('input', {bubbles: true})); return true })()`, field, value))
}

// Issue 12 item 5 in browser mode: on a person's page the leader adds
// someone never to match with, sees them listed (linked), and removes them;
// on the match screen a pair made "never" is left out of the next run, even
// after the screen is opened afresh; the tag vocabulary refuses a synonym of
// two tags with the message beside that row's field, then saves and the
// run that follows explains a pair by the new synonyms. axe finds nothing
// serious on the page, the screen or the dialog.
func TestNeverMatchAndVocabulary(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.waitVisible(t, "first-run")
	person := func(name, role string, capacity int, strengths, growth string) int {
		v := callAPI[struct{ ID int }](t, p, "people.People.Create", map[string]any{
			"name": name, "cohort": neverCohort, "roleWanted": role, "capacity": capacity, "strengths": strengths, "growthAreas": growth,
			"timeZone": "Europe/Madrid", "languages": "English",
		})
		return v.ID
	}
	speaker := person("Sol Speaker", "mentor", 1, "Public speaking", "")
	hirer := person("Hana Hirer", "mentor", 1, "hiring", "")
	person("Cato Coach", "mentor", 1, "coaching", "")
	presenter := person("Pia Presenter", "mentee", 0, "", "presenting")
	person("Rui Recruiter", "mentee", 0, "", "recruiting")

	// The person page: add Hana as never to match with Sol, see her listed, remove her.
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", speaker)))
	p.waitVisible(t, "never-section")
	if p.count(t, "never-empty") != 1 {
		t.Fatal("a person with no never-match pairs does not say so")
	}
	p.click(t, "never-add")
	p.waitVisible(t, "never-dialog")
	p.click(t, "save")
	p.waitFor(t, `!document.querySelector('[data-testid=error-people]').hidden`)
	if focus := eval[string](t, p, `document.activeElement.dataset.testid || ''`); focus != "never-search" {
		t.Errorf("with no one chosen, the focus is on %q", focus)
	}
	p.fill(t, "never-search", "Hana")
	p.waitFor(t, fmt.Sprintf(`document.querySelectorAll('[data-testid=never-option]').length === 1 && !!document.querySelector('[data-testid=never-option][data-person-id="%d"]')`, hirer))
	eval[bool](t, p, `(document.querySelector('[data-testid=never-option] input').click(), true)`)
	p.click(t, "save")
	p.do(t, chromedpWaitGone("never-dialog"))
	p.waitFor(t, `document.querySelectorAll('[data-testid=never-row]').length === 1`)
	if name, link := p.text(t, "never-name"), eval[string](t, p, `document.querySelector('[data-testid=never-name]').getAttribute('href')`); name != "Hana Hirer" || link != fmt.Sprintf("#/people/%d", hirer) {
		t.Errorf("the never-match list shows %q linking to %q", name, link)
	}
	if got := callAPI[[]struct{ ID int }](t, p, "pairing.Pairing.NeverList", hirer); len(got) != 1 || got[0].ID != speaker {
		t.Errorf("Hana's never list after the add: %v", got)
	}
	p.axeCheck(t, axe, "person-never")
	p.click(t, "never-remove")
	p.waitVisible(t, "never-empty")
	if focus := eval[string](t, p, `document.activeElement.dataset.testid || ''`); focus != "never-add" {
		t.Errorf("after removing the last one, the focus is on %q", focus)
	}
	if got := callAPI[[]struct{ ID int }](t, p, "pairing.Pairing.NeverList", speaker); len(got) != 0 {
		t.Errorf("Sol's never list after the remove: %v", got)
	}

	// The match screen: Pia's pair made never is gone from the next run, and from a fresh one.
	suggest := func() {
		t.Helper()
		p.setValue(t, "field-cohort", neverCohort)
		p.click(t, "suggest-pairs")
		p.waitFor(t, `document.querySelectorAll('[data-testid=match-pair]').length === 2`)
	}
	p.do(t, chromedpNavigate(srv, "#/match"))
	suggest()
	if why := eval[string](t, p, `[...document.querySelectorAll('[data-testid=pair-why]')].map((w) => w.textContent).join(' | ')`); strings.Contains(why, "Strengths cover 1 of 1") {
		t.Fatalf("without a vocabulary a strength met a growth area: %s", why)
	}
	never := eval[string](t, p, fmt.Sprintf(`document.querySelector('[data-key^="%d>"]').dataset.key`, presenter))
	eval[bool](t, p, fmt.Sprintf(`(document.querySelector('[data-key=%q] [data-testid=pair-never]').click(), true)`, never))
	p.waitFor(t, fmt.Sprintf(`document.querySelector('[data-key=%q]').dataset.never === 'true' && document.querySelector('[data-key=%q] [data-testid=pair-never]').getAttribute('aria-pressed') === 'true'`, never, never))
	if focus := eval[string](t, p, `document.activeElement.dataset.testid || ''`); focus != "pair-never" {
		t.Errorf("after Never, the focus is on %q", focus)
	}
	if got := p.text(t, "publish-pairs"); got != "Publish 1 pair" {
		t.Errorf("with one pair made never, the button says %q", got)
	}
	p.click(t, "suggest-again")
	p.waitFor(t, fmt.Sprintf(`!document.querySelector('[data-key=%q]') && document.querySelectorAll('[data-testid=match-pair]').length === 2`, never))
	p.axeCheck(t, axe, "match-never")
	p.do(t, chromedpNavigate(srv, "#/people"), chromedpNavigate(srv, "#/match"))
	suggest()
	if n := p.count(t, "pair-never-badge"); n != 0 || eval[bool](t, p, fmt.Sprintf(`!!document.querySelector('[data-key=%q]')`, never)) {
		t.Errorf("a fresh run suggests the pair made never (%d badges)", n)
	}

	// The vocabulary, 150 tags already: the editor shows 100 rows at a time.
	filler := make([]map[string]string, 150)
	for i := range filler {
		filler[i] = map[string]string{"tag": fmt.Sprintf("filler %03d", i), "synonyms": fmt.Sprintf("stand-in %03d", i)}
	}
	callAPI[[]any](t, p, "pairing.Pairing.SaveVocabulary", filler)
	p.click(t, "edit-vocabulary")
	p.waitVisible(t, "vocab-dialog")
	if n, pager := p.count(t, "vocab-row"), p.text(t, "vocab-pager"); n != 100 || !strings.Contains(pager, "Showing 1–100 of 150") {
		t.Errorf("the editor shows %d rows, and says %q", n, pager)
	}
	// A synonym of two tags is refused beside its row, shown however the filter hid it; fixed, the vocabulary saves and the scores read it.
	p.click(t, "vocab-add")
	if focus := eval[string](t, p, `document.activeElement.dataset.controlFor || ''`); focus != "vocabulary.150.tag" {
		t.Errorf("after Add tag, the focus is on %q", focus)
	}
	setRow(t, p, "vocabulary.150.tag", "public speaking")
	setRow(t, p, "vocabulary.150.synonyms", "presenting, talks")
	p.click(t, "vocab-add")
	setRow(t, p, "vocabulary.151.tag", "hiring")
	setRow(t, p, "vocabulary.151.synonyms", "recruiting, Talks")
	p.fill(t, "vocab-filter", "filler 01")
	p.waitFor(t, `document.querySelectorAll('[data-testid=vocab-row]').length === 10`)
	p.click(t, "save")
	p.waitFor(t, `!!document.querySelector('[data-error-for="vocabulary.151.synonyms"]') && !document.querySelector('[data-error-for="vocabulary.151.synonyms"]').hidden`)
	if msg := eval[string](t, p, `document.querySelector('[data-error-for="vocabulary.151.synonyms"]').textContent`); !strings.Contains(msg, "Row 152") || !strings.Contains(msg, "Talks") || !strings.Contains(msg, "public speaking") {
		t.Errorf("the bad row says %q", msg)
	}
	if focus := eval[string](t, p, `document.activeElement.dataset.controlFor || ''`); focus != "vocabulary.151.synonyms" {
		t.Errorf("after the refused save, the focus is on %q", focus)
	}
	p.axeCheck(t, axe, "vocabulary")
	setRow(t, p, "vocabulary.151.synonyms", "recruiting")
	p.click(t, "save")
	p.do(t, chromedpWaitGone("vocab-dialog"))
	p.waitFor(t, `[...document.querySelectorAll('[data-testid=pair-why]')].some((w) => w.textContent.includes('Strengths cover 1 of 1 growth areas'))`)
	if got := callAPI[[]struct{ Tag string }](t, p, "pairing.Pairing.Vocabulary"); len(got) != 152 {
		t.Errorf("the saved vocabulary: %v", got)
	}
	if eval[bool](t, p, fmt.Sprintf(`!!document.querySelector('[data-key=%q]')`, never)) {
		t.Error("the run after the vocabulary suggests the pair made never")
	}
}
