#!/usr/bin/env bash
# Whole-process `newstag search` on a large corpus, as a user runs it: search
# ready on first start (no cache), then warm runs (cache valid) of a set of
# queries, with peak RSS, beside `fzf --filter` on the same titles.
#
#   benches/search_cli.sh [NEWSTAG] [CORPUS] [RUNS]
#
# NEWSTAG defaults to target/release/newstag, CORPUS to /work/corpus10k-vary
# (make one: make-corpus OUT --issues 10000 --vary 0.15), RUNS to 5. Medians
# of RUNS; the cache goes to a temporary XDG_CACHE_HOME, removed at the end.
# Prints the machine's load first (it is shared; figures vary with it).
set -euo pipefail
BIN=${1:-target/release/newstag}
CORPUS=${2:-/work/corpus10k-vary}
RUNS=${3:-5}
BIN=$(realpath "$BIN")
CACHE=$(mktemp -d)
trap 'rm -rf "$CACHE"' EXIT
export XDG_CACHE_HOME=$CACHE XDG_CONFIG_HOME=$CACHE/config
QUERIES=(社区治理 sqzl GDP "title:乡振" "社区 治理" 垃圾分类)

echo "load: $(cut -d' ' -f1-3 /proc/loadavg); corpus $(du -sh "$CORPUS" | cut -f1) $CORPUS"

# One run: wall seconds and peak RSS (MB) of the command.
run() {
    /usr/bin/time -f '%e %M' -o "$CACHE/t" "$@" >/dev/null 2>"$CACHE/err" || {
        cat "$CACHE/err" >&2
        return 1
    }
    awk '{printf "%s %.0f\n", $1, $2 / 1024}' "$CACHE/t"
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

for k in $(seq 1 "$RUNS"); do
    rm -rf "$CACHE/newstag"
    run "$BIN" search --format jsonl --in "$CORPUS" 社区治理
done >"$CACHE/cold"
echo "cold (no cache) search 社区治理: $(cut -d' ' -f1 "$CACHE/cold" | median) s, peak $(cut -d' ' -f2 "$CACHE/cold" | median) MB"

for q in "${QUERIES[@]}"; do
    for k in $(seq 1 "$RUNS"); do run "$BIN" search --format jsonl --in "$CORPUS" "$q"; done >"$CACHE/warm"
    hits=$("$BIN" search --format jsonl --limit 0 --in "$CORPUS" "$q" | wc -l)
    printf 'warm %-12s %6s s  peak %5s MB  (%s hits)\n' "$q" \
        "$(cut -d' ' -f1 "$CACHE/warm" | median)" "$(cut -d' ' -f2 "$CACHE/warm" | median)" "$hits"
done

if command -v fzf >/dev/null; then
    # The titles as the list shows them (empty ones left out); `articles` exits
    # non-zero when the corpus has warnings.
    { "$BIN" articles --format jsonl "$CORPUS" 2>/dev/null || true; } |
        sed -n 's/.*"title":"\([^"]\+\)".*/\1/p' >"$CACHE/titles"
    for q in 社区治理 sqzl; do
        for k in $(seq 1 "$RUNS"); do run sh -c "fzf --filter '$q' <'$CACHE/titles'; true"; done >"$CACHE/fzf"
        printf 'fzf --filter %-8s %6s s  on %s titles\n' "$q" "$(cut -d' ' -f1 "$CACHE/fzf" | median)" "$(wc -l <"$CACHE/titles")"
    done
fi
