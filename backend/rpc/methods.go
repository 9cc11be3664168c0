// Package rpc serves the page and the bound services over HTTP on loopback
// for browser mode, guarded by a per-launch token. Methods are named and
// called exactly as the Wails window names and calls them.
package rpc

import (
	"encoding/json"
	"fmt"
	"reflect"
)

var errorType = reflect.TypeFor[error]()

// method is one bound service method.
type method struct {
	fn reflect.Value
	in []reflect.Type
}

// methods indexes every exported method of each binding as "pkg.Struct.Method",
// the name Wails gives it.
func methods(bindings []any) map[string]method {
	out := map[string]method{}
	for _, b := range bindings {
		v := reflect.ValueOf(b)
		t := v.Type()
		base := t.String()[1:] // "*circles.Circles" -> "circles.Circles"
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			ft := m.Func.Type()
			in := make([]reflect.Type, 0, ft.NumIn()-1)
			for j := 1; j < ft.NumIn(); j++ {
				in = append(in, ft.In(j))
			}
			out[base+"."+m.Name] = method{fn: v.Method(i), in: in}
		}
	}
	return out
}

// call decodes args into the method's parameter types, calls it, and splits
// the (T, error) / (error) / (T) results.
func (m method) call(args []json.RawMessage) (any, error) {
	if len(args) != len(m.in) {
		return nil, fmt.Errorf("expected %d arguments, got %d", len(m.in), len(args))
	}
	vals := make([]reflect.Value, len(args))
	for i, raw := range args {
		p := reflect.New(m.in[i])
		if err := json.Unmarshal(raw, p.Interface()); err != nil {
			return nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		vals[i] = p.Elem()
	}
	var result any
	var err error
	for _, out := range m.fn.Call(vals) {
		if out.Type() == errorType {
			if !out.IsNil() {
				err = out.Interface().(error)
			}
			continue
		}
		result = out.Interface()
	}
	return result, err
}
