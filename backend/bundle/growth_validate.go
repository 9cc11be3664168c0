package bundle

import (
	"fmt"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/fold"
	"circlebook/backend/model"
)

// Limits on the growth records a bundle may hold.
const (
	MaxGoals          = 10_000
	MaxCheckIns       = 200_000
	MaxMilestones     = 100_000
	MaxFrameworks     = 1_000
	MaxFrameworkItems = 100 // per framework, as the app allows
	MaxSkillRatings   = 200_000
	MaxFeedback       = 200_000
)

// growth checks the growth records: none in a version 1 bundle; counts,
// UUIDs, references, enums, ranges, dates and text lengths otherwise.
func (v *validator) growth(b *Bundle) error {
	if b.Version < 2 && len(b.Goals)+len(b.CheckIns)+len(b.Milestones)+len(b.Frameworks)+len(b.SkillRatings)+len(b.Feedback) > 0 {
		return fail(apperr.Invalid, "version", "A version %d bundle holds no goals, check-ins, milestones, frameworks, ratings or feedback.", b.Version)
	}
	for _, c := range []struct {
		path   string
		n, max int
	}{
		{"goals", len(b.Goals), MaxGoals}, {"checkIns", len(b.CheckIns), MaxCheckIns}, {"milestones", len(b.Milestones), MaxMilestones},
		{"frameworks", len(b.Frameworks), MaxFrameworks}, {"skillRatings", len(b.SkillRatings), MaxSkillRatings}, {"feedback", len(b.Feedback), MaxFeedback},
	} {
		if c.n > c.max {
			return tooMany(c.path, c.n, c.max)
		}
	}
	return check.First(v.goals(b.Goals), v.goalItems(b), v.checkIns(b.CheckIns), v.milestones(b.Milestones), v.frameworks(b.Frameworks),
		v.skillRatings(b.SkillRatings), v.feedback(b.Feedback))
}

