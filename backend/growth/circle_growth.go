package growth

import (
	"circlebook/backend/apperr"
	"circlebook/backend/goals"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// SkillShift is one framework item across a circle's members: the mean
// rating before and after (0 when none) and how many rated it.
type SkillShift struct {
	FrameworkItemID uint    `json:"frameworkItemId"`
	Framework       string  `json:"framework"`
	Name            string  `json:"name"`
	Before          float64 `gorm:"column:before_mean" json:"before"`
	After           float64 `gorm:"column:after_mean" json:"after"`
	RatedBefore     int     `json:"ratedBefore"`
	RatedAfter      int     `json:"ratedAfter"`
}

// CircleGrowth is a circle's Growth view: its goals by status, skills
// before and after, topics covered per member against its frameworks, and
// the feedback trend.
type CircleGrowth struct {
	CircleID uint           `json:"circleId"`
	Name     string         `json:"name"`
	Goals    goals.List     `json:"goals"`
	ByStatus map[string]int `json:"byStatus"` // over the goals listed
	Skills   []SkillShift   `json:"skills"`
	Coverage []Coverage     `json:"coverage"` // by member, then item
	Feedback []TrendPoint   `json:"feedback"`
}

// Circle returns a circle's Growth view, every list bounded.
func (s *Story) Circle(circleID uint) (CircleGrowth, error) {
	g := CircleGrowth{CircleID: circleID, ByStatus: map[string]int{}}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var names []string
		if err := tx.Model(&model.Circle{}).Where("id = ?", circleID).Pluck("name", &names).Error; err != nil {
			return err
		}
		if len(names) == 0 {
			return apperr.Missing("circle", circleID)
		}
		g.Name = names[0]
		var err error
		if g.Goals, err = goals.OfCircle(tx, circleID); err != nil {
			return err
		}
		for _, r := range g.Goals.Goals {
			g.ByStatus[r.Status]++
		}
		if g.Skills, err = shifts(tx, circleID); err != nil {
			return err
		}
		if g.Coverage, err = coverage(tx, circleID); err != nil {
			return err
		}
		g.Feedback, err = trend(tx, circleID)
		return err
	})
	return g, err
}

// shifts reads the circle's ratings by item: the circle's frameworks' items
// (a few dozen) and their ratings, an index range of the circle's.
func shifts(tx *gorm.DB, circleID uint) ([]SkillShift, error) {
	out := []SkillShift{}
	err := tx.Table("circle_frameworks cf").
		Select(`i.id AS framework_item_id, f.name AS framework, i.name,
			COALESCE(CAST(AVG(CASE WHEN r.phase = 'before' THEN r.rating END) AS DOUBLE PRECISION), 0) AS before_mean,
			COALESCE(CAST(AVG(CASE WHEN r.phase = 'after' THEN r.rating END) AS DOUBLE PRECISION), 0) AS after_mean,
			COUNT(CASE WHEN r.phase = 'before' THEN 1 END) AS rated_before,
			COUNT(CASE WHEN r.phase = 'after' THEN 1 END) AS rated_after`).
		Joins("JOIN frameworks f ON f.id = cf.framework_id").Joins("JOIN framework_items i ON i.framework_id = f.id").
		Joins("LEFT JOIN skill_ratings r ON r.circle_id = cf.circle_id AND r.framework_item_id = i.id").
		Where("cf.circle_id = ?", circleID).Group("i.id, f.id, f.name, i.name, i.position").
		Order("lower(f.name), f.id, i.position").Limit(MaxItems * 4).Scan(&out).Error
	return out, err
}
