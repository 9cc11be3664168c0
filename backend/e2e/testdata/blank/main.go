// Command blank is the smallest Wails app: the baseline the launch and key
// latency benchmarks measure Circlebook against. It paints one coloured
// panel, a heading and a text area that has the keyboard; with --trace-keys
// it reports key-to-screen times on stderr the way Circlebook does.
package main

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"slices"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

//go:embed index.html
var assets embed.FS

func main() {
	trace := slices.Contains(os.Args[1:], "--trace-keys")
	err := wails.Run(&options.App{
		Title:       "Blank",
		Width:       1200,
		Height:      800,
		AssetServer: &assetserver.Options{Assets: assets},
		Linux:       &linux.Options{WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
		OnStartup: func(ctx context.Context) {
			if trace {
				runtime.EventsOn(ctx, "diag:keys", func(data ...any) {
					b, _ := json.Marshal(data)
					fmt.Fprintf(os.Stderr, "key-latency %s\n", b)
				})
			}
		},
	})
	if err != nil {
		log.Fatal(err)
	}
}
