package demo

import (
	"strconv"
	"time"

	"circlebook/backend/check"
	"circlebook/backend/goals"
	"circlebook/backend/model"
)

// goal sets one sample goal the day before its first session, linked to its
// skills among items (ids by name), then checks in on it at each held
// session its person attended, to its outcome.
func (s *sample) goal(g goalSpec, items map[string]uint) error {
	held := s.held[g.Circle]
	until := len(held) - 1
	if g.Until > 0 {
		until = g.Until
	}
	var visits []heldSession
	for _, ses := range held[g.From : until+1] {
		if attended(ses, g.Person) {
			visits = append(visits, ses)
		}
	}
	made := dayBefore(held[g.From].day())
	in := s.goalInput(g, made)
	for _, name := range goalSkills[g.Title] {
		if id, ok := items[name]; ok {
			in.ItemIDs = append(in.ItemIDs, id)
		}
	}
	v, err := goals.New(s.tx, at(made)).Create(in)
	if err != nil {
		return err
	}
	gid := v.Goal.ID
	ticked := 0
	for k, ses := range visits {
		svc := goals.New(s.tx, at(ses.day()))
		share := g.Reach * (k + 1) / len(visits) // progress reached by this check-in
		done := ""
		for ; !g.Manual && ticked < len(g.Tasks)*share/100; ticked++ {
			if _, err := svc.TickTask(v.Goal.Tasks[ticked].ID, true); err != nil {
				return err
			}
			done = g.Tasks[ticked]
		}
		in := goals.CheckInInput{Progress: share / 5 * 5, Status: model.GoalActive, Note: checkInLine(g, k, len(visits), done)}
		if k == len(visits)-1 {
			in.Progress, in.Status = g.Reach, g.Outcome
		} else if g.Outcome == model.GoalAtRisk && k == len(visits)-2 {
			in.Status = model.GoalAtRisk
		}
		if _, err := svc.CheckIn(ses.ID, gid, in); err != nil {
			return err
		}
	}
	return s.pinGoal(gid, g)
}

// goalInput is the goal form as its person filled it in on day made.
func (s *sample) goalInput(g goalSpec, made string) goals.GoalInput {
	in := goals.GoalInput{PersonID: s.people[g.Person], Title: g.Title, Why: g.Why, SuccessCriteria: g.Criteria,
		TargetDate: addMonths(made, g.TargetInMonths), Status: model.GoalActive, ProgressMode: model.ProgressTasks, Visibility: model.Shared}
	if !g.Personal {
		c := s.circles[g.Circle]
		in.CircleID = &c
	}
	if g.Manual {
		in.ProgressMode = model.ProgressManual
	}
	if g.Private {
		in.Visibility = model.Private
	}
	for _, t := range g.Tasks {
		in.Tasks = append(in.Tasks, goals.TaskInput{Title: t})
	}
	return in
}

// checkInLine is the k-th of n check-ins' line: the goal's own last line,
// the task just done, or one of the usual.
func checkInLine(g goalSpec, k, n int, done string) string {
	switch {
	case k == n-1 && g.Last != "":
		return g.Last
	case k == n-1 && g.Outcome == model.GoalAchieved:
		return "Achieved: " + g.Criteria + "."
	case done != "":
		return "Done: " + done + "."
	}
	lines := checkInLines[3*k/n]
	return lines[pick(g.Title+"/"+strconv.Itoa(k), len(lines))]
}

// pinGoal gives the goal, its tasks and its check-ins UUIDs of their content.
func (s *sample) pinGoal(gid uint, g goalSpec) error {
	gu := id("goal", g.Person+"/"+g.Title)
	if err := pin(s.tx, "goals", gid, gu); err != nil {
		return err
	}
	var tasks []model.GoalTask
	if err := s.tx.Where("goal_id = ?", gid).Find(&tasks).Error; err != nil {
		return err
	}
	for _, t := range tasks {
		if err := pin(s.tx, "goal_tasks", t.ID, id("goal-task", gu+"/"+t.Title)); err != nil {
			return err
		}
	}
	var ks []struct {
		ID          uint
		SessionUUID string
	}
	err := s.tx.Table("goal_checkins k").Select("k.id, s.uuid AS session_uuid").Joins("JOIN sessions s ON s.id = k.session_id").
		Where("k.goal_id = ?", gid).Scan(&ks).Error
	for _, k := range ks {
		err = firstErr(err, pin(s.tx, "goal_checkins", k.ID, id("goal-checkin", gu+"/"+k.SessionUUID)))
	}
	return err
}

func dayBefore(day string) string {
	t, _ := time.Parse(check.DateLayout, day)
	return t.AddDate(0, 0, -1).Format(check.DateLayout)
}

func addMonths(day string, months int) string {
	t, _ := time.Parse(check.DateLayout, day)
	return t.AddDate(0, months, 0).Format(check.DateLayout)
}
