// Command parse is the floor of a one-home run: a urfave/cli v2 application
// that asks for huge pages for its heap as wso2lint does, then reads the XML
// files named on its command line and parses each into an etree tree with
// wso2lint's scanner, and does nothing else (no other file, no lint, no
// output). It exits 1 if a file cannot be read or parsed.
package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/internal/hugeheap"
	"github.com/wso2lint/wso2lint/parse/xmlpos"
)

func main() {
	app := &cli.App{Name: "parse", Usage: "parse XML files into etree trees", Action: func(c *cli.Context) error {
		_ = hugeheap.Advise() // advice only, as in wso2lint
		for _, name := range c.Args().Slice() {
			data, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			if _, err := xmlpos.ParseOwned(data, xmlpos.Options{}); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	}}
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
