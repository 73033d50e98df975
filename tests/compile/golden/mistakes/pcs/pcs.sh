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
# pcs commands that build the Pacemaker configuration of the Heartbeat cluster linux-ha
# (written by hacompile --target pcs: the same configuration as --target cib).
#
# Run first, once:
#   1. On every node: install pacemaker, corosync, pcs and resource-agents (and the init
#      scripts and agents the resources below use), start pcsd, give the user hacluster a
#      password, and stop Heartbeat (systemctl disable --now heartbeat).
#   2. On one node: authenticate the nodes, then create and start the cluster:
#        pcs host auth node1 node2 -u hacluster
#        pcs cluster setup linux-ha node1 node2
#        pcs cluster start --all
#      (or install the corosync.conf of hacompile --target corosync and start the cluster).
# Then, as root on one node:  sh pcs.sh [--force]
#   --force  also create resources whose agent is not installed on this machine.
#
# How it works: `pcs cluster cib` copies the live CIB to a work file, every `pcs -f` command
# edits that file, and `pcs cluster cib-push --config` replaces the cluster's configuration
# with it in one step. When a command fails, the script stops (set -e) and pushes nothing.
# What pcs cannot set (the cluster-name property, descriptions) crm_attribute and cibadmin
# write into the same work file.
# With CIB_file=FILE in the environment, pcs and the Pacemaker tools read and write FILE
# instead of the live cluster, for a review offline:
#   cibadmin --empty > cib.xml && CIB_file=cib.xml sh pcs.sh --force && crm_verify -x cib.xml
# Run it once: on a configuration that already holds these ids the first create fails and
# nothing is pushed (remove them first with pcs resource delete ID, or use the crmsh script,
# whose `load update` replaces them).
set -e

force=
if [ "${1-}" = --force ]; then
    force=--force
    shift
fi
if [ $# -ne 0 ]; then
    echo "usage: sh $0 [--force]" >&2
    exit 2
fi

cib=$(mktemp)
trap 'rm -f "$cib"' EXIT
trap 'exit 1' HUP INT TERM
pcs cluster cib "$cib"

# Cluster properties and resource defaults.
pcs -f "$cib" property set no-quorum-policy=ignore stonith-enabled=false
CIB_file="$cib" crm_attribute --type crm_config --name cluster-name --update linux-ha
pcs -f "$cib" resource defaults update resource-stickiness=0

# haresources group IPaddr::192.0.2.10/24/eth0 (preferred node web1)
pcs -f "$cib" resource create ip_192.0.2.10 ocf:heartbeat:IPaddr2 \
    ip=192.0.2.10 nic=eth0 cidr_netmask=24 \
    op start interval=0s timeout=20s id=ip_192.0.2.10-start-interval-0s \
    op stop interval=0s timeout=20s id=ip_192.0.2.10-stop-interval-0s \
    op monitor interval=10s timeout=20s id=ip_192.0.2.10-monitor-interval-10s \
    --group group_ip_192.0.2.10 \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="ip_192.0.2.10" description="IPaddr::192.0.2.10/24/eth0"/>'
pcs -f "$cib" resource create apache2 lsb:apache2 \
    op start interval=0s timeout=60s id=apache2-start-interval-0s \
    op stop interval=0s timeout=60s id=apache2-stop-interval-0s \
    op monitor interval=15s timeout=15s id=apache2-monitor-interval-15s \
    --group group_ip_192.0.2.10 \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="apache2" description="apache2"/>'
pcs -f "$cib" resource create rsc 'lsb:#' \
    op start interval=0s timeout=60s id=rsc-start-interval-0s \
    op stop interval=0s timeout=60s id=rsc-stop-interval-0s \
    op monitor interval=15s timeout=15s id=rsc-monitor-interval-15s \
    --group group_ip_192.0.2.10 \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="rsc" description="#"/>'
pcs -f "$cib" resource create start lsb:start \
    op start interval=0s timeout=60s id=start-start-interval-0s \
    op stop interval=0s timeout=60s id=start-stop-interval-0s \
    op monitor interval=15s timeout=15s id=start-monitor-interval-15s \
    --group group_ip_192.0.2.10 \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="start" description="start"/>'
pcs -f "$cib" resource create apache ocf:heartbeat:apache \
    op start interval=0s timeout=40s id=apache-start-interval-0s \
    op stop interval=0s timeout=60s id=apache-stop-interval-0s \
    op monitor interval=10s timeout=20s id=apache-monitor-interval-10s \
    --group group_ip_192.0.2.10 \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="apache" description="apache"/>'
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<group id="group_ip_192.0.2.10" description="haresources: IPaddr::192.0.2.10/24/eth0"/>'

pcs cluster cib-push "$cib" --config
