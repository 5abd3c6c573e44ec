package product

import (
	"strconv"
	"strings"
)

// CompareVersions compares dotted product versions numerically ("4.10" >
// "4.9"): -1 when a is below b, 0 when equal, 1 when above. A missing
// component counts as 0, so "4.2.0" equals "4.2"; a component that is not a
// number counts as 0.
func CompareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		x, y := 0, 0
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
