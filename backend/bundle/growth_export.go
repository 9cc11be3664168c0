package bundle

import (
	"circlebook/backend/model"
)

// goals exports the circle's shared goals of its members, by person then
// age, each with its tasks. A private goal never leaves the laptop.
func (e *exporter) goals() error {
	var rows []model.Goal
	err := e.tx.Table("goals g").Select("g.*").Joins("JOIN people p ON p.id = g.person_id").
		Where("g.circle_id = ? AND g.visibility = ?", e.circleID, model.Shared).
		Order("p.uuid, g.created_at, g.uuid").Scan(&rows).Error
	if err != nil {
		return err
	}
	e.b.Goals, e.goalIDs = []Goal{}, map[uint]string{}
	for _, g := range rows {
		person, ok := e.people[g.PersonID]
		if !ok {
			continue
		}
		var tasks []model.GoalTask
		if err := e.tx.Where("goal_id = ?", g.ID).Order("position, uuid").Find(&tasks).Error; err != nil {
			return err
		}
		out := Goal{Meta: meta(g.Base), Person: person, Title: g.Title, Why: g.Why, SuccessCriteria: g.SuccessCriteria,
			TargetDate: g.TargetDate, Status: g.Status, ProgressMode: g.ProgressMode, Progress: g.Progress, Tasks: make([]GoalTask, 0, len(tasks))}
		for _, t := range tasks {
			out.Tasks = append(out.Tasks, GoalTask{Meta: meta(t.Base), Position: t.Position, Title: t.Title, Done: t.Done, DoneOn: t.DoneOn})
		}
		e.goalIDs[g.ID] = g.UUID
		e.b.Goals = append(e.b.Goals, out)
	}
	return nil
}

// checkIns exports the exported goals' check-ins, by date. One made in a
// session of another circle (its goal moved) keeps its date, not the session.
func (e *exporter) checkIns() error {
	var rows []model.GoalCheckIn
	err := e.tx.Table("goal_checkins k").Select("k.*").Joins("JOIN goals g ON g.id = k.goal_id").
		Where("g.circle_id = ? AND g.visibility = ?", e.circleID, model.Shared).Order("k.checked_on, k.uuid").Scan(&rows).Error
	if err != nil {
		return err
	}
	e.b.CheckIns = []CheckIn{}
	for _, k := range rows {
		goal, ok := e.goalIDs[k.GoalID]
		if !ok {
			continue
		}
		out := CheckIn{Meta: meta(k.Base), Goal: goal, Progress: k.Progress, Status: k.Status, Note: k.Note, CheckedOn: k.CheckedOn}
		if k.SessionID != nil {
			out.Session = e.sessions[*k.SessionID]
		}
		e.b.CheckIns = append(e.b.CheckIns, out)
	}
	return nil
}

// milestones exports the members' shared milestones, by date. A private
// milestone never leaves the laptop.
func (e *exporter) milestones() error {
	var rows []model.Milestone
	err := e.tx.Where("person_id IN (SELECT person_id FROM memberships WHERE circle_id = ?) AND visibility = ?", e.circleID, model.Shared).
		Order("happened_on, uuid").Find(&rows).Error
	if err != nil {
		return err
	}
	e.b.Milestones = []Milestone{}
	for _, m := range rows {
		if person, ok := e.people[m.PersonID]; ok {
			e.b.Milestones = append(e.b.Milestones, Milestone{Meta: meta(m.Base), Person: person, Kind: m.Kind, HappenedOn: m.HappenedOn, Text: m.Text})
		}
	}
	return nil
}