func (v *validator) goals(gs []Goal) error {
	uuids, tasks := seen{}, seen{}
	for i, g := range gs {
		p := at("goals", i)
		err := check.First(
			v.meta(p, "goals", i, g.Meta, uuids),
			uuidErr(p+".person", g.Person, true),
			check.RequiredUpTo(p+".title", "Title", g.Title, check.MaxTitle),
			check.Text(p+".why", g.Why),
			check.Text(p+".successCriteria", g.SuccessCriteria),
			check.Date(p+".targetDate", g.TargetDate),
			check.OneOf(p+".status", "Status", g.Status, model.GoalStatuses...),
			check.OneOf(p+".progressMode", "Progress", g.ProgressMode, model.ProgressTasks, model.ProgressManual),
			check.Range(p+".progress", "Progress", g.Progress, 0, 100),
		)
		if err == nil && len(g.Tasks) > model.MaxGoalTasks {
			err = tooMany(p+".tasks", len(g.Tasks), model.MaxGoalTasks)
		}
		for j, t := range g.Tasks {
			q := fmt.Sprintf("%s.tasks[%d]", p, j)
			err = check.First(err,
				v.meta(q, "tasks", j, t.Meta, tasks),
				check.Range(q+".position", "Position", t.Position, 0, model.MaxGoalTasks),
				check.RequiredUpTo(q+".title", "The task", t.Title, check.MaxTitle),
				check.Date(q+".doneOn", t.DoneOn),
			)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// goalItems checks the goals' links: at most model.MaxGoalItems each, none
// twice, each to an item of a framework in the bundle the circle uses.
func (v *validator) goalItems(b *Bundle) error {
	used := map[string]bool{}
	for _, f := range b.Frameworks {
		for _, it := range f.Items {
			used[it.UUID] = f.Used
		}
	}
	for i, g := range b.Goals {
		p := at("goals", i) + ".items"
		if len(g.Items) > model.MaxGoalItems {
			return tooMany(p, len(g.Items), model.MaxGoalItems)
		}
		links := seen{}
		for j, item := range g.Items {
			q := at(p, j)
			if err := check.First(uuidErr(q, item, true), links.once(q, p, item, j, "item")); err != nil {
				return err
			}
			if !used[item] {
				return apperr.New(apperr.Invalid, q, "A goal's skill or topic must be an item of a framework the circle uses.")
			}
		}
	}
	return nil
}

func (v *validator) checkIns(ks []CheckIn) error {
	uuids := seen{}
	for i, k := range ks {
		p := at("checkIns", i)
		if err := check.First(
			v.meta(p, "checkIns", i, k.Meta, uuids),
			uuidErr(p+".goal", k.Goal, true),
			uuidErr(p+".session", k.Session, false),
			check.Range(p+".progress", "Progress", k.Progress, 0, 100),
			check.OneOf(p+".status", "Status", k.Status, model.GoalStatuses...),
			check.UpTo(p+".note", k.Note, check.MaxTitle),
			check.Required(p+".checkedOn", "The date", k.CheckedOn),
			check.Date(p+".checkedOn", k.CheckedOn),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) milestones(ms []Milestone) error {
	uuids := seen{}
	for i, m := range ms {
		p := at("milestones", i)
		if err := check.First(
			v.meta(p, "milestones", i, m.Meta, uuids),
			uuidErr(p+".person", m.Person, true),
			check.OneOf(p+".kind", "Kind", m.Kind, model.MilestoneKinds...),
			check.Required(p+".happenedOn", "The date", m.HappenedOn),
			check.Date(p+".happenedOn", m.HappenedOn),
			check.RequiredUpTo(p+".text", "Text", m.Text, check.MaxProse),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) frameworks(fs []Framework) error {
	uuids, names, items := seen{}, seen{}, seen{}
	for i, f := range fs {
		p := at("frameworks", i)
		err := check.First(
			v.meta(p, "frameworks", i, f.Meta, uuids),
			check.RequiredUpTo(p+".name", "Name", f.Name, check.MaxName),
			names.once(p+".name", "frameworks", fold.LowerASCII(f.Name), i, "name"),
			check.Text(p+".description", f.Description),
		)
		if err == nil && len(f.Items) > MaxFrameworkItems {
			err = tooMany(p+".items", len(f.Items), MaxFrameworkItems)
		}
		itemNames := seen{}
		for j, it := range f.Items {
			q := fmt.Sprintf("%s.items[%d]", p, j)
			err = check.First(err,
				v.meta(q, "framework items", j, it.Meta, items),
				check.Range(q+".position", "Position", it.Position, 0, MaxFrameworkItems),
				check.RequiredUpTo(q+".name", "Name", it.Name, check.MaxName),
				itemNames.once(q+".name", p+".items", fold.LowerASCII(it.Name), j, "name"),
			)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) skillRatings(rs []SkillRating) error {
	uuids, keys := seen{}, seen{}
	for i, r := range rs {
		p := at("skillRatings", i)
		if err := check.First(
			v.meta(p, "skillRatings", i, r.Meta, uuids),
			uuidErr(p+".person", r.Person, true),
			uuidErr(p+".item", r.Item, true),
			check.Range(p+".rating", "Rating", r.Rating, 1, 5),
			check.OneOf(p+".phase", "Phase", r.Phase, model.PhaseBefore, model.PhaseAfter),
			keys.once(p+".phase", "skillRatings", r.Person+"/"+r.Item+"/"+r.Phase, i, "person, item and phase"),
			check.Required(p+".ratedOn", "The date", r.RatedOn),
			check.Date(p+".ratedOn", r.RatedOn),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) feedback(fs []Feedback) error {
	uuids, keys := seen{}, seen{}
	for i, f := range fs {
		p := at("feedback", i)
		if err := check.First(
			v.meta(p, "feedback", i, f.Meta, uuids),
			uuidErr(p+".session", f.Session, true),
			uuidErr(p+".person", f.Person, false),
			keys.once(p+".person", "feedback", f.Session+"/"+f.Person, i, "session and person"),
			check.Range(p+".usefulness", "Usefulness", f.Usefulness, 1, 5),
			check.Text(p+".worked", f.Worked),
			check.Text(p+".change", f.Change),
		); err != nil {
			return err
		}
	}
	return nil
}
