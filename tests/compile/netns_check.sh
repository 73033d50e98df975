#!/bin/sh
# Runs `corosync -t` or `keepalived -t -f` on a generated file inside private network, mount
# and UTS namespaces: the node's addresses and interfaces exist only there, and the host's
# /etc/corosync, /var/log and network are never touched. Everything vanishes with the
# namespaces when the tool exits. Needs root (unshare).
#
#   netns_check.sh corosync CONF AUTHKEY [ADDRESS...]   addresses go on lo (/32 or /128)
#   netns_check.sh keepalived CONF [INTERFACE...]       interfaces are created as veth pairs
#
# Prints what the tool prints and exits with its exit code (2 for a usage error here).
set -eu

if [ "${HAKIT_IN_NETNS:-}" != 1 ]; then
    HAKIT_IN_NETNS=1 exec unshare --net --mount --uts --fork -- /bin/sh "$0" "$@"
fi

usage() {
    echo "usage: $0 corosync CONF AUTHKEY [ADDRESS...] | keepalived CONF [INTERFACE...]" >&2
    exit 2
}

[ $# -ge 2 ] || usage
mode=$1
conf=$2
shift 2

mount --make-rprivate /
hostname hakit-oracle # not a node name: corosync must find the node by its address
if [ -S /dev/log ]; then
    mount --bind /dev/null /dev/log # keep the tools' syslog messages off the host's log
fi
ip link set lo up

case $mode in
corosync)
    [ $# -ge 1 ] || usage
    key=$1
    shift
    for address in "$@"; do
        ip address add "$address" dev lo
    done
    # Private copies: /etc/corosync for the file and its key, /var/log because `corosync -t`
    # opens the log file.
    mount -t tmpfs hakit-etc /etc/corosync
    cp "$conf" /etc/corosync/corosync.conf
    cp "$key" /etc/corosync/authkey
    chmod 0400 /etc/corosync/authkey
    mount -t tmpfs hakit-log /var/log
    logfile=$(sed -n 's/^[[:space:]]*logfile:[[:space:]]*//p' "$conf")
    if [ -n "$logfile" ]; then
        case $logfile in
        /var/log/*) mkdir -p "$(dirname "$logfile")" ;;
        *)
            echo "$0: log file $logfile is outside /var/log" >&2
            exit 2
            ;;
        esac
    fi
    exec corosync -t
    ;;
keepalived)
    peer=0
    for interface in "$@"; do
        ip link add "$interface" type veth peer name "hakitpeer$peer"
        peer=$((peer + 1))
    done
    exec keepalived -t -f "$conf"
    ;;
*)
    usage
    ;;
esac
