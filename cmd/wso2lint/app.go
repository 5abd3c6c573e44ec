package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/wso2lint/wso2lint/internal/buildinfo"
	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
	"github.com/wso2lint/wso2lint/parse"
)

// version is the tool version that release builds set with -ldflags
// "-X main.version=..."; when it is empty, toolVersion reads the module
// version from the binary's build information (see internal/buildinfo).
var version string

// toolVersion returns the version of the running build: the -ldflags
// version, else the module version, else buildinfo.DevVersion.
func toolVersion() buildinfo.Info { return buildinfo.Read(version) }

// versionLine is what --version prints after "wso2lint version ": the
// version, the rule set, and the commit and Go version when known.
func versionLine(info buildinfo.Info) string {
	s := fmt.Sprintf("%s (rule set %s", info.Version, ruleSetVersion)
	if d := info.Details(); d != "" {
		s += "; " + d
	}
	return s + ")"
}

// ruleSetVersion changes whenever a rule is added or its meaning changes.
const ruleSetVersion = "1"

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitInput    = 2
)

// exitError carries an exit status and a one-line message for stderr.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitInput, msg: fmt.Sprintf(format, args...)}
}

// env is how the app reads environment variables (NO_COLOR, CI); tests replace it.
type env func(string) string

// run is main without os.Exit and without signals: it returns the exit status.
func run(args []string, stdout, stderr io.Writer, getenv env) int {
	return runContext(context.Background(), args, stdout, stderr, getenv)
}

// runContext is run with a context that a signal cancels (see
// signalContext): the run stops at its next step, removes a -o temporary file
// and returns 128+signal, whatever else went wrong.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer, getenv env) int {
	if versionOnly(args) {
		// What urfave/cli's version printer writes, without building the
		// app and its flags (issue 15 item 4).
		fmt.Fprintf(stdout, "%s version %s\n", appName, versionLine(toolVersion()))
		return exitOK
	}
	app := newApp(stdout, stderr, getenv)
	if values, ok := completeValues(app, args); ok {
		fmt.Fprintln(stdout, strings.Join(values, "\n"))
		return exitOK
	}
	args, err := normalizeArgs(app, args)
	if err == nil {
		err = app.RunContext(ctx, args)
	}
	var se signalError
	if errors.As(context.Cause(ctx), &se) {
		fmt.Fprintf(stderr, "wso2lint: %s\n", se)
		return se.exitCode()
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintf(stderr, "wso2lint: %s\n", oneLine(ee.msg))
		}
		return ee.code
	}
	var pe *parse.Error
	if errors.As(err, &pe) {
		fmt.Fprintf(stderr, "wso2lint: %s\n", oneLine(pe.Error()))
		return exitInput
	}
	fmt.Fprintf(stderr, "wso2lint: %s\n", oneLine(err.Error()))
	return exitInput
}

// versionOnly reports whether args (args[0] is the program) ask for the
// version and nothing else: `--version`, `-v` or `version`.
func versionOnly(args []string) bool {
	return len(args) == 2 && (args[1] == "--version" || args[1] == "-v" || args[1] == "version")
}

// appName is the program name in help and version output.
const appName = "wso2lint"

// oneLine folds a message onto one line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

