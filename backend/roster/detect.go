package roster

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode turns a text file's bytes into a string, naming the encoding it
// read: UTF-8 with or without a byte order mark, UTF-16 with one (Excel's
// "Unicode text"), or Windows-1252 when the bytes are not UTF-8. A file
// that is binary, or clearly in another encoding, is refused by name.
func decode(data []byte) (string, string, error) {
	var text, enc string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return "", "", refuse("The file is in UTF-32. Save it as UTF-8 (CSV UTF-8 in Excel) and import that.")
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text, enc = string(data[3:]), "utf-8 with BOM"
		if !utf8.ValidString(text) {
			return "", "", refuse("The file says it is UTF-8 but is not. Save it again as CSV UTF-8.")
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		endian, name := unicode.LittleEndian, "utf-16le"
		if data[0] == 0xFE {
			endian, name = unicode.BigEndian, "utf-16be"
		}
		out, err := unicode.UTF16(endian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", refuse("The file says it is UTF-16 but cannot be read as such.")
		}
		text, enc = string(out), name
	case bytes.IndexByte(data, 0) >= 0:
		if utf16Like(data) {
			return "", "", refuse("The file looks like UTF-16 without a byte order mark. Save it as UTF-8 (CSV UTF-8 in Excel) and import that.")
		}
		return "", "", refuse("This is not a text file: it holds binary data. Import a CSV, TSV or XLSX file.")
	case utf8.Valid(data):
		text, enc = string(data), "utf-8"
	default:
		if err := windows1252Like(data); err != nil {
			return "", "", err
		}
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", refuse("The file cannot be read as Windows-1252.")
		}
		text, enc = string(out), "windows-1252"
	}
	if binary(text) {
		return "", "", refuse("This is not a text file: it holds control characters. Import a CSV, TSV or XLSX file.")
	}
	return text, enc, nil
}

// utf16Like reports whether every other byte of the first ones is zero, as
// in UTF-16 text of Latin letters.
func utf16Like(data []byte) bool {
	n, zeros := min(len(data), 512), 0
	for i := 1; i < n; i += 2 {
		if data[i] == 0 || data[i-1] == 0 {
			zeros++
		}
	}
	return n >= 4 && zeros*4 >= n*3/2
}

// windows1252Like refuses bytes that are not UTF-8 and not likely
// Windows-1252: bytes 1252 leaves undefined, or runs of high bytes as in
// the multi-byte encodings of East Asian scripts.
func windows1252Like(data []byte) error {
	high, inRuns, run, undefined := 0, 0, 0, -1
	for _, b := range data {
		if b < 0x80 {
			run = 0
			continue
		}
		if undefined < 0 && (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
			undefined = int(b)
		}
		high, run = high+1, run+1
		if run == 2 {
			inRuns += 2
		} else if run > 2 {
			inRuns++
		}
	}
	if high >= 6 && inRuns*2 > high {
		return refuse("The file looks like a multi-byte encoding such as Shift-JIS, GBK or EUC, not UTF-8 or Windows-1252. Save it as UTF-8 and import that.")
	}
	if undefined >= 0 {
		return refuse("The file is neither UTF-8 nor Windows-1252 (byte 0x%02X; perhaps Mac Roman or a DOS code page). Save it as UTF-8 and import that.", undefined)
	}
	return nil
}

// binary reports control characters other than tab, CR and LF (and form
// feed) in more than a trace of the text.
func binary(text string) bool {
	bad := 0
	for _, r := range text {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') || r == 0x7F || r == utf8.RuneError {
			bad++
		}
	}
	return bad > 0 && bad*1000 > len(text)
}

// delimiter picks , ; or tab: the one that splits the first lines into the
// same number of cells most often (counted outside quotes), the most cells
// breaking a tie; tsv (a .tsv name) prefers tab.
func delimiter(text string, tsv bool) rune {
	lines := firstLines(text, 30)
	best, bestScore := ',', -1
	for _, d := range []rune{',', ';', '\t'} {
		counts := map[int]int{}
		for _, l := range lines {
			if n := countOutsideQuotes(l, d); n > 0 {
				counts[n]++
			}
		}
		score := 0
		for n, lines := range counts {
			score = max(score, lines*1000+n)
		}
		if d == '\t' && tsv && score > 0 {
			score += 1_000_000
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

// firstLines returns up to n non-blank lines from the start of text.
func firstLines(text string, n int) []string {
	var out []string
	for len(out) < n && text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}

func countOutsideQuotes(line string, d rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == d && !quoted:
			n++
		}
	}
	return n
}

// headerIndex is the index of the header among records: the first of the
// first 20 non-blank rows filled at least half as wide as the widest of
// them with text that does not look like data (emails, numbers, dates),
// so a title row above the header is skipped; else the first non-blank row.
func headerIndex(records []record) int {
	first, widest := -1, 0
	var candidates []int
	for i, r := range records {
		if blank(r.cells) {
			continue
		}
		if first < 0 {
			first = i
		}
		candidates = append(candidates, i)
		widest = max(widest, filled(r.cells))
		if len(candidates) == 20 {
			break
		}
	}
	for _, i := range candidates {
		n := filled(records[i].cells)
		if n >= max(1, min(2, widest), (widest+1)/2) && !dataLike(records[i].cells) {
			return i
		}
	}
	return first
}

func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// dataLike reports a cell that reads as a value rather than a heading.
func dataLike(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if strings.Contains(c, "@") {
			return true
		}
		if _, err := strconv.ParseFloat(c, 64); err == nil {
			return true
		}
		if _, ok := parseDate(c, dayFirst); ok {
			return true
		}
	}
	return false
}