// frameworks exports the frameworks the circle uses, and those it was
// rated on, each with its items.
func (e *exporter) frameworks() error {
	var rows []model.Framework
	err := e.tx.Where(`id IN (SELECT framework_id FROM circle_frameworks WHERE circle_id = ?)
		OR id IN (SELECT i.framework_id FROM skill_ratings r JOIN framework_items i ON i.id = r.framework_item_id WHERE r.circle_id = ?)`,
		e.circleID, e.circleID).Order("uuid").Find(&rows).Error
	if err != nil {
		return err
	}
	var used []uint
	if err := e.tx.Model(&model.CircleFramework{}).Where("circle_id = ?", e.circleID).Pluck("framework_id", &used).Error; err != nil {
		return err
	}
	e.b.Frameworks, e.itemIDs = []Framework{}, map[uint]string{}
	for _, f := range rows {
		var items []model.FrameworkItem
		if err := e.tx.Where("framework_id = ?", f.ID).Order("position, uuid").Find(&items).Error; err != nil {
			return err
		}
		out := Framework{Meta: meta(f.Base), Name: f.Name, Description: f.Description, Items: make([]FrameworkItem, 0, len(items))}
		for _, u := range used {
			out.Used = out.Used || u == f.ID
		}
		for _, it := range items {
			e.itemIDs[it.ID] = it.UUID
			out.Items = append(out.Items, FrameworkItem{Meta: meta(it.Base), Position: it.Position, Name: it.Name})
		}
		e.b.Frameworks = append(e.b.Frameworks, out)
	}
	return nil
}

// goalItems exports the links of the exported goals to the items of the
// frameworks the circle uses, in one query; a link to an item of another
// framework (the circle stopped using it) stays here.
func (e *exporter) goalItems() error {
	var rows []struct{ GoalID, FrameworkItemID uint }
	err := e.tx.Table("goal_items gi").Select("gi.goal_id, gi.framework_item_id").
		Joins("JOIN goals g ON g.id = gi.goal_id").Joins("JOIN framework_items i ON i.id = gi.framework_item_id").
		Joins("JOIN circle_frameworks cf ON cf.framework_id = i.framework_id AND cf.circle_id = g.circle_id").
		Where("g.circle_id = ? AND g.visibility = ?", e.circleID, model.Shared).Order("gi.goal_id, i.uuid").Scan(&rows).Error
	if err != nil {
		return err
	}
	at := make(map[string]int, len(e.b.Goals))
	for i, g := range e.b.Goals {
		at[g.UUID] = i
	}
	for _, r := range rows {
		i, ok := at[e.goalIDs[r.GoalID]]
		item, known := e.itemIDs[r.FrameworkItemID]
		if ok && known {
			e.b.Goals[i].Items = append(e.b.Goals[i].Items, item)
		}
	}
	return nil
}

// skillRatings exports the members' ratings in the circle, by date.
func (e *exporter) skillRatings() error {
	var rows []model.SkillRating
	if err := e.tx.Where("circle_id = ?", e.circleID).Order("rated_on, uuid").Find(&rows).Error; err != nil {
		return err
	}
	e.b.SkillRatings = []SkillRating{}
	for _, r := range rows {
		if person, ok := e.people[r.PersonID]; ok {
			e.b.SkillRatings = append(e.b.SkillRatings, SkillRating{Meta: meta(r.Base), Person: person, Item: e.itemIDs[r.FrameworkItemID],
				Rating: r.Rating, Phase: r.Phase, RatedOn: r.RatedOn})
		}
	}
	return nil
}

// feedback exports the feedback on the circle's sessions, by session: the
// group's, and that of attendees who are still members.
func (e *exporter) feedback() error {
	var rows []model.SessionFeedback
	err := e.tx.Table("session_feedback f").Select("f.*").Joins("JOIN sessions s ON s.id = f.session_id").
		Where("s.circle_id = ?", e.circleID).Order("s.starts_at, s.uuid, f.uuid").Scan(&rows).Error
	if err != nil {
		return err
	}
	e.b.Feedback = []Feedback{}
	for _, f := range rows {
		out := Feedback{Meta: meta(f.Base), Session: e.sessions[f.SessionID], Usefulness: f.Usefulness, Worked: f.Worked, Change: f.Change}
		if f.PersonID != nil {
			var ok bool
			if out.Person, ok = e.people[*f.PersonID]; !ok {
				continue
			}
		}
		e.b.Feedback = append(e.b.Feedback, out)
	}
	return nil
}