func newApp(stdout, stderr io.Writer, getenv env) *cli.App {
	app := &cli.App{
		Name:    appName,
		Usage:   "lint WSO2 Carbon product homes, list their ports and write firewall rules",
		Version: versionLine(toolVersion()),
		UsageText: "wso2lint [lint] [options] PATH...\n" +
			"   wso2lint ports [options] PATH...\n" +
			"   wso2lint rules --target nftables|iptables|ip6tables|firewalld [options] PATH...\n" +
			"   wso2lint catalog [--product KEY] [--format text|json|markdown]\n" +
			"   wso2lint diff [--format text|json|markdown] OLD NEW\n" +
			"   wso2lint plan-offsets [options] HOME...\n" +
			"   wso2lint explain [ID] [--format text|markdown|json]",
		Description: "Example: wso2lint ./wso2am-2.6.0\n\n" +
			"Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on usage or input errors.",
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		// Flags split their own comma lists (--allow CLASS=CIDR,CIDR keeps its class).
		DisableSliceFlagSeparator: true,
		HideHelpCommand:           true,
		Flags:                     lintFlags(),
		Action:                    func(c *cli.Context) error { return lintAction(c, getenv) },
		ExitErrHandler:            func(*cli.Context, error) {},
		OnUsageError:              onUsageError,
		Commands: []*cli.Command{
			lintCommand(getenv),
			portsCommand(),
			rulesCommand(),
			catalogCommand(),
			explainCommand(),
			diffCommand(),
			planOffsetsCommand(),
			completionCommand(),
		},
	}
	app.Flags = fastFlags(app.Flags)
	for _, c := range app.Commands {
		// No "help"/"h" subcommand: `wso2lint lint h` lints a home named h
		// (--help still works on every command).
		c.HideHelpCommand = true
		c.Before = rejectRootFlags
		c.Flags = fastFlags(c.Flags)
	}
	return app
}

// rejectRootFlags refuses options written before the command name
// (`wso2lint --offset 3 ports PATH`): they belong to the default lint command,
// and the command would otherwise run without them.
func rejectRootFlags(c *cli.Context) error {
	lineage := c.Lineage()
	if len(lineage) < 2 || lineage[1].Command == nil {
		return nil
	}
	if names := lineage[1].LocalFlagNames(); len(names) > 0 {
		return usageErr("--%s is given before the command %q; write it after: wso2lint %s --%s ...", names[0], c.Command.Name, c.Command.Name, names[0])
	}
	return nil
}

func onUsageError(c *cli.Context, err error, _ bool) error {
	return usageError(c, err)
}

// homeFlags are the flags that control how homes are read.
func homeFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "offset", Usage: "port offset given on the command line (models -DportOffset=`N`); beats the start script and carbon.xml; SERVER=N sets one server of a multi-server home (broker=5)"},
		&cli.StringFlag{Name: "profile", Usage: "start profile given on the command line (models -Dprofile=`NAME`: gateway-worker, control-plane, traffic-manager, ...); beats the start script; SERVER=NAME sets one server"},
		&cli.StringFlag{Name: "product", Usage: "product `KEY` instead of detection (am, is, ei, esb, das, mb, mi, ...)"},
		&cli.StringFlag{Name: "product-version", Usage: "product `VERSION` instead of detection"},
		&cli.Int64Flag{Name: "max-file-size", Value: parse.DefaultMaxFileSize, Usage: "largest configuration file read, in `BYTES`"},
		&cli.BoolFlag{Name: "follow-symlinks", Usage: "follow symbolic links that leave the home"},
	}
}

// outputFlag is -o FILE.
func outputFlag() cli.Flag {
	return &cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the result to `FILE` (atomically) instead of standard output"}
}

// parseOptions builds parse.Options from the home flags; offset may come from a config file.
func parseOptions(c *cli.Context, configOffset *int) (parse.Options, error) {
	opt := parse.Options{
		Product:        model.ProductKey(c.String("product")),
		Version:        c.String("product-version"),
		MaxFileSize:    c.Int64("max-file-size"),
		FollowSymlinks: c.Bool("follow-symlinks"),
	}
	if opt.MaxFileSize <= 0 {
		return opt, usageErr("--max-file-size %d: want a positive number of bytes", opt.MaxFileSize)
	}
	if c.IsSet("offset") {
		server, value := splitServer(c.String("offset"))
		n, err := parseOffsetFlag(value)
		if err != nil {
			return opt, err
		}
		if err := checkServerName("--offset", c.String("offset"), server); err != nil {
			return opt, err
		}
		opt.Offset, opt.OffsetServer = &n, server
	} else if configOffset != nil {
		n := *configOffset
		opt.Offset, opt.OffsetFromConfig = &n, true
	}
	if opt.Product != "" && !knownProduct(opt.Product) {
		return opt, usageErr("--product %q: unknown product key (known: %s)", opt.Product, strings.Join(productKeys(), ", "))
	}
	if c.IsSet("profile") {
		raw := c.String("profile")
		server, name := splitServer(raw)
		if err := checkServerName("--profile", raw, server); err != nil {
			return opt, err
		}
		known := prodtable.AllStartProfiles()
		if opt.Product != "" {
			known = prodtable.StartProfilesOf(opt.Product)
		}
		if !contains(known, name) {
			if len(known) == 0 {
				return opt, usageErr("--profile %q: product %s has no start profiles (-Dprofile)", raw, opt.Product)
			}
			return opt, usageErr("--profile %q: unknown start profile (known: %s)", raw, strings.Join(known, ", "))
		}
		opt.Profile, opt.ProfileServer = name, server
	}
	return opt, nil
}

