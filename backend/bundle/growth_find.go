package bundle

import (
	"fmt"

	"circlebook/backend/fold"
	"circlebook/backend/model"
)

// growthFound is what the find steps matched of a bundle's growth records,
// by index as for the other kinds, and the local ids of referred-to goals,
// frameworks and items by UUID.
type growthFound struct {
	goalID, frameworkID, itemID map[string]uint
	goals                       []*model.Goal
	tasks                       [][]*model.GoalTask
	checkIns                    []*model.GoalCheckIn
	milestones                  []*model.Milestone
	frameworks                  []*model.Framework
	items                       [][]*model.FrameworkItem
	ratings                     []*model.SkillRating
	feedback                    []*model.SessionFeedback
}

// findGrowth resolves the growth records' references to people and
// sessions, then matches each kind here.
func (m *merger) findGrowth() error {
	b := m.b
	m.g = growthFound{goalID: map[string]uint{}, frameworkID: map[string]uint{}, itemID: map[string]uint{},
		goals: make([]*model.Goal, len(b.Goals)), tasks: make([][]*model.GoalTask, len(b.Goals)),
		checkIns: make([]*model.GoalCheckIn, len(b.CheckIns)), milestones: make([]*model.Milestone, len(b.Milestones)),
		frameworks: make([]*model.Framework, len(b.Frameworks)), items: make([][]*model.FrameworkItem, len(b.Frameworks)),
		ratings: make([]*model.SkillRating, len(b.SkillRatings)), feedback: make([]*model.SessionFeedback, len(b.Feedback))}
	var people, sessions []ref
	for i, x := range b.Goals {
		people = append(people, ref{at("goals", i) + ".person", x.Person})
	}
	for i, x := range b.CheckIns {
		sessions = append(sessions, ref{at("checkIns", i) + ".session", x.Session})
	}
	for i, x := range b.Milestones {
		people = append(people, ref{at("milestones", i) + ".person", x.Person})
	}
	for i, x := range b.SkillRatings {
		people = append(people, ref{at("skillRatings", i) + ".person", x.Person})
	}
	for i, x := range b.Feedback {
		people = append(people, ref{at("feedback", i) + ".person", x.Person})
		sessions = append(sessions, ref{at("feedback", i) + ".session", x.Session})
	}
	return firstErr(
		func() error { return m.resolvePeople(people) },
		func() error { return m.resolveSessions(sessions) },
		m.findGoals, m.findCheckIns, m.findMilestones, m.findFrameworks, m.findRatings, m.findFeedback,
	)
}

// findGoals matches goals by UUID (each must be the same person's, in this
// circle) and their tasks by UUID (each on its goal).
func (m *merger) findGoals() error {
	found, err := byUUID(m.tx, uuids(m.b.Goals, func(x *Goal) Meta { return x.Meta }), func(x *model.Goal) string { return x.UUID })
	if err != nil {
		return err
	}
	var taskIDs []string
	for _, g := range m.b.Goals {
		taskIDs = append(taskIDs, uuids(g.Tasks, func(t *GoalTask) Meta { return t.Meta })...)
	}
	tasks, err := byUUID(m.tx, taskIDs, func(x *model.GoalTask) string { return x.UUID })
	if err != nil {
		return err
	}
	for i, g := range m.b.Goals {
		old := found[g.UUID]
		if old != nil {
			if old.PersonID != m.personID[g.Person] || old.CircleID == nil || *old.CircleID != m.circleID() {
				return conflict(at("goals", i)+".uuid", "A goal with this UUID is someone else's, or in another circle, here.")
			}
			m.g.goals[i], m.g.goalID[g.UUID] = old, old.ID
		}
		m.g.tasks[i] = make([]*model.GoalTask, len(g.Tasks))
		for j, t := range g.Tasks {
			if ot := tasks[t.UUID]; ot != nil {
				if old == nil || ot.GoalID != old.ID {
					return conflict(fmt.Sprintf("goals[%d].tasks[%d].uuid", i, j), "A task with this UUID is on another goal here.")
				}
				m.g.tasks[i][j] = ot
			}
		}
	}
	return nil
}

