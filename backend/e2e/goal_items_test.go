package e2e_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// linkedGoal is what goals.Goals.Get says of a goal's title and links.
type linkedGoal struct {
	Goal  struct{ Title string }
	Items []struct {
		ID                  int
		FrameworkName, Name string
	}
}

// linkedNames are the names of a goal's linked items, as Go lists them.
func linkedNames(t *testing.T, p *page, goal int) []string {
	t.Helper()
	var out []string
	for _, i := range callAPI[linkedGoal](t, p, "goals.Goals.Get", goal).Items {
		out = append(out, i.Name)
	}
	return out
}

// apiRefusal calls a bound method that should be refused and returns the
// field its error names.
func apiRefusal(t *testing.T, p *page, name string, args ...any) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"name": name, "args": args})
	js := fmt.Sprintf(`fetch('/api/call', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: %q})
		.then(r => r.json()).then(r => r.error ? r.error.field || '(no field)' : '')`, body)
	field, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](js, func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if field == "" {
		t.Fatalf("%s was not refused", name)
	}
	return field
}

// itemBox is the CSS selector of the goal form's checkbox for an item.
func itemBox(id int) string {
	return fmt.Sprintf(`[data-testid=field-item][data-item-id="%d"]`, id)
}

// checkedItems lists the ids of the goal form's ticked items.
func checkedItems(t *testing.T, p *page) []int {
	t.Helper()
	return eval[[]int](t, p, `[...document.querySelectorAll('[data-testid=field-item]:checked')].map((b) => Number(b.dataset.itemId))`)
}

