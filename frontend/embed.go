// Package frontend embeds the page — index.html, ES modules, CSS, fonts and
// icons — so the window and browser mode serve the same files with no network.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed index.html css js fonts
var files embed.FS

// Assets returns the page's files, rooted at index.html.
func Assets() fs.FS { return files }
