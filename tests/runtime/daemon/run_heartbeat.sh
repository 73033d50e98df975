#!/bin/sh
# Starts Debian's real heartbeat 3.0.6 for harun's interop tests, inside the network namespace
# this runs in, with a private /etc/ha.d, /var/lib/heartbeat and /run (mount namespace) and its
# own host name (UTS namespace), so nothing of the machine's own heartbeat set-up is touched.
# Heartbeat detaches; the caller stops it by killing every process of the network namespace.
#
# usage: run_heartbeat.sh NODE_NAME CONFIG_DIR WORK_DIR
set -e
node=$1; config=$2; work=$3
mkdir -p "$work/etc-ha.d" "$work/var-lib-heartbeat"
cp -a /etc/ha.d/. "$work/etc-ha.d/"
cp "$config/ha.cf" "$config/haresources" "$config/authkeys" "$work/etc-ha.d/"
chmod 600 "$work/etc-ha.d/authkeys"
cp -a /var/lib/heartbeat/. "$work/var-lib-heartbeat/"
exec unshare -m -u --propagation private sh -c "
  mount --bind '$work/etc-ha.d' /etc/ha.d
  mount --bind '$work/var-lib-heartbeat' /var/lib/heartbeat
  mount -t tmpfs tmpfs /run
  mkdir -p /run/heartbeat/ccm /run/heartbeat/crm /run/heartbeat/dopd /run/resource-agents /run/lock
  chown -R hacluster:haclient /run/heartbeat
  hostname '$node'
  exec /usr/libexec/heartbeat/heartbeat
"
