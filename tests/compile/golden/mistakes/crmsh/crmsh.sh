#!/bin/sh
# Written with --force although the input has errors:
# examples/mistakes/node1/authkeys:6:6: auth 1 has no key line 1 after it
# examples/mistakes/node1/ha.cf:8:11: keepalive: '2s' is not a time Heartbeat accepts: write seconds as a bare number (2, 0.5) or add 'ms' or 'us' (2000ms); 's', 'sec' and 'min' are errors
# examples/mistakes/node1/haresources:8:1: haresources group 'IPaddr::192.0.2.10/24/eth0' is owned by 'web1', which is not a declared node
# examples/mistakes/node2/authkeys:8:1: key 1 uses crc on node2 but sha1 on node1
# examples/mistakes/node2/authkeys:8:7: key 1 uses crc, which takes no key, but the line has one: '#' is not a comment here (Heartbeat: "Auth method [crc] doesn't use a key")
# examples/mistakes/node2/ha.cf:6:13: logfacility 'LOCAL0' is not a syslog facility (names are lower case: daemon, local0..local7, ..., or none)
# examples/mistakes/node2/ha.cf:8:1: unknown directive 'Keepalive'; did you mean 'keepalive'?
# examples/mistakes/node2/ha.cf:14:12: node1 and node2 both send their ucast heartbeats only to 198.51.100.2: one of them points at itself and its peer never hears it
# examples/mistakes/node2/haresources:8:1: haresources group 'IPaddr::192.0.2.10/24/eth0' is owned by 'web1', which is not a declared node
#
# crmsh configuration of the Heartbeat cluster linux-ha, loaded with crm configure
# (written by hacompile --target crmsh: the same configuration as --target cib).
#
# Run first, once:
#   1. On every node (node1 node2): install pacemaker, corosync, crmsh and
#      resource-agents (and the init scripts and agents the resources below use), and stop
#      Heartbeat (systemctl disable --now heartbeat).
#   2. Create the cluster: on node1  crm cluster init --name linux-ha
#      then on each other node  crm cluster join -c node1
#      (or install the corosync.conf of hacompile --target corosync and start the cluster).
# Then, as root on one node:  sh crmsh.sh [--force]
#   --force  (crm -F) also commit resources whose agent is not installed on this machine.
#
# How it works: `crm configure load update -` reads the configuration below and commits it in
# one step; when it fails nothing changes. Elements whose ids already exist are replaced and
# the rest of the configuration is kept, so running the script again is harmless.
# With CIB_file=FILE in the environment, crm reads and writes FILE instead of the live
# cluster, for a review offline:
#   cibadmin --empty > cib.xml && CIB_file=cib.xml sh crmsh.sh --force && crm_verify -x cib.xml
set -e

force=
if [ "${1-}" = --force ]; then
    force=-F
    shift
fi
if [ $# -ne 0 ]; then
    echo "usage: sh $0 [--force]" >&2
    exit 2
fi

crm $force configure load update - <<'HAKIT_CRM_CONFIGURATION'
property cluster-name=linux-ha no-quorum-policy=ignore stonith-enabled=false
rsc_defaults resource-stickiness=0
# haresources group IPaddr::192.0.2.10/24/eth0 (preferred node web1)
primitive ip_192.0.2.10 ocf:heartbeat:IPaddr2 description=IPaddr::192.0.2.10/24/eth0 \
    params ip=192.0.2.10 nic=eth0 cidr_netmask=24 \
    op start interval=0s timeout=20s id=ip_192.0.2.10-start-interval-0s \
    op stop interval=0s timeout=20s id=ip_192.0.2.10-stop-interval-0s \
    op monitor interval=10s timeout=20s id=ip_192.0.2.10-monitor-interval-10s
primitive apache2 lsb:apache2 description=apache2 \
    op start interval=0s timeout=60s id=apache2-start-interval-0s \
    op stop interval=0s timeout=60s id=apache2-stop-interval-0s \
    op monitor interval=15s timeout=15s id=apache2-monitor-interval-15s
primitive rsc "lsb:#" description="#" \
    op start interval=0s timeout=60s id=rsc-start-interval-0s \
    op stop interval=0s timeout=60s id=rsc-stop-interval-0s \
    op monitor interval=15s timeout=15s id=rsc-monitor-interval-15s
primitive start lsb:start description=start \
    op start interval=0s timeout=60s id=start-start-interval-0s \
    op stop interval=0s timeout=60s id=start-stop-interval-0s \
    op monitor interval=15s timeout=15s id=start-monitor-interval-15s
primitive apache ocf:heartbeat:apache description=apache \
    op start interval=0s timeout=40s id=apache-start-interval-0s \
    op stop interval=0s timeout=60s id=apache-stop-interval-0s \
    op monitor interval=10s timeout=20s id=apache-monitor-interval-10s
group group_ip_192.0.2.10 ip_192.0.2.10 apache2 rsc start apache description="haresources: IPaddr::192.0.2.10/24/eth0"
HAKIT_CRM_CONFIGURATION
