package paging

import (
	"fmt"

	"gorm.io/gorm"
)

// byName is the order of every list; idx_people_name_key and the circles'
// name indexes hold it, the id being the row's key.
const byName = "t.name_key, t.name, t.id"

// rows starts a query on the list's rows under alias t, in name order.
func (l List) rows(tx *gorm.DB, cols string) *gorm.DB {
	db := tx.Table(l.Table + " t").Select(cols)
	if l.Where != "" {
		db = db.Where(l.Where)
	}
	return db.Order(byName)
}

// after narrows db to the rows after c, or from the start of the order.
// The index seeks to c's key and name; the rows of both are then told
// apart by id, a test the rows past them settle at its first term (a
// comparison of the three at once would cost each row some ten steps).
func after(db *gorm.DB, c *Cursor) *gorm.DB {
	if c == nil {
		return db.Where("t.name_key >= ''") // a range, as a cursor's is: the same index walk
	}
	return db.Where("(t.name_key, t.name) >= (?, ?) AND (t.name_key > ? OR t.name > ? OR t.id > ?)",
		c.Key, c.Name, c.Key, c.Name, c.ID)
}

// upTo narrows db to the rows up to end, end included, as after does.
func upTo(db *gorm.DB, end *Cursor) *gorm.DB {
	return db.Where("(t.name_key, t.name) <= (?, ?) AND (t.name_key < ? OR t.name < ? OR t.id <= ?)",
		end.Key, end.Name, end.Key, end.Name, end.ID)
}

// Count returns how many rows the list holds, from the kept counts.
func (l List) Count(tx *gorm.DB) (int, error) {
	var n int
	err := tx.Raw("SELECT COALESCE(SUM(n), 0) FROM name_prefixes WHERE list = ? AND depth = 1", l.Name).Scan(&n).Error
	return n, err
}

// plain pages the whole list: after a cursor, or from an offset reached
// through the kept counts.
func (l List) plain(tx *gorm.DB, c *Cursor, offset, limit int) (Page, error) {
	total, err := l.Count(tx)
	if err != nil {
		return Page{}, err
	}
	var rows []row
	if c != nil {
		err = after(l.rows(tx, "t.id, t.name_key, t.name"), c).Limit(limit + 1).Scan(&rows).Error
		return finish(rows, limit, c.Offset, total, false), err
	}
	if offset >= total {
		offset = max(total-limit, 0)
	}
	from, skip, err := l.seek(tx, offset)
	if err != nil {
		return Page{}, err
	}
	err = l.rows(tx, "t.id, t.name_key, t.name").Where("t.name_key >= ?", from).
		Limit(limit + 1).Offset(skip).Scan(&rows).Error
	return finish(rows, limit, offset, total, false), err
}

// maxDepth is the deepest prefix name_prefixes counts.
const maxDepth = 4

// lastRune sorts after every character (as UTF-8 bytes, which is how SQLite
// compares text): a prefix p and all that start with it lie in [p, p+lastRune].
const lastRune = "\U0010FFFF"

// seek finds where row offset of the list lies: in the bucket of keys that
// start with from, skip rows into it. It reads the prefixes of one bucket
// a depth, each a few dozen rows.
func (l List) seek(tx *gorm.DB, offset int) (from string, skip int, err error) {
	before := 0
	for depth := 1; depth <= maxDepth && offset > 0; depth++ {
		var buckets []struct {
			Prefix string
			N      int
		}
		db := tx.Table("name_prefixes").Select("prefix, n").Where("list = ? AND depth = ?", l.Name, depth)
		if depth > 1 {
			db = db.Where("prefix >= ? AND prefix <= ?", from, from+lastRune)
		}
		if err := db.Order("prefix").Scan(&buckets).Error; err != nil {
			return "", 0, err
		}
		found := false
		for _, b := range buckets {
			if before+b.N > offset {
				from, found = b.Prefix, true
				break
			}
			before += b.N
		}
		if !found {
			return "", 0, fmt.Errorf("paging: the counts of %s hold no row %d", l.Name, offset)
		}
	}
	return from, offset - before, nil
}
