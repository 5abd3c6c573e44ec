package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals are the signals that stop a run cleanly: the run's context is
// cancelled, a -o temporary file is removed, and wso2lint exits 128+signal.
func stopSignals() []os.Signal {
	return []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}
}

// signalError is the cause of a context cancelled by a signal.
type signalError struct{ sig syscall.Signal }

func (e signalError) Error() string { return "stopped by " + signalName(e.sig) }

// exitCode is the shell's status for a process ended by the signal.
func (e signalError) exitCode() int { return 128 + int(e.sig) }

func signalName(s syscall.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return fmt.Sprintf("signal %d", int(s))
}

// signalWatchKey is the context key of a run's *signalWatch.
type signalWatchKey struct{}

// signalWatch catches stopSignals for one run once armed: the first signal
// cancels the run's context with a signalError as its cause.
type signalWatch struct {
	cancel context.CancelCauseFunc
	once   sync.Once // arms, or (in stop) forbids arming
	ch     chan os.Signal
	done   chan struct{}
}

// signalContext returns a context that the first of stopSignals cancels, with
// a signalError as its cause (signal.NotifyContext's cause does not give the
// signal number, which the exit status needs), once armSignals has been
// called with it. Until then a signal has its default action: the process
// ends at once, which is right while nothing needs cleaning up. Installing
// the handler costs about 1.3 ms and a thread (the runtime's signal-watching
// thread), a tenth of a `--version` run, so only a run that writes a file
// atomically pays it (issue 15 item 4). After the first signal the default
// action is back: a second one ends the process at once, and the next run
// removes the temporary file it may leave. stop releases the signals.
func signalContext(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	w := &signalWatch{cancel: cancel}
	return context.WithValue(ctx, signalWatchKey{}, w), func() {
		w.once.Do(func() {}) // no arming after stop
		if w.ch != nil {
			signal.Stop(w.ch)
			close(w.done)
		}
		cancel(nil)
	}
}

// armSignals starts catching stopSignals for the run of ctx, if ctx comes
// from signalContext (in-process runs, as in tests, have none); calling it
// again does nothing. Every -o or --write-baseline write calls it before it
// creates its temporary file.
func armSignals(ctx context.Context) {
	w, ok := ctx.Value(signalWatchKey{}).(*signalWatch)
	if !ok {
		return
	}
	w.once.Do(func() {
		w.ch = make(chan os.Signal, 1)
		w.done = make(chan struct{})
		signal.Notify(w.ch, stopSignals()...)
		go func(ch chan os.Signal, done chan struct{}) {
			select {
			case s := <-ch:
				signal.Stop(ch)
				sig, _ := s.(syscall.Signal)
				w.cancel(signalError{sig})
			case <-done:
			}
		}(w.ch, w.done)
	})
}
