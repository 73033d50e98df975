#!/bin/sh
# crmsh configuration of the Heartbeat cluster linux-ha, loaded with crm configure
# (written by hacompile --target crmsh: the same configuration as --target cib).
#
# Run first, once:
#   1. On every node (alpha beta): install pacemaker, corosync, crmsh and
#      resource-agents (and the init scripts and agents the resources below use), and stop
#      Heartbeat (systemctl disable --now heartbeat).
#   2. Create the cluster: on alpha  crm cluster init --name linux-ha
#      then on each other node  crm cluster join -c alpha
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
rsc_defaults resource-stickiness=200
primitive ping ocf:pacemaker:ping description="respawn hacluster /usr/libexec/heartbeat/ipfail" \
    params dampen=15s name=pingd multiplier=1000 host_list=192.0.2.1 \
    op start interval=0s timeout=60s id=ping-start-interval-0s \
    op stop interval=0s timeout=20s id=ping-stop-interval-0s \
    op monitor interval=10s timeout=60s id=ping-monitor-interval-10s
clone ping-clone ping
# haresources group IPaddr2::192.0.2.10/24/eth0 (preferred node alpha)
primitive ip_192.0.2.10 ocf:heartbeat:IPaddr2 description=IPaddr2::192.0.2.10/24/eth0 \
    params ip=192.0.2.10 nic=eth0 cidr_netmask=24 lvs_support=true \
    op start interval=0s timeout=20s id=ip_192.0.2.10-start-interval-0s \
    op stop interval=0s timeout=20s id=ip_192.0.2.10-stop-interval-0s \
    op monitor interval=10s timeout=20s id=ip_192.0.2.10-monitor-interval-10s
primitive fs_srv_www ocf:heartbeat:Filesystem description=Filesystem::/dev/sdb1::/srv/www::ext4 \
    params device=/dev/sdb1 directory=/srv/www fstype=ext4 \
    op start interval=0s timeout=60s id=fs_srv_www-start-interval-0s \
    op stop interval=0s timeout=60s id=fs_srv_www-stop-interval-0s \
    op monitor interval=20s timeout=40s id=fs_srv_www-monitor-interval-20s
primitive apache2 lsb:apache2 description=apache2 \
    op start interval=0s timeout=60s id=apache2-start-interval-0s \
    op stop interval=0s timeout=60s id=apache2-stop-interval-0s \
    op monitor interval=15s timeout=15s id=apache2-monitor-interval-15s
group group_ip_192.0.2.10 ip_192.0.2.10 fs_srv_www apache2 description="haresources: IPaddr2::192.0.2.10/24/eth0"
location location-group_ip_192.0.2.10-alpha group_ip_192.0.2.10 100: alpha
location location-group_ip_192.0.2.10-connected group_ip_192.0.2.10 rule $id=location-group_ip_192.0.2.10-connected-rule -INFINITY: not_defined pingd or pingd number:lte 0
HAKIT_CRM_CONFIGURATION
