package dbcopy

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"strconv"
	"time"
)

// digest hashes a table's rows in key order, each value tagged with its
// kind and normalised so that both engines give the same bytes: integers
// in decimal, bools as 0/1, instants in UTC to the microsecond (all that
// PostgreSQL keeps), text as its length and bytes, NULL as a tag of its own.
type digest struct {
	h    hash.Hash
	rows int64
	buf  []byte
}

func newDigest() *digest { return &digest{h: sha256.New()} }

// add hashes one normalised row.
func (d *digest) add(vals []any) {
	b := d.buf[:0]
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
			b = append(b, 'n')
		case int64:
			b = strconv.AppendInt(append(b, 'i'), x, 10)
			b = append(b, ';')
		case bool:
			b = append(b, 'b', boolByte(x))
		case time.Time:
			b = x.UTC().Truncate(time.Microsecond).AppendFormat(append(b, 't'), time.RFC3339Nano)
			b = append(b, ';')
		case string:
			b = binary.AppendUvarint(append(b, 's'), uint64(len(x)))
			b = append(b, x...)
		}
	}
	b = append(b, '\n')
	d.h.Write(b)
	d.buf = b
	d.rows++
}

// sum is the digest so far, in hex.
func (d *digest) sum() string { return hex.EncodeToString(d.h.Sum(nil)[:16]) }

func boolByte(b bool) byte {
	if b {
		return '1'
	}
	return '0'
}
