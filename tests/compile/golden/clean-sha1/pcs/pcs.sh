#!/bin/sh
# pcs commands that build the Pacemaker configuration of the Heartbeat cluster linux-ha
# (written by hacompile --target pcs: the same configuration as --target cib).
#
# Run first, once:
#   1. On every node: install pacemaker, corosync, pcs and resource-agents (and the init
#      scripts and agents the resources below use), start pcsd, give the user hacluster a
#      password, and stop Heartbeat (systemctl disable --now heartbeat).
#   2. On one node: authenticate the nodes, then create and start the cluster:
#        pcs host auth alpha beta -u hacluster
#        pcs cluster setup linux-ha alpha beta
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
pcs -f "$cib" resource defaults update resource-stickiness=200

# Connectivity clone ping-clone.
pcs -f "$cib" resource create ping ocf:pacemaker:ping \
    dampen=15s name=pingd multiplier=1000 host_list=192.0.2.1 \
    op start interval=0s timeout=60s id=ping-start-interval-0s \
    op stop interval=0s timeout=20s id=ping-stop-interval-0s \
    op monitor interval=10s timeout=60s id=ping-monitor-interval-10s \
    clone ping-clone \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="ping" description="respawn hacluster /usr/libexec/heartbeat/ipfail"/>'

# haresources group IPaddr2::192.0.2.10/24/eth0 (preferred node alpha)
pcs -f "$cib" resource create ip_192.0.2.10 ocf:heartbeat:IPaddr2 \
    ip=192.0.2.10 nic=eth0 cidr_netmask=24 lvs_support=true \
    op start interval=0s timeout=20s id=ip_192.0.2.10-start-interval-0s \
    op stop interval=0s timeout=20s id=ip_192.0.2.10-stop-interval-0s \
    op monitor interval=10s timeout=20s id=ip_192.0.2.10-monitor-interval-10s \
    --group group_ip_192.0.2.10 \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="ip_192.0.2.10" description="IPaddr2::192.0.2.10/24/eth0"/>'
pcs -f "$cib" resource create fs_srv_www ocf:heartbeat:Filesystem \
    device=/dev/sdb1 directory=/srv/www fstype=ext4 \
    op start interval=0s timeout=60s id=fs_srv_www-start-interval-0s \
    op stop interval=0s timeout=60s id=fs_srv_www-stop-interval-0s \
    op monitor interval=20s timeout=40s id=fs_srv_www-monitor-interval-20s \
    --group group_ip_192.0.2.10 \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="fs_srv_www" description="Filesystem::/dev/sdb1::/srv/www::ext4"/>'
pcs -f "$cib" resource create apache2 lsb:apache2 \
    op start interval=0s timeout=60s id=apache2-start-interval-0s \
    op stop interval=0s timeout=60s id=apache2-stop-interval-0s \
    op monitor interval=15s timeout=15s id=apache2-monitor-interval-15s \
    --group group_ip_192.0.2.10 \
    --no-default-ops $force
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<primitive id="apache2" description="apache2"/>'
CIB_file="$cib" cibadmin --modify --scope resources --xml-text '<group id="group_ip_192.0.2.10" description="haresources: IPaddr2::192.0.2.10/24/eth0"/>'

# Constraints.
pcs -f "$cib" constraint location add location-group_ip_192.0.2.10-alpha group_ip_192.0.2.10 alpha 100
pcs -f "$cib" constraint location group_ip_192.0.2.10 rule \
    id=location-group_ip_192.0.2.10-connected-rule constraint-id=location-group_ip_192.0.2.10-connected score=-INFINITY \
    not_defined pingd or pingd lte number 0

pcs cluster cib-push "$cib" --config
