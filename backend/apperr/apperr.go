// Package apperr holds the typed errors that services return and the one
// mapping of those errors to the {code, field, message} shape the page reads.
package apperr

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Code names a class of failure the page can act on.
type Code string

// The codes a service may return.
const (
	Invalid     Code = "invalid"     // the input breaks a rule; Field says which
	TooLong     Code = "too_long"    // a text is over the length limit
	NotFound    Code = "not_found"   // the record asked for does not exist
	Conflict    Code = "conflict"    // the write would duplicate something unique
	OtherDay    Code = "other_day"   // a planned session is for another day: move it to now, or start a new one
	Internal    Code = "internal"    // anything else: a bug or a failing disk
	Unavailable Code = "unavailable" // the database server cannot be reached now: nothing was written; the page retries
)

// Error is a failure with a code, the input field it concerns and a message
// written for the person at the keyboard. An input that breaks rules in
// several fields fails once, with every field's problem in Problems; the
// first of them is also the Error's own Code, Field and Message.
type Error struct {
	Code     Code      `json:"code"`
	Field    string    `json:"field,omitempty"`
	Message  string    `json:"message"`
	Problems []Problem `json:"fields,omitempty"`
	Err      error     `json:"-"`
}

// Problem is one field's failure inside an Error about several fields.
type Problem struct {
	Code    Code   `json:"code"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error returns the message, with the field when there is one; every
// field's, when there are several.
func (e *Error) Error() string {
	if len(e.Problems) > 0 {
		parts := make([]string, len(e.Problems))
		for i, p := range e.Problems {
			parts[i] = p.Field + ": " + p.Message
		}
		return strings.Join(parts, "; ")
	}
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

// problems lists the field problems e stands for: its own, or its Problems.
func (e *Error) problems() []Problem {
	if len(e.Problems) > 0 {
		return e.Problems
	}
	return []Problem{{Code: e.Code, Field: e.Field, Message: e.Message}}
}

// Unwrap returns the underlying cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// Is lets errors.Is match any *Error of the same code, e.g. errors.Is(err, apperr.ErrNotFound).
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Field == "" && t.Message == "" && t.Code == e.Code
}

// Sentinels for errors.Is checks by code.
var (
	ErrInvalid     = &Error{Code: Invalid}
	ErrTooLong     = &Error{Code: TooLong}
	ErrNotFound    = &Error{Code: NotFound}
	ErrConflict    = &Error{Code: Conflict}
	ErrUnavailable = &Error{Code: Unavailable}
)

// New returns an error of the given code about one field.
func New(code Code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Join returns nil when every err is nil, the one failure when there is one,
// and otherwise one *Error that carries every field's problem (the first
// found for each field), so the page can show them all at once. A failure that is not an *Error (the disk, a
// bug) wins over problems with the input and is returned as it is.
func Join(errs ...error) error {
	var all []*Error
	for _, err := range errs {
		if err == nil {
			continue
		}
		var ae *Error
		if !errors.As(err, &ae) {
			return err
		}
		all = append(all, ae)
	}
	switch len(all) {
	case 0:
		return nil
	case 1:
		return all[0]
	}
	out := *all[0]
	out.Problems = nil
	seen := map[string]bool{}
	for _, ae := range all {
		for _, p := range ae.problems() {
			if p.Field == "" || !seen[p.Field] {
				seen[p.Field] = true
				out.Problems = append(out.Problems, p)
			}
		}
	}
	if len(out.Problems) == 1 {
		return all[0]
	}
	first := out.Problems[0]
	out.Code, out.Field, out.Message = first.Code, first.Field, first.Message
	return &out
}

// Missing reports a record that does not exist, e.g. Missing("circle", 7).
func Missing(what string, id any) *Error {
	return &Error{Code: NotFound, Message: fmt.Sprintf("No %s with id %v exists.", what, id)}
}

// FromDB maps a database error to an *Error. Unique and foreign-key violations
// become Conflict or Invalid on the given field; a missing row becomes NotFound.
func FromDB(err error, field, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return &Error{Code: NotFound, Message: "That " + what + " no longer exists.", Err: err}
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return &Error{Code: Conflict, Field: field, Message: "That " + what + " already exists.", Err: err}
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return &Error{Code: Invalid, Field: field, Message: "That " + what + " refers to a record that does not exist.", Err: err}
	}
	var ae *Error
	if errors.As(err, &ae) {
		return err
	}
	if IsUnavailable(err) {
		return &Error{Code: Unavailable, Message: "Not saved: " + unavailableMessage(err), Err: err}
	}
	if msg, ok := storageMessage(err); ok {
		return &Error{Code: Internal, Message: "Not saved: " + msg, Err: err}
	}
	return &Error{Code: Internal, Message: "Could not save: " + err.Error(), Err: err}
}

// Payload is the shape an error takes on the page, in both transports:
// {code, field, message} of the first problem, and every field's problem in
// fields when there are several.
type Payload struct {
	Code    Code      `json:"code"`
	Field   string    `json:"field,omitempty"`
	Message string    `json:"message"`
	Fields  []Problem `json:"fields,omitempty"`
}

// Format maps any error to the Payload the page reads; it is the window's
// ErrorFormatter. A failure caused by losing the database server is
// Unavailable, whichever service let it through unmapped.
func Format(err error) any {
	var ae *Error
	if errors.As(err, &ae) {
		code := ae.Code
		if code == Internal && IsUnavailable(ae.Err) {
			code = Unavailable
		}
		return Payload{Code: code, Field: ae.Field, Message: ae.Message, Fields: ae.Problems}
	}
	if IsUnavailable(err) {
		return Payload{Code: Unavailable, Message: unavailableMessage(err)}
	}
	return Payload{Code: Internal, Message: err.Error()}
}

// Deleted checks the result of deleting one record by id: a database error,
// or nothing deleted because no such record exists.
func Deleted(res *gorm.DB, what string, id any) error {
	if res.Error == nil && res.RowsAffected == 0 {
		return Missing(what, id)
	}
	return FromDB(res.Error, "", what)
}
