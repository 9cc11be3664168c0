package paging

import (
	"encoding/base64"
	"encoding/json"
)

// Cursor marks the last row of a page: the next page starts after it. It
// travels as opaque text (Page.Next, Request.After).
type Cursor struct {
	Key    string `json:"k"`
	Name   string `json:"n"`
	ID     uint   `json:"i"`
	Offset int    `json:"o"` // the index of the row after it, as it was then
}

// maxCursor bounds the text ParseCursor reads: a key and a name of a few
// hundred characters each fit many times over.
const maxCursor = 8 << 10

// String encodes c.
func (c Cursor) String() string {
	b, _ := json.Marshal(c) // a struct of strings and numbers always marshals
	return base64.RawURLEncoding.EncodeToString(b)
}

// ParseCursor decodes a cursor String wrote; anything else is an invalid "after".
func ParseCursor(s string) (Cursor, error) {
	var c Cursor
	if len(s) > maxCursor {
		return c, errCursor()
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || c.ID == 0 || c.Offset < 0 {
		return Cursor{}, errCursor()
	}
	return c, nil
}
