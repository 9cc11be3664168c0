package testdb

import (
	"fmt"

	"circlebook/backend/model"
)

// Growth is the goals and milestones YearGrowth adds to a Year circle.
type Growth struct {
	// Secrets mark the text of private goals (title, why, success criteria,
	// tasks, check-in notes) and private milestones: never exported.
	Secrets []string
	// Shared mark the same text of shared goals and milestones, which an
	// export may carry (the summary's goals section, the bundle).
	Shared []string
}

// YearGrowth gives every member of y a private and a shared goal in its
// circle, each with two tasks and a check-in in a held session the member
// attended, and a private and a shared milestone. Every text holds a marker.
func (f Fixture) YearGrowth(y Year) Growth {
	f.t.Helper()
	var g Growth
	held := map[uint]uint{} // person -> a held session they attended
	var marks []struct{ SessionID, PersonID uint }
	f.DB.Table("attendance a").Select("a.session_id, a.person_id").Joins("JOIN sessions s ON s.id = a.session_id").
		Where("s.circle_id = ? AND s.status = ? AND a.status IN ?", y.Circle.ID, model.SessionHeld, []string{model.Present, model.Late}).
		Order("a.id").Scan(&marks)
	for _, m := range marks {
		held[m.PersonID] = m.SessionID
	}
	for i, p := range y.People {
		for _, vis := range []string{model.Private, model.Shared} {
			mark := func(kind string) string {
				s := fmt.Sprintf("GOAL%s-%s-c%d-%d", kind, vis, y.Circle.ID, i)
				if vis == model.Private {
					g.Secrets = append(g.Secrets, s)
				} else {
					g.Shared = append(g.Shared, s)
				}
				return s
			}
			goal := model.Goal{PersonID: p.ID, CircleID: &y.Circle.ID, Title: mark("TITLE"), Why: mark("WHY"),
				SuccessCriteria: mark("CRITERIA"), Status: model.GoalActive, ProgressMode: model.ProgressTasks, Visibility: vis,
				Tasks: []model.GoalTask{{Title: mark("TASK"), Done: true}, {Position: 1, Title: mark("TASK2")}}}
			f.create(&goal)
			if s, ok := held[p.ID]; ok {
				f.create(&model.GoalCheckIn{GoalID: goal.ID, SessionID: &s, Progress: 50, Status: model.GoalActive,
					Note: mark("CHECKIN"), CheckedOn: "2026-03-03"})
			}
			f.create(&model.Milestone{PersonID: p.ID, Kind: model.MilestonePraise, HappenedOn: "2026-05-05",
				Text: mark("MILESTONE"), Visibility: vis})
		}
	}
	return g
}
