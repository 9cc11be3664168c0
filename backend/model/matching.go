package model

// NeverMatch is two people never to suggest to each other as mentor and
// mentee, whichever mentors: AID is the lower id when written.
type NeverMatch struct {
	AID       uint   `gorm:"primaryKey;column:a_id" json:"aId"`
	BID       uint   `gorm:"primaryKey;column:b_id" json:"bId"`
	CreatedAt string `gorm:"not null" json:"createdAt"` // RFC 3339 UTC
}

// TableName names the table explicitly so it never depends on pluralisation rules.
func (NeverMatch) TableName() string { return "never_match" }

// MatchTag is a canonical tag of the matching vocabulary and its synonyms
// (comma-separated): "public speaking" with "presenting, talks".
type MatchTag struct {
	Tag      string `gorm:"primaryKey" json:"tag"`
	Synonyms string `gorm:"not null;default:''" json:"synonyms"`
}

// TableName names the table explicitly so it never depends on pluralisation rules.
func (MatchTag) TableName() string { return "match_vocabulary" }
