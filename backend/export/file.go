package export

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"time"

	"circlebook/backend/bundle"
	"circlebook/backend/check"
	"circlebook/backend/model"
	"circlebook/backend/notes"

	"gorm.io/gorm"
)

// Request is what the export dialog asks for.
type Request struct {
	Format      string `json:"format"`      // one of Formats, or "json" for the bundle
	Table       string `json:"table"`       // with csv: one of CSVTables
	Period      string `json:"period"`      // one of Periods, or "range"
	From        string `json:"from"`        // with "range": first day, YYYY-MM-DD, or ""
	To          string `json:"to"`          // with "range": last day, YYYY-MM-DD, or ""
	Anonymize   bool   `json:"anonymize"`   // members become "Member 1", "Member 2", ...
	FiguresOnly bool   `json:"figuresOnly"` // numbers only, no notes
}

// File is an export ready to save; Data travels as base64 in JSON.
type File struct {
	Name string `json:"name"`
	Mime string `json:"mime"`
	Data []byte `json:"data"`
}

// RangePeriod is the period name for a date range the user types.
const RangePeriod = "range"

// bundleFormat is the re-importable bundle's format name.
const bundleFormat = "json"

var mimes = map[string]string{
	"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8",
	"ics": "text/calendar; charset=utf-8", "pdf": "application/pdf", bundleFormat: "application/json",
}

// Formats lists the formats this build can export, the bundle ("json") last.
func (s *Exports) Formats() []string {
	return append(slices.Clone(Formats), bundleFormat)
}

// File renders a circle's summary, or its bundle, as a file to save.
func (s *Exports) File(circleID uint, req Request) (File, error) {
	if err := req.check(); err != nil {
		return File{}, err
	}
	var out File
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = s.file(tx, circleID, req)
		return err
	})
	return out, err
}

// Preview returns the Markdown summary as sanitized HTML for the dialog.
func (s *Exports) Preview(circleID uint, req Request) (string, error) {
	req.Format = "md"
	if err := req.check(); err != nil {
		return "", err
	}
	opt, err := req.options(s.now())
	if err != nil {
		return "", err
	}
	sum, err := s.Summary(circleID, opt)
	if err != nil {
		return "", err
	}
	md, err := Markdown(sum)
	if err != nil {
		return "", err
	}
	return notes.Render(string(md))
}

func (s *Exports) file(tx *gorm.DB, circleID uint, req Request) (File, error) {
	now := s.now()
	var buf bytes.Buffer
	var c model.Circle
	if req.Format == bundleFormat {
		b, err := bundle.Export(tx, circleID, bundle.Options{}, now)
		if err != nil {
			return File{}, err
		}
		if err := bundle.Write(&buf, b); err != nil {
			return File{}, err
		}
		if err := tx.Select("name").Take(&c, circleID).Error; err != nil {
			return File{}, readFailed(err)
		}
		return File{Name: FileName(c.Name, "", "", "bundle", bundleFormat), Mime: mimes[bundleFormat], Data: buf.Bytes()}, nil
	}
	opt, err := req.options(now)
	if err != nil {
		return File{}, err
	}
	sum, err := Build(tx, circleID, opt, now)
	if err != nil {
		return File{}, err
	}
	data, err := Render(sum, req.Format, req.Table)
	if err != nil {
		return File{}, err
	}
	if err := tx.Select("name").Take(&c, circleID).Error; err != nil {
		return File{}, readFailed(err)
	}
	part := ""
	if req.Format == "csv" {
		part = req.Table
	}
	return File{Name: FileName(c.Name, opt.From, opt.To, part, req.Format), Mime: mimes[req.Format], Data: data}, nil
}

// check validates a request, naming the field at fault.
func (r Request) check() error {
	if err := check.OneOf("format", "Format", r.Format, append(slices.Clone(Formats), bundleFormat)...); err != nil {
		return err
	}
	if r.Format == "csv" {
		if err := check.OneOf("table", "Table", r.Table, CSVTables...); err != nil {
			return err
		}
	}
	if r.Format == bundleFormat {
		return nil
	}
	if err := check.OneOf("period", "Period", r.Period, append(slices.Clone(Periods), RangePeriod)...); err != nil {
		return err
	}
	if r.Period != RangePeriod {
		return nil
	}
	return check.All(check.Date("from", r.From), check.Date("to", r.To), check.Order("to", r.From, r.To))
}

// options turns a checked request into summary options, dating named periods from now.
func (r Request) options(now time.Time) (Options, error) {
	opt := Options{Anonymize: r.Anonymize, FiguresOnly: r.FiguresOnly}
	if r.Period == RangePeriod {
		opt.From, opt.To = r.From, r.To
	} else {
		opt.From, opt.To = Period(r.Period, now)
	}
	return opt, opt.validate()
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// FileName names an export: the circle's name in lower-case ASCII words, the
// period ("2026-q3", "2026-07-01-to-2026-08-15"), an optional part ("roster")
// and the extension, e.g. "product-craft-circle-2026-q3.md".
func FileName(circle, from, to, part, ext string) string {
	base := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(unaccented(circle)), "-"), "-")
	if len(base) > 60 {
		base = strings.Trim(base[:60], "-")
	}
	if base == "" {
		base = "circle"
	}
	words := []string{base}
	if p := periodSlug(from, to); p != "" {
		words = append(words, p)
	}
	if part != "" {
		words = append(words, unsafeName.ReplaceAllString(strings.ToLower(part), "-"))
	}
	return strings.Join(words, "-") + "." + ext
}

// periodSlug names a period in a file name; "" for all time.
func periodSlug(from, to string) string {
	f, errF := time.Parse(check.DateLayout, from)
	t, errT := time.Parse(check.DateLayout, to)
	switch {
	case errF != nil && errT != nil:
		return ""
	case errT != nil:
		return "from-" + from
	case errF != nil:
		return "until-" + to
	case f.Day() == 1 && (f.Month()-1)%3 == 0 && t.Equal(f.AddDate(0, 3, -1)):
		return f.Format("2006") + "-q" + string(rune('1'+(f.Month()-1)/3))
	}
	return from + "-to-" + to
}
