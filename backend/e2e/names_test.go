package e2e_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// readingOrder is how a person reads these names; they are created shuffled.
var readingOrder = []string{"Agnieszka Dąbrowska", "Ana Gil", "Ángel Peña", "Élodie Roux", "Íñigo Sáenz", "Łukasz Wróbel", "Ömer Yılmaz", "van der Berg", "Zoë Walker"}

// addPeople creates readingOrder's people in a shuffled order and returns their ids by name.
func addPeople(t *testing.T, p *page) map[string]int {
	ids := map[string]int{}
	for _, i := range []int{8, 4, 0, 7, 2, 5, 1, 6, 3} {
		name := readingOrder[i]
		ids[name] = callAPI[struct{ ID int }](t, p, "people.People.Create", map[string]any{"name": name}).ID
	}
	return ids
}

// texts returns the text of every element with a data-testid, in page order.
func texts(t *testing.T, p *page, testid string) []string {
	return eval[[]string](t, p, fmt.Sprintf(`[...document.querySelectorAll('[data-testid=%q]')].map((e) => e.firstChild.textContent.trim())`, testid))
}

// TestPeopleSearchIgnoresAccents: the people list sorts as a person reads,
// and its search box finds names typed without accents or case.
func TestPeopleSearchIgnoresAccents(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	addPeople(t, p)
	p.do(t, chromedpNavigate(srv, "#/people"))
	p.waitFor(t, `document.querySelectorAll('[data-testid=person-row]').length === 9`)
	if got := texts(t, p, "person-name"); !slices.Equal(got, readingOrder) {
		t.Errorf("people list\n got %q\nwant %q", got, readingOrder)
	}
	for search, want := range map[string]string{"inigo": "Íñigo Sáenz", "SAENZ": "Íñigo Sáenz", "angel": "Ángel Peña", "pena": "Ángel Peña", "dabrowska": "Agnieszka Dąbrowska", "lukasz": "Łukasz Wróbel"} {
		p.fill(t, "people-search", search)
		p.waitFor(t, fmt.Sprintf(`(() => { const r = [...document.querySelectorAll('[data-testid=person-name]')];
			return r.length === 1 && r[0].textContent.startsWith(%q) })()`, want))
	}
}

// TestCirclePageAndFilterIgnoreAccents: members and the attendance grid go
// in reading order, and the circles filter matches without accents.
func TestCirclePageAndFilterIgnoreAccents(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	ids := addPeople(t, p)
	circle := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Équipe Łódź", "cadence": "weekly", "meetingDay": 2, "timeZone": "Europe/Madrid"})
	callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Zeta", "cadence": "weekly", "meetingDay": 2, "timeZone": "Europe/Madrid"})
	for _, i := range []int{8, 4, 0, 7, 2, 5, 1, 6, 3} {
		callAPI[struct{ ID int }](t, p, "circles.Circles.AddMember", circle.ID, map[string]any{"personId": ids[readingOrder[i]], "role": "mentee"})
	}
	callAPI[struct{ ID int }](t, p, "sessions.Sessions.Schedule", circle.ID, map[string]any{"startsAt": "2026-11-24T17:00", "durationMinutes": 60, "status": "held"})
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", circle.ID)))
	p.waitFor(t, `document.querySelectorAll('[data-testid=member-row]').length === 9`)
	if got := texts(t, p, "member-name"); !slices.Equal(got, readingOrder) {
		t.Errorf("members\n got %q\nwant %q", got, readingOrder)
	}
	p.waitFor(t, `document.querySelectorAll('[data-testid=grid-row]').length === 9`)
	rows := eval[[]int](t, p, `[...document.querySelectorAll('[data-testid=grid-row]')].map((r) => Number(r.dataset.personId))`)
	for i, id := range rows {
		if id != ids[readingOrder[i]] {
			t.Errorf("grid row %d is person %d, want %s", i+1, id, readingOrder[i])
		}
	}

	p.do(t, chromedpNavigate(srv, "#/circles"))
	p.waitFor(t, `document.querySelectorAll('[data-testid=circle-row]').length === 2`)
	if got := texts(t, p, "circle-name"); !slices.Equal(got, []string{"Équipe Łódź", "Zeta"}) {
		t.Errorf("circles %q, want Équipe Łódź before Zeta", got)
	}
	p.fill(t, "circle-filter", "equipe lodz")
	p.waitFor(t, `(() => { const r = [...document.querySelectorAll('[data-testid=circle-name]')]; return r.length === 1 && r[0].textContent === 'Équipe Łódź' })()`)
}

