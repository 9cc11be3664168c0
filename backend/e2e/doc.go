// Package e2e drives the built program from outside, as a user would: the CLI,
// browser mode in headless Chromium, and the real desktop window under Xvfb.
// Its tests need Chromium, Xvfb tools and the GTK/WebKit headers; `make test`
// installs them and sets CIRCLEBOOK_E2E=1, which turns a missing tool from a
// skip into a failure.
package e2e
