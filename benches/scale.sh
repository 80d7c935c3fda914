#!/usr/bin/env bash
# Issue 17's figures, measured on make-corpus --vary 0.15 corpora and printed beside
# the targets. Run on demand (not in CI): it builds corpora of 10,000 issues
# (~160 MB; with --big also 100,000 issues, ~1.5 GB and a long wait) and runs every
# command several times, reporting medians of whole-process wall time and peak RSS.
#
#   benches/scale.sh [--big | --big-only] [--runs N] [--bin PATH] [--no-tui | --tui-only]
#                    [--warm-only] [--warm-cli]
#
# NEWSTAG_SCALE_DIR: where the corpora, caches and outputs are kept between runs
#   (default ${TMPDIR:-/tmp}/newstag-scale); a corpus is made once and reused.
# NEWSTAG_SCALE_QUERY: the search query (default 发展), also given to fzf --filter.
# NEWSTAG_SCALE_TUI_WAIT: seconds a TUI run may take before it is given up (600).
# NEWSTAG_TIMINGS=1: the TUI's phase timings are appended to NEWSTAG_SCALE_DIR/tui-stderr.
# --warm-only: the TUI's warm runs alone, on the caches left by an earlier run of
#   the same binary (to compare two binaries back to back, each with its own
#   NEWSTAG_SCALE_DIR).
# --big-only: the 100,000-issue corpus alone. --warm-cli: of the commands, only
#   the warm runs (no cold run, no search with no cache, no suggest): the CLI of
#   a 100,000-issue corpus in minutes.
# --bin: the newstag binary to measure (default: target/release/newstag, built if
#   missing). Its caches go to NEWSTAG_SCALE_DIR/home, never to the user's.
#
# "cold" runs empty the cache folder first (the corpus files stay in the page cache);
# "warm" runs follow a run that filled it. Peak RSS is GNU time's %M (of the whole
# pipeline's largest process). TUI figures are read off the screen in tmux: first
# rows (the status bar counts articles), all loaded (no "loading"), search ready (a
# query typed at once shows its hits, not "indexing..."), suggestions ready (the
# status bar's "suggesting N%" gone); a run is quit only once suggestions are
# ready and their cache and the index's cache are written, so the warm run after
# it finds every cache.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
runs=5
big=0
tui=1
cli=1
warm_only=0
warm_cli=0
bin=""
while [ $# -gt 0 ]; do
    case "$1" in
    --big) big=1 ;;
    --runs) runs=$2; shift ;;
    --bin) bin=$2; shift ;;
    --no-tui) tui=0 ;;
    --tui-only) cli=0 ;;
    --warm-only) cli=0 warm_only=1 ;;
    --big-only) big=2 ;;
    --warm-cli) warm_cli=1 ;;
    -h | --help) sed -n '2,32p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

dir=${NEWSTAG_SCALE_DIR:-${TMPDIR:-/tmp}/newstag-scale}
query=${NEWSTAG_SCALE_QUERY:-发展}
make_corpus=${MAKE_CORPUS:-$here/../shared/tools/make-corpus}
[ -x "$make_corpus" ] || make_corpus=/work/shared/tools/make-corpus
mkdir -p "$dir"

# Which build is measured: the checkout's own (whose HEAD is shown; it is built only
# when missing, so it may be older) or one given with --bin (its commit is not known).
built_from="given with --bin"
if [ -z "$bin" ]; then
    bin=$here/target/release/newstag
    built_from="this checkout's target/release; HEAD is $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo ?)"
    if [ ! -x "$bin" ]; then
        (cd "$here" && cargo build --release --locked)
    fi
fi
[ -x "$bin" ] || { echo "no binary at $bin" >&2; exit 2; }

# Every run sees an empty config and keeps its caches here.
home=$dir/home
mkdir -p "$home/config" "$home/cache" "$home/data"
export XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/data
export HOME=$home NEWSTAG_CODER=scale
unset NEWSTAG_CACHE_DIR || true

