package apperr_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
			if got != tt.want {
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
