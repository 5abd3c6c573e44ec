// Command wso2lint reads WSO2 Carbon product homes, works out every port the
// servers will open, lints the configuration and writes host firewall rules.
package main

import (
	"context"
	"os"
)

func main() {
	ctx, stop := signalContext(context.Background())
	code := runContext(ctx, os.Args, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
