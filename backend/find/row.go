package find

import "database/sql"

// row is one record read for a hit.
type row struct {
	ID         uint
	UUID       string
	Title      string
	Body       string
	SearchKey  string
	Day        string
	Circle     string
	Private    bool
	SessionID  uint
	CircleID   uint
	Visibility string
	Number     int
	Person     string
}

// fields are the places rows.Scan writes the columns cols into: r's field
// of each column's name (as the kinds' cols name them), a NULL leaving it
// zero; a column r has no field for is read and dropped. Scanning by hand
// spares a search GORM's reflection over every row of every kind.
func (r *row) fields(cols []string) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		switch c {
		case "id":
			out[i] = orZero[uint]{&r.ID}
		case "uuid":
			out[i] = orZero[string]{&r.UUID}
		case "title":
			out[i] = orZero[string]{&r.Title}
		case "body":
			out[i] = orZero[string]{&r.Body}
		case "search_key":
			out[i] = orZero[string]{&r.SearchKey}
		case "day":
			out[i] = orZero[string]{&r.Day}
		case "circle":
			out[i] = orZero[string]{&r.Circle}
		case "private":
			out[i] = orZero[bool]{&r.Private}
		case "session_id":
			out[i] = orZero[uint]{&r.SessionID}
		case "circle_id":
			out[i] = orZero[uint]{&r.CircleID}
		case "visibility":
			out[i] = orZero[string]{&r.Visibility}
		case "number":
			out[i] = orZero[int]{&r.Number}
		case "person":
			out[i] = orZero[string]{&r.Person}
		default:
			out[i] = new(any)
		}
	}
	return out
}

// orZero scans a column into *to, leaving it zero for a NULL.
type orZero[T any] struct{ to *T }

// Scan converts v as database/sql does for a T.
func (z orZero[T]) Scan(v any) error {
	var n sql.Null[T]
	if err := n.Scan(v); err != nil {
		return err
	}
	*z.to = n.V
	return nil
}
