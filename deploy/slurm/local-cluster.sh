#!/usr/bin/env bash
# A one-node Slurm cluster on this machine (slurmctld + slurmd on localhost, munge for
# authentication), for trying the array job without a real cluster. Needs root and Debian's
# slurmctld, slurmd, slurm-client and munge packages (`make slurm-check` installs them).
#
#   eval "$(deploy/slurm/local-cluster.sh start DIR)"    # starts it; prints `export SLURM_CONF=…`
#   deploy/slurm/local-cluster.sh stop DIR
set -euo pipefail
cmd=$1
DIR=$(mkdir -p "$2" && cd "$2" && pwd)
HOST=$(hostname -s)
case "$cmd" in
  start)
    mkdir -p "$DIR/state" "$DIR/spool" "$DIR/log" /run/munge /var/log/munge /var/lib/munge
    [ -s /etc/munge/munge.key ] || { dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2> /dev/null; chmod 400 /etc/munge/munge.key; }
    chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge 2> /dev/null || true
    pgrep -x munged > /dev/null || runuser -u munge -- /usr/sbin/munged 2> /dev/null || /usr/sbin/munged --force
    mem=$(awk '/MemTotal/ {print int($2 / 1024 * 0.8)}' /proc/meminfo)
    cat > "$DIR/slurm.conf" <<CONF
ClusterName=countypanel
SlurmctldHost=$HOST
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$HOST CPUs=$(nproc) RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF=$DIR/slurm.conf
    /usr/sbin/slurmctld
    /usr/sbin/slurmd
    for _ in $(seq 60); do
      sinfo -h -o %T 2> /dev/null | grep -qE '^(idle|mixed|allocated)' && break
      sleep 1
    done
    sinfo -h -o %T | grep -qE '^(idle|mixed|allocated)' || { echo "local-cluster: the node did not come up; see $DIR/log" >&2; exit 1; }
    echo "export SLURM_CONF=$DIR/slurm.conf"
    ;;
  stop)
    for f in slurmd slurmctld; do
      [ -f "$DIR/$f.pid" ] && kill "$(cat "$DIR/$f.pid")" 2> /dev/null || true
    done
    ;;
esac
