package roster_test

import (
	"bytes"
	"slices"
	"testing"

	"circlebook/backend/roster"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const accented = "Name\tEmail\tLocation\nÍñigo Sáenz\tinigo@example.org\tSão Paulo\nZoë Ångström\tzoe@example.org\tMalmö\n"

// TestEncodings: Excel's "Unicode text" (UTF-16 with a byte order mark,
// tab-separated), big-endian UTF-16 and Windows-1252 all read as the same
// accented names.
func TestEncodings(t *testing.T) {
	utf16 := func(e unicode.Endianness) []byte {
		b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(accented))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte(accented))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(cp1252, []byte(accented)) {
		t.Fatal("the Windows-1252 file is UTF-8")
	}
	tests := []struct {
		name, encoding string
		data           []byte
	}{
		{"UTF-16 LE", "utf-16le", utf16(unicode.LittleEndian)},
		{"UTF-16 BE", "utf-16be", utf16(unicode.BigEndian)},
		{"Windows-1252", "windows-1252", cp1252},
		{"UTF-8", "utf-8", []byte(accented)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := roster.Read("roster.txt", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if tab.Encoding != tt.encoding || tab.Delimiter != "\t" || len(tab.Rows) != 2 {
				t.Fatalf("read as %q, delimiter %q, %d rows", tab.Encoding, tab.Delimiter, len(tab.Rows))
			}
			if got := tab.Rows[0].Cells[0] + "|" + tab.Rows[1].Cells[2]; got != "Íñigo Sáenz|Malmö" {
				t.Errorf("cells %q", got)
			}
		})
	}
}

func TestDelimiterAndHeaderDetection(t *testing.T) {
	tests := []struct {
		name, data, delim string
		header            int
		headers           []string
	}{
		{"comma", "Name,Email\nAna,a@example.org\n", ",", 1, []string{"Name", "Email"}},
		{"semicolon with commas in cells", "Name;Strengths\n\"Lima, Ana\";a, b, c\n", ";", 1, []string{"Name", "Strengths"}},
		{"tab", "Name\tEmail\nAna\ta@example.org\n", "\t", 1, []string{"Name", "Email"}},
		{"title and blank rows first", "Roster,,\n,,\nExported 2026-11-01,,\nName,Email,Team\nAna,a@example.org,X\n", ",", 4, []string{"Name", "Email", "Team"}},
		{"empty and repeated headers", "Name,,Name\nAna,1,2\n", ",", 1, []string{"Name", "Column 2", "Name (2)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := roster.Read("r.csv", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if tab.Delimiter != tt.delim || tab.HeaderRow != tt.header || !slices.Equal(tab.Headers, tt.headers) {
				t.Errorf("delimiter %q, header row %d, headers %q", tab.Delimiter, tab.HeaderRow, tab.Headers)
			}
		})
	}
}
