#!/usr/bin/env bash
# Installs a released wso2lint for the GitHub Action (action.yml): downloads the
# archive for the runner's platform and SHA256SUMS from the release, checks the
# checksum, unpacks the binary into $RUNNER_TEMP and adds it to $GITHUB_PATH.
#
# Environment: WSO2LINT_VERSION (a tag such as v1.2.3, or latest),
# WSO2LINT_DOWNLOAD_URL (default https://github.com/wso2lint/wso2lint/releases;
# the archives are under DOWNLOAD_URL/download/TAG/), RUNNER_OS, RUNNER_ARCH,
# RUNNER_TEMP, GITHUB_PATH (set by the runner).
set -euo pipefail

version=${WSO2LINT_VERSION:-latest}
base=${WSO2LINT_DOWNLOAD_URL:-https://github.com/wso2lint/wso2lint/releases}
base=${base%/}

if [ "$version" = latest ]; then
  # github.com/OWNER/REPO/releases/latest redirects to .../releases/tag/TAG.
  url=$(curl -fsSL -o /dev/null -w '%{url_effective}' "$base/latest")
  version=${url##*/}
  [ -n "$version" ] && [ "$version" != latest ] || { echo "wso2lint: cannot find the latest release at $base" >&2; exit 1; }
fi

case ${RUNNER_OS:-$(uname -s)} in
  Linux) os=linux ;;
  macOS | Darwin) os=darwin ;;
  Windows | MINGW* | MSYS*) os=windows ;;
  *) echo "wso2lint: unsupported runner OS ${RUNNER_OS:-$(uname -s)}" >&2; exit 1 ;;
esac
case ${RUNNER_ARCH:-$(uname -m)} in
  X64 | x86_64 | amd64) arch=amd64 ;;
  ARM64 | aarch64 | arm64) arch=arm64 ;;
  *) echo "wso2lint: unsupported runner architecture ${RUNNER_ARCH:-$(uname -m)}" >&2; exit 1 ;;
esac

# Archive names as scripts/release.sh writes them: the tag without its v.
name="wso2lint_${version#v}_${os}_${arch}"
archive="$name.tar.gz"
[ "$os" = windows ] && archive="$name.zip"

dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/wso2lint-$version"
mkdir -p "$dir"
cd "$dir"
echo "wso2lint: downloading $base/download/$version/$archive"
curl -fsSL -o "$archive" "$base/download/$version/$archive"
curl -fsSL -o SHA256SUMS "$base/download/$version/SHA256SUMS"
grep -F "  $archive" SHA256SUMS >SHA256SUMS.this || { echo "wso2lint: $archive is not in SHA256SUMS" >&2; exit 1; }
sha256sum -c SHA256SUMS.this >/dev/null || { echo "wso2lint: checksum of $archive does not match SHA256SUMS" >&2; exit 1; }
if [ "$os" = windows ]; then
  unzip -q -o "$archive"
else
  tar -xzf "$archive"
fi
"$dir/$name/wso2lint" --version
echo "$dir/$name" >>"${GITHUB_PATH:?GITHUB_PATH is not set (run by the GitHub runner)}"
