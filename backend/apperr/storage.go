package apperr

import "errors"

// SQLite's primary result codes for a storage that cannot take the write.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteFull     = 13
	sqliteCantOpen = 14
)

// storageMessage explains a failed write whose cause is the disk or file
// (SQLite), or the server or the way to it (PostgreSQL, see postgres.go),
// not the input, in words for the person at the keyboard.
func storageMessage(err error) (string, bool) {
	if msg, ok := postgresMessage(err); ok {
		return msg, true
	}
	var coded interface{ Code() int }
	if !errors.As(err, &coded) {
		return "", false
	}
	switch coded.Code() & 0xff {
	case sqliteFull:
		return "The disk is full.", true
	case sqliteReadOnly:
		return "The data file is read-only.", true
	case sqliteBusy, sqliteLocked:
		return "The data file is busy (another program has it open).", true
	case sqliteIOErr, sqliteCantOpen:
		return "The data file could not be written.", true
	}
	return "", false
}

// IsStorage reports whether err is a failure of the disk, the file or the
// database server rather than of the input: the text was fine and may be
// saved again later.
func IsStorage(err error) bool {
	var ae *Error
	if errors.As(err, &ae) && ae.Code != Internal && ae.Code != Unavailable {
		return false
	}
	return err != nil
}
