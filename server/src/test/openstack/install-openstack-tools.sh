#!/bin/sh
# install-openstack-tools.sh - install Debian's OpenStack CLI + tempest + neutron-tempest-plugin
# for vpnd's Neutron/Keystone dialect tests.  Idempotent.
#
#   install-openstack-tools.sh           install if missing
#   install-openstack-tools.sh --check   only report: exit 0 if usable, 1 if not (never installs)
#
# Exit codes: 0 tools usable (already there or just installed)
#             1 (--check only) not installed
#             2 not root, cannot install
#             3 apt-get missing (not a Debian-like machine)
#             4 apt-get update/install failed (output in $LOG)
#             5 installed, but the post-install self-check failed
# The last line on stderr/stdout says why; a JUnit test can use it as the skip reason.
set -u

PKGS="python3-openstackclient python3-neutronclient tempest neutron-tempest-plugin python3-junitxml"
LOG=${LOG:-${TMPDIR:-/tmp}/install-openstack-tools.log}

missing() {
  m=""
  for p in $PKGS; do
    s=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
    case "$s" in ii*) ;; *) m="$m $p" ;; esac
  done
  echo "$m"
}

selfcheck() {
  # Debian's tools must run under Debian's python (/usr/bin/python3), not a pyenv/venv one.
  /usr/bin/openstack vpn ike policy list --help >/dev/null 2>&1 || { echo "openstack vpn plugin not loadable"; return 1; }
  # NB: do not import the test module itself here: that loads tempest's configuration, which
  # falls back to /etc/tempest/{tempest,logging}.conf and writes ./tempest.log into the cwd.
  [ -f /usr/lib/python3/dist-packages/neutron_tempest_plugin/vpnaas/api/test_vpnaas.py ] \
      || { echo "neutron_tempest_plugin vpnaas api tests not found"; return 1; }
  (cd / && /usr/bin/python3 -c 'import tempest.cmd.main, neutron_tempest_plugin.plugin, subunit, junitxml') \
      >/dev/null 2>&1 || { echo "tempest / neutron_tempest_plugin not importable by /usr/bin/python3"; return 1; }
  return 0
}

MISSING=$(command -v dpkg-query >/dev/null 2>&1 && missing || echo "$PKGS")

if [ -z "$MISSING" ]; then
  if why=$(selfcheck); then
    echo "install-openstack-tools: already installed ($PKGS)"
    exit 0
  fi
  [ "${1:-}" = "--check" ] && { echo "install-openstack-tools: installed but unusable: $why"; exit 1; }
  echo "install-openstack-tools: installed but unusable ($why), reinstalling"
  MISSING=$PKGS
fi

if [ "${1:-}" = "--check" ]; then
  echo "install-openstack-tools: missing:$MISSING"
  exit 1
fi

if [ "$(id -u)" != 0 ]; then
  echo "install-openstack-tools: not root, cannot apt-get install:$MISSING" >&2
  exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-openstack-tools: apt-get not found, cannot install:$MISSING" >&2
  exit 3
fi

# None of these packages ships a daemon, but keep maintainer scripts from starting any
# service that a dependency might bring (same guard as the neutron peer's setup.sh).
CREATED_POLICY=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && CREATED_POLICY=1
fi
cleanup() { [ -n "$CREATED_POLICY" ] && rm -f /usr/sbin/policy-rc.d; }
trap cleanup EXIT INT TERM

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
echo "install-openstack-tools: installing:$MISSING (log: $LOG)"
if ! apt-get update >"$LOG" 2>&1; then
  echo "install-openstack-tools: apt-get update failed, see $LOG: $(tail -n 1 "$LOG")" >&2
  exit 4
fi
# shellcheck disable=SC2086
if ! apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confold $MISSING >>"$LOG" 2>&1; then
  echo "install-openstack-tools: apt-get install failed, see $LOG: $(tail -n 1 "$LOG")" >&2
  exit 4
fi
if ! why=$(selfcheck); then
  echo "install-openstack-tools: installed but self-check failed: $why" >&2
  exit 5
fi
echo "install-openstack-tools: installed in $(( $(date +%s) - start )) s"
exit 0
