package notes

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// taskBoxes renders a task line's checkbox named by the line's text (its
// aria-label), so assistive technology says which task it is. It takes the
// place of goldmark's own task-list checkbox renderer.
type taskBoxes struct{}

// taskBoxRenderer is taskBoxes at a priority that wins over the GFM extension's (500).
var taskBoxRenderer = util.Prioritized(taskBoxes{}, 100)

// RegisterFuncs implements renderer.NodeRenderer.
func (taskBoxes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, renderTaskBox)
}

func renderTaskBox(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	w.WriteString(`<input`)
	if node.(*east.TaskCheckBox).IsChecked {
		w.WriteString(` checked=""`)
	}
	w.WriteString(` disabled="" type="checkbox" aria-label="`)
	w.WriteString(html.EscapeString(taskText(node, source)))
	w.WriteString(`"> `)
	return ast.WalkContinue, nil
}

// taskText is the plain text that follows a checkbox on its line: the task.
func taskText(box ast.Node, source []byte) string {
	var b strings.Builder
	for n := box.NextSibling(); n != nil; n = n.NextSibling() {
		ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch t := n.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(source))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			case *ast.AutoLink:
				b.Write(t.URL(source))
			}
			return ast.WalkContinue, nil
		})
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
