package circles

import (
	"errors"
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"
	"circlebook/backend/people"

	"gorm.io/gorm"
)

// MemberInput is what the add-member form sends.
type MemberInput struct {
	PersonID uint   `json:"personId"`
	Role     string `json:"role"`
	JoinedOn string `json:"joinedOn"`
	LeftOn   string `json:"leftOn"`
}

func (in MemberInput) validate() error {
	return check.All(
		check.OneOf("role", "Role", in.Role, model.Roles...),
		check.Date("joinedOn", in.JoinedOn),
		check.Date("leftOn", in.LeftOn),
		check.Order("leftOn", in.JoinedOn, in.LeftOn),
	)
}

// AddMember puts a person in a circle with a role.
func (s *Circles) AddMember(circleID uint, in MemberInput) (model.Membership, error) {
	in.Role = strings.TrimSpace(in.Role)
	if err := in.validate(); err != nil {
		return model.Membership{}, err
	}
	var m model.Membership
	err := s.db.Transaction(func(tx *gorm.DB) (err error) {
		m, err = addMember(tx, circleID, in)
		return err
	})
	return m, err
}

// AddNewMember creates a person and puts them in a circle, in one
// transaction: if either step fails, neither is written.
func (s *Circles) AddNewMember(circleID uint, person people.PersonInput, in MemberInput) (model.Membership, error) {
	in.Role = strings.TrimSpace(in.Role)
	if err := in.validate(); err != nil {
		return model.Membership{}, err
	}
	var m model.Membership
	err := s.db.Transaction(func(tx *gorm.DB) error {
		p, err := people.Insert(tx, person, s.now().Format(check.DateLayout))
		if err != nil {
			return err
		}
		in.PersonID = p.ID
		m, err = addMember(tx, circleID, in)
		return err
	})
	return m, err
}

func addMember(tx *gorm.DB, circleID uint, in MemberInput) (model.Membership, error) {
	m := model.Membership{CircleID: circleID, PersonID: in.PersonID, Role: in.Role, JoinedOn: in.JoinedOn, LeftOn: in.LeftOn}
	if err := find(tx, circleID, &model.Circle{}); err != nil {
		return m, err
	}
	if err := tx.Take(&model.Person{}, in.PersonID).Error; err != nil {
		return m, apperr.New(apperr.Invalid, "personId", "Choose a person to add.")
	}
	err := tx.Create(&m).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return m, apperr.New(apperr.Conflict, "personId", "This person is already in the circle.")
	}
	return m, apperr.FromDB(err, "personId", "member")
}

// UpdateMember changes a member's role and dates.
func (s *Circles) UpdateMember(membershipID uint, in MemberInput) (model.Membership, error) {
	in.Role = strings.TrimSpace(in.Role)
	if err := in.validate(); err != nil {
		return model.Membership{}, err
	}
	var m model.Membership
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&m, membershipID).Error; err != nil {
			return apperr.Missing("membership", membershipID)
		}
		m.Role, m.JoinedOn, m.LeftOn = in.Role, in.JoinedOn, in.LeftOn
		return apperr.FromDB(tx.Save(&m).Error, "role", "member")
	})
	return m, err
}

// RemoveMember takes a person out of a circle; their attendance marks stay
// with the sessions.
func (s *Circles) RemoveMember(membershipID uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return apperr.Deleted(tx.Delete(&model.Membership{}, membershipID), "membership", membershipID)
	})
}
