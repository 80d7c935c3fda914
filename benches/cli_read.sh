#!/usr/bin/env bash
# Warm whole-process times of the CLI read paths (issue 17) on an existing corpus:
# medians of N runs of stats, check, articles | head and export, then one run of
# each with NEWSTAG_TIMINGS=1 to show where the time goes. Run on demand.
#
#   benches/cli_read.sh CORPUS [--runs N] [--bin PATH]
#
# The binary's caches go to a folder of its own (NEWSTAG_CLI_READ_DIR, default
# ${TMPDIR:-/tmp}/newstag-cli-read), filled by one unmeasured run first.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:?usage: benches/cli_read.sh CORPUS [--runs N] [--bin PATH]}
shift
runs=5
bin=$here/target/release/newstag
while [ $# -gt 0 ]; do
    case "$1" in
    --runs) runs=$2; shift ;;
    --bin) bin=$2; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$bin" ] || { echo "no binary at $bin (cargo build --release)" >&2; exit 2; }
home=${NEWSTAG_CLI_READ_DIR:-${TMPDIR:-/tmp}/newstag-cli-read}
mkdir -p "$home/config" "$home/cache" "$home/data"
export HOME=$home XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/data
export NEWSTAG_CODER=bench
unset NEWSTAG_CACHE_DIR NEWSTAG_TIMINGS || true

"$bin" stats "$corpus" >/dev/null 2>&1 # fill the cache
cmds=("stats $corpus" "check $corpus" "articles $corpus | head -20" "export $corpus --format csv")
echo "== $corpus: $(find "$corpus" -name '*.txt' | wc -l) issues; $runs warm runs each, medians; load $(cut -d' ' -f1-3 /proc/loadavg)"
for cmd in "${cmds[@]}"; do
    times=()
    for _ in $(seq "$runs"); do
        s=$(date +%s.%N)
        sh -c "\"$bin\" $cmd" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        times+=("$(echo "$e - $s" | bc)")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
    printf '%-40s median %6.2f s   (%s)\n' "${cmd#"$corpus"}" "$median" "$(printf '%.2f ' "${times[@]}")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for cmd in "${cmds[@]}"; do
    echo "-- $cmd"
    NEWSTAG_TIMINGS=1 sh -c "\"$bin\" $cmd" 2>&1 >/dev/null | grep '^\[timing\]' || true
done
