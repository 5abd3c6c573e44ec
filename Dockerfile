# syntax=docker/dockerfile:1
# wso2lint container image: the static binary on an empty base, run as a
# non-root user. Build: docker build -t wso2lint --build-arg VERSION=v1.2.3 .
# Use:   docker run --rm -v "$PWD:/work" wso2lint lint /work/wso2am-4.2.0
#
# internal/packaging/dockerfile_test.go lints this file and runs its build
# step as a script; keep the build command on one RUN line.

FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=""
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -buildid= -X main.version=${VERSION}" -o /out/wso2lint ./cmd/wso2lint

FROM scratch
LABEL org.opencontainers.image.title="wso2lint" \
      org.opencontainers.image.description="Lint WSO2 Carbon product homes, list their ports and write firewall rules" \
      org.opencontainers.image.source="https://github.com/wso2lint/wso2lint" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /out/wso2lint /usr/local/bin/wso2lint
COPY LICENSE NOTICE /usr/share/doc/wso2lint/
ENV PATH=/usr/local/bin
WORKDIR /work
USER 65532:65532
ENTRYPOINT ["wso2lint"]
CMD ["--help"]