corpus() { # N -> path of the corpus of N issues, made when missing
    local n=$1 out=$dir/vary-$1
    if [ ! -e "$out.done" ]; then
        echo "making $out (make-corpus --issues $n --vary 0.15)..." >&2
        rm -rf "$out"
        "$make_corpus" "$out" --issues "$n" --vary 0.15 >&2
        touch "$out.done"
    fi
    echo "$out"
}

clear_cache() { rm -rf "$XDG_CACHE_HOME/newstag"; }

# measure NAME MODE CMD: MODE cold (cache emptied before each run) or warm (one
# unmeasured run first). Prints "median_s peak_rss_mb" medians.
measure() {
    local mode=$1 cmd=$2 t rss times=() rsses=()
    [ "$mode" = warm ] && sh -c "$cmd" >/dev/null 2>&1 || true
    for _ in $(seq "$runs"); do
        [ "$mode" = cold ] && clear_cache
        local t0 t1
        t0=$(date +%s%N)
        /usr/bin/time -f %M -o "$dir/rss" sh -c "$cmd" >/dev/null 2>"$dir/stderr" || true
        t1=$(date +%s%N)
        times+=("$(((t1 - t0) / 1000000))")
        rsses+=("$(tail -1 "$dir/rss")")
    done
    printf '%s %s\n' "$(median "${times[@]}")" "$(median "${rsses[@]}")"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

row() { # LABEL TARGET "ms kb"
    local ms=${3% *} kb=${3#* }
    printf '%-44s %-16s %8.2f s %7d MB\n' "$1" "$2" "$(echo "$ms / 1000" | bc -l)" "$((kb / 1024))"
}

# tui_run CORPUS: milliseconds to first rows, all loaded, search ready, suggestions
# ready, and the peak RSS in MB (one run; "-" when not seen within
# NEWSTAG_SCALE_TUI_WAIT seconds, default 600).
# First rows: the status bar counts articles; all loaded: it no longer says
# "loading"; then the query is typed, and search ready is when the search line
# shows its hits (not "indexing..."); Esc closes it. Suggestions ready: the
# status bar, loaded, without "suggesting N%" (the scorer sets it on the event
# that ends loading, so it is there until suggestions are ready). The search
# line hides the status bar while it is open: suggestions ready before then are
# counted at search ready. The run is never quit before suggestions are ready
# and their cache file (corpus-*/suggest) is written: a warm run after a cold
# one that did not wait would be cold again.
# shows PATTERN: the status lines hold PATTERN (grep -E). Not through a pipe:
# with pipefail, grep -q quitting early fails printf, which read as "not shown".
shows() { grep -qE "$1" <<<"$status"; }

tui_run() {
    local c=$1 s=newstag-scale-$$ t0 now first="-" loaded="-" search="-" suggest="-" screen status typed=0
    local wait_ms=$((${NEWSTAG_SCALE_TUI_WAIT:-600} * 1000))
    command -v tmux >/dev/null || { echo "- - - - -"; return; }
    tmux kill-session -t "$s" 2>/dev/null || true
    t0=$(date +%s%N)
    tmux new-session -d -s "$s" -x 160 -y 40 \
        "exec env XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_DATA_HOME=$XDG_DATA_HOME HOME=$HOME ${NEWSTAG_TIMINGS:+NEWSTAG_TIMINGS=1} $bin $c 2>>$dir/tui-stderr"
    while :; do
        now=$((($(date +%s%N) - t0) / 1000000))
        [ "$now" -gt "$wait_ms" ] && break
        screen=$(tmux capture-pane -p -t "$s" 2>/dev/null) || break
        status=$(tail -2 <<<"$screen")
        # The counts show (not the search line over them).
        local counts=0
        shows '(^|[^0-9,])[0-9][0-9,]* articles?' && counts=1
        if [ "$first" = - ] && shows '(^|[^0-9,])[1-9][0-9,]* articles?'; then
            first=$now
        fi
        if [ "$first" != - ] && [ "$loaded" = - ] && [ "$counts" = 1 ] &&
            ! shows 'loading'; then
            loaded=$now
            tmux send-keys -t "$s" / "$query"
            typed=1
            sleep 0.1
            continue
        fi
        if [ "$typed" = 1 ] && [ "$search" = - ] && shows "/$query" && shows '[0-9] hits?|no article'; then
            search=$now
            tmux send-keys -t "$s" Escape
            sleep 0.1
            continue
        fi
        if [ "$search" != - ] && [ "$suggest" = - ] && [ "$counts" = 1 ] &&
            ! shows 'suggesting|loading'; then
            suggest=$now
        fi
        [ "$suggest" != - ] && break
        sleep 0.1
    done
    local pid rss="-"
    pid=$(tmux list-panes -t "$s" -F '#{pane_pid}' 2>/dev/null || true)
    [ -n "$pid" ] && rss=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo -)
    # Scoring writes its cache before it reports; wait for the file all the same.
    if [ "$suggest" != - ]; then
        for _ in $(seq 600); do
            compgen -G "$XDG_CACHE_HOME/newstag/corpus-*/suggest" >/dev/null && break
            sleep 0.1
        done
        # The index's cache is written after search is ready (its four-grams
        # first; on 100,000 issues a minute after suggestions): a run quit
        # before it leaves the next start to build the index again, so the
        # warm figures would be cold ones. Wait for it as long as a run may take.
        for _ in $(seq $((wait_ms / 100))); do
            compgen -G "$XDG_CACHE_HOME/newstag/index-*.bin" >/dev/null && break
            sleep 0.1
        done
    fi
    # Esc and q apart: sent together they read as Alt-q.
    tmux send-keys -t "$s" Escape 2>/dev/null || true
    sleep 0.3
    tmux send-keys -t "$s" q 2>/dev/null || true
    for _ in $(seq 100); do
        tmux has-session -t "$s" 2>/dev/null || break
        sleep 0.1
    done
    tmux kill-session -t "$s" 2>/dev/null || true
    echo "$first $loaded $search $suggest ${rss:--}"
}

secs() { [ "$1" = - ] && echo "-" || echo "$(echo "$1 / 1000" | bc -l | xargs printf '%.2f') s"; }

cli_rows() { # CORPUS TITLES RATIO: the command rows
    local c=$1 titles=$2 ratio=$3
    local export="$bin export $c --format csv -o $dir/out.csv --force"
    if [ "$warm_cli" = 1 ]; then
        row "stats, warm" "<= $ratio s" "$(measure warm "$bin stats $c")"
        row "check, warm" "<= $ratio s" "$(measure warm "$bin check $c")"
        row "articles | head, warm" "<= $ratio s" "$(measure warm "$bin articles $c | head -20")"
        row "export csv, warm" "<= $ratio s" "$(measure warm "$export")"
    else
        for cmd in stats check; do
            row "$cmd, warm" "<= $ratio s" "$(measure warm "$bin $cmd $c")"
            row "$cmd, cold (no cache)" "" "$(measure cold "$bin $cmd $c")"
        done
        row "articles | head, warm" "<= $ratio s" "$(measure warm "$bin articles $c | head -20")"
        row "articles | head, cold" "" "$(measure cold "$bin articles $c | head -20")"
        row "export csv, warm" "<= $ratio s" "$(measure warm "$export")"
        row "export csv, cold" "" "$(measure cold "$export")"
    fi
    local fz="-"
    if command -v fzf >/dev/null; then
        fz=$(measure warm "fzf --filter '$query' < $titles")
        row "fzf --filter $query (titles)" "" "$fz"
    fi
    local sw
    sw=$(measure warm "$bin search $c '$query' --format jsonl")
    row "search $query, warm" "<= 1.0x fzf" "$sw"
    if [ "$fz" != - ]; then
        echo "   search warm / fzf = $(echo "${sw% *} / ${fz% *}" | bc -l | xargs printf '%.1f')x"
    fi
    [ "$warm_cli" = 1 ] && return
    row "search $query, cold (no cache)" "" "$(measure cold "$bin search $c '$query' --format jsonl")"
    row "suggest (whole corpus), warm" "" "$(measure warm "$bin suggest $c --format jsonl")"
    row "suggest (whole corpus), cold" "" "$(measure cold "$bin suggest $c --format jsonl")"
}

tui_rows() { # CORPUS MB: the TUI rows. Each round empties the cache, then starts
    # the TUI three times: cold, a second start (which finds what the first wrote),
    # and a warm one (every cache valid: the second start can still find caches to
    # redo, e.g. after the first learned the corpus's habits).
    local c=$1 mb=$2
    local cold=() second=() warm=()
    local kinds="cold second warm"
    [ "$warm_only" = 1 ] && kinds=warm
    for _ in $(seq "$runs"); do
        if [ "$warm_only" = 0 ]; then
            clear_cache
            cold+=("$(tui_run "$c")")
            second+=("$(tui_run "$c")")
        fi
        warm+=("$(tui_run "$c")")
    done
    for kind in $kinds; do
        local -n rs=$kind
        local col f l s g m
        col() { printf '%s\n' "${rs[@]}" | awk -v k="$1" '{print $k}' | grep -v '^-$' || true; }
        f=$(median $(col 1)); l=$(median $(col 2)); s=$(median $(col 3)); g=$(median $(col 4)); m=$(median $(col 5))
        local tl="<= 0.5 s" ts="<= 5 s" tg="<= 10 s"
        [ "$kind" != cold ] && tl="<= 1 s all" ts="<= 1 s" tg="<= 1 s"
        printf '%-44s %-16s %10s\n' "TUI $kind start: first rows" "$tl" "$(secs "${f:--}")"
        printf '%-44s %-16s %10s\n' "TUI $kind start: all loaded" "" "$(secs "${l:--}")"
        printf '%-44s %-16s %10s\n' "TUI $kind start: search ready" "$ts" "$(secs "${s:--}")"
        printf '%-44s %-16s %10s\n' "TUI $kind start: suggestions ready" "$tg" "$(secs "${g:--}")"
        printf '%-44s %-16s %10s\n' "TUI $kind start: peak RSS, ready" "<= 1.5x = $((mb * 3 / 2)) MB" "${m:--} MB"
    done
}

report() { # N
    local n=$1 c mb titles
    c=$(corpus "$n")
    mb=$(du -sLm "$c" | cut -f1)
    titles=$dir/titles-$n.txt
    [ -s "$titles" ] || "$bin" articles "$c" --format jsonl 2>/dev/null |
        jq -r 'select(.title != "") | .title' >"$titles"
    echo
    echo "== $n issues, $mb MB, $(wc -l <"$titles") titles; $runs runs each, medians; $(date -u +%FT%TZ)"
    echo "   binary: $bin ($built_from); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    local ratio=0.5
    [ "$n" -ge 100000 ] && ratio=1.0
    printf '%-44s %-16s %10s %10s\n' figure target time "peak RSS"
    [ "$cli" = 1 ] && cli_rows "$c" "$titles" "$ratio"
    [ "$tui" = 1 ] && tui_rows "$c" "$mb"
    echo "   load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    # Counted last, when a cache is there: on a first run of 100,000 issues
    # this alone would be a cold load.
    echo "   articles: $("$bin" articles "$c" --format jsonl 2>/dev/null | wc -l)"
    echo "   cache folder: $(du -sm "$XDG_CACHE_HOME/newstag" 2>/dev/null | cut -f1 || echo 0) MB"
}

[ "$big" = 2 ] || report 10000
[ "$big" = 0 ] || report 100000
exit 0
