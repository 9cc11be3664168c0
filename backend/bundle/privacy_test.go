package bundle_test

import (
	"bytes"
	"strings"
	"testing"
)

func TestSharedExportHoldsNoPrivateText(t *testing.T) {
	f := newStore(t)
	year := f.YearCircle("Product Leaders", "Europe/Madrid")
	e := buildEdge(t, f)
	if len(year.Secrets) < 100 {
		t.Fatalf("the year has only %d secrets", len(year.Secrets))
	}
	for _, c := range []struct {
		id      uint
		secrets []string
	}{{year.Circle.ID, year.Secrets}, {e.circle.ID, []string{secret}}} {
		_, data := export(t, f.DB, c.id, false)
		for _, s := range c.secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("the shared bundle holds the secret %q", s)
			}
		}
		for _, key := range []string{`"privateNote"`, `"visibility": "private"`, `"includesPrivate": true`} {
			if bytes.Contains(data, []byte(key)) {
				t.Errorf("the shared bundle holds %s", key)
			}
		}
	}
}

func TestPrivateExportHoldsPrivateTextButNoRevisions(t *testing.T) {
	f := newStore(t)
	year := f.YearCircle("Product Leaders", "Europe/Madrid")
	_, data := export(t, f.DB, year.Circle.ID, true)
	for _, s := range year.Secrets {
		want := !strings.HasPrefix(s, "REVISION-")
		if got := bytes.Contains(data, []byte(s)); got != want {
			t.Errorf("the private bundle holds %q: %v, want %v", s, got, want)
		}
	}
	if !bytes.Contains(data, []byte(`"includesPrivate": true`)) {
		t.Error("the private bundle does not say it includes private text")
	}
}

// A bundle without private text leaves the private text here alone.
func TestSharedImportKeepsLocalPrivateText(t *testing.T) {
	f := newStore(t)
	e := buildEdge(t, f)
	b := decoded(t, func() []byte { _, d := export(t, f.DB, e.circle.ID, false); return d }())
	for i := range b.People {
		b.People[i].Title = "Updated"
		b.People[i].UpdatedAt = "2030-01-01T00:00:00Z"
	}
	res := load(t, f.DB, encoded(t, b))
	if res.People.Updated != len(b.People) {
		t.Errorf("people: %+v, want all updated", res.People)
	}
	var note string
	f.DB.Table("people").Where("id = ?", e.ana.ID).Pluck("private_note", &note)
	if note != e.ana.PrivateNote {
		t.Errorf("Ana's private note = %q, want %q kept", note, e.ana.PrivateNote)
	}
	var private int64
	f.DB.Table("notes").Where("visibility = 'private'").Count(&private)
	if private != 1 {
		t.Errorf("%d private notes, want the 1 there was", private)
	}
}
