package script

// Script is what a scan of a start script found.
type Script struct {
	// Options are the JVM options that reach the JVM in some start, in file
	// order, each with the most often run Context it reaches the JVM in.
	// Options that reach no java command line (in a variable never expanded
	// there, in echo text or in comments) are not listed.
	Options  []Option
	Comments []Comment // in file order
}

// Comment is a comment of a script: the text after # in a shell script, after
// REM or :: on a batch line of its own, or after "& rem " at the end of a
// batch command.
type Comment struct {
	Text string
	Pos  Pos // the #, the REM or :: word, or the & of "& rem "
	// FromLine and ToLine are the lines the comment speaks for (inclusive):
	// its own (logical) line, and for a comment on a line of its own the
	// lines of the next statement too.
	FromLine, ToLine int
}

// Context says when an option reaches the JVM.
type Context uint8

// Contexts, from the most to the least often run.
const (
	ContextInvalid Context = iota
	Always                 // at the top level: at every start (no arguments, the variables of the script unset until assigned)
	Conditional            // under an if/case arm or a && / || chain that a default start does not take, or may not
	Debug                  // in the stock --debug branch (or a branch only it enables)
)

// String returns "always", "conditional", "debug" or "invalid".
func (c Context) String() string {
	switch c {
	case Always:
		return "always"
	case Conditional:
		return "conditional"
	case Debug:
		return "debug"
	}
	return "invalid"
}
