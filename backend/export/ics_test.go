package export_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	ics "github.com/arran4/golang-ical"
)

func TestICSEvents(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	file := render(t, s, "ics")
	cal := parseICS(t, file)
	events := cal.Events()
	if len(events) != 52 {
		t.Fatalf("%d events, want 52", len(events))
	}
	cancelled := 0
	for i, e := range events {
		ses := w.year.Sessions[i]
		if e.Id() != ses.UUID+"@circlebook" {
			t.Errorf("event %d: UID %q, want the session's UUID", i, e.Id())
		}
		for _, p := range []ics.ComponentProperty{ics.ComponentPropertyDtstamp, ics.ComponentPropertySequence, ics.ComponentPropertySummary, ics.ComponentPropertyLocation} {
			if e.GetProperty(p) == nil {
				t.Errorf("event %d: no %s", i, p)
			}
		}
		if prop(e, ics.ComponentPropertyStatus) == "CANCELLED" {
			cancelled++
		}
		start, err1 := e.GetStartAt()
		end, err2 := e.GetEndAt()
		if err1 != nil || err2 != nil || end.Sub(start) != 90*time.Minute || !strings.HasSuffix(prop(e, ics.ComponentPropertyDtStart), "Z") {
			t.Errorf("event %d: %s to %s (%v, %v)", i, start, end, err1, err2)
		}
		if d := prop(e, ics.ComponentPropertyDescription); !strings.HasPrefix(d, "Agenda:\n- Check-in\n") {
			t.Errorf("event %d: description %q", i, d)
		}
	}
	if cancelled != 2 {
		t.Errorf("%d cancelled events, want 2", cancelled)
	}
	if got := prop(events[0], ics.ComponentPropertySummary); got != "Product Leadership Circle · Session 1: Project management, week 1" {
		t.Errorf("summary %q", got)
	}
	if got := prop(events[0], ics.ComponentPropertyLocation); got != "Room 4.2, Calle Mayor 1; Madrid" {
		t.Errorf("location %q", got)
	}
}

