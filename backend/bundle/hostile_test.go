package bundle_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/bundle"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// hostile is a bundle Import must refuse whole.
type hostile struct {
	name string
	data []byte
	code apperr.Code
	msg  string // how the message starts
}

// edit changes a written bundle as loose JSON, so a test can put in what
// the Go types cannot hold (a wrong type, an unknown field).
func edit(t testing.TB, data []byte, change func(b map[string]any)) []byte {
	t.Helper()
	var b map[string]any
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	change(b)
	out, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// item returns the i-th record of a kind in a loosely decoded bundle.
func item(b map[string]any, kind string, i int) map[string]any {
	return b[kind].([]any)[i].(map[string]any)
}

// typed changes a bundle through its Go types.
func typed(t testing.TB, data []byte, change func(b *bundle.Bundle)) []byte {
	t.Helper()
	b := decoded(t, data)
	change(&b)
	return encoded(t, b)
}

// hostiles builds the refused bundles from a valid one, which must have at
// least two people, two sessions, marks, notes, action items and pins.
func hostiles(t testing.TB, valid []byte) []hostile {
	t.Helper()
	const stranger = "0b7e9a52-8d1f-4c3a-9e6b-5f2d1c0a9b87"
	long := strings.Repeat("é", check.MaxText+1)
	return []hostile{
		{"empty", nil, apperr.Invalid, "The file is empty."},
		{"blank", []byte(" \n\t "), apperr.Invalid, "The file is empty."},
		{"malformed", []byte(`{"schema": "circlebook.bundle", "version": 1,, "circle": {}}`), apperr.Invalid, "The file is not valid JSON at line 1, column 46: invalid character ','"},
		{"truncated", valid[:len(valid)/2], apperr.Invalid, "The file ends too early"},
		{"trailing data", append(bytes.Clone(valid), []byte(`{"more": 1}`)...), apperr.Invalid, "The file is not valid JSON"},
		{"not an object", []byte(`[1, 2, 3]`), apperr.Invalid, "The file holds a JSON array, not a bundle"},
		{"null", []byte(`null`), apperr.Invalid, "schema: This is not a Circlebook bundle"},
		{"another schema", edit(t, valid, func(b map[string]any) { b["schema"] = "../../etc/passwd" }), apperr.Invalid, `schema: This is not a Circlebook bundle (its schema is "../../etc/passwd"`},
		{"unknown version", edit(t, valid, func(b map[string]any) { b["version"] = 3; b["newKind"] = []any{} }), apperr.Invalid, "version: This bundle is version 3; this Circlebook reads versions 1 to 2. Update Circlebook"},
		{"version 0", edit(t, valid, func(b map[string]any) { b["version"] = 0 }), apperr.Invalid, "version: This bundle is version 0; this Circlebook reads versions 1 to 2. It was not written by Circlebook"},
		{"version as text", edit(t, valid, func(b map[string]any) { b["version"] = "1" }), apperr.Invalid, "version: Expected a whole number, found string"},
		{"number as text", edit(t, valid, func(b map[string]any) { item(b, "sessions", 1)["number"] = "2" }), apperr.Invalid, "sessions.number: Expected a whole number, found string (at line "},
		{"object for text", edit(t, valid, func(b map[string]any) { item(b, "people", 0)["name"] = map[string]any{"first": "Ana"} }), apperr.Invalid, "people.name: Expected text, found object"},
		{"huge number", bytes.Replace(valid, []byte(`"durationMinutes": 75`), []byte(`"durationMinutes": 1e99`), 1), apperr.Invalid, "circle.durationMinutes: Expected a whole number, found number 1e99"},
		{"unknown field", edit(t, valid, func(b map[string]any) { item(b, "sessions", 0)["secretSauce"] = true }), apperr.Invalid, `The file is not a valid bundle: unknown field "secretSauce".`},
		{"duplicate people", typed(t, valid, func(b *bundle.Bundle) { b.People[1].UUID = b.People[0].UUID }), apperr.Invalid, "people[1].uuid: people[0] has the same UUID"},
		{"duplicate agenda", typed(t, valid, func(b *bundle.Bundle) { b.Sessions[1].Agenda = append(b.Sessions[1].Agenda, b.Sessions[0].Agenda[0]) }), apperr.Invalid, "sessions[1].agenda[0].uuid: agenda items[0] has the same UUID"},
		{"duplicate mark", typed(t, valid, func(b *bundle.Bundle) {
			dup := b.Attendance[0]
			dup.UUID = stranger
			b.Attendance = append(b.Attendance, dup)
		}), apperr.Invalid, "attendance[3].person: attendance[0] has the same session and person"},
		{"dangling person", typed(t, valid, func(b *bundle.Bundle) { b.Attendance[1].Person = stranger }), apperr.Invalid, "attendance[1].person: There is no person with UUID " + stranger},
		{"dangling session", typed(t, valid, func(b *bundle.Bundle) { b.Pins[0].Session = stranger }), apperr.Invalid, "pins[0].session: There is no session of this circle with UUID " + stranger},
		{"dangling note", typed(t, valid, func(b *bundle.Bundle) { b.ActionItems[0].Note = stranger }), apperr.Invalid, "actionItems[0].note: There is no note of this circle with UUID " + stranger},
		{"dangling topic", typed(t, valid, func(b *bundle.Bundle) { b.SessionTopics[0].Topic = stranger }), apperr.Invalid, "sessionTopics[0].topic: There is no topic with UUID " + stranger},
		{"bad uuid", typed(t, valid, func(b *bundle.Bundle) { b.Sessions[1].UUID = "../../etc/passwd" }), apperr.Invalid, "sessions[1].uuid: Use a UUID like"},
		{"uppercase uuid", typed(t, valid, func(b *bundle.Bundle) { b.Circle.UUID = strings.ToUpper(b.Circle.UUID) }), apperr.Invalid, "circle.uuid: Use a UUID like"},
		{"name over the limit", typed(t, valid, func(b *bundle.Bundle) { b.People[1].Name = long }), apperr.TooLong, "people[1].name: This is 100001 characters; the limit is 100000."},
		{"note over the limit", typed(t, valid, func(b *bundle.Bundle) { b.Notes[0].Body = strings.Repeat("x", check.MaxNote+1) }), apperr.TooLong, "notes[0].body: This note is 1000001 characters"},
		{"blank name", typed(t, valid, func(b *bundle.Bundle) { b.Circle.Name = " \t" }), apperr.Invalid, "circle.name: Name is required."},
		{"bad role", typed(t, valid, func(b *bundle.Bundle) { b.Memberships[0].Role = "admin" }), apperr.Invalid, "memberships[0].role: Role must be one of: leader, co-leader, mentor, mentee, guest."},
		{"bad kind", typed(t, valid, func(b *bundle.Bundle) { b.Circle.Kind = "team" }), apperr.Invalid, "circle.kind: Kind must be one of"},
		{"bad session status", typed(t, valid, func(b *bundle.Bundle) { b.Sessions[1].Status = "HELD" }), apperr.Invalid, "sessions[1].status: Status must be one of"},
		{"bad mark", typed(t, valid, func(b *bundle.Bundle) { b.Attendance[2].Status = "sick" }), apperr.Invalid, "attendance[2].status: Attendance must be one of"},
		{"bad visibility", typed(t, valid, func(b *bundle.Bundle) { b.Notes[1].Visibility = "public" }), apperr.Invalid, "notes[1].visibility: Visibility must be one of"},
		{"bad action status", typed(t, valid, func(b *bundle.Bundle) { b.ActionItems[1].Status = "closed" }), apperr.Invalid, "actionItems[1].status: Status must be one of"},
		{"private in a shared bundle", typed(t, valid, func(b *bundle.Bundle) { b.Pins[0].Visibility = model.Private }), apperr.Invalid, "pins[0].visibility: This is private, but the bundle says it holds no private text"},
		{"bad start", typed(t, valid, func(b *bundle.Bundle) { b.Sessions[1].StartsAt = "2026-03-31 18:30" }), apperr.Invalid, "sessions[1].startsAt: Use a date and time like 2026-03-31T18:30."},
		{"bad date", typed(t, valid, func(b *bundle.Bundle) { b.Memberships[1].JoinedOn = "2026-02-30" }), apperr.Invalid, "memberships[1].joinedOn: Use a date like 2026-03-31."},
		{"bad stamp", typed(t, valid, func(b *bundle.Bundle) { b.Topics[0].UpdatedAt = "yesterday" }), apperr.Invalid, "topics[0].updatedAt: Use a time like 2026-03-31T18:30:00Z."},
		{"zero stamp", typed(t, valid, func(b *bundle.Bundle) { b.People[0].CreatedAt = "0001-01-01T00:00:00Z" }), apperr.Invalid, "people[0].createdAt: Use a time like"},
		{"path as a time zone", typed(t, valid, func(b *bundle.Bundle) { b.People[0].TimeZone = "../../../../etc/passwd" }), apperr.Invalid, "people[0].timeZone: Use a time zone like"},
		{"absolute time zone", typed(t, valid, func(b *bundle.Bundle) { b.Circle.TimeZone = "/etc/localtime" }), apperr.Invalid, "circle.timeZone: Use a time zone like"},
		{"negative duration", typed(t, valid, func(b *bundle.Bundle) { b.Sessions[0].DurationMinutes = -5 }), apperr.Invalid, "sessions[0].durationMinutes: Duration must be between 5 and 1440."},
		{"too many sessions", typed(t, valid, func(b *bundle.Bundle) {
			b.Sessions = make([]bundle.Session, bundle.MaxSessions+1)
		}), apperr.TooLong, "sessions: There are 10001; a bundle holds at most 10000."},
		{"second half bad", typed(t, valid, func(b *bundle.Bundle) { b.Pins[len(b.Pins)-1].Body = "" }), apperr.Invalid, fmt.Sprintf("pins[%d].body: The note is required.", len(decoded(t, valid).Pins)-1)},
	}
}

// repeat reads as an endless run of one byte.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// target is a store with a circle of its own, and the edge circle's bundle
// with a second pin, ready to be imported into it.
func target(t testing.TB) (testdb.Fixture, []byte) {
	t.Helper()
	src := newStore(t)
	e := buildEdge(t, src)
	src.Pin(e.kwame, &e.planned, model.Shared, "Second pin")
	_, valid := export(t, src.DB, e.circle.ID, false)
	dst := newStore(t)
	dst.YearCircle("Someone else's circle", "Europe/Oslo")
	return dst, valid
}

func TestHostileBundlesAreRefusedWhole(t *testing.T) {
	dst, valid := target(t)
	cases := hostiles(t, valid)
	cases = append(cases, hostile{"over the size cap", nil, apperr.TooLong, "The file is over 50 MB"})
	before := dst.Fingerprint()
	for _, h := range cases {
		t.Run(h.name, func(t *testing.T) {
			var r io.Reader = bytes.NewReader(h.data)
			if h.name == "over the size cap" {
				r = io.MultiReader(strings.NewReader(`{"schema": "circlebook.bundle", "version": 1, "circle": {"name": "`), repeat('a'))
			}
			_, err := bundle.Import(dst.DB, r, testdb.Today)
			ae := testdb.WantError(t, err, h.code, bundle.Field)
			t.Log(clipped(ae.Error()))
			if !strings.HasPrefix(ae.Message, h.msg) {
				t.Errorf("message = %q\nwant it to start %q", clipped(ae.Message), h.msg)
			}
			if got := ae.Error(); !strings.HasPrefix(got, "bundle: ") {
				t.Errorf("Error() = %q, want it to start with bundle: ", clipped(got))
			}
			if after := dst.Fingerprint(); !before.Equal(after) {
				t.Fatalf("a refused bundle changed the database:%s", before.Diff(after))
			}
		})
	}
	if res := load(t, dst.DB, valid); res.Total().Created == 0 {
		t.Errorf("the valid bundle the hostile ones came from did not import: %+v", res.Total())
	}
}

func clipped(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// Names that look like paths are text: stored as they are, never opened.
func TestPathLikeNamesAreText(t *testing.T) {
	dst, valid := target(t)
	names := []string{"../../etc/passwd", `..\..\Windows\system32`, "/dev/null", "file:///etc/shadow", "~/.ssh/id_rsa", "con:"}
	data := typed(t, valid, func(b *bundle.Bundle) {
		b.Circle.Name = names[0]
		b.People[0].Name, b.People[1].Name, b.People[2].Name = names[1], names[2], names[3]
		b.Topics[1].Name = names[4]
		b.Sessions[0].Topic, b.Sessions[0].Place = names[5], names[0]
	})
	res := load(t, dst.DB, data)
	var stored []string
	dst.DB.Table("circles").Where("id = ?", res.CircleID).Pluck("name", &stored)
	var people, topics []string
	dst.DB.Table("people").Where("name IN ?", names).Order("name").Pluck("name", &people)
	dst.DB.Table("topics").Where("name = ?", names[4]).Pluck("name", &topics)
	if len(stored) != 1 || stored[0] != names[0] || len(people) != 3 || len(topics) != 1 {
		t.Errorf("stored circle %q, people %q, topics %q; want the names as given", stored, people, topics)
	}
}

// The package that reads bundles cannot open files: it imports nothing that does.
func TestBundleHasNoFileAccess(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			switch path {
			case "os", "io/fs", "io/ioutil", "path", "path/filepath", "os/exec", "syscall", "net", "net/http":
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}

func TestTooManyAgendaItems(t *testing.T) {
	b := bundle.Bundle{Schema: bundle.Schema, Version: bundle.Version,
		Sessions: []bundle.Session{{}, {Agenda: make([]bundle.AgendaItem, bundle.MaxAgendaItems+1)}}}
	ae := testdb.WantError(t, bundle.Validate(b), apperr.TooLong, bundle.Field)
	if ae.Message != "sessions[1].agenda: There are 501; a bundle holds at most 500." {
		t.Errorf("message = %q", ae.Message)
	}
}
