#!/bin/sh
# validate.sh: check generated wso2lint firewall files with the real tools,
# without touching this host: every nft/iptables run happens in a private
# network namespace (unshare -n), firewalld checks run on a copy of
# /etc/firewalld bind-mounted over the real one in a private mount namespace.
#
# usage: validate.sh FILE...
#   *.nft                  nftables (standalone table, or a fragment: included in a test table)
#   *.v4 | *.iptables      iptables-restore input (fragment when it declares no INPUT chain)
#   *.v6 | *.ip6tables     ip6tables-restore input
#   *.firewalld.txt        firewalld single-stream output (files after "# ===== file: NAME =====")
#   *.xml                  firewalld service or zone files (checked together)
#   *.sh                   firewalld firewall-cmd script (run against the copy, twice)
#
# Needs root and: nftables iptables firewalld util-linux (unshare, mount).
set -eu

die() { echo "validate.sh: $*" >&2; exit 2; }
[ "$#" -gt 0 ] || die "usage: validate.sh FILE..."
[ "$(id -u)" = 0 ] || die "must run as root (network and mount namespaces)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1" >&2; fail=1; }

need() { command -v "$1" >/dev/null 2>&1 || die "missing tool $1"; }

# fwcopy DIR: a private copy of the firewalld configuration.
fwcopy() { mkdir -p "$1"; cp -a /etc/firewalld/. "$1"/; mkdir -p "$1/services" "$1/zones"; }

# fwcheck DIR [PREPARE]: run PREPARE then check-config with DIR over /etc/firewalld.
fwcheck() {
	unshare -m -n sh -c 'set -e; mount --bind "$1" /etc/firewalld; eval "$2"; firewall-offline-cmd --system-config "$1" --check-config' \
		sh "$1" "${2:-true}"
}

check_nft() {
	need nft
	f=$1
	if grep -q '^table inet wso2lint {$' "$f"; then
		load=$f
	else
		load=$tmp/wrapper.nft
		{
			printf 'table inet filter {\n\tinclude "%s"\n' "$(realpath "$f")"
			echo '	chain input { type filter hook input priority filter; policy drop; jump wso2lint-in; }'
			if grep -q 'chain wso2lint-out {' "$f"; then
				echo '	chain output { type filter hook output priority filter; policy drop; jump wso2lint-out; }'
			fi
			echo '}'
		} >"$load"
	fi
	unshare -n nft -c -f "$load" && unshare -n sh -c 'nft -f "$1" && nft list ruleset >/dev/null' sh "$load"
}

check_ipt() {
	cmd=$1 f=$2
	need "$cmd-legacy-restore"; need "$cmd-nft-restore"; need "$cmd-nft-save"
	flush=--noflush
	grep -q '^:INPUT ' "$f" && flush=
	unshare -n "$cmd-legacy-restore" --test "$f" &&
		unshare -n sh -c "$cmd-nft-restore $flush \"\$1\" && $cmd-nft-save >/dev/null" sh "$f"
}

xmls=
for f in "$@"; do
	[ -f "$f" ] || die "no such file $f"
	case $f in
	*.nft) if check_nft "$f"; then ok "$f"; else bad "$f"; fi ;;
	*.v4 | *.iptables) if check_ipt iptables "$f"; then ok "$f"; else bad "$f"; fi ;;
	*.v6 | *.ip6tables) if check_ipt ip6tables "$f"; then ok "$f"; else bad "$f"; fi ;;
	*.firewalld.txt)
		need firewall-offline-cmd
		d=$tmp/fw-stream; rm -rf "$d"; fwcopy "$d"
		awk -v d="$d" '/^# ===== file: [^ ]+ =====$/ { out = d "/" $4; next } out != "" { print > out }' "$f"
		if fwcheck "$d"; then ok "$f"; else bad "$f"; fi ;;
	*.xml) xmls="$xmls $f" ;;
	*.sh)
		need firewall-offline-cmd
		d=$tmp/fw-script; rm -rf "$d"; fwcopy "$d"
		shim=$tmp/shim; mkdir -p "$shim"
		cat >"$shim/firewall-cmd" <<'SHIM'
#!/bin/sh
for a in "$@"; do [ "$a" = --reload ] && exit 0; done
[ "$1" = --permanent ] && shift
exec firewall-offline-cmd --system-config "$FWDIR" "$@"
SHIM
		chmod +x "$shim/firewall-cmd"
		s=$(realpath "$f")
		if fwcheck "$d" "export FWDIR=\"\$1\" PATH=\"$shim:\$PATH\"; sh \"$s\" >/dev/null; sh \"$s\" >/dev/null"; then ok "$f"; else bad "$f"; fi ;;
	*) die "unknown file type $f" ;;
	esac
done

if [ -n "$xmls" ]; then
	need firewall-offline-cmd
	d=$tmp/fw-xml; fwcopy "$d"
	for f in $xmls; do
		if grep -q '<zone>' "$f"; then cp "$f" "$d/zones/"; else cp "$f" "$d/services/"; fi
	done
	if fwcheck "$d"; then ok "$xmls"; else bad "$xmls"; fi
fi
exit "$fail"
