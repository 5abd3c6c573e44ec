package report

import (
	"path"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// filePath joins the home as given on the command line with the
// home-relative file, so that the result opens from where the command ran:
// home "testdata/x" and file "repository/conf/carbon.xml" give
// "testdata/x/repository/conf/carbon.xml". Backslashes in the home (a Windows
// command line) become slashes, and the result is cleaned, so "./x" gives
// "x/...". A finding without a file points at the home itself; one with
// neither gives "".
func filePath(f model.Finding) string {
	home := strings.ReplaceAll(f.Home, `\`, "/")
	file := f.Pos.File
	if home == "" && file == "" {
		return ""
	}
	if path.IsAbs(file) {
		// A file outside the home: the socket table or ss output of a
		// live finding.
		return file
	}
	return path.Join(home, file)
}
