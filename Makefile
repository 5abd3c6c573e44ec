# wso2lint developer tasks. `make test` is what CI runs (see .ci/run).
GO       ?= go
BIN      ?= bin/wso2lint
PKGS     := ./...
# VERSION is the release tag when HEAD has one; without it the binary reports
# the module version and commit from its build information (internal/buildinfo).
VERSION  ?= $(shell git describe --tags --dirty 2>/dev/null)
LDFLAGS  := -X main.version=$(VERSION)
# Release builds are static (no cgo: no dynamic loader at start-up) and leave
# out urfave/cli's man/markdown generators, which wso2lint never calls (issue 15 item 4).
BUILDENV := CGO_ENABLED=0
BUILDTAGS := urfave_cli_no_docs
FUZZTIME ?= 10s
FUZZLONGTIME ?= 5m

.PHONY: all build install test unit race lint vet fmt staticcheck bench fuzz fuzz-long docs clean

all: build

build:
	$(BUILDENV) $(GO) build -trimpath -tags '$(BUILDTAGS)' -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/wso2lint

install:
	$(BUILDENV) $(GO) install -trimpath -tags '$(BUILDTAGS)' -ldflags '$(LDFLAGS)' ./cmd/wso2lint

# test: static checks, then every test with the race detector, then a short fuzz pass.
test: lint race fuzz

unit:
	$(GO) test $(PKGS)

race:
	$(GO) test -race -count=1 -timeout 20m $(PKGS)

lint: fmt vet staticcheck

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

# staticcheck is pinned in go.mod as a tool (go get -tool honnef.co/go/tools/cmd/staticcheck@v0.8.2).
staticcheck:
	$(GO) tool staticcheck $(PKGS)

# fuzz runs every fuzz target of every package for FUZZTIME each (CI's short pass),
# minimising new inputs briefly and failing a target that makes too few executions
# (see scripts/fuzz.sh: FUZZMINIMIZETIME, FUZZMINEXECS).
fuzz:
	@./scripts/fuzz.sh $(FUZZTIME)

# fuzz-long runs every fuzz target for FUZZLONGTIME each (minutes; not part of make test).
fuzz-long:
	@FUZZMINIMIZETIME=$${FUZZMINIMIZETIME:-10s} FUZZMINEXECS=$${FUZZMINEXECS:-10000} ./scripts/fuzz.sh $(FUZZLONGTIME)

# bench: go test benchmarks, then whole-process timings against xmllint (scripts/bench.sh).
bench: build
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)
	@./scripts/bench.sh $(BIN)

# docs regenerates docs/rules.md and docs/ports.md from the code.
docs:
	$(GO) test ./lint/ ./catalog/ -run 'Doc' -update

# release cross-builds linux/amd64, linux/arm64, darwin/arm64 and windows/amd64
# archives with SHA256SUMS into DIST, reproducibly (scripts/release.sh).
.PHONY: release
DIST ?= dist
release:
	VERSION='$(VERSION)' GO='$(GO)' ./scripts/release.sh $(DIST)

clean:
	rm -rf bin dist
