package export

import (
	"errors"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/fold"
	"circlebook/backend/model"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Bounds of a growth report: it lists at most this many of a person's goals,
// check-ins per goal, milestones and skill ratings.
const (
	maxReportGoals      = 200
	maxReportCheckIns   = 500
	maxReportMilestones = 500
	maxReportRatings    = 1_000
)

// PersonReport is one person's growth over a period: their shared goals
// with their tasks and check-ins, shared milestones, skills before and
// after, and attendance. Private goals and milestones are never in it.
type PersonReport struct {
	PersonUUID  string            `json:"personUuid"`
	Name        string            `json:"name"`
	Title       string            `json:"title"` // job title and team, e.g. "Engineer, Payments"
	From        string            `json:"from"`
	To          string            `json:"to"`
	Period      string            `json:"period"`
	GeneratedAt time.Time         `json:"generatedAt"`
	Circles     []string          `json:"circles"` // the circles they are or were in, by name
	Goals       []ReportGoal      `json:"goals"`   // by status (open first), then target date
	Milestones  []ReportMilestone `json:"milestones"`
	Skills      []ReportSkill     `json:"skills"`
	Attendance  ReportAttendance  `json:"attendance"`
}

// ReportGoal is one shared goal, as it stands, with its check-ins in the period.
type ReportGoal struct {
	Title           string           `json:"title"`
	Circle          string           `json:"circle"` // "" for a personal goal
	Status          string           `json:"status"`
	Progress        int              `json:"progress"`
	TargetDate      string           `json:"targetDate"`
	Why             string           `json:"why"`
	SuccessCriteria string           `json:"successCriteria"`
	Tasks           []model.GoalTask `json:"tasks"`
	CheckIns        []ReportCheckIn  `json:"checkIns"` // oldest first
}

// ReportCheckIn is one check-in on a goal.
type ReportCheckIn struct {
	On       string `gorm:"column:checked_on" json:"on"`
	Session  int    `gorm:"column:session_number" json:"session"` // its session's number; 0 when set by hand
	Status   string `json:"status"`
	Progress int    `json:"progress"`
	Note     string `json:"note"`
}

// ReportMilestone is a shared milestone in the period.
type ReportMilestone struct {
	On   string `json:"on"`
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// ReportSkill is a rating on one skill in one circle, before and after (0: none).
type ReportSkill struct {
	Circle string `json:"circle"`
	Skill  string `json:"skill"`
	Before int    `gorm:"column:before_rating" json:"before"`
	After  int    `gorm:"column:after_rating" json:"after"`
}

// ReportAttendance counts the person's marks at held sessions in the period.
type ReportAttendance struct {
	Present, Late, Excused, Absent int
}

// FindPerson finds a person by UUID or by name, accents and case aside. A
// name two people share is refused, naming them, so nothing is exported by guess.
func FindPerson(tx *gorm.DB, ref string) (uint, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, apperr.New(apperr.Invalid, "person", "Name the person (their name or UUID).")
	}
	var found []model.Person
	q := tx.Select("id, uuid")
	if _, err := uuid.Parse(ref); err == nil {
		q = q.Where("uuid = ?", strings.ToLower(ref))
	} else {
		q = q.Where("name_key = ?", fold.Key(ref))
	}
	if err := q.Order("id").Limit(20).Find(&found).Error; err != nil {
		return 0, err
	}
	switch len(found) {
	case 0:
		return 0, apperr.New(apperr.NotFound, "person", "No one is called %q.", ref)
	case 1:
		return found[0].ID, nil
	}
	ids := make([]string, len(found))
	for i, p := range found {
		ids[i] = p.UUID
	}
	return 0, apperr.New(apperr.Conflict, "person", "%d people are called %q; name one by UUID: %s.", len(found), ref, strings.Join(ids, ", "))
}

// BuildPerson gathers a person's growth report over from-to (YYYY-MM-DD,
// "" open), as of now; dates are read in now's zone.
func BuildPerson(tx *gorm.DB, personID uint, from, to string, now time.Time) (PersonReport, error) {
	if err := (Options{From: from, To: to}).validate(); err != nil {
		return PersonReport{}, err
	}
	var p model.Person
	if err := tx.Take(&p, personID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return PersonReport{}, apperr.Missing("person", personID)
	} else if err != nil {
		return PersonReport{}, readFailed(err)
	}
	r := PersonReport{PersonUUID: p.UUID, Name: p.Name, Title: strings.Trim(p.Title+", "+p.Team, ", "), From: from, To: to,
		Period: label(from, to), GeneratedAt: now, Goals: []ReportGoal{}, Milestones: []ReportMilestone{}, Skills: []ReportSkill{}}
	in := func(date string) bool { return (from == "" || date >= from) && (to == "" || date <= to) }
	for _, step := range []func(*gorm.DB, uint, *PersonReport, func(string) bool) error{reportCircles, reportGoals, reportMilestones, reportSkills, reportAttendance} {
		if err := step(tx, personID, &r, in); err != nil {
			return PersonReport{}, readFailed(err)
		}
	}
	return r, nil
}

func reportCircles(tx *gorm.DB, personID uint, r *PersonReport, _ func(string) bool) error {
	r.Circles = []string{}
	return tx.Table("memberships m").Joins("JOIN circles c ON c.id = m.circle_id").Where("m.person_id = ?", personID).
		Order("c.name_key, c.id").Pluck("c.name", &r.Circles).Error
}

// reportGoals reads the shared goals set by the period's end, with their
// tasks and the check-ins in the period.
func reportGoals(tx *gorm.DB, personID uint, r *PersonReport, in func(string) bool) error {
	var rows []struct {
		model.Goal
		CircleName string
	}
	err := tx.Table("goals g").Select("g.*, COALESCE(c.name, '') AS circle_name").Joins("LEFT JOIN circles c ON c.id = g.circle_id").
		Where("g.person_id = ? AND g.visibility = ?", personID, model.Shared).
		Order(`CASE g.status WHEN 'at_risk' THEN 0 WHEN 'active' THEN 1 WHEN 'draft' THEN 2 WHEN 'achieved' THEN 3 ELSE 4 END, g.target_date = '', g.target_date, g.id`).
		Limit(maxReportGoals).Scan(&rows).Error
	for _, g := range rows {
		if err != nil {
			break
		}
		if r.To != "" && g.CreatedAt.In(r.GeneratedAt.Location()).Format(check.DateLayout) > r.To {
			continue
		}
		out := ReportGoal{Title: g.Title, Circle: g.CircleName, Status: g.Status, Progress: g.Progress, TargetDate: g.TargetDate,
			Why: g.Why, SuccessCriteria: g.SuccessCriteria, Tasks: []model.GoalTask{}, CheckIns: []ReportCheckIn{}}
		err = tx.Where("goal_id = ?", g.ID).Order("position, id").Find(&out.Tasks).Error
		var ks []ReportCheckIn
		if err == nil {
			err = tx.Table("goal_checkins k").Select("k.checked_on, COALESCE(s.number, 0) AS session_number, k.status, k.progress, k.note").
				Joins("LEFT JOIN sessions s ON s.id = k.session_id").Where("k.goal_id = ?", g.ID).
				Order("k.checked_on, k.id").Limit(maxReportCheckIns).Scan(&ks).Error
		}
		for _, k := range ks {
			if in(k.On) {
				out.CheckIns = append(out.CheckIns, k)
			}
		}
		r.Goals = append(r.Goals, out)
	}
	return err
}

func reportMilestones(tx *gorm.DB, personID uint, r *PersonReport, in func(string) bool) error {
	var rows []model.Milestone
	err := tx.Where("person_id = ? AND visibility = ?", personID, model.Shared).Order("happened_on, id").Limit(maxReportMilestones).Find(&rows).Error
	for _, m := range rows {
		if in(m.HappenedOn) {
			r.Milestones = append(r.Milestones, ReportMilestone{On: m.HappenedOn, Kind: m.Kind, Text: m.Text})
		}
	}
	return err
}

// reportSkills reads the person's ratings, before and after, by circle and skill.
func reportSkills(tx *gorm.DB, personID uint, r *PersonReport, _ func(string) bool) error {
	return tx.Table("skill_ratings sr").
		Select(`c.name AS circle, i.name AS skill,
			COALESCE(MAX(CASE WHEN sr.phase = 'before' THEN sr.rating END), 0) AS before_rating,
			COALESCE(MAX(CASE WHEN sr.phase = 'after' THEN sr.rating END), 0) AS after_rating`).
		Joins("JOIN circles c ON c.id = sr.circle_id").Joins("JOIN framework_items i ON i.id = sr.framework_item_id").
		Where("sr.person_id = ?", personID).Group("c.id, c.name, i.id, i.name, i.position").
		Order("c.name_key, c.id, i.position, i.id").Limit(maxReportRatings).Scan(&r.Skills).Error
}

// reportAttendance counts the person's marks at held sessions in the period.
func reportAttendance(tx *gorm.DB, personID uint, r *PersonReport, _ func(string) bool) error {
	q := tx.Table("attendance a").Select("a.status, COUNT(*) AS n").Joins("JOIN sessions s ON s.id = a.session_id").
		Where("a.person_id = ? AND s.status || '' = ?", personID, model.SessionHeld) // by the person's marks (see attendance.ByCircleForPerson)
	if r.From != "" {
		q = q.Where("s.starts_at >= ?", r.From)
	}
	if r.To != "" {
		q = q.Where("s.starts_at < ?", r.To+"U") // any time that day: "T..." sorts before "U"
	}
	var counts []struct {
		Status string
		N      int
	}
	err := q.Group("a.status").Scan(&counts).Error
	for _, c := range counts {
		switch c.Status {
		case model.Present:
			r.Attendance.Present = c.N
		case model.Late:
			r.Attendance.Late = c.N
		case model.Excused:
			r.Attendance.Excused = c.N
		case model.Absent:
			r.Attendance.Absent = c.N
		}
	}
	return err
}
