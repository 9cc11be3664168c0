package apperr_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"circlebook/backend/apperr"

	"gorm.io/gorm"
)

func TestFormat(t *testing.T) {
	invalid := apperr.New(apperr.Invalid, "email", "That does not look like an email address.")
	tests := []struct {
		name string
		err  error
		want apperr.Payload
	}{
		{"app error", invalid, apperr.Payload{Code: apperr.Invalid, Field: "email", Message: "That does not look like an email address."}},
		{"wrapped once", fmt.Errorf("saving person: %w", invalid), apperr.Payload{Code: apperr.Invalid, Field: "email", Message: "That does not look like an email address."}},
		{"wrapped twice", fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", apperr.Missing("circle", 7))), apperr.Payload{Code: apperr.NotFound, Message: "No circle with id 7 exists."}},
		{"joined", errors.Join(io.EOF, apperr.New(apperr.TooLong, "notes", "Too long.")), apperr.Payload{Code: apperr.TooLong, Field: "notes", Message: "Too long."}},
		{"plain error", errors.New("disk I/O error"), apperr.Payload{Code: apperr.Internal, Message: "disk I/O error"}},
		{"gorm error", gorm.ErrInvalidTransaction, apperr.Payload{Code: apperr.Internal, Message: gorm.ErrInvalidTransaction.Error()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := apperr.Format(tt.err).(apperr.Payload)
			if !ok {
				t.Fatalf("Format returned %T, want apperr.Payload", apperr.Format(tt.err))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Format(%v) = %+v, want %+v", tt.err, got, tt.want)
			}
		})
	}
}

func TestPayloadJSON(t *testing.T) {
	b, _ := json.Marshal(apperr.Format(apperr.New(apperr.Conflict, "personId", "Already in the circle.")))
	if string(b) != `{"code":"conflict","field":"personId","message":"Already in the circle."}` {
		t.Errorf("JSON = %s", b)
	}
	b, _ = json.Marshal(apperr.Format(errors.New("boom")))
	if string(b) != `{"code":"internal","message":"boom"}` {
		t.Errorf("JSON = %s, want no field key", b)
	}
}

func TestFromDB(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		code  apperr.Code
		field string
	}{
		{"missing row", gorm.ErrRecordNotFound, apperr.NotFound, ""},
		{"duplicate", gorm.ErrDuplicatedKey, apperr.Conflict, "email"},
		{"wrapped duplicate", fmt.Errorf("create: %w", gorm.ErrDuplicatedKey), apperr.Conflict, "email"},
		{"foreign key", gorm.ErrForeignKeyViolated, apperr.Invalid, "email"},
		{"other", errors.New("database is locked"), apperr.Internal, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := apperr.FromDB(tt.err, "email", "person")
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Code != tt.code || ae.Field != tt.field {
				t.Fatalf("FromDB(%v) = %#v, want code %q field %q", tt.err, err, tt.code, tt.field)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("FromDB(%v) lost its cause", tt.err)
			}
		})
	}
	if apperr.FromDB(nil, "x", "y") != nil {
		t.Error("FromDB(nil) != nil")
	}
	own := apperr.New(apperr.Invalid, "name", "Name is required.")
	if got := apperr.FromDB(own, "other", "circle"); got != error(own) {
		t.Errorf("FromDB(app error) = %v, want it unchanged", got)
	}
}

func TestIsMatchesByCode(t *testing.T) {
	err := fmt.Errorf("get: %w", apperr.Missing("session", 3))
	if !errors.Is(err, apperr.ErrNotFound) {
		t.Error("a wrapped Missing is not ErrNotFound")
	}
	if errors.Is(err, apperr.ErrConflict) || errors.Is(err, apperr.ErrInvalid) {
		t.Error("a Missing matches another code")
	}
	if errors.Is(apperr.New(apperr.NotFound, "x", "y"), apperr.New(apperr.NotFound, "z", "w")) {
		t.Error("two unrelated errors with fields match each other: only the bare sentinels should match by code")
	}
}

// One input with several bad fields fails once, naming every field: the
// first stays in {code, field, message} for callers that read only one.
func TestJoinCarriesEveryField(t *testing.T) {
	name := apperr.New(apperr.Invalid, "name", "Name is required.")
	link := apperr.New(apperr.Invalid, "videoLink", "Use a web address.")
	long := apperr.New(apperr.TooLong, "purpose", "This is 10001 characters; the limit is 10000.")
	err := apperr.Join(nil, name, nil, link, long)
	b, _ := json.Marshal(apperr.Format(err))
	want := `{"code":"invalid","field":"name","message":"Name is required.","fields":[` +
		`{"code":"invalid","field":"name","message":"Name is required."},` +
		`{"code":"invalid","field":"videoLink","message":"Use a web address."},` +
		`{"code":"too_long","field":"purpose","message":"This is 10001 characters; the limit is 10000."}]}`
	if string(b) != want {
		t.Errorf("JSON = %s\nwant   %s", b, want)
	}
	if !errors.Is(err, apperr.ErrInvalid) {
		t.Error("a joined error is not ErrInvalid")
	}
	if got := err.Error(); !strings.Contains(got, "name: Name is required.") || !strings.Contains(got, "videoLink: Use a web address.") {
		t.Errorf("Error() = %q, want every field", got)
	}
	if name.Problems != nil {
		t.Error("Join changed one of its arguments")
	}
}

func TestJoinOfOneOrNone(t *testing.T) {
	one := apperr.New(apperr.Invalid, "name", "Name is required.")
	if got := apperr.Join(nil, one, nil); got != error(one) {
		t.Errorf("Join of one failure = %v, want it unchanged", got)
	}
	if apperr.Join(nil, nil) != nil {
		t.Error("Join of no failures != nil")
	}
	b, _ := json.Marshal(apperr.Format(one))
	if strings.Contains(string(b), "fields") {
		t.Errorf("a single error's JSON has a fields list: %s", b)
	}
	disk := errors.New("disk I/O error")
	if got := apperr.Join(one, disk); got != disk {
		t.Errorf("Join with a failure that is not about input = %v, want that failure", got)
	}
}

func TestJoinFlattens(t *testing.T) {
	inner := apperr.Join(apperr.New(apperr.Invalid, "a", "A"), apperr.New(apperr.Invalid, "b", "B"))
	err := apperr.Join(inner, apperr.New(apperr.Invalid, "c", "C"))
	p := apperr.Format(err).(apperr.Payload)
	var fields []string
	for _, f := range p.Fields {
		fields = append(fields, f.Field)
	}
	if strings.Join(fields, ",") != "a,b,c" || p.Field != "a" {
		t.Errorf("fields = %v (first %q), want a,b,c", fields, p.Field)
	}
}

// A field shows one message: the first problem found with it.
func TestJoinKeepsTheFirstProblemPerField(t *testing.T) {
	err := apperr.Join(apperr.New(apperr.Invalid, "leftOn", "Use a date between 1900 and 2100."),
		apperr.New(apperr.Invalid, "joinedOn", "Use a date like 2026-03-31."),
		apperr.New(apperr.Invalid, "leftOn", "The end date is before the start date."))
	p := apperr.Format(err).(apperr.Payload)
	if len(p.Fields) != 2 || p.Fields[0].Message != "Use a date between 1900 and 2100." || p.Fields[1].Field != "joinedOn" {
		t.Errorf("fields = %+v, want leftOn's first message, then joinedOn", p.Fields)
	}
}