// findCheckIns resolves the goals check-ins refer to (in the bundle, or a
// goal of this circle here) and matches check-ins by UUID, each on its goal.
func (m *merger) findCheckIns() error {
	var refs []ref
	for i, x := range m.b.CheckIns {
		refs = append(refs, ref{at("checkIns", i) + ".goal", x.Goal})
	}
	inBundle := set(m.b.Goals, func(g *Goal) Meta { return g.Meta })
	if ids := outside(refs, inBundle, m.g.goalID); len(ids) > 0 {
		var rows []model.Goal
		if err := m.tx.Select("id, uuid").Where("circle_id = ? AND uuid IN ?", m.circleID(), ids).Find(&rows).Error; err != nil {
			return err
		}
		for _, g := range rows {
			m.g.goalID[g.UUID] = g.ID
		}
	}
	if err := unresolved(refs, inBundle, m.g.goalID, "goal of this circle"); err != nil {
		return err
	}
	found, err := byUUID(m.tx, uuids(m.b.CheckIns, func(x *CheckIn) Meta { return x.Meta }), func(x *model.GoalCheckIn) string { return x.UUID })
	if err != nil {
		return err
	}
	for i, k := range m.b.CheckIns {
		if old := found[k.UUID]; old != nil {
			if old.GoalID != m.g.goalID[k.Goal] {
				return conflict(at("checkIns", i)+".uuid", "A check-in with this UUID is on another goal here.")
			}
			m.g.checkIns[i] = old
		}
	}
	return nil
}

// findMilestones matches milestones by UUID, each the same person's.
func (m *merger) findMilestones() error {
	found, err := byUUID(m.tx, uuids(m.b.Milestones, func(x *Milestone) Meta { return x.Meta }), func(x *model.Milestone) string { return x.UUID })
	if err != nil {
		return err
	}
	for i, x := range m.b.Milestones {
		if old := found[x.UUID]; old != nil {
			if old.PersonID != m.personID[x.Person] {
				return conflict(at("milestones", i)+".uuid", "A milestone with this UUID is someone else's here.")
			}
			m.g.milestones[i] = old
		}
	}
	return nil
}

// findFrameworks matches frameworks by UUID, then by name; their items by
// UUID (on the same framework), then by name within it.
func (m *merger) findFrameworks() error {
	var all []model.Framework
	if err := m.tx.Find(&all).Error; err != nil {
		return err
	}
	byID, byName := map[string]*model.Framework{}, map[string]*model.Framework{}
	for i := range all {
		byID[all[i].UUID], byName[fold.LowerASCII(all[i].Name)] = &all[i], &all[i]
	}
	taken := claims{}
	for i, f := range m.b.Frameworks {
		old := byID[f.UUID]
		if old == nil {
			old = byName[fold.LowerASCII(f.Name)]
		}
		if old != nil {
			if err := taken.take(old.ID, "frameworks", i); err != nil {
				return err
			}
			if owner := byName[fold.LowerASCII(f.Name)]; owner != nil && owner.ID != old.ID && newer(f.Meta, old.UpdatedAt) {
				return conflict(at("frameworks", i)+".name", "The framework %q here would be renamed %q, but another framework has that name; rename one of them first.", old.Name, f.Name)
			}
			m.g.frameworks[i], m.g.frameworkID[f.UUID] = old, old.ID
		}
		if err := m.findItems(i, f, old); err != nil {
			return err
		}
	}
	return m.findItemRefs()
}

// findItems matches framework i's items, old being the framework here (or nil).
func (m *merger) findItems(i int, f Framework, old *model.Framework) error {
	found, err := byUUID(m.tx, uuids(f.Items, func(x *FrameworkItem) Meta { return x.Meta }), func(x *model.FrameworkItem) string { return x.UUID })
	if err != nil {
		return err
	}
	byName := map[string]*model.FrameworkItem{}
	if old != nil {
		var here []model.FrameworkItem
		if err := m.tx.Where("framework_id = ?", old.ID).Find(&here).Error; err != nil {
			return err
		}
		for k := range here {
			byName[fold.LowerASCII(here[k].Name)] = &here[k]
		}
	}
	m.g.items[i] = make([]*model.FrameworkItem, len(f.Items))
	taken := claims{}
	for j, it := range f.Items {
		path := fmt.Sprintf("frameworks[%d].items[%d]", i, j)
		o := found[it.UUID]
		if o != nil && (old == nil || o.FrameworkID != old.ID) {
			return conflict(path+".uuid", "A topic or skill with this UUID is in another framework here.")
		}
		if o == nil {
			o = byName[fold.LowerASCII(it.Name)]
		}
		if o == nil {
			continue
		}
		if err := taken.take(o.ID, path, j); err != nil {
			return err
		}
		m.g.items[i][j], m.g.itemID[it.UUID] = o, o.ID
	}
	return nil
}

