// Package layering holds no code: its test checks the import graph of the
// whole module against the project's layering (parse → model → lint / emit →
// cmd, format scanners knowing nothing of the model), so that a wrong import
// fails the build's tests rather than a review.
package layering
