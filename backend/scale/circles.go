package scale

import (
	"cmp"

	"circlebook/backend/model"
	"circlebook/backend/notes"

	"gorm.io/gorm"
)

// circleBatch is how many circles, with everything in them, one transaction adds.
const circleBatch = 100

// addCircles plans every circle, then writes them a batch per transaction.
func (g *gen) addCircles() error {
	plans := g.plan()
	for lo := 0; lo < len(plans); lo += circleBatch {
		batch := plans[lo:min(lo+circleBatch, len(plans))]
		if err := g.db.Transaction(func(tx *gorm.DB) error { return g.addBatch(tx, batch) }); err != nil {
			return err
		}
		g.report("circles", g.res.Circles, len(plans))
	}
	return nil
}

// addBatch writes a batch of circles: the circles, their memberships, their
// sessions with agendas, the marks of held sessions (which the tally
// triggers count), the sessions' topics, and the notes of held sessions.
func (g *gen) addBatch(tx *gorm.DB, plans []circlePlan) error {
	circles := make([]model.Circle, len(plans))
	for i := range plans {
		circles[i] = plans[i].circle
	}
	if err := tx.CreateInBatches(&circles, 200).Error; err != nil {
		return err
	}
	var members []model.Membership
	var all []model.Session
	for i := range plans {
		plans[i].circle.ID = circles[i].ID
		members = append(members, g.memberships(&plans[i])...)
		all = append(all, g.sessions(&plans[i])...)
	}
	if err := tx.CreateInBatches(&members, 100).Error; err != nil {
		return err
	}
	if err := tx.CreateInBatches(&all, 50).Error; err != nil {
		return err
	}
	marks, tags := g.marksAndTags(plans, all)
	if err := tx.CreateInBatches(&marks, 100).Error; err != nil {
		return err
	}
	if len(tags) > 0 {
		if err := tx.CreateInBatches(&tags, 200).Error; err != nil {
			return err
		}
	}
	g.res.Circles += len(circles)
	g.res.Memberships += len(members)
	g.res.Sessions += len(all)
	g.res.Marks += len(marks)
	g.res.Tags += len(tags)
	return g.notes(tx, plans, all)
}

func (g *gen) memberships(p *circlePlan) []model.Membership {
	out := make([]model.Membership, len(p.members))
	for i, m := range p.members {
		out[i] = model.Membership{CircleID: p.circle.ID, PersonID: g.people[m.who].id, Role: m.role,
			JoinedOn: p.circle.StartDate, LeftOn: p.leftOn(m)}
		out[i].UUID = g.uuid()
	}
	return out
}

// sessions makes a circle's sessions: past ones held (a few cancelled),
// the rest planned; planned sessions and the last two held have an agenda.
func (g *gen) sessions(p *circlePlan) []model.Session {
	out := make([]model.Session, len(p.dates))
	lastHeld := -1
	for i, at := range p.dates {
		s := model.Session{CircleID: p.circle.ID, Number: i + 1, StartsAt: at, DurationMinutes: p.circle.DurationMinutes,
			Topic: pick(g.rng, topicList), Place: cmp.Or(p.circle.Place, p.circle.VideoLink), Status: model.SessionPlanned}
		s.UUID = g.uuid()
		if at[:10] < g.day {
			s.Status = model.SessionHeld
			if g.chance(0.015) {
				s.Status = model.SessionCancelled
			} else {
				lastHeld = i
			}
		}
		out[i] = s
	}
	for i := range out {
		if out[i].Status == model.SessionPlanned || (out[i].Status == model.SessionHeld && i >= lastHeld-1) {
			out[i].Agenda = g.agenda(out[i].Status == model.SessionHeld)
			g.res.AgendaItems += len(out[i].Agenda)
		}
	}
	return out
}

func (g *gen) agenda(held bool) []model.AgendaItem {
	n := 3 + g.rng.IntN(2)
	start := g.rng.IntN(len(agenda))
	items := make([]model.AgendaItem, n)
	for j := range items {
		items[j] = model.AgendaItem{Position: j, Title: agenda[(start+j)%len(agenda)], Minutes: 10 + 5*g.rng.IntN(3), Done: held}
		items[j].UUID = g.uuid()
	}
	return items
}

// marksAndTags marks every member still in the circle at each held
// session, and tags held sessions (and half the planned) with a topic or two.
func (g *gen) marksAndTags(plans []circlePlan, all []model.Session) ([]model.Attendance, []model.SessionTopic) {
	var marks []model.Attendance
	var tags []model.SessionTopic
	k := 0
	for pi := range plans {
		p := &plans[pi]
		for i := range p.dates {
			s := all[k]
			k++
			if s.Status == model.SessionHeld {
				for _, m := range p.members {
					if i < m.leftAt {
						a := model.Attendance{SessionID: s.ID, PersonID: g.people[m.who].id, Status: g.mark(m.drifting)}
						a.UUID = g.uuid()
						marks = append(marks, a)
					}
				}
			}
			if s.Status == model.SessionHeld || (s.Status == model.SessionPlanned && g.chance(0.5)) {
				tags = append(tags, g.tags(s.ID)...)
			}
		}
	}
	return marks, tags
}

// mark draws an attendance status: mostly present; drifting members miss more.
func (g *gen) mark(drifting bool) string {
	r := g.rng.Float64()
	if drifting {
		r = r*0.6 + 0.4 // shifts the draw towards the misses
	}
	switch {
	case r < 0.80:
		return model.Present
	case r < 0.87:
		return model.Late
	case r < 0.93:
		return model.Excused
	default:
		return model.Absent
	}
}

func (g *gen) tags(sessionID uint) []model.SessionTopic {
	a := g.topicIDs[g.rng.IntN(len(g.topicIDs))]
	out := []model.SessionTopic{{SessionID: sessionID, TopicID: a}}
	if b := g.topicIDs[g.rng.IntN(len(g.topicIDs))]; b != a && g.chance(0.4) {
		out = append(out, model.SessionTopic{SessionID: sessionID, TopicID: b})
	}
	return out
}

// notes saves a shared note for every held session, and a private one for
// a few, through notes.SaveFirsts: each note, its first revision and the
// action items of its task lines, as a first save from the live screen
// leaves them, a batch of notes a statement.
func (g *gen) notes(tx *gorm.DB, plans []circlePlan, all []model.Session) error {
	var firsts []notes.First
	k := 0
	for pi := range plans {
		p := &plans[pi]
		for i := range p.dates {
			s := all[k]
			k++
			if s.Status != model.SessionHeld {
				continue
			}
			at := sessionEnd(s.StartsAt, s.DurationMinutes)
			s.Agenda = nil
			firsts = append(firsts, notes.First{Session: s, Visibility: model.Shared, Body: g.noteText(p, i, s.StartsAt), At: at})
			g.res.SharedNotes++
			if g.chance(0.01) {
				firsts = append(firsts, notes.First{Session: s, Visibility: model.Private, Body: g.privateText(p), At: at})
				g.res.PrivateNotes++
			}
		}
	}
	return notes.SaveFirsts(tx, firsts)
}
