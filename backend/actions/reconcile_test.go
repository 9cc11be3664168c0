package actions_test

import (
	"path/filepath"
	"testing"
	"time"

	"circlebook/backend/actions"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
)

// live is a circle with two members and a session on Wednesday 25 November,
// with the notes and actions services over it.
type live struct {
	f       testdb.Fixture
	clock   *testdb.Clock
	notes   *notes.Notes
	actions *actions.Actions
	circle  model.Circle
	ana     model.Person
	kwame   model.Person
	session model.Session
}

func setupLive(t *testing.T) live {
	t.Helper()
	st, f := testdb.New(t)
	clock := testdb.NewClock()
	l := live{f: f, clock: clock,
		notes:   notes.New(st.DB, clock.Now, notes.NewJournal(filepath.Join(t.TempDir(), "drafts"))),
		actions: actions.New(st.DB, clock.Now)}
	l.circle = f.Circle("Leaders")
	l.ana = f.Person("Ána Muñoz", func(p *model.Person) { p.Email = "amunoz@example.org" })
	l.kwame = f.Person("Kwame Mensah")
	f.Member(l.circle, l.ana, model.RoleLeader)
	f.Member(l.circle, l.kwame, model.RoleMentee)
	l.session = f.Session(l.circle, "2026-11-25T17:00", model.SessionPlanned)
	return l
}

// save saves the shared note and returns the items parsed from it.
func (l live) save(t *testing.T, body string) (model.Note, []model.ActionItem) {
	t.Helper()
	r, err := l.notes.Save(l.session.ID, model.Shared, body)
	if err != nil {
		t.Fatalf("Save(%q): %v", body, err)
	}
	return r.Note, l.items(t)
}

// items returns every action item in the database, by id.
func (l live) items(t *testing.T) []model.ActionItem {
	t.Helper()
	var all []model.ActionItem
	if err := l.f.DB.Order("id").Find(&all).Error; err != nil {
		t.Fatal(err)
	}
	return all
}

func one(t *testing.T, items []model.ActionItem) model.ActionItem {
	t.Helper()
	if len(items) != 1 {
		t.Fatalf("%d action items: %+v, want one", len(items), items)
	}
	return items[0]
}

func owner(it model.ActionItem) uint {
	if it.OwnerID == nil {
		return 0
	}
	return *it.OwnerID
}

func TestTypingATaskLineCreatesOneItem(t *testing.T) {
	l := setupLive(t)
	line := "- [ ] @Ana write the brief due:friday"

	if _, items := l.save(t, "# Notes\n"+line); len(items) != 0 {
		t.Fatalf("a line still being typed made items: %+v", items)
	}
	note, items := l.save(t, "# Notes\n"+line+"\n")
	it := one(t, items)
	if it.Text != "write the brief" || it.DueOn != "2026-11-27" || owner(it) != l.ana.ID ||
		it.Status != model.ActionOpen || it.DoneAt != "" || it.Source != model.SourceNotes || it.CircleID != l.circle.ID {
		t.Errorf("item = %+v, want Ana's open \"write the brief\" due Friday 2026-11-27 from the notes", it)
	}
	if it.SessionID == nil || *it.SessionID != l.session.ID || it.NoteID == nil || *it.NoteID != note.ID {
		t.Errorf("item's session and note = %v, %v; want %d, %d", it.SessionID, it.NoteID, l.session.ID, note.ID)
	}

	for _, body := range []string{"# Notes\n" + line + "\n", "# Notes\n" + line + "\nand more", "# Notes\n" + line + "\n" + line + "\n"} {
		if again := one(t, func() []model.ActionItem { _, items := l.save(t, body); return items }()); again.ID != it.ID {
			t.Errorf("saving %q replaced the item %d with %d", body, it.ID, again.ID)
		}
	}
}

// A line that already made its item keeps it while it is the last line with
// no line break after it (the Enter deleted, or the session ended on it):
// only a new line waits for its Enter.
func TestALastLineKeepsItsItem(t *testing.T) {
	l := setupLive(t)
	line := "- [ ] @Ana write the brief"
	_, items := l.save(t, "# Notes\n"+line+"\n")
	it := one(t, items)
	for _, body := range []string{"# Notes\n" + line, "# Notes, edited\n" + line} {
		_, items = l.save(t, body)
		if again := one(t, items); again.ID != it.ID {
			t.Errorf("saving %q replaced item %d with %d", body, it.ID, again.ID)
		}
	}
	_, items = l.save(t, "# Notes\n- [x] @Ana write the brief")
	if done := one(t, items); done.ID != it.ID || done.Status != model.ActionDone {
		t.Errorf("ticking the last line: %+v, want item %d done", done, it.ID)
	}
}

func TestSaveReturnsTheSessionsItems(t *testing.T) {
	l := setupLive(t)
	manual, err := l.actions.Create(l.circle.ID, actions.Input{Text: "book the room", SessionID: l.session.ID})
	if err != nil {
		t.Fatal(err)
	}
	r, err := l.notes.Save(l.session.ID, model.Shared, "- [ ] @Kwame call the venue\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Actions) != 2 {
		t.Fatalf("Save returned %d items, want the manual one and the parsed one: %+v", len(r.Actions), r.Actions)
	}
	names := map[string]string{}
	for _, it := range r.Actions {
		names[it.Text] = it.OwnerName
	}
	if names["call the venue"] != "Kwame Mensah" || names[manual.Text] != "" {
		t.Errorf("returned items' owners = %v, want Kwame for the venue and nobody for the room", names)
	}
}

