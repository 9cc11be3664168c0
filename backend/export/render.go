package export

import (
	"bytes"
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/fold"
	"circlebook/backend/model"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Formats the summary renders to; the bundle ("json") is the bundle package's.
var Formats = []string{"md", "html", "csv", "ics", "pdf"}

// Render writes a summary in one format; table picks the CSV table.
func Render(s Summary, format, table string) ([]byte, error) {
	switch format {
	case "md":
		return Markdown(s)
	case "html":
		return HTML(s)
	case "ics":
		return ICS(s)
	case "pdf":
		return PDF(s, "A4")
	case "csv":
		var buf bytes.Buffer
		err := CSV(s, table, &buf)
		return buf.Bytes(), err
	}
	return nil, apperr.New(apperr.Invalid, "format", "Unknown format %q: use one of %s.", format, strings.Join(Formats, ", "))
}

// FindCircle finds a circle by its UUID or its name (ignoring case). A name
// two circles share is refused, naming them, so nothing is exported by guess.
func FindCircle(tx *gorm.DB, ref string) (uint, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, apperr.New(apperr.Invalid, "circle", "Name the circle to export (its name or UUID).")
	}
	var found []model.Circle
	q := tx.Select("id, name, uuid")
	if _, err := uuid.Parse(ref); err == nil {
		q = q.Where("uuid = ?", strings.ToLower(ref))
	} else {
		// The folded key finds the few candidates by index on both engines;
		// lower() then keeps those equal to ref but for ASCII case.
		q = q.Where("name_key = ? AND lower(name) = ?", fold.Key(ref), fold.LowerASCII(ref))
	}
	if err := q.Order("name").Find(&found).Error; err != nil {
		return 0, err
	}
	switch len(found) {
	case 0:
		return 0, apperr.New(apperr.NotFound, "circle", "No circle is called %q.", ref)
	case 1:
		return found[0].ID, nil
	}
	ids := make([]string, len(found))
	for i, c := range found {
		ids[i] = c.UUID
	}
	return 0, apperr.New(apperr.Conflict, "circle", "%d circles are called %q; name one by its UUID: %s.", len(found), ref, strings.Join(ids, ", "))
}
