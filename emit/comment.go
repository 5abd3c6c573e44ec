package emit

import (
	"path"
	"strconv"
	"strings"
)

// Comment length limits of the backends, in bytes.
const (
	nftCommentMax      = 128
	iptablesCommentMax = 256
)

// Sanitize makes s safe inside any comment or quoted string the emitters write:
// it keeps ASCII letters, digits, space and ._:/=,+@()[]-, turns control
// characters (newlines included) into spaces, every other byte (quotes,
// backslashes, '*', '<', '#', '$', non-ASCII, ...) into '_', squeezes spaces,
// never leaves "--" (which would end an XML comment) and cuts the result to max
// bytes (0 means no limit), cutting the middle and marking it with "...".
func Sanitize(s string, max int) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c == 0x7f || c == ' ':
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			strings.IndexByte("._:/=,+@()[]", c) >= 0:
			b.WriteByte(c)
		case c == '-':
			if str := b.String(); strings.HasSuffix(str, "-") {
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte('_')
		}
		space = false
	}
	out := strings.TrimRight(b.String(), " ")
	if max > 0 && len(out) > max {
		// Cut the middle: the service id leads and the file:line ends.
		head := (max - 3) / 2
		out = out[:head] + "..." + out[len(out)-(max-3-head):]
	}
	return out
}

// origin describes where one listener came from, for rule comments.
type origin struct {
	id      string
	home    string
	profile string
	file    string
	line    int
	// distribution marks a listener of the distribution's stock file, absent
	// from an overlay home: the comment ends in " (default)" as well.
	distribution bool
}

// text formats o as "servlet-https wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml:80"
// or, for a catalog default, "servlet-https wso2am-2.6.0 (default)".
func (o origin) text() string {
	loc := o.home
	if o.file != "" {
		loc += "/" + o.file
		if o.line > 0 {
			loc += ":" + strconv.Itoa(o.line)
		}
		if o.distribution {
			loc += " (default)"
		}
	} else {
		if o.profile != "" && o.profile != "default" {
			loc += " " + o.profile
		}
		loc += " (default)"
	}
	return o.id + " " + loc
}

// homeName is the last element of a home directory as given on the command
// line, so comments do not depend on where the tool ran.
func homeName(dir string) string {
	d := strings.TrimRight(strings.ReplaceAll(dir, "\\", "/"), "/")
	if d == "" {
		return "."
	}
	return path.Base(path.Clean(d))
}
