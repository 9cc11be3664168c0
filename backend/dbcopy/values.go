package dbcopy

import (
	"fmt"
	"strconv"
	"time"
)

// timeLayouts are the ways SQLite's text holds an instant: the driver's
// own (what GORM writes through it), then RFC 3339 and SQL's plain form.
var timeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
}

// normalise turns a value as a driver read it into the one Go type its
// kind has on both engines: int64, bool, time.Time (UTC) or string; NULL stays nil.
func normalise(k kind, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	switch k {
	case kindInt:
		return toInt(v)
	case kindBool:
		switch x := v.(type) {
		case bool:
			return x, nil
		case int64:
			return x != 0, nil
		}
	case kindTime:
		switch x := v.(type) {
		case time.Time:
			return x.UTC(), nil
		case string:
			return parseTime(x)
		}
	case kindText:
		if s, ok := v.(string); ok {
			return s, nil
		}
	}
	return nil, fmt.Errorf("unexpected %T value %v", v, v)
}

// toInt reads an integer of any width the drivers give.
func toInt(v any) (any, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case int32:
		return int64(x), nil
	case int16:
		return int64(x), nil
	case int:
		return int64(x), nil
	case string:
		return strconv.ParseInt(x, 10, 64)
	}
	return nil, fmt.Errorf("unexpected %T value %v for an integer", v, v)
}

// parseTime reads an instant SQLite keeps as text.
func parseTime(s string) (time.Time, error) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("unreadable time %q", s)
}

// normaliseRow normalises vals (one row of t, as read) in place.
func normaliseRow(t table, vals []any) error {
	for i, c := range t.cols {
		v, err := normalise(c.kind, vals[i])
		if err != nil {
			return fmt.Errorf("%s.%s: %w", t.name, c.name, err)
		}
		vals[i] = v
	}
	return nil
}
