package pairing

import (
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/match"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MaxTags is the most tags the matching vocabulary holds.
const MaxTags = 2000

// Vocabulary returns the matching vocabulary: each canonical tag with its
// synonyms, by tag.
func (p *Pairing) Vocabulary() ([]model.MatchTag, error) {
	out := []model.MatchTag{}
	err := p.db.Order("tag").Limit(MaxTags).Find(&out).Error
	return out, err
}

// SaveVocabulary replaces the matching vocabulary with tags, in one
// transaction: a tag needs a name; one synonym may stand for one tag only.
func (p *Pairing) SaveVocabulary(tags []model.MatchTag) ([]model.MatchTag, error) {
	v, err := vocabularyOf(tags)
	if err != nil {
		return nil, err
	}
	err = p.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("1 = 1").Delete(&model.MatchTag{}).Error; err != nil {
			return err
		}
		for tag, syn := range v {
			if err := tx.Create(&model.MatchTag{Tag: tag, Synonyms: strings.Join(syn, ", ")}).Error; err != nil {
				return apperr.FromDB(err, "vocabulary", "tag")
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p.Vocabulary()
}

// tags2 splits a synonyms list, as a person's tags are split.
func tags2(s string) []string {
	out := tags(s)
	if out == nil {
		return []string{}
	}
	return out
}

// savedVocabulary reads the vocabulary as the engine takes it.
func savedVocabulary(tx *gorm.DB) (match.Vocabulary, error) {
	var rows []model.MatchTag
	if err := tx.Order("tag").Limit(MaxTags).Find(&rows).Error; err != nil {
		return nil, err
	}
	v := match.Vocabulary{}
	for _, r := range rows {
		v[r.Tag] = tags2(r.Synonyms)
	}
	return v, nil
}

// NeverMatch records (never true) or forgets that two people are never to
// be suggested to each other, whichever would mentor.
func (p *Pairing) NeverMatch(a, b uint, never bool) error {
	if a == b || a == 0 || b == 0 {
		return apperr.New(apperr.Invalid, "people", "Choose two people.")
	}
	a, b = min(a, b), max(a, b)
	return p.db.Transaction(func(tx *gorm.DB) error {
		if !never {
			return tx.Where("(a_id = ? AND b_id = ?) OR (a_id = ? AND b_id = ?)", a, b, b, a).Delete(&model.NeverMatch{}).Error
		}
		var n int64
		if err := tx.Model(&model.Person{}).Where("id IN ?", []uint{a, b}).Count(&n).Error; err != nil || n != 2 {
			return cmpErr(err, apperr.New(apperr.Invalid, "people", "One of the two is not here."))
		}
		var had int64
		if err := tx.Model(&model.NeverMatch{}).Where("a_id = ? AND b_id = ?", a, b).Count(&had).Error; err != nil || had > 0 {
			return err
		}
		if err := neverRoom(tx, a, b); err != nil {
			return err
		}
		return tx.Create(&model.NeverMatch{AID: a, BID: b, CreatedAt: p.now().UTC().Format(time.RFC3339)}).Error
	})
}

// cmpErr is err, else fallback.
func cmpErr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}

// neverPairs reads the never-match pairs among ids, as (mentee, mentor)
// bans for the engine: each pair both ways, where one side mentors.
func neverPairs(tx *gorm.DB, people []match.Candidate) ([]match.Pair, error) {
	role := map[string]match.Role{}
	ids := make([]uint, 0, len(people))
	for _, c := range people {
		role[c.ID] = c.Role
		id, _ := idOf(c.ID)
		ids = append(ids, id)
	}
	var rows []model.NeverMatch
	if err := tx.Where("a_id IN ? AND b_id IN ?", ids, ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	var out []match.Pair
	for _, r := range rows {
		a, b := key(r.AID), key(r.BID)
		if role[a] == match.Mentee && role[b] == match.Mentor {
			out = append(out, match.Pair{Mentee: a, Mentor: b})
		}
		if role[b] == match.Mentee && role[a] == match.Mentor {
			out = append(out, match.Pair{Mentee: b, Mentor: a})
		}
	}
	return out, nil
}
