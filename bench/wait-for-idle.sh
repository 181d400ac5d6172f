#!/usr/bin/env bash
# Waits until the CPUs have been idle (under 15% busy over 4 s, from /proc/stat) before a timed run, so that
# figures taken on a machine shared with other builds are not mixed with their load. Linux only.
# Usage: bench/wait-for-idle.sh [MAX_SECONDS]   (default 120; after that it warns and returns anyway)
set -euo pipefail

max_seconds=${1:-120}
deadline=$(( $(date +%s) + max_seconds ))

busy_percent() {
    local before after
    read -r -a before < <(head -1 /proc/stat)
    sleep 4
    read -r -a after < <(head -1 /proc/stat)
    local total=0 idle=0 i delta
    for i in 1 2 3 4 5 6 7 8; do
        delta=$(( after[i] - before[i] ))
        total=$(( total + delta ))
        if (( i == 4 || i == 5 )); then idle=$(( idle + delta )); fi
    done
    echo $(( total == 0 ? 0 : 100 * (total - idle) / total ))
}

while (( $(date +%s) < deadline )); do
    if (( $(busy_percent) < 15 )); then
        exit 0
    fi
done
echo "wait-for-idle: CPUs still busy after ${max_seconds} s; timing anyway" >&2
