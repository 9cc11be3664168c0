package model

// Member roles.
const (
	RoleLeader   = "leader"
	RoleCoLeader = "co-leader"
	RoleMentor   = "mentor"
	RoleMentee   = "mentee"
	RoleGuest    = "guest"
)

// Roles lists every role in display order.
var Roles = []string{RoleLeader, RoleCoLeader, RoleMentor, RoleMentee, RoleGuest}

// Membership puts a person in a circle with a role; a person is in a circle once.
type Membership struct {
	Base
	CircleID uint   `gorm:"not null;uniqueIndex:idx_membership_circle_person" json:"circleId"`
	PersonID uint   `gorm:"not null;uniqueIndex:idx_membership_circle_person" json:"personId"`
	Role     string `gorm:"not null" json:"role"`
	JoinedOn string `json:"joinedOn"` // YYYY-MM-DD
	LeftOn   string `json:"leftOn"`   // YYYY-MM-DD or ""
}