// splitServer splits "SERVER=VALUE" (--offset broker=5, --profile
// integrator=default); a value without "=" names no server.
func splitServer(s string) (server, value string) {
	if i := strings.IndexByte(s, '='); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	}
	return "", s
}

// checkServerName refuses an empty or malformed SERVER of SERVER=VALUE; the
// home decides whether it has the server.
func checkServerName(flag, raw, server string) error {
	if strings.Contains(raw, "=") && (server == "" || strings.ContainsAny(server, " \t/")) {
		return usageErr("%s %q: want VALUE or SERVER=VALUE with a server name such as broker", flag, raw)
	}
	return nil
}

func parseOffsetFlag(s string) (int, error) {
	var n int
	if _, err := fmt.Sscan(strings.TrimSpace(s), &n); err != nil || fmt.Sprint(n) != strings.TrimLeft(strings.TrimSpace(s), "+") {
		return 0, usageErr("--offset %q: want a whole number from 0 to %d", s, parse.MaxOffset)
	}
	if !model.ValidOffset(n) {
		return 0, usageErr("--offset %d: want a whole number from 0 to %d", n, parse.MaxOffset)
	}
	return n, nil
}

// output writes data to -o FILE atomically, or to the app's writer.
func output(c *cli.Context, data []byte) error {
	return outputFrom(c, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// outputFrom streams what produce writes to -o FILE atomically (a temporary
// file renamed over FILE once produce is done, removed on any error), or to
// the app's writer through a buffer: the output is never held whole in
// memory (issue 15 item 5). The bytes are those produce writes.
func outputFrom(c *cli.Context, produce func(io.Writer) error) error {
	if name := c.String("output"); name != "" && name != "-" {
		var perr error
		err := fileWriter(c.Context).WriteFrom(c.Context, name, 0o644, func(w io.Writer) error {
			perr = produce(w)
			return perr
		})
		if err != nil && err != perr {
			return &exitError{code: exitInput, msg: fmt.Sprintf("%s: %v", name, err)}
		}
		return err
	}
	return stream(c.App.Writer, produce)
}

// outputBufferSize is the buffer between a command's output and stdout.
const outputBufferSize = 64 << 10

// stream writes what produce writes to w through a buffer. When writing to
// w fails (a closed pipe), that error is returned as is, whatever produce
// made of it.
func stream(w io.Writer, produce func(io.Writer) error) error {
	dst := &firstErrWriter{w: w}
	bw := bufio.NewWriterSize(dst, outputBufferSize)
	err := produce(bw)
	if err == nil {
		err = bw.Flush()
	}
	if dst.err != nil {
		return dst.err
	}
	return err
}

// firstErrWriter writes to w and keeps the first error.
type firstErrWriter struct {
	w   io.Writer
	err error
}

func (f *firstErrWriter) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.w.Write(p)
	f.err = err
	return n, err
}

// isTerminal reports whether w is a terminal. It asks the terminal driver
// (golang.org/x/term, an ioctl): a character device is not enough, as
// /dev/null is one too.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// buffer is a bytes.Buffer; output is built in memory so that an error never
// leaves a partial result.
type buffer = bytes.Buffer
