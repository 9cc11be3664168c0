package growth

import (
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Skills records members' 1-5 ratings on their circle's framework items,
// before and after a period.
type Skills struct {
	db  *gorm.DB
	now func() time.Time
}

// NewSkills returns the skill ratings service over db.
func NewSkills(db *gorm.DB, now func() time.Time) *Skills {
	return &Skills{db: db, now: now}
}

// RatingInput is one rating: a person's, in a circle, on one item of a
// framework the circle uses.
type RatingInput struct {
	PersonID        uint   `json:"personId"`
	CircleID        uint   `json:"circleId"`
	FrameworkItemID uint   `json:"frameworkItemId"`
	Rating          int    `json:"rating"`  // 1-5
	Phase           string `json:"phase"`   // before or after
	RatedOn         string `json:"ratedOn"` // YYYY-MM-DD; "" is today
}

// SkillRow is one item with a person's ratings before and after (0: none).
type SkillRow struct {
	FrameworkItemID uint   `json:"frameworkItemId"`
	Framework       string `json:"framework"`
	Name            string `json:"name"`
	Before          int    `gorm:"column:before_rating" json:"before"`
	After           int    `gorm:"column:after_rating" json:"after"`
}

// Rate records a rating (replacing the person's earlier one for the same
// item, circle and phase) and returns the person's ratings in the circle.
func (s *Skills) Rate(in RatingInput) ([]SkillRow, error) {
	in.Phase, in.RatedOn = strings.TrimSpace(in.Phase), strings.TrimSpace(in.RatedOn)
	today := s.now().Format(check.DateLayout)
	if in.RatedOn == "" {
		in.RatedOn = today
	}
	var out []SkillRow
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := firstErr(exists(tx, "people", "person", in.PersonID), exists(tx, "circles", "circle", in.CircleID)); err != nil {
			return err
		}
		err := check.All(member(tx, "personId", in.CircleID, in.PersonID), usedItem(tx, in.CircleID, in.FrameworkItemID),
			check.Range("rating", "Rating", in.Rating, 1, 5), check.OneOf("phase", "Phase", in.Phase, model.PhaseBefore, model.PhaseAfter),
			check.First(check.Date("ratedOn", in.RatedOn), check.NotFuture("ratedOn", in.RatedOn, today)))
		if err != nil {
			return err
		}
		r := model.SkillRating{PersonID: in.PersonID, CircleID: in.CircleID, FrameworkItemID: in.FrameworkItemID,
			Rating: in.Rating, Phase: in.Phase, RatedOn: in.RatedOn}
		err = tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "circle_id"}, {Name: "person_id"}, {Name: "framework_item_id"}, {Name: "phase"}},
			DoUpdates: clause.AssignmentColumns([]string{"rating", "rated_on", "updated_at"}),
		}).Create(&r).Error
		if err != nil {
			return apperr.FromDB(err, "", "rating")
		}
		out, err = ratings(tx, in.CircleID, in.PersonID)
		return err
	})
	return out, err
}

// usedItem rejects an item that is not in a framework the circle uses.
func usedItem(tx *gorm.DB, circleID, itemID uint) error {
	var n int64
	err := tx.Table("framework_items i").Joins("JOIN circle_frameworks cf ON cf.framework_id = i.framework_id").
		Where("i.id = ? AND cf.circle_id = ?", itemID, circleID).Count(&n).Error
	if err != nil || n > 0 {
		return err
	}
	return apperr.New(apperr.Invalid, "frameworkItemId", "That topic or skill is not in a framework this circle uses.")
}

// ForPerson returns a person's ratings in a circle: every item of the
// circle's frameworks, before and after.
func (s *Skills) ForPerson(personID, circleID uint) ([]SkillRow, error) {
	var out []SkillRow
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := firstErr(exists(tx, "people", "person", personID), exists(tx, "circles", "circle", circleID)); err != nil {
			return err
		}
		var err error
		out, err = ratings(tx, circleID, personID)
		return err
	})
	return out, err
}

// ratings reads one person's rows: the circle's items with their ratings.
func ratings(tx *gorm.DB, circleID, personID uint) ([]SkillRow, error) {
	out := []SkillRow{}
	err := tx.Table("circle_frameworks cf").
		Select(`i.id AS framework_item_id, f.name AS framework, i.name,
			COALESCE(MAX(CASE WHEN r.phase = 'before' THEN r.rating END), 0) AS before_rating,
			COALESCE(MAX(CASE WHEN r.phase = 'after' THEN r.rating END), 0) AS after_rating`).
		Joins("JOIN frameworks f ON f.id = cf.framework_id").Joins("JOIN framework_items i ON i.framework_id = f.id").
		Joins("LEFT JOIN skill_ratings r ON r.circle_id = cf.circle_id AND r.person_id = ? AND r.framework_item_id = i.id", personID).
		Where("cf.circle_id = ?", circleID).Group("i.id, f.id, f.name, i.name, i.position").
		Order("lower(f.name), f.id, i.position").Limit(MaxItems * 4).Scan(&out).Error
	return out, err
}
