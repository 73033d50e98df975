#!/bin/sh
# crmsh configuration of the Heartbeat cluster linux-ha, loaded with crm configure
# (written by hacompile --target crmsh: the same configuration as --target cib).
#
# Run first, once:
#   1. On every node (srv5.localdomain srv6.localdomain): install pacemaker, corosync, crmsh and
#      resource-agents (and the init scripts and agents the resources below use), and stop
#      Heartbeat (systemctl disable --now heartbeat).
#   2. Create the cluster: on srv5.localdomain  crm cluster init --name linux-ha
#      then on each other node  crm cluster join -c srv5.localdomain
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
primitive ping ocf:pacemaker:ping description="respawn hacluster /usr/lib/heartbeat/ipfail" \
    params dampen=30s name=pingd multiplier=1000 host_list="192.168.8.2 192.168.9.7" \
    op start interval=0s timeout=60s id=ping-start-interval-0s \
    op stop interval=0s timeout=20s id=ping-stop-interval-0s \
    op monitor interval=10s timeout=60s id=ping-monitor-interval-10s
clone ping-clone ping
# haresources group IPaddr::192.168.8.100/32 (preferred node srv5.localdomain)
primitive ip_192.168.8.100 ocf:heartbeat:IPaddr2 description=IPaddr::192.168.8.100/32 \
    params ip=192.168.8.100 cidr_netmask=32 \
    op start interval=0s timeout=20s id=ip_192.168.8.100-start-interval-0s \
    op stop interval=0s timeout=20s id=ip_192.168.8.100-stop-interval-0s \
    op monitor interval=10s timeout=20s id=ip_192.168.8.100-monitor-interval-10s
location location-ip_192.168.8.100-srv5.localdomain ip_192.168.8.100 100: srv5.localdomain
location location-ip_192.168.8.100-connected ip_192.168.8.100 rule $id=location-ip_192.168.8.100-connected-rule -INFINITY: not_defined pingd or pingd number:lte 0
HAKIT_CRM_CONFIGURATION
