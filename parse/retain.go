package parse

import (
	"reflect"
	"unique"

	"github.com/wso2lint/wso2lint/internal/model"
)

// detach makes the home keep nothing of what reading it needed: every
// string reachable from it is copied out of the file contents it was cut
// from (see keep) (a host or port value cut from a 15 KB properties file kept
// all of it alive), and every slice loses the spare capacity that appending
// left. A run over a thousand homes holds every home until the output is
// written, so what each keeps is what the run needs (issue 15 items 2 and 5).
//
// It walks the model by reflection rather than field by field: a list of
// fields missed the product version cut from carbon.xml, which kept the
// whole file alive, and would miss the next field added to the model.
// TestDetachableModel checks that the walk reaches every part of the model.
func detach(h *model.Home) { detachValue(reflect.ValueOf(h).Elem()) }

// detachValue detaches the strings and slices of the addressable value v.
func detachValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			v.SetString(keep(s))
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		if v.Len() == 0 {
			v.Set(v.Slice3(0, 0, 0))
			return
		}
		if v.Cap() != v.Len() {
			c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(c, v)
			v.Set(c)
		}
		if kindHolds(v.Type().Elem()) {
			for i := 0; i < v.Len(); i++ {
				detachValue(v.Index(i))
			}
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			detachValue(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			detachValue(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			detachValue(v.Field(i))
		}
	}
}

// kindHolds reports whether values of t can hold a string or a slice, so
// that a slice of plain numbers is not walked element by element.
func kindHolds(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Slice, reflect.Pointer, reflect.Struct, reflect.Array:
		return true
	}
	return false
}

// keep returns s as a string of its own, the same one for equal strings of
// every home (unique.Make clones s the first time): a host, a setting value
// or a port cut from a file no longer keeps the file alive, and a thousand
// homes of one configuration share their strings.
func keep(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}
