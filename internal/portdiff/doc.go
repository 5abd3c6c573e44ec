// Package portdiff compares the listeners of two resolved homes (two
// revisions of one home, or a home before and after an upgrade) and reports
// listeners added, removed, moved to another port, rebound or given another
// exposure class. Listeners are matched by server and service id, so homes
// of different product versions compare by what each port is for.
//
// It imports only internal/model.
package portdiff
