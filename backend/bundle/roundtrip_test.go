package bundle_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"circlebook/backend/bundle"
	"circlebook/backend/internal/testdb"
)

// sameBundles fails unless a and b are deeply equal apart from exportedAt.
func sameBundles(t *testing.T, a, b bundle.Bundle) {
	t.Helper()
	a.ExportedAt, b.ExportedAt = "", ""
	if reflect.DeepEqual(a, b) {
		return
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		x, y := va.Field(i).Interface(), vb.Field(i).Interface()
		if !reflect.DeepEqual(x, y) {
			jx, _ := json.Marshal(x)
			jy, _ := json.Marshal(y)
			n := 0 // where they start to differ
			for n < min(len(jx), len(jy)) && jx[n] == jy[n] {
				n++
			}
			from := max(0, n-200)
			t.Errorf("bundles differ in %s at byte %d:\n first: …%.400s\nsecond: …%.400s", va.Type().Field(i).Name, n, jx[from:], jy[from:])
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, private := range []bool{false, true} {
		t.Run(map[bool]string{false: "shared", true: "private"}[private], func(t *testing.T) {
			src := newStore(t)
			year := src.YearCircle("Product Leaders", "Europe/Madrid")
			e := buildEdge(t, src)
			for _, id := range []uint{year.Circle.ID, e.circle.ID} {
				first, data := export(t, src.DB, id, private)
				dst := newStore(t)
				res := load(t, dst.DB, data)
				if got := res.Total(); got.Updated != 0 || got.Created == 0 {
					t.Errorf("import into a fresh store: %+v, want only created records", got)
				}
				second, _ := export(t, dst.DB, res.CircleID, private)
				sameBundles(t, first, second)
			}
		})
	}
}

func TestRoundTripCounts(t *testing.T) {
	src := newStore(t)
	year := src.YearCircle("Product Leaders", "Europe/Madrid")
	b, data := export(t, src.DB, year.Circle.ID, false)
	dst := newStore(t)
	res := load(t, dst.DB, data)
	agenda := 0
	for _, s := range b.Sessions {
		agenda += len(s.Agenda)
	}
	want := bundle.Result{CircleID: res.CircleID,
		Circle: bundle.Counts{Created: 1}, People: bundle.Counts{Created: 15}, Memberships: bundle.Counts{Created: 15},
		Sessions: bundle.Counts{Created: 52}, AgendaItems: bundle.Counts{Created: agenda},
		Attendance: bundle.Counts{Created: len(b.Attendance)}, Notes: bundle.Counts{Created: len(b.Notes)},
		ActionItems: bundle.Counts{Created: len(b.ActionItems)}, Topics: bundle.Counts{Unchanged: len(b.Topics)},
		SessionTopics: bundle.Counts{Created: len(b.SessionTopics)}, Pins: bundle.Counts{Created: len(b.Pins)}}
	if res != want {
		t.Errorf("Import = %+v\nwant     %+v", res, want)
	}
	if len(b.Attendance) < 500 || len(b.Notes) < 40 || len(b.ActionItems) < 40 || len(b.SessionTopics) < 52 || len(b.Pins) < 40 {
		t.Errorf("the year exported %d marks, %d notes, %d action items, %d tags, %d pins",
			len(b.Attendance), len(b.Notes), len(b.ActionItems), len(b.SessionTopics), len(b.Pins))
	}
	talliesAgree(t, src.DB, year.Circle.ID)
	talliesAgree(t, dst.DB, res.CircleID)
}

func TestReimportChangesNothing(t *testing.T) {
	src := newStore(t)
	e := buildEdge(t, src)
	_, data := export(t, src.DB, e.circle.ID, true)
	dst := newStore(t)
	load(t, dst.DB, data)
	for _, f := range []testdb.Fixture{src, dst} {
		before := f.Fingerprint()
		res := load(t, f.DB, data)
		if got := res.Total(); got.Created != 0 || got.Updated != 0 || got.Unchanged == 0 {
			t.Errorf("second import: %+v, want everything unchanged", got)
		}
		if after := f.Fingerprint(); !before.Equal(after) {
			t.Errorf("the second import changed the database:%s", before.Diff(after))
		}
	}
}

func TestEdgeExport(t *testing.T) {
	f := newStore(t)
	e := buildEdge(t, f)
	b, data := export(t, f.DB, e.circle.ID, false)
	var names []string
	for _, p := range b.People {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ", "); got != "Ana Muñoz, Kwame Mensah, Nguyễn Thị Lan" {
		t.Errorf("people = %s; want the members, current and former, by name", got)
	}
	for _, leak := range []string{"OTHER-CIRCLE", "OUTSIDER", "Outsider", "REMOVED pin", "LOOSE pin", `"id"`, "circleId"} {
		if strings.Contains(string(data), leak) {
			t.Errorf("the bundle holds %q", leak)
		}
	}
	var texts []string
	for _, a := range b.ActionItems {
		texts = append(texts, a.Text)
	}
	if got := strings.Join(texts, " | "); got != "Send the summary | Book the room | Everyone reads chapter 3 | @Removed Person Follow up with the program" {
		t.Errorf("action items = %s", got)
	}
	if len(b.Attendance) != 3 || len(b.Pins) != 1 || len(b.Topics) != 2 || len(b.SessionTopics) != 3 || len(b.Notes) != 2 {
		t.Errorf("marks %d, pins %d, topics %d, tags %d, notes %d; want 3, 1, 2, 3, 2",
			len(b.Attendance), len(b.Pins), len(b.Topics), len(b.SessionTopics), len(b.Notes))
	}
	if a := b.ActionItems[0]; a.Note != b.Notes[0].UUID || a.LineKey == "" || a.Owner != e.ana.UUID || a.Session != e.held.UUID {
		t.Errorf("the parsed action item refers to note %q owner %q session %q, line %q", a.Note, a.Owner, a.Session, a.LineKey)
	}
	if !strings.Contains(string(data), "\n  \"circle\": {\n    \"uuid\": ") || !strings.Contains(string(data), "Prep <script>") {
		t.Error("the bundle is not indented JSON with its text as typed")
	}
	if b.Schema != "circlebook.bundle" || b.Version != 2 || b.ExportedAt != "2026-11-25T09:00:00Z" || b.IncludesPrivate {
		t.Errorf("header = %q %d %q %v", b.Schema, b.Version, b.ExportedAt, b.IncludesPrivate)
	}
}
