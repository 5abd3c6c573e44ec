// Command wso2lint reads WSO2 Carbon product homes, works out every port the
// servers will open, lints the configuration and writes host firewall rules.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr, os.Getenv))
}
