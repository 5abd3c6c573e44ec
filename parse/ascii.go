package parse

// asciiUpper upper-cases ASCII letters only and keeps every byte in place, so
// an index found in the result holds for s (strings.ToUpper may change the
// length of text that is not valid UTF-8, or of some non-ASCII letters).
func asciiUpper(s string) string { return asciiMap(s, 'a', 'z', 'A'-'a') }

// asciiLower is asciiUpper's counterpart.
func asciiLower(s string) string { return asciiMap(s, 'A', 'Z', 'a'-'A') }

func asciiMap(s string, lo, hi byte, delta int) string {
	b := []byte(s)
	for i, c := range b {
		if lo <= c && c <= hi {
			b[i] = byte(int(c) + delta)
		}
	}
	return string(b)
}