// TestMemberFormFindsAndWarns: the member picker finds "saenz"; typing
// the same name as a new person warns, and one click adds the existing
// person instead of a duplicate.
func TestMemberFormFindsAndWarns(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	ids := addPeople(t, p)
	circle := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Names", "cadence": "weekly", "meetingDay": 2, "timeZone": "Europe/Madrid"})
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", circle.ID)))

	p.click(t, "add-member")
	p.waitVisible(t, "member-dialog")
	p.fill(t, "person-search", "saenz")
	p.waitFor(t, fmt.Sprintf(`(() => { const o = [...document.querySelectorAll('[data-testid=person-option]')];
		return o.length === 1 && o[0].dataset.personId === '%d' })()`, ids["Íñigo Sáenz"]))

	p.click(t, "member-mode-new")
	p.fill(t, "field-name", "inigo saenz")
	p.waitVisible(t, "similar-warning")
	if got := p.text(t, "similar-warning"); !strings.Contains(got, "Íñigo Sáenz is already in Circlebook — add them instead?") {
		t.Errorf("warning %q", got)
	}
	p.click(t, "use-similar")
	p.waitFor(t, fmt.Sprintf(`document.querySelector('[data-testid=person-option][data-person-id="%d"] input').checked`, ids["Íñigo Sáenz"]))
	p.click(t, "save")
	p.do(t, chromedpWaitGone("member-dialog"))
	if n := count(t, db, "SELECT COUNT(*) FROM people"); n != len(readingOrder) {
		t.Errorf("%d people after adding Íñigo, want %d: no duplicate", n, len(readingOrder))
	}
	if n := count(t, db, "SELECT COUNT(*) FROM memberships WHERE circle_id = ? AND person_id = ?", circle.ID, ids["Íñigo Sáenz"]); n != 1 {
		t.Errorf("Íñigo's memberships = %d, want 1", n)
	}

	// A near match by email warns too; adding anyway is allowed.
	callAPI[struct{ ID int }](t, p, "people.People.Update", ids["Zoë Walker"], map[string]any{"name": "Zoë Walker", "email": "zoe@example.org"})
	p.click(t, "add-member")
	p.click(t, "member-mode-new")
	p.fill(t, "field-name", "Zoe W.")
	p.fill(t, "field-email", "ZOE@example.org")
	p.waitFor(t, `(document.querySelector('[data-testid=similar-warning]')?.textContent || '').includes('Zoë Walker is already in Circlebook')`)
	p.fill(t, "field-email", "zoe.w@example.org")
	p.fill(t, "field-name", "Zoe Wu")
	p.waitFor(t, `!document.querySelector('[data-testid=similar-warning]') || document.querySelector('[data-testid=similar-warning]').hidden`)
	p.click(t, "save")
	p.do(t, chromedpWaitGone("member-dialog"))
	if n := count(t, db, "SELECT COUNT(*) FROM people WHERE name = 'Zoe Wu'"); n != 1 {
		t.Errorf("Zoe Wu rows = %d, want 1: a warning never refuses", n)
	}
}

// TestPersonFormWarnsOnNearMatch: a new person named like someone already
// there warns, and offers to open them instead.
func TestPersonFormWarnsOnNearMatch(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	ids := addPeople(t, p)
	p.do(t, chromedpNavigate(srv, "#/people"))
	p.click(t, "new-person")
	p.waitVisible(t, "person-dialog")
	p.fill(t, "field-name", "ÍÑIGO")
	p.waitVisible(t, "similar-warning")
	if got := p.text(t, "similar-warning"); !strings.Contains(got, "Íñigo Sáenz is already in Circlebook") {
		t.Errorf("warning %q", got)
	}
	p.click(t, "use-similar")
	p.do(t, chromedpWaitGone("person-dialog"))
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/people/%d'`, ids["Íñigo Sáenz"]))
	if n := count(t, db, "SELECT COUNT(*) FROM people"); n != len(readingOrder) {
		t.Errorf("%d people, want %d", n, len(readingOrder))
	}
}

// TestNewMemberIsOneTransaction: a new person added as a member is written
// with the membership or not at all, so a failed add leaves no stray person.
func TestNewMemberIsOneTransaction(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	circle := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Soon gone", "cadence": "weekly", "meetingDay": 2, "timeZone": "Europe/Madrid"})
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", circle.ID)))
	p.click(t, "add-member")
	p.click(t, "member-mode-new")
	p.fill(t, "field-name", "Nadia Haddad")
	callAPI[any](t, p, "circles.Circles.Delete", circle.ID)
	p.click(t, "save")
	p.waitFor(t, `[...document.querySelectorAll('[data-testid=member-dialog] [role=alert]')].some((e) => !e.hidden && e.textContent.trim())`)
	if n := count(t, db, "SELECT COUNT(*) FROM people"); n != 0 {
		t.Errorf("%d people after the add failed, want 0", n)
	}
}
