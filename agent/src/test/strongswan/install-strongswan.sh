#!/bin/sh
# install-strongswan.sh - install the Debian packages the agent's real-charon tests need.  Idempotent.
#
#   install-strongswan.sh           install if missing
#   install-strongswan.sh --check   only report: exit 0 if usable, 1 if not (never installs)
#
# charon-systemd                  the IKE daemon (/usr/sbin/charon-systemd; needs no running systemd)
# strongswan-swanctl              the vici plugin (charon's control socket)
# libstrongswan-standard-plugins  the openssl plugin: DES, 3DES, ECP, curve25519
# libcharon-extra-plugins         kernel-libipsec: ESP in userspace, for kernels without XFRM ESP
# iputils-ping                    ping through the tunnels
#
# Exit codes: 0 usable (already there or just installed), 1 (--check only) missing, 2 not root,
# 3 no apt-get, 4 apt-get failed (output in $LOG), 5 installed but something is still missing.
# The last line of output says why; the JUnit harness uses it as its skip (or failure) reason.
set -u

PKGS="charon-systemd strongswan-swanctl libstrongswan-standard-plugins libcharon-extra-plugins iputils-ping"
LOG=${LOG:-${TMPDIR:-/tmp}/install-strongswan.log}
PLUGINS=/usr/lib/ipsec/plugins

selfcheck() {
  [ -x /usr/sbin/charon-systemd ] || { echo "/usr/sbin/charon-systemd missing"; return 1; }
  for p in vici openssl kernel-libipsec kernel-netlink; do
    [ -e "$PLUGINS/libstrongswan-$p.so" ] || { echo "charon plugin $p missing"; return 1; }
  done
  command -v ping >/dev/null 2>&1 || { echo "ping missing"; return 1; }
  command -v ip >/dev/null 2>&1 || { echo "ip (iproute2) missing"; return 1; }
  return 0
}

if why=$(selfcheck); then
  echo "install-strongswan: already installed"
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  echo "install-strongswan: not usable: $why"
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-strongswan: not root, cannot apt-get install ($why)"
  exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-strongswan: apt-get not found, cannot install ($why)"
  exit 3
fi

# dpkg starts no daemon here (no systemd running), but keep maintainer scripts from trying.
CREATED_POLICY=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && CREATED_POLICY=1
fi
cleanup() { [ -n "$CREATED_POLICY" ] && rm -f /usr/sbin/policy-rc.d; }
trap cleanup EXIT INT TERM

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
echo "install-strongswan: installing $PKGS (log: $LOG)"
if ! apt-get update >"$LOG" 2>&1; then
  echo "install-strongswan: apt-get update failed, see $LOG: $(tail -n 1 "$LOG")"
  exit 4
fi
# shellcheck disable=SC2086
if ! apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confold $PKGS >>"$LOG" 2>&1; then
  echo "install-strongswan: apt-get install failed, see $LOG: $(tail -n 1 "$LOG")"
  exit 4
fi
if ! why=$(selfcheck); then
  echo "install-strongswan: installed, but $why"
  exit 5
fi
echo "install-strongswan: installed in $(( $(date +%s) - start )) s"
exit 0
