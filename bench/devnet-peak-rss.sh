#!/usr/bin/env bash
# Runs `hn devnet` once and reports the peak resident set size (VmHWM from /proc/<pid>/status) of each node
# process. VmHWM only grows, so the last value read before a node exits is its peak over the whole run; the
# nodes are sampled every second until the devnet ends. Linux only.
# Usage: bench/devnet-peak-rss.sh DIR [NODES] [ROUNDS] [NODE_HEAP] [BASE_PORT]
#        (DIR must not exist; defaults 4, 1, 128m, 17100 — pick another base port if a devnet already runs)
set -euo pipefail

if (( $# < 1 )); then
    echo "usage: $0 DIR [NODES] [ROUNDS] [NODE_HEAP] [BASE_PORT]" >&2
    exit 2
fi
dir=$1
nodes=${2:-4}
rounds=${3:-1}
heap=${4:-128m}
base_port=${5:-17100}

java -jar node/target/hn.jar devnet --nodes "$nodes" --rounds "$rounds" --dir "$dir" --node-heap "$heap" \
    --base-port "$base_port" \
    > "$dir.out" 2>&1 &
devnet=$!

declare -A peak_kb
while kill -0 "$devnet" 2> /dev/null; do
    for node in $(seq 0 $(( nodes - 1 ))); do
        # The node processes run `... org.hn.node.cli.HnCommand run --data <dir>/node<i>`.
        for pid in $(pgrep -f "HnCommand run --data $dir/node$node( |\$)" || true); do
            kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || true)
            if [[ -n $kb ]] && (( kb > ${peak_kb[$node]:-0} )); then
                peak_kb[$node]=$kb
            fi
        done
    done
    sleep 1
done
wait "$devnet" && status=0 || status=$?

echo "devnet exit status: $status (output in $dir.out)"
for node in $(seq 0 $(( nodes - 1 ))); do
    echo "node$node peak RSS (VmHWM): ${peak_kb[$node]:-unknown} kB"
done