func prop(e *ics.VEvent, p ics.ComponentProperty) string {
	if v := e.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

// TestICSTimeZones checks sessions on either side of the spring and autumn
// clock changes, which fall on different dates in Europe and America.
func TestICSTimeZones(t *testing.T) {
	tests := []struct {
		zone  string
		times map[int]string // session number -> DTSTART in UTC
	}{
		{"Europe/Madrid", map[int]string{12: "20260324T173000Z", 13: "20260331T163000Z", 42: "20261020T163000Z", 43: "20261027T173000Z"}},
		{"America/Chicago", map[int]string{9: "20260304T003000Z", 10: "20260310T233000Z", 43: "20261027T233000Z", 44: "20261104T003000Z"}},
	}
	for _, tt := range tests {
		w := newWorld(t, tt.zone)
		cal := parseICS(t, render(t, w.build(t, export.Options{}), "ics"))
		for n, want := range tt.times {
			e := cal.Events()[n-1]
			if got := prop(e, ics.ComponentPropertyDtStart); got != want {
				t.Errorf("%s session %d at 18:30 local: DTSTART %s, want %s", tt.zone, n, got, want)
			}
		}
	}
}

func TestICSZoneFallsBackToUTC(t *testing.T) {
	for _, zone := range []string{"", "Mars/Olympus_Mons"} {
		st, f := testdb.New(t)
		c := f.Circle("Zoneless", func(c *model.Circle) { c.TimeZone = zone })
		f.Session(c, "2026-03-03T18:30", model.SessionPlanned)
		s, err := export.Build(st.DB, c.ID, export.Options{}, testdb.Today)
		if err != nil {
			t.Fatal(err)
		}
		e := parseICS(t, render(t, s, "ics")).Events()[0]
		if got := prop(e, ics.ComponentPropertyDtStart); got != "20260303T183000Z" || s.Circle.TimeZone != "UTC" {
			t.Errorf("zone %q: DTSTART %s, profile zone %q; want the wall time as UTC", zone, got, s.Circle.TimeZone)
		}
	}
}

// TestICSReexportUpdates: exporting twice gives the same file; after a
// change to a session, its event keeps its UID and gets a higher SEQUENCE,
// and no other event changes.
func TestICSReexportUpdates(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	first := render(t, w.build(t, export.Options{}), "ics")
	if again := render(t, w.build(t, export.Options{}), "ics"); !bytes.Equal(first, again) {
		t.Error("two exports of the same data differ")
	}
	ses := w.year.Sessions[20]
	err := w.db.Model(&ses).UpdateColumns(map[string]any{"topic": "Moved online", "updated_at": ses.UpdatedAt.Add(time.Hour)}).Error
	if err != nil {
		t.Fatal(err)
	}
	before, after := parseICS(t, first).Events(), parseICS(t, render(t, w.build(t, export.Options{}), "ics")).Events()
	if len(before) != len(after) {
		t.Fatalf("%d events, then %d", len(before), len(after))
	}
	for i := range before {
		if before[i].Id() != after[i].Id() {
			t.Errorf("event %d: UID %s became %s", i, before[i].Id(), after[i].Id())
		}
		seq0, _ := strconv.Atoi(prop(before[i], ics.ComponentPropertySequence))
		seq1, _ := strconv.Atoi(prop(after[i], ics.ComponentPropertySequence))
		switch {
		case i == 20 && seq1 <= seq0:
			t.Errorf("the changed session's SEQUENCE went from %d to %d", seq0, seq1)
		case i != 20 && seq1 != seq0:
			t.Errorf("event %d: SEQUENCE %d became %d with no change", i, seq0, seq1)
		}
	}
}

// TestICSLinesAndEscaping checks RFC 5545's line rules (CRLF, at most 75
// octets, folded between characters) and that text with commas,
// semicolons, backslashes, line breaks and long accented words reads back
// exactly.
func TestICSLinesAndEscaping(t *testing.T) {
	st, f := testdb.New(t)
	c := f.Circle("Bộ Lạc; Círculo, \\ Crew", func(c *model.Circle) {
		c.TimeZone = "Asia/Ho_Chi_Minh"
		c.Place = "Phòng họp 3, tầng 2; Hà Nội"
	})
	ses := f.Session(c, "2026-03-03T18:30", model.SessionHeld)
	topic := "Ưu tiên, phản hồi; và \\ lãnh đạo\nline two — " + strings.Repeat("Nguyễn Thị Lan ", 8) + strings.Repeat("ễ", 60)
	f.DB.Model(&ses).Update("topic", topic)
	f.Agenda(ses, "Điểm danh, chào hỏi", true)
	s, err := export.Build(st.DB, c.ID, export.Options{}, testdb.Today)
	if err != nil {
		t.Fatal(err)
	}
	file := render(t, s, "ics")
	lines := strings.Split(string(file), "\r\n")
	if lines[len(lines)-1] != "" {
		t.Errorf("the file does not end with CRLF")
	}
	folded := 0
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") || len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("line %d (%d octets): %q", i, len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no line was folded; the test needs a longer value")
	}
	e := parseICS(t, file).Events()[0]
	wantSummary := "Bộ Lạc; Círculo, \\ Crew · Session 0: " + strings.Join(strings.Fields(topic), " ")
	if got := prop(e, ics.ComponentPropertySummary); got != wantSummary {
		t.Errorf("SUMMARY\n got %q\nwant %q", got, wantSummary)
	}
	if got := prop(e, ics.ComponentPropertyLocation); got != "Phòng họp 3, tầng 2; Hà Nội" {
		t.Errorf("LOCATION %q", got)
	}
	if got := prop(e, ics.ComponentPropertyDescription); got != "Agenda:\n- Điểm danh, chào hỏi" {
		t.Errorf("DESCRIPTION %q", got)
	}
	if got := prop(e, ics.ComponentPropertyDtStart); got != "20260303T113000Z" {
		t.Errorf("DTSTART %s, want 18:30 in Hanoi (UTC+7)", got)
	}
}
