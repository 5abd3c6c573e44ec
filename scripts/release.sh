#!/usr/bin/env bash
# release.sh [DIST] cross-builds the release archives of wso2lint into DIST
# (default dist/), with a SHA256SUMS file, reproducibly: two runs on the same
# commit give byte-identical archives (make release runs it).
#
# Environment:
#   VERSION            the version to stamp (-X main.version); default: git describe
#                      --tags --dirty, else empty (the binary then reports the module
#                      version from its build information)
#   SOURCE_DATE_EPOCH  the time stamped on every archive member (seconds since
#                      1970); default: the commit time of HEAD, else 0
#   RELEASE_TARGETS    GOOS/GOARCH pairs, space separated; default: linux/amd64
#                      linux/arm64 darwin/arm64 windows/amd64
#   GO                 the go command (default: go)
# Needs GNU tar, gzip, zip and sha256sum (Debian: tar gzip zip coreutils).
set -euo pipefail
cd "$(dirname "$0")/.."

dist=${1:-dist}
GO=${GO:-go}
VERSION=${VERSION-$(git describe --tags --dirty 2>/dev/null || true)}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
RELEASE_TARGETS=${RELEASE_TARGETS:-linux/amd64 linux/arm64 darwin/arm64 windows/amd64}
export SOURCE_DATE_EPOCH TZ=UTC LC_ALL=C
umask 022

for tool in tar gzip zip sha256sum; do
  command -v "$tool" >/dev/null || { echo "release.sh: $tool not found (apt-get install -y $tool)" >&2; exit 1; }
done
case $SOURCE_DATE_EPOCH in
  '' | *[!0-9]*) echo "release.sh: SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH: want whole seconds" >&2; exit 1 ;;
esac

# The archive name carries the version without a leading v; a build without a
# version is named "dev".
name_version=${VERSION#v}
name_version=${name_version:-dev}

mkdir -p "$dist"
dist=$(cd "$dist" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

archives=()
for target in $RELEASE_TARGETS; do
  goos=${target%/*} goarch=${target#*/}
  if [ -z "$goos" ] || [ -z "$goarch" ] || [ "$goos/$goarch" != "$target" ]; then
    echo "release.sh: target $target: want GOOS/GOARCH" >&2
    exit 1
  fi
  base="wso2lint_${name_version}_${goos}_${goarch}"
  stage="$work/$base"
  mkdir -p "$stage"
  exe=wso2lint
  [ "$goos" = windows ] && exe=wso2lint.exe
  # -trimpath drops local paths, -buildid= and a fixed version leave nothing
  # that depends on where or when the build ran.
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch "$GO" build -trimpath \
    -ldflags "-s -w -buildid= -X main.version=$VERSION" -o "$stage/$exe" ./cmd/wso2lint
  cp LICENSE NOTICE README.md "$stage/"
  chmod 0755 "$stage/$exe"
  chmod 0644 "$stage/LICENSE" "$stage/NOTICE" "$stage/README.md"
  chmod 0755 "$stage"
  find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  if [ "$goos" = windows ]; then
    out="$base.zip"
    rm -f "$dist/$out"
    # -X: no extra attributes (uid/gid, atime); -D: no directory entries; files in
    # a fixed order.
    (cd "$work" && zip -q -X -D "$dist/$out.tmp" "$base/$exe" "$base/LICENSE" "$base/NOTICE" "$base/README.md")
    mv "$dist/$out.tmp" "$dist/$out"
  else
    out="$base.tar.gz"
    tar --sort=name --format=ustar --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
      -C "$work" -cf - "$base" | gzip -9 -n >"$dist/$out.tmp"
    mv "$dist/$out.tmp" "$dist/$out"
  fi
  archives+=("$out")
  echo "release.sh: $dist/$out"
done

(cd "$dist" && sha256sum "${archives[@]}" >SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)
echo "release.sh: $dist/SHA256SUMS"
