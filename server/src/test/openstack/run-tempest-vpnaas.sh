#!/bin/sh
# run-tempest-vpnaas.sh - run Debian's neutron-tempest-plugin VPNaaS API tests (34) against
# any Keystone v3 whose catalog has a 'network' endpoint (vpnd, the neutron peer, the stub).
#
# Environment:
#   KEYSTONE_URL     required, e.g. http://127.0.0.1:35357   (a trailing /v3 is stripped)
#   OUT_DIR          run directory (created; default: mktemp -d)
#   ADMIN_USER ADMIN_PASSWORD ADMIN_PROJECT   default admin / secret / admin  (has role 'admin')
#   USER_NAME USER_PASSWORD USER_PROJECT      default demo / secret / demo    (no 'admin' role)
#   PUBLIC_NETWORK_ID  external network to use; if empty one is created as admin through
#                      the catalog's network endpoint (POST /v2.0/networks + /v2.0/subnets)
#   REGEX            default ^neutron_tempest_plugin\.vpnaas\.api\.
#   EXPECTED         number of tests that must pass (default 34)
#   TEMPLATES        directory holding tempest.conf.template / accounts.yaml.template
#                    (default: templates/ next to this script)
# Output in OUT_DIR: tempest.conf accounts.yaml results.subunit results.csv junit.xml
#   (if python3-junitxml) tempest.log (full HTTP trace) summary.txt
# Exit: 0 all EXPECTED passed; 1 some failed/missing; 2 usage/setup error.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TEMPLATES=${TEMPLATES:-$HERE/templates}
: "${KEYSTONE_URL:?KEYSTONE_URL is required}"
KEYSTONE_URL=${KEYSTONE_URL%/}; KEYSTONE_URL=${KEYSTONE_URL%/v3}
OUT_DIR=${OUT_DIR:-$(mktemp -d)}
ADMIN_USER=${ADMIN_USER:-admin}; ADMIN_PASSWORD=${ADMIN_PASSWORD:-secret}; ADMIN_PROJECT=${ADMIN_PROJECT:-admin}
USER_NAME=${USER_NAME:-demo}; USER_PASSWORD=${USER_PASSWORD:-secret}; USER_PROJECT=${USER_PROJECT:-demo}
REGEX=${REGEX:-'^neutron_tempest_plugin\.vpnaas\.api\.'}
EXPECTED=${EXPECTED:-34}
PY=/usr/bin/python3          # Debian's python: the one tempest is installed for (not pyenv's)

command -v tempest >/dev/null 2>&1 || { echo "run-tempest-vpnaas: tempest not installed" >&2; exit 2; }
mkdir -p "$OUT_DIR/lock" || exit 2
OUT_DIR=$(cd "$OUT_DIR" && pwd)
cd "$OUT_DIR" || exit 2

if [ -z "${PUBLIC_NETWORK_ID:-}" ]; then
  PUBLIC_NETWORK_ID=$(KEYSTONE_URL=$KEYSTONE_URL U=$ADMIN_USER P=$ADMIN_PASSWORD PR=$ADMIN_PROJECT $PY - <<'EOF'
import json, os, sys, urllib.request
def call(method, url, body=None, token=None):
    req = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"Content-Type": "application/json", "Accept": "application/json"})
    if token:
        req.add_header("X-Auth-Token", token)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.headers, json.loads(r.read() or b"{}")
dom = {"name": "Default"}
h, b = call("POST", os.environ["KEYSTONE_URL"] + "/v3/auth/tokens", {"auth": {
    "identity": {"methods": ["password"], "password": {"user": {
        "name": os.environ["U"], "domain": dom, "password": os.environ["P"]}}},
    "scope": {"project": {"name": os.environ["PR"], "domain": dom}}}})
tok = h["X-Subject-Token"]
net = [s for s in b["token"]["catalog"] if s["type"] == "network"][0]["endpoints"]
url = ([e for e in net if e["interface"] == "public"] or net)[0]["url"].rstrip("/")
_, n = call("POST", url + "/v2.0/networks", {"network": {
    "name": "tempest-public", "router:external": True, "admin_state_up": True,
    "provider:network_type": "flat", "provider:physical_network": "public"}}, tok)
nid = n["network"]["id"]
call("POST", url + "/v2.0/subnets", {"subnet": {
    "name": "tempest-public-subnet", "network_id": nid, "ip_version": 4,
    "cidr": "172.24.4.0/24", "gateway_ip": "172.24.4.1", "enable_dhcp": False}}, tok)
print(nid)
EOF
) || { echo "run-tempest-vpnaas: could not create the external network as $ADMIN_USER" >&2; exit 2; }
fi

sed -e "s#@KEYSTONE_URL@#$KEYSTONE_URL#g" -e "s#@WORK_DIR@#$OUT_DIR#g" \
    -e "s#@PUBLIC_NETWORK_ID@#$PUBLIC_NETWORK_ID#g" "$TEMPLATES/tempest.conf.template" > tempest.conf
sed -e "s#@ADMIN_USER@#$ADMIN_USER#" -e "s#@ADMIN_PROJECT@#$ADMIN_PROJECT#" \
    -e "s#@ADMIN_PASSWORD@#$ADMIN_PASSWORD#" -e "s#@USER@#$USER_NAME#" \
    -e "s#@PROJECT@#$USER_PROJECT#" -e "s#@PASSWORD@#$USER_PASSWORD#" \
    "$TEMPLATES/accounts.yaml.template" > accounts.yaml

# 'tempest run --config-file' needs no workspace: it writes .stestr.conf into the cwd and
# stestr creates .stestr/ there.  With --subunit the exit code is 0 even when tests fail,
# so the verdict comes from the stream.  Clear OS_* so a stray clouds.yaml/env cannot leak in.
for v in $(env | sed -n 's/^\(OS_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
tempest run --config-file "$OUT_DIR/tempest.conf" --regex "$REGEX" --serial --subunit \
    > results.subunit 2> tempest-run.stderr
rc_run=$?
subunit2csv < results.subunit > results.csv 2>/dev/null
command -v subunit2junitxml >/dev/null 2>&1 && subunit2junitxml < results.subunit > junit.xml 2>/dev/null

EXPECTED=$EXPECTED $PY - <<'EOF'
import csv, os, sys
rows = list(csv.DictReader(open("results.csv")))
st = {}
for r in rows:
    st[r["status"]] = st.get(r["status"], 0) + 1
ok = st.get("success", 0)
failed = sum(v for k, v in st.items() if k in ("fail", "failure", "error", "uxsuccess"))
skipped = st.get("skip", 0)
lines = ["%s %s" % (r["status"], r["test"]) for r in rows]
with open("summary.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
print("tempest-vpnaas summary: passed=%d failed=%d skipped=%d expected=%s" % (ok, failed, skipped, os.environ["EXPECTED"]))
for r in rows:
    if r["status"] != "success":
        print("  %s %s" % (r["status"], r["test"]))
sys.exit(0 if failed == 0 and ok >= int(os.environ["EXPECTED"]) else 1)
EOF
rc=$?
[ $rc_run -ne 0 ] && echo "run-tempest-vpnaas: tempest run exited $rc_run, see $OUT_DIR/tempest-run.stderr" >&2
echo "run-tempest-vpnaas: results in $OUT_DIR (results.csv, junit.xml, tempest.log)"
exit $rc
