package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// fastFlags returns flags with each flag of the types wso2lint uses wrapped
// so that Names returns a list made once. urfave/cli's Names makes the list
// again on each call, through a regular expression per name, and the
// command runner calls it for every pair of flags (runFlagActions asks
// IsSet of each flag, which looks the name up in every flag): with the 26
// flags of lint that was about 1500 regular expression runs, 15 % of an
// in-process lint of the example home (issue 15 item 1). The wrapper
// changes nothing else: every other method is the flag's own.
func fastFlags(flags []cli.Flag) []cli.Flag {
	out := make([]cli.Flag, len(flags))
	for i, f := range flags {
		out[i] = fastFlag(f)
	}
	return out
}

func fastFlag(f cli.Flag) cli.Flag {
	switch f := f.(type) {
	case *cli.StringFlag:
		return &stringFlag{f, flagNames(f.Name, f.Aliases)}
	case *cli.BoolFlag:
		return &boolFlag{f, flagNames(f.Name, f.Aliases)}
	case *cli.IntFlag:
		return &intFlag{f, flagNames(f.Name, f.Aliases)}
	case *cli.Int64Flag:
		return &int64Flag{f, flagNames(f.Name, f.Aliases)}
	case *cli.StringSliceFlag:
		return &stringSliceFlag{f, flagNames(f.Name, f.Aliases)}
	}
	return f
}

// flagNames is cli.FlagNames without its regular expression: each name cut
// at its first comma or space.
func flagNames(name string, aliases []string) []string {
	out := make([]string, 0, 1+len(aliases))
	for _, n := range append([]string{name}, aliases...) {
		if i := strings.IndexAny(n, ", "); i >= 0 {
			n = n[:i]
		}
		out = append(out, n)
	}
	return out
}

type stringFlag struct {
	*cli.StringFlag
	names []string
}

// Names returns the flag's names.
func (f *stringFlag) Names() []string { return f.names }

type boolFlag struct {
	*cli.BoolFlag
	names []string
}

// Names returns the flag's names.
func (f *boolFlag) Names() []string { return f.names }

type intFlag struct {
	*cli.IntFlag
	names []string
}

// Names returns the flag's names.
func (f *intFlag) Names() []string { return f.names }

type int64Flag struct {
	*cli.Int64Flag
	names []string
}

// Names returns the flag's names.
func (f *int64Flag) Names() []string { return f.names }

type stringSliceFlag struct {
	*cli.StringSliceFlag
	names []string
}

// Names returns the flag's names.
func (f *stringSliceFlag) Names() []string { return f.names }
