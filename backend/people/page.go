package people

import (
	"strings"

	"circlebook/backend/fold"

	"gorm.io/gorm"
)

// SimilarLimit caps how many near matches Similar returns.
const SimilarLimit = 5

// Similar returns the people a new person named name, or with email, may
// be: the same name case and accents aside, a name that starts with theirs
// or theirs with it in whole words ("Íñigo" and Íñigo Sáenz), or the same
// email. The forms warn with them; adding the person anyway stays allowed.
func (s *People) Similar(name, email string) ([]Summary, error) {
	out := []Summary{}
	key, email := fold.Key(name), strings.TrimSpace(email)
	// Each way to be similar is an index search of its own for the first
	// few in name order; the few found are then read and sorted once.
	type way struct {
		where, order string
		args         []any
	}
	var ways []way
	if key != "" {
		// This name starting with theirs is one of its word prefixes; theirs
		// starting with this one is a range of name_key.
		ways = append(ways, way{"name_key IN ?", "name_key, name, id", []any{wordPrefixes(key)}},
			way{"name_key >= ? AND name_key < ?", "name_key, name, id", []any{key + " ", key + "!"}})
	}
	if email != "" { // unique; idx_people_email, on lower(email), holds the set emails only
		ways = append(ways, way{"email <> '' AND lower(email) = ?", "", []any{fold.LowerASCII(email)}})
	}
	if len(ways) == 0 {
		return out, nil
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var ids []uint
		for _, w := range ways {
			var found []uint
			err := tx.Table("people").Select("id").Where(w.where, w.args...).Order(w.order).Limit(SimilarLimit).Scan(&found).Error
			if err != nil {
				return err
			}
			ids = append(ids, found...)
		}
		if len(ids) == 0 {
			return nil
		}
		return tx.Table("people p").Select(summaryColumns).Where("p.id IN ?", ids).Order(byName).Limit(SimilarLimit).Scan(&out).Error
	})
	return out, err
}

// wordPrefixes returns key and each run of its first words: "a b c" gives
// "a b c", "a" and "a b".
func wordPrefixes(key string) []string {
	out := []string{key}
	for i := range len(key) {
		if key[i] == ' ' {
			out = append(out, key[:i])
		}
	}
	return out
}
