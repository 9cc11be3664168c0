package model

// Topic is a tag on sessions, from an editable list.
type Topic struct {
	Base
	Name      string `gorm:"not null" json:"name"`
	SearchKey string `gorm:"not null;default:''" json:"-"` // the folded searchable text (SearchText), for search
}

// SessionTopic tags a session with a topic.
type SessionTopic struct {
	SessionID uint `gorm:"primaryKey" json:"sessionId"`
	TopicID   uint `gorm:"primaryKey" json:"topicId"`
}
