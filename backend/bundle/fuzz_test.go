package bundle_test

import (
	"bytes"
	"errors"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/bundle"
	"circlebook/backend/internal/testdb"
)

// FuzzImport: whatever the input, Import either succeeds or returns an
// import error (never an internal one: validation must catch what the
// database would refuse) with the database unchanged, and never panics.
func FuzzImport(f *testing.F) {
	src := newStore(f)
	e := buildEdge(f, src)
	_, shared := export(f, src.DB, e.circle.ID, false)
	_, private := export(f, src.DB, e.circle.ID, true)
	dst := newStore(f)
	buildEdge(f, dst) // a circle of its own, with records to collide with
	f.Add(shared)
	f.Add(private)
	for _, h := range hostiles(f, shared) {
		if len(h.data) < 64<<10 {
			f.Add(h.data)
		}
	}
	before := dst.Fingerprint() // as of the last successful import
	f.Fuzz(func(t *testing.T, data []byte) {
		db := testdb.With(t, dst.DB)
		_, err := bundle.Import(dst.DB, bytes.NewReader(data), testdb.Today)
		if err == nil {
			before = db.Fingerprint()
			return
		}
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Field != bundle.Field || ae.Message == "" || ae.Code == apperr.Internal {
			t.Fatalf("Import error = %#v, want an import error", err)
		}
		if after := db.Fingerprint(); !before.Equal(after) {
			t.Fatalf("a refused import (%v) changed the database:%s", err, before.Diff(after))
		}
	})
}
