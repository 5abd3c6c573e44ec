package main

import (
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/internal/live"
	"github.com/wso2lint/wso2lint/internal/model"
)

// procRoot is where --live reads the kernel's socket tables.
const procRoot = "/proc"

// liveSockets reads the sockets of --live (this host's /proc) or
// --live-from FILE (a saved ss -ltnup); nil when neither is given. The
// file's name becomes absolute, so that findings pointing into it open from
// anywhere.
func liveSockets(c *cli.Context) (*model.Live, error) {
	from := c.String("live-from")
	switch {
	case c.Bool("live") && from != "":
		return nil, usageErr("--live and --live-from: give one (--live reads this host, --live-from a saved ss output)")
	case c.Bool("live"):
		l, err := live.ReadProc(procRoot)
		if err != nil {
			return nil, &exitError{code: exitInput, msg: "--live: " + err.Error()}
		}
		return &l, nil
	case from != "":
		if abs, err := filepath.Abs(from); err == nil {
			from = abs
		}
		l, err := live.ReadSS(from)
		if err != nil {
			return nil, &exitError{code: exitInput, msg: err.Error()}
		}
		return &l, nil
	}
	return nil, nil
}
