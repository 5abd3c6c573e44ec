package main

import (
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
)

func catalogCommand() *cli.Command {
	return &cli.Command{
		Name:        "catalog",
		Usage:       "print the default-port catalog",
		Description: "Example: wso2lint catalog --product am --format markdown",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "product", Usage: "only this product `KEY` (plus the common Carbon ports)"},
			&cli.StringFlag{Name: "product-version", Usage: "only what applies to this product `VERSION` (4.2, 4.2.0); needs --product"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text, json or markdown"},
			outputFlag(),
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("catalog takes no PATH arguments (got %q)", c.Args().First())
			}
			format := c.String("format")
			if !contains(catalog.Formats(), format) {
				return usageErr("--format %q: want one of %s", format, strings.Join(catalog.Formats(), ", "))
			}
			key, version := model.ProductKey(c.String("product")), c.String("product-version")
			if key != "" && !catalog.Known(key) {
				return usageErr("--product %q: unknown product key (known: %s)", key, strings.Join(productKeys(), ", "))
			}
			if version != "" && key == "" {
				return usageErr("--product-version %q needs --product", version)
			}
			if version != "" && !catalog.ValidVersion(version) {
				return usageErr("--product-version %q: want a dotted number such as 4.2 or 4.2.0", version)
			}
			listing, err := catalog.Select(key, version)
			if err != nil {
				return usageErr("--product-version: %v", err)
			}
			return outputFrom(c, func(w io.Writer) error { return catalog.WriteListing(w, listing, format) })
		},
	}
}

func knownProduct(key model.ProductKey) bool { return catalog.Known(key) }

func productKeys() []string {
	var keys []string
	for _, p := range catalog.Products() {
		keys = append(keys, string(p.Key))
	}
	return keys
}

// productName is the product's name in the product table (catalog.Products
// gives the same names), read from the table built once rather than from a
// new copy of the catalog's product list for every home written (issue 15
// item 4).
func productName(key model.ProductKey) string {
	if r, ok := prodtable.Lookup(key); ok {
		return r.Name
	}
	return "WSO2 Carbon product"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
