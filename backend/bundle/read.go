package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"circlebook/backend/apperr"
)

// MaxBytes is the largest bundle Read accepts: 50 MB, room for years of notes.
const MaxBytes = 50 << 20

// Field is the field every import error names: the bundle file. Its message
// starts with the path of the offending value, e.g. "sessions[3].startsAt:".
const Field = "bundle"

// fail returns an import error about the value at path ("" for the whole file).
func fail(code apperr.Code, path, format string, args ...any) *apperr.Error {
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + ": " + msg
	}
	return &apperr.Error{Code: code, Field: Field, Message: msg}
}

// Read reads and validates a bundle: at most MaxBytes, strict JSON (no
// unknown fields, no trailing data), this schema and a version it knows, and every
// record as Validate checks it. It touches no database and no file.
func Read(r io.Reader) (Bundle, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return Bundle{}, &apperr.Error{Code: apperr.Invalid, Field: Field, Message: "The file could not be read: " + err.Error(), Err: err}
	}
	if len(data) > MaxBytes {
		return Bundle{}, fail(apperr.TooLong, "", "The file is over %d MB; a bundle is at most that.", MaxBytes>>20)
	}
	b, err := decode(data)
	if err != nil {
		return Bundle{}, err
	}
	return b, Validate(b)
}

// decode checks the header first, so that a bundle of another version is
// refused for its version rather than for a field this version lacks.
func decode(data []byte) (Bundle, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Bundle{}, fail(apperr.Invalid, "", "The file is empty.")
	}
	var head struct {
		Schema  string `json:"schema"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Bundle{}, jsonError(data, err)
	}
	if head.Schema != Schema {
		return Bundle{}, fail(apperr.Invalid, "schema", "This is not a Circlebook bundle (its schema is %q, not %q).", clip(head.Schema), Schema)
	}
	if head.Version < MinVersion || head.Version > Version {
		return Bundle{}, fail(apperr.Invalid, "version", "This bundle is version %d; this Circlebook reads versions %d to %d. %s",
			head.Version, MinVersion, Version, versionAdvice(head.Version))
	}
	var b Bundle
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return Bundle{}, jsonError(data, err)
	}
	return b, nil
}

func versionAdvice(v int) string {
	if v > Version {
		return "Update Circlebook to import it."
	}
	return "It was not written by Circlebook."
}

// jsonError explains a decoding error, with the line and column it is at
// when the error says. (An unknown field does not: the decoder reports it
// once it has read the whole value.)
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax) && syntax.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))):
		return fail(apperr.Invalid, "", "The file ends too early: it looks cut short (truncated).")
	case errors.As(err, &syntax):
		return fail(apperr.Invalid, "", "The file is not valid JSON at %s: %s.", position(data, syntax.Offset-1), strings.TrimPrefix(syntax.Error(), "json: "))
	case errors.As(err, &typ) && typ.Field == "":
		return fail(apperr.Invalid, "", "The file holds a JSON %s, not a bundle (a JSON object).", typ.Value)
	case errors.As(err, &typ):
		return fail(apperr.Invalid, typ.Field, "Expected %s, found %s (at %s).", kindOf(typ.Type), typ.Value, position(data, typ.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fail(apperr.Invalid, "", "The file ends too early: it looks cut short (truncated).")
	}
	return fail(apperr.Invalid, "", "The file is not a valid bundle: %s.", strings.TrimPrefix(err.Error(), "json: "))
}

// position turns a byte offset into "line L, column C" (both from 1).
func position(data []byte, offset int64) string {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}

// kindOf names a Go type the way a JSON author thinks of it.
func kindOf(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return kindOf(t.Elem())
	}
	return t.String()
}

// clip shortens text quoted back in a message.
func clip(s string) string {
	n := 0
	for i := range s {
		if n == 40 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
