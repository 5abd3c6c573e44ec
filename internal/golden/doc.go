// Package golden compares the output of a test with a golden file. It owns the
// repository's single -update flag: go test ./pkg -update rewrites the golden
// files of the tests it runs. Without -update a mismatch writes the actual
// output beside the golden file (path + ".actual", ignored by git) for review
// and fails the test; it never rewrites the golden file by itself.
//
// Only _test.go files import golden. It imports nothing of the project.
package golden