// findItemRefs resolves the items ratings refer to: in the bundle, or here.
func (m *merger) findItemRefs() error {
	var refs []ref
	for i, x := range m.b.SkillRatings {
		refs = append(refs, ref{at("skillRatings", i) + ".item", x.Item})
	}
	inBundle := map[string]bool{}
	for _, f := range m.b.Frameworks {
		for _, it := range f.Items {
			inBundle[it.UUID] = true
		}
	}
	found, err := byUUID(m.tx, outside(refs, inBundle, m.g.itemID), func(x *model.FrameworkItem) string { return x.UUID })
	if err != nil {
		return err
	}
	for id, it := range found {
		m.g.itemID[id] = it.ID
	}
	return unresolved(refs, inBundle, m.g.itemID, "framework item")
}

// findRatings matches ratings by UUID, then by circle, person, item and phase.
func (m *merger) findRatings() error {
	found, err := byUUID(m.tx, uuids(m.b.SkillRatings, func(x *SkillRating) Meta { return x.Meta }), func(x *model.SkillRating) string { return x.UUID })
	if err != nil {
		return err
	}
	var here []model.SkillRating
	if err := m.tx.Where("circle_id = ?", m.circleID()).Find(&here).Error; err != nil {
		return err
	}
	byKey := map[string]*model.SkillRating{}
	for i := range here {
		byKey[fmt.Sprint(here[i].PersonID, "/", here[i].FrameworkItemID, "/", here[i].Phase)] = &here[i]
	}
	taken := claims{}
	for i, r := range m.b.SkillRatings {
		person, item := m.personID[r.Person], m.g.itemID[r.Item]
		old := found[r.UUID]
		if old != nil && (old.CircleID != m.circleID() || old.PersonID != person || old.FrameworkItemID != item || old.Phase != r.Phase) {
			return conflict(at("skillRatings", i)+".uuid", "A rating with this UUID is for another circle, person, item or phase here.")
		}
		if old == nil && person != 0 && item != 0 {
			old = byKey[fmt.Sprint(person, "/", item, "/", r.Phase)]
		}
		if old != nil {
			if err := taken.take(old.ID, "skillRatings", i); err != nil {
				return err
			}
			m.g.ratings[i] = old
		}
	}
	return nil
}

// findFeedback matches feedback by UUID, then by session and person.
func (m *merger) findFeedback() error {
	found, err := byUUID(m.tx, uuids(m.b.Feedback, func(x *Feedback) Meta { return x.Meta }), func(x *model.SessionFeedback) string { return x.UUID })
	if err != nil {
		return err
	}
	var here []model.SessionFeedback
	err = m.tx.Table("session_feedback f").Select("f.*").Joins("JOIN sessions s ON s.id = f.session_id").
		Where("s.circle_id = ?", m.circleID()).Scan(&here).Error
	if err != nil {
		return err
	}
	key := func(session uint, person *uint) string {
		if person == nil {
			return fmt.Sprint(session, "/")
		}
		return fmt.Sprint(session, "/", *person)
	}
	byKey := map[string]*model.SessionFeedback{}
	for i := range here {
		byKey[key(here[i].SessionID, here[i].PersonID)] = &here[i]
	}
	taken := claims{}
	for i, f := range m.b.Feedback {
		session, person := m.sessionID[f.Session], m.id(m.personID, f.Person)
		old := found[f.UUID]
		if old != nil && key(old.SessionID, old.PersonID) != key(session, person) {
			return conflict(at("feedback", i)+".uuid", "Feedback with this UUID is on another session, or from someone else, here.")
		}
		if old == nil && session != 0 && (person == nil || *person != 0) {
			old = byKey[key(session, person)]
		}
		if old != nil {
			if err := taken.take(old.ID, "feedback", i); err != nil {
				return err
			}
			m.g.feedback[i] = old
		}
	}
	return nil
}