func TestEditingALineReplacesItsOpenItem(t *testing.T) {
	l := setupLive(t)
	_, items := l.save(t, "- [ ] @Ana write the brief\n- [ ] @Kwame call the venue\n")
	if len(items) != 2 {
		t.Fatalf("items = %+v, want two", items)
	}
	kept := items[1]

	_, items = l.save(t, "- [ ] @Ana write the full brief due:2026-12-01\n- [ ] @Kwame call the venue\n")
	if len(items) != 2 {
		t.Fatalf("items after the edit = %+v, want two", items)
	}
	if items[0].ID != kept.ID || items[0].Text != "call the venue" {
		t.Errorf("the unchanged line's item = %+v, want item %d untouched", items[0], kept.ID)
	}
	if edited := items[1]; edited.Text != "write the full brief" || edited.DueOn != "2026-12-01" || owner(edited) != l.ana.ID {
		t.Errorf("the edited line's item = %+v", edited)
	}

	if _, items = l.save(t, "Nothing to do.\n"); len(items) != 0 {
		t.Errorf("items after removing the lines = %+v, want none", items)
	}
}

func TestTickingMarksDoneAndUntickingDoesNotReopen(t *testing.T) {
	l := setupLive(t)
	_, items := l.save(t, "- [ ] @Ana write the brief\n")
	open := one(t, items)

	l.clock.Advance(10 * time.Minute)
	_, items = l.save(t, "- [x] @Ana write the brief\n")
	done := one(t, items)
	if done.ID != open.ID || done.Status != model.ActionDone || done.DoneAt != "2026-11-25T09:10:00Z" {
		t.Errorf("after ticking: %+v, want item %d done at 2026-11-25T09:10:00Z", done, open.ID)
	}

	l.clock.Advance(10 * time.Minute)
	_, items = l.save(t, "- [ ] @Ana write the brief\n")
	if still := one(t, items); still.ID != open.ID || still.Status != model.ActionDone || still.DoneAt != done.DoneAt {
		t.Errorf("after unticking: %+v, want it still done at %s", still, done.DoneAt)
	}
}

func TestTickedLineMakesADoneItem(t *testing.T) {
	l := setupLive(t)
	_, items := l.save(t, "- [x] @Kwame sent the invite\n")
	if it := one(t, items); it.Status != model.ActionDone || it.DoneAt != model.UTC(testdb.Today) || owner(it) != l.kwame.ID {
		t.Errorf("item = %+v, want Kwame's, done now", it)
	}
}

func TestItemDoneElsewhereSurvivesItsLine(t *testing.T) {
	l := setupLive(t)
	_, items := l.save(t, "- [ ] @Ana write the brief\n- [ ] @Kwame call the venue\n")
	if _, err := l.actions.SetDone(items[0].ID, true); err != nil {
		t.Fatal(err)
	}
	_, items = l.save(t, "All lines gone.\n")
	it := one(t, items)
	if it.Text != "write the brief" || it.Status != model.ActionDone {
		t.Errorf("left = %+v, want only the item marked done", it)
	}
}

func TestOwners(t *testing.T) {
	tests := []struct {
		line     string
		text     string
		kwameOwn bool
	}{
		{"- [ ] @Zed call the venue\n", "@Zed call the venue", false}, // unknown: kept in the text, the whole circle's
		{"- [ ] @all read the chapter\n", "read the chapter", false},  // the whole circle
		{"- [ ] @circle vote\n", "vote", false},
		{"- [ ] @kwame call the venue\n", "call the venue", true},
		{"- [ ] @KwameMensah call the venue\n", "call the venue", true},
		{"- [ ] nobody named\n", "nobody named", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			l := setupLive(t)
			_, items := l.save(t, tt.line)
			it := one(t, items)
			wantOwner := uint(0)
			if tt.kwameOwn {
				wantOwner = l.kwame.ID
			}
			if it.Text != tt.text || owner(it) != wantOwner {
				t.Errorf("item = text %q owner %d, want %q owner %d", it.Text, owner(it), tt.text, wantOwner)
			}
		})
	}
}

func TestOwnerMustBeInTheSessionsCircle(t *testing.T) {
	l := setupLive(t)
	other := l.f.Circle("Other")
	l.f.Member(other, l.f.Person("Zed Outsider"), model.RoleMentee)
	_, items := l.save(t, "- [ ] @Zed call the venue\n")
	if it := one(t, items); it.OwnerID != nil || it.Text != "@Zed call the venue" {
		t.Errorf("item = %+v, want no owner: Zed is in another circle", it)
	}
}

func TestNotesOfOneSessionDoNotTouchAnothers(t *testing.T) {
	l := setupLive(t)
	_, items := l.save(t, "- [ ] @Ana write the brief\n")
	first := one(t, items)

	next := l.f.Session(l.circle, "2026-12-09T17:00", model.SessionPlanned)
	if _, err := l.notes.Save(next.ID, model.Shared, "Nothing yet.\n"); err != nil {
		t.Fatal(err)
	}
	items = l.items(t)
	if len(items) != 1 || items[0].ID != first.ID {
		t.Fatalf("items = %+v, want only the first session's item, kept", items)
	}
}

// Task lines in private notes stay private: they make no action item, since
// items show on the circle and person pages and in summaries.
func TestPrivateNotesMakeNoActionItems(t *testing.T) {
	l := setupLive(t)
	if _, err := l.notes.Save(l.session.ID, model.Private, "- [ ] @Ana ask about the reorg\n"); err != nil {
		t.Fatal(err)
	}
	if items := l.items(t); len(items) != 0 {
		t.Fatalf("items = %+v, want none from a private note", items)
	}
}
