package frontend_test

import (
	"io/fs"
	"regexp"
	"testing"

	"circlebook/backend/rpc"
	"circlebook/frontend"
)

// The window reads the policy from index.html, browser mode sends it as a
// header: the two must not drift apart.
func TestCSPMetaMatchesBrowserModeHeader(t *testing.T) {
	index, err := fs.ReadFile(frontend.Assets(), "index.html")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]+)"`).FindSubmatch(index)
	if m == nil {
		t.Fatal("index.html has no Content-Security-Policy meta tag")
	}
	if string(m[1]) != rpc.CSP {
		t.Errorf("index.html CSP:\n%s\nbrowser-mode CSP:\n%s", m[1], rpc.CSP)
	}
}

func TestNoInlineScriptOrHandlers(t *testing.T) {
	index, _ := fs.ReadFile(frontend.Assets(), "index.html")
	if regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`).Match(index) {
		t.Error("index.html has an inline script")
	}
	if regexp.MustCompile(`\son[a-z]+\s*=`).Match(index) {
		t.Error("index.html has an inline event handler")
	}
}
