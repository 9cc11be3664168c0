package bundle

import (
	"fmt"

	"circlebook/backend/model"
)

// putGrowth writes the growth records, each kind after those it refers to.
// A goal or milestone the import creates is shared, as the bundle holds
// only shared ones; one matched here keeps its visibility.
func (m *merger) putGrowth() error {
	return firstErr(m.putGoals, m.putTasks, m.putCheckIns, m.putMilestones, m.putFrameworks, m.putItems,
		m.putCircleFrameworks, m.putGoalItems, m.putRatings, m.putFeedback)
}

func (m *merger) putGoals() error {
	var fresh []model.Goal
	for i, g := range m.b.Goals {
		if old := m.g.goals[i]; old != nil {
			cols := func() map[string]any {
				return map[string]any{"title": g.Title, "why": g.Why, "success_criteria": g.SuccessCriteria, "target_date": g.TargetDate,
					"status": g.Status, "progress_mode": g.ProgressMode, "progress": g.Progress}
			}
			if err := m.update(&m.res.Goals, at("goals", i), &model.Goal{}, old.ID, g.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		circle := m.circle.ID
		fresh = append(fresh, model.Goal{Base: base(g.Meta), PersonID: m.personID[g.Person], CircleID: &circle, Title: g.Title, Why: g.Why,
			SuccessCriteria: g.SuccessCriteria, TargetDate: g.TargetDate, Status: g.Status, ProgressMode: g.ProgressMode,
			Progress: g.Progress, Visibility: model.Shared})
	}
	if err := insert(m, "goals", &fresh); err != nil {
		return err
	}
	for _, g := range fresh {
		m.g.goalID[g.UUID] = g.ID
	}
	m.res.Goals.Created += len(fresh)
	return nil
}

func (m *merger) putTasks() error {
	var fresh []model.GoalTask
	for i, g := range m.b.Goals {
		for j, t := range g.Tasks {
			if old := m.g.tasks[i][j]; old != nil {
				cols := func() map[string]any {
					return map[string]any{"position": t.Position, "title": t.Title, "done": t.Done, "done_on": t.DoneOn}
				}
				if err := m.update(&m.res.GoalTasks, fmt.Sprintf("goals[%d].tasks[%d]", i, j), &model.GoalTask{}, old.ID, t.Meta, old.UpdatedAt, cols); err != nil {
					return err
				}
				continue
			}
			fresh = append(fresh, model.GoalTask{Base: base(t.Meta), GoalID: m.g.goalID[g.UUID], Position: t.Position,
				Title: t.Title, Done: t.Done, DoneOn: t.DoneOn})
		}
	}
	m.res.GoalTasks.Created += len(fresh)
	return insert(m, "goal tasks", &fresh)
}

func (m *merger) putCheckIns() error {
	var fresh []model.GoalCheckIn
	for i, k := range m.b.CheckIns {
		session := m.id(m.sessionID, k.Session)
		if old := m.g.checkIns[i]; old != nil {
			cols := func() map[string]any {
				return map[string]any{"session_id": session, "progress": k.Progress, "status": k.Status, "note": k.Note, "checked_on": k.CheckedOn}
			}
			if err := m.update(&m.res.CheckIns, at("checkIns", i), &model.GoalCheckIn{}, old.ID, k.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, model.GoalCheckIn{Base: base(k.Meta), GoalID: m.g.goalID[k.Goal], SessionID: session,
			Progress: k.Progress, Status: k.Status, Note: k.Note, CheckedOn: k.CheckedOn})
	}
	m.res.CheckIns.Created += len(fresh)
	return insert(m, "check-ins", &fresh)
}

func (m *merger) putMilestones() error {
	var fresh []model.Milestone
	for i, x := range m.b.Milestones {
		if old := m.g.milestones[i]; old != nil {
			cols := func() map[string]any {
				return map[string]any{"kind": x.Kind, "happened_on": x.HappenedOn, "text": x.Text}
			}
			if err := m.update(&m.res.Milestones, at("milestones", i), &model.Milestone{}, old.ID, x.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, model.Milestone{Base: base(x.Meta), PersonID: m.personID[x.Person], Kind: x.Kind,
			HappenedOn: x.HappenedOn, Text: x.Text, Visibility: model.Shared})
	}
	m.res.Milestones.Created += len(fresh)
	return insert(m, "milestones", &fresh)
}

func (m *merger) putFrameworks() error {
	var fresh []model.Framework
	for i, f := range m.b.Frameworks {
		if old := m.g.frameworks[i]; old != nil {
			cols := func() map[string]any { return map[string]any{"name": f.Name, "description": f.Description} }
			if err := m.update(&m.res.Frameworks, at("frameworks", i), &model.Framework{}, old.ID, f.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, model.Framework{Base: base(f.Meta), Name: f.Name, Description: f.Description})
	}
	if err := insert(m, "frameworks", &fresh); err != nil {
		return err
	}
	for _, f := range fresh {
		m.g.frameworkID[f.UUID] = f.ID
	}
	m.res.Frameworks.Created += len(fresh)
	return nil
}

func (m *merger) putItems() error {
	var fresh []model.FrameworkItem
	for i, f := range m.b.Frameworks {
		for j, it := range f.Items {
			if old := m.g.items[i][j]; old != nil {
				cols := func() map[string]any { return map[string]any{"position": it.Position, "name": it.Name} }
				if err := m.update(&m.res.FrameworkItems, fmt.Sprintf("frameworks[%d].items[%d]", i, j), &model.FrameworkItem{}, old.ID, it.Meta, old.UpdatedAt, cols); err != nil {
					return err
				}
				continue
			}
			fresh = append(fresh, model.FrameworkItem{Base: base(it.Meta), FrameworkID: m.g.frameworkID[f.UUID], Position: it.Position, Name: it.Name})
		}
	}
	if err := insert(m, "framework items", &fresh); err != nil {
		return err
	}
	for _, it := range fresh {
		m.g.itemID[it.UUID] = it.ID
	}
	m.res.FrameworkItems.Created += len(fresh)
	return nil
}

// putCircleFrameworks makes the circle use the frameworks the bundle's
// circle uses; a use has no other content, and none is taken away.
func (m *merger) putCircleFrameworks() error {
	for i, f := range m.b.Frameworks {
		if !f.Used {
			continue
		}
		row := model.CircleFramework{CircleID: m.circle.ID, FrameworkID: m.g.frameworkID[f.UUID]}
		if err := m.link(&row, &m.res.CircleFrameworks, at("frameworks", i)+".used"); err != nil {
			return err
		}
	}
	return nil
}

// putGoalItems links each goal to the items the bundle links it to; a link
// has no other content, and none is taken away (as a circle's frameworks).
func (m *merger) putGoalItems() error {
	for i, g := range m.b.Goals {
		for j, item := range g.Items {
			row := model.GoalItem{GoalID: m.g.goalID[g.UUID], FrameworkItemID: m.g.itemID[item]}
			if err := m.link(&row, &m.res.GoalItems, fmt.Sprintf("goals[%d].items[%d]", i, j)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (m *merger) putRatings() error {
	var fresh []model.SkillRating
	for i, r := range m.b.SkillRatings {
		if old := m.g.ratings[i]; old != nil {
			cols := func() map[string]any { return map[string]any{"rating": r.Rating, "rated_on": r.RatedOn} }
			if err := m.update(&m.res.SkillRatings, at("skillRatings", i), &model.SkillRating{}, old.ID, r.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, model.SkillRating{Base: base(r.Meta), PersonID: m.personID[r.Person], CircleID: m.circle.ID,
			FrameworkItemID: m.g.itemID[r.Item], Rating: r.Rating, Phase: r.Phase, RatedOn: r.RatedOn})
	}
	m.res.SkillRatings.Created += len(fresh)
	return insert(m, "skill ratings", &fresh)
}

func (m *merger) putFeedback() error {
	var fresh []model.SessionFeedback
	for i, f := range m.b.Feedback {
		if old := m.g.feedback[i]; old != nil {
			cols := func() map[string]any {
				return map[string]any{"usefulness": f.Usefulness, "worked": f.Worked, "change": f.Change}
			}
			if err := m.update(&m.res.Feedback, at("feedback", i), &model.SessionFeedback{}, old.ID, f.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, model.SessionFeedback{Base: base(f.Meta), SessionID: m.sessionID[f.Session], PersonID: m.id(m.personID, f.Person),
			Usefulness: f.Usefulness, Worked: f.Worked, Change: f.Change})
	}
	m.res.Feedback.Created += len(fresh)
	return insert(m, "feedback", &fresh)
}
