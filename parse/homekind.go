package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// HomeKind says how a directory is laid out, as Home reads it.
type HomeKind uint8

const (
	// NotHome is a directory Home refuses (or no directory at all).
	NotHome HomeKind = iota
	// BareHome is a configuration repository holding deployment.toml directly
	// and no conf folder: Home reads it, but it may as well be the conf folder of
	// a full home (HOME/repository/conf holds a deployment.toml too).
	BareHome
	// FullHome is a home with repository/conf, conf (with carbon.xml,
	// deployment.toml or axis2/axis2.xml) or wso2/<profile>/conf folders.
	FullHome
)

// KindOf reports how Home would read dir, from the folders and files present
// (no file is read). A missing or unreadable dir, or a file, is NotHome.
func KindOf(dir string) HomeKind {
	h, err := newHome(dir, &Options{})
	if err != nil {
		return NotHome
	}
	layouts := h.layout()
	switch {
	case len(layouts) == 0:
		return NotHome
	case len(layouts) == 1 && layouts[0].conf == "":
		return BareHome
	}
	return FullHome
}

// LayoutOf decides what an absent file means in the home at dir (DOMAIN.md
// §9): a full product home — a start script in bin/ and a lib/ or
// repository/components/ folder — is model.LayoutFull, where an absent file
// was removed; every other directory is model.LayoutOverlay, where the
// distribution supplies the absent file. It is the one place this is decided;
// Home records it in model.Home.Layout. No file is read.
func LayoutOf(dir string) model.Layout {
	h, err := newHome(dir, &Options{})
	if err != nil {
		return model.LayoutOverlay
	}
	return h.layoutKind()
}

// layoutKind is LayoutOf for an opened home.
func (h *home) layoutKind() model.Layout {
	if !h.isDir("lib") && !h.isDir("repository/components") {
		return model.LayoutOverlay
	}
	names, err := h.list("bin")
	if err != nil {
		return model.LayoutOverlay
	}
	for _, n := range names {
		if strings.HasSuffix(n, ".sh") || strings.HasSuffix(n, ".bat") {
			return model.LayoutFull
		}
	}
	return model.LayoutOverlay
}
