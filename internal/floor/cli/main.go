// Command cli is a urfave/cli v2 application with a version and nothing else:
// `cli --version` is the start-up floor of a program that uses the CLI
// library wso2lint is required to use.
package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"
)

func main() {
	app := &cli.App{Name: "cli", Version: "v0.0.0", Action: func(*cli.Context) error { return nil }}
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
