package growth

import (
	"fmt"
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Rename gives a framework a new name (one line, unique case aside) and
// returns it with its items.
func (s *Frameworks) Rename(id uint, name string) (model.Framework, error) {
	name = strings.TrimSpace(name)
	if err := firstErr(check.RequiredUpTo("name", "Name", name, check.MaxName), oneLine("name", name, check.MaxName)); err != nil {
		return model.Framework{}, err
	}
	var f model.Framework
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := load(tx, id, &f); err != nil {
			return err
		}
		f.Name, f.UpdatedAt = name, s.now()
		err := tx.Model(&model.Framework{}).Where("id = ?", id).
			Updates(map[string]any{"name": name, "updated_at": f.UpdatedAt}).Error
		return apperr.FromDB(err, "name", "framework")
	})
	return f, err
}

// Delete deletes a framework and its items. Deleting would silently take
// with it every circle's use of it and every skill rating on its items
// (the tables cascade), so it is refused while a circle uses it (drop it
// from each first) or while ratings refer to it (they are members' history;
// keep the framework, or rename it): a Conflict naming how many.
func (s *Frameworks) Delete(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var f model.Framework
		if err := load(tx, id, &f); err != nil {
			return err
		}
		if err := unused(tx, f); err != nil {
			return err
		}
		return tx.Delete(&model.Framework{}, id).Error
	})
}

// unused refuses a framework that a circle uses or skill ratings refer to.
func unused(tx *gorm.DB, f model.Framework) error {
	var circles, ratings int64
	if err := tx.Model(&model.CircleFramework{}).Where("framework_id = ?", f.ID).Count(&circles).Error; err != nil {
		return err
	}
	if circles > 0 {
		return apperr.New(apperr.Conflict, "", "“%s” is used by %s: drop it from %s first.", f.Name, plural(circles, "circle"), them(circles))
	}
	err := tx.Model(&model.SkillRating{}).Joins("JOIN framework_items i ON i.id = skill_ratings.framework_item_id").
		Where("i.framework_id = ?", f.ID).Count(&ratings).Error
	if err != nil {
		return err
	}
	if ratings > 0 {
		return apperr.New(apperr.Conflict, "", "“%s” has %s on its topics or skills, which deleting would lose: keep it, or rename it.", f.Name, plural(ratings, "skill rating"))
	}
	return nil
}

// plural says "1 circle", "2 circles".
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// them says "it" for one and "them" for more.
func them(n int64) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