// Issue 10, goals' linked skills and topics, on the sample program: a goal
// within a circle links two Core skills ticked by keyboard and shows them on
// its page; an edit starts from its links and unticks one; moving the goal
// out of its circle and back unticks, saying so, what the circle lacks; the
// ninth item cannot be ticked; a framework the circle stopped using while the
// form was open is refused beside the field and nothing is written, as is a
// ninth item sent to Go; a circle with no framework shows a one-line hint.
// axe finds nothing serious in the form.
func TestGoalLinkedItems(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	callAPI[map[string]any](t, p, "demo.Demo.Load")

	var circle int
	for _, c := range callAPI[struct {
		Circles []struct {
			ID   int
			Name string
		}
	}](t, p, "circles.Circles.List", map[string]any{"includeArchived": false}).Circles {
		if c.Name == "Product Craft Circle" {
			circle = c.ID
		}
	}
	members := callAPI[struct{ Members []struct{ PersonID int } }](t, p, "circles.Circles.Get", circle).Members
	if circle == 0 || len(members) == 0 {
		t.Fatalf("the sample has no Product Craft Circle with members")
	}
	person := members[0].PersonID
	items := map[string]int{} // item name -> id, across the frameworks used here
	var core int
	for _, f := range callAPI[[]struct {
		ID   int
		Name string
	}](t, p, "growth.Frameworks.List") {
		if f.Name == "Core skills" {
			core = f.ID
		}
	}
	type framework struct {
		ID    int
		Items []struct {
			ID   int
			Name string
		}
	}
	for _, i := range callAPI[framework](t, p, "growth.Frameworks.Get", core).Items {
		items[i.Name] = i.ID
	}
	// A second framework, not (yet) used by the circle.
	lead := callAPI[framework](t, p, "growth.Frameworks.Create", map[string]any{"name": "Leadership basics", "description": "", "items": []string{"Ownership", "Coaching", "Hiring", "Delegation"}})
	for _, i := range lead.Items {
		items[i.Name] = i.ID
	}

	// A new goal within the circle: the Core skills are offered, two ticked by keyboard.
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", person)))
	p.click(t, "add-goal")
	p.waitVisible(t, "goal-dialog")
	p.fill(t, "field-title", "Lead the design critique")
	p.setValue(t, "field-circleId", fmt.Sprint(circle))
	p.waitVisible(t, "field-item")
	if got := p.text(t, "items-count"); got != "0 of 8" {
		t.Errorf("count before ticking = %q", got)
	}
	if p.count(t, "field-item") != 6 || p.count(t, "items-group") != 1 {
		t.Errorf("offered %d items in %d groups, want the 6 Core skills", p.count(t, "field-item"), p.count(t, "items-group"))
	}
	p.do(t, chromedp.Focus(sel("add-task")))
	p.pressKey(t, kb.Tab)
	p.waitFor(t, fmt.Sprintf(`document.activeElement.matches(%q)`, itemBox(items["Communication"])))
	p.pressKey(t, " ")
	for range 4 { // Prioritization, Product sense, Data-driven decisions, Giving feedback
		p.pressKey(t, kb.Tab)
	}
	p.waitFor(t, fmt.Sprintf(`document.activeElement.matches(%q)`, itemBox(items["Giving feedback"])))
	p.pressKey(t, " ")
	p.waitFor(t, `document.querySelector('[data-testid=items-count]').textContent === '2 of 8'`)
	p.axeCheck(t, axe, "goal form with skills ticked")
	p.emulate(t, viewMode{"640px", false, 640})
	looksRight(t, p, "goal form with skills ticked", 640)
	p.emulate(t, a11yModes[0])
	t.Logf("the goal form: %s", p.shotAs(t, "form"))
	if got := p.text(t, "goal-items-field"); strings.Contains(got, "null") || strings.Contains(got, "undefined") {
		t.Errorf("the field reads %q", got)
	}
	p.do(t, chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.do(t, chromedpWaitGone("goal-dialog"))
	p.waitFor(t, `[...document.querySelectorAll('[data-testid=goal-title]')].some((a) => a.textContent === 'Lead the design critique')`)
	var goal int
	for _, g := range callAPI[struct {
		Goals []struct {
			ID    int
			Title string
		}
	}](t, p, "goals.Goals.ForPerson", person).Goals {
		if g.Title == "Lead the design critique" {
			goal = g.ID
		}
	}
	if got := linkedNames(t, p, goal); !slices.Equal(got, []string{"Communication", "Giving feedback"}) {
		t.Fatalf("the new goal links %v, want Communication and Giving feedback", got)
	}
	// The person page's row shows them as chips too.
	p.waitFor(t, fmt.Sprintf(`(() => { const row = document.querySelector('[data-testid=goal-row][data-goal-id="%d"]');
		return !!row && [...row.querySelectorAll('[data-testid=goal-item]')].map((c) => c.textContent).join('|') === 'Communication|Giving feedback'; })()`, goal))

	// Its page shows them as chips.
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/goals/%d", goal)))
	p.waitVisible(t, "goal-items")
	chips := func() []string {
		return eval[[]string](t, p, `[...document.querySelectorAll('[data-testid=goal-item]')].map((c) => c.textContent)`)
	}
	if got := chips(); !slices.Equal(got, []string{"Communication", "Giving feedback"}) {
		t.Errorf("the goal's page shows %v", got)
	}
	p.axeCheck(t, axe, "goal page with linked skills")
	t.Logf("the goal's page: %s", p.shotAs(t, "page"))

	// Edit: both start ticked; Communication is unticked by keyboard.
	p.click(t, "edit-goal")
	p.waitVisible(t, "field-item")
	if got := checkedItems(t, p); !slices.Equal(got, []int{items["Communication"], items["Giving feedback"]}) {
		t.Errorf("the edit starts with %v ticked", got)
	}
	p.do(t, chromedp.Focus(itemBox(items["Communication"])))
	p.pressKey(t, " ")
	p.waitFor(t, `document.querySelector('[data-testid=items-count]').textContent === '1 of 8'`)
	p.click(t, "save")
	p.do(t, chromedpWaitGone("goal-dialog"))
	p.waitFor(t, `document.querySelectorAll('[data-testid=goal-item]').length === 1`)
	if got := chips(); !slices.Equal(got, []string{"Giving feedback"}) {
		t.Errorf("after the edit the page shows %v", got)
	}
	if got := linkedNames(t, p, goal); !slices.Equal(got, []string{"Giving feedback"}) {
		t.Fatalf("after the edit the goal links %v", got)
	}

	// The person's page opens the same form with the goal's links ticked.
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", person)))
	p.clickCSS(t, fmt.Sprintf(`[data-testid=goal-row][data-goal-id="%d"] [data-testid=edit-goal]`, goal))
	p.waitVisible(t, "field-item")
	if got := checkedItems(t, p); !slices.Equal(got, []int{items["Giving feedback"]}) {
		t.Errorf("the edit from the person's page starts with %v ticked", got)
	}
	p.closeDialog(t, "goal-dialog")
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/goals/%d", goal)))

	// Personal, every framework is offered (13 items: a filter narrows them);
	// a Leadership basics item ticked, then back in the circle: that item is
	// unticked, and the form says so.
	callAPI[any](t, p, "growth.Frameworks.Create", map[string]any{"name": "Craft extras", "description": "", "items": []string{"Écriture", "Storytelling", "Estimation"}})
	p.click(t, "edit-goal")
	p.waitVisible(t, "field-item")
	p.setValue(t, "field-circleId", "")
	p.waitVisible(t, "items-filter")
	if n := p.count(t, "field-item"); n != 13 {
		t.Errorf("a personal goal is offered %d items, want all 13", n)
	}
	p.fill(t, "items-filter", "OWNER")
	shown := func() []string {
		return eval[[]string](t, p, `[...document.querySelectorAll('[data-testid=field-item]')].filter((b) => b.checkVisibility()).map((b) => b.parentElement.textContent)`)
	}
	p.waitFor(t, `document.querySelectorAll('[data-testid=items-group]:not([hidden])').length === 2`)
	if got := shown(); !slices.Equal(got, []string{"Giving feedback", "Ownership"}) {
		t.Errorf("filtered by OWNER (ticked items stay): %v", got)
	}
	p.fill(t, "items-filter", "ecri")
	if got := shown(); !slices.Equal(got, []string{"Giving feedback", "Écriture"}) {
		t.Errorf("filtered by ecri: %v", got)
	}
	p.fill(t, "items-filter", "")
	p.do(t, chromedp.Focus(itemBox(items["Ownership"])))
	p.pressKey(t, " ")
	p.waitFor(t, `document.querySelector('[data-testid=items-count]').textContent === '2 of 8'`)
	p.setValue(t, "field-circleId", fmt.Sprint(circle))
	p.waitVisible(t, "items-dropped")
	if got := p.text(t, "items-dropped"); got != "Unticked “Ownership” (Leadership basics): this circle’s frameworks do not have it." {
		t.Errorf("after moving back into the circle: %q", got)
	}
	p.waitFor(t, fmt.Sprintf(`!document.querySelector(%q)`, itemBox(items["Ownership"])))
	if got := checkedItems(t, p); !slices.Equal(got, []int{items["Giving feedback"]}) {
		t.Errorf("after moving back into the circle %v stay ticked", got)
	}
	p.axeCheck(t, axe, "goal form after a change of circle")
	t.Logf("after a change of circle: %s", p.shotAs(t, "moved"))
	p.closeDialog(t, "goal-dialog")

	// The circle uses both frameworks: 10 items; once 8 are ticked the rest cannot be.
	callAPI[any](t, p, "growth.Frameworks.Use", circle, lead.ID)
	p.click(t, "edit-goal")
	p.waitFor(t, `document.querySelectorAll('[data-testid=field-item]').length === 10`)
	for _, box := range eval[[]int](t, p, `[...document.querySelectorAll('[data-testid=field-item]:not(:checked)')].map((b) => Number(b.dataset.itemId)).slice(0, 7)`) {
		p.do(t, chromedp.Focus(itemBox(box)))
		p.pressKey(t, " ")
	}
	p.waitFor(t, `document.querySelector('[data-testid=items-count]').textContent.startsWith('8 of 8')`)
	if n := eval[int](t, p, `document.querySelectorAll('[data-testid=field-item]:not(:checked):disabled').length`); n != 2 {
		t.Errorf("%d unticked items are disabled at the limit, want 2", n)
	}
	p.closeDialog(t, "goal-dialog")

	// Ticked while the circle still used it, refused once it no longer does:
	// the message is beside the field and nothing is written.
	p.click(t, "edit-goal")
	p.waitVisible(t, "field-item")
	p.fill(t, "field-title", "Lead every design critique")
	p.do(t, chromedp.Focus(itemBox(items["Coaching"])))
	p.pressKey(t, " ")
	callAPI[any](t, p, "growth.Frameworks.Drop", circle, lead.ID)
	p.click(t, "save")
	p.waitVisible(t, "error-itemIds")
	if got := p.text(t, "error-itemIds"); !strings.Contains(got, "frameworks this circle uses") {
		t.Errorf("a stale item: %q", got)
	}
	if p.count(t, "goal-dialog") != 1 {
		t.Error("the form closed on a refused save")
	}
	p.waitFor(t, `document.activeElement.dataset.testid === 'goal-items-field'`)
	p.axeCheck(t, axe, "goal form with an item refused")
	t.Logf("the refused form: %s", p.shotAs(t, "refused"))
	after := callAPI[linkedGoal](t, p, "goals.Goals.Get", goal)
	if after.Goal.Title != "Lead the design critique" || len(after.Items) != 1 || after.Items[0].Name != "Giving feedback" {
		t.Errorf("a refused save wrote %+v", after)
	}
	p.closeDialog(t, "goal-dialog")

	// Nine items sent to Go are refused on the same field, and nothing is written.
	var nine []int
	for _, id := range items {
		nine = append(nine, id)
	}
	nine = nine[:9]
	if field := apiRefusal(t, p, "goals.Goals.Update", goal, map[string]any{"circleId": nil, "title": "Nine", "itemIds": nine}); field != "itemIds" {
		t.Errorf("nine items refused on %q, want itemIds", field)
	}
	if got := linkedNames(t, p, goal); !slices.Equal(got, []string{"Giving feedback"}) {
		t.Errorf("after nine items were refused the goal links %v", got)
	}

	// A circle with no framework: a one-line hint and no empty control; its
	// link to Giving feedback is unticked, saying so.
	callAPI[any](t, p, "growth.Frameworks.Drop", circle, core)
	p.click(t, "edit-goal")
	p.waitVisible(t, "items-none")
	if got := p.text(t, "items-none"); got != "This circle uses no framework yet — add one on its Growth view." {
		t.Errorf("no framework: %q", got)
	}
	if p.count(t, "field-item") != 0 || eval[bool](t, p, `!document.querySelector('[data-testid=items-count]').hidden`) {
		t.Error("an empty choice shows with the hint")
	}
	if got := p.text(t, "items-dropped"); !strings.Contains(got, "“Giving feedback” (Core skills)") {
		t.Errorf("the link the circle no longer offers: %q", got)
	}
	p.axeCheck(t, axe, "goal form in a circle with no framework")
	t.Logf("no framework: %s", p.shotAs(t, "none"))
	p.closeDialog(t, "goal-dialog")
}
