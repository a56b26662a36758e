#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of Fuzz/ (with AddressSanitizer) and runs each in turn for
# FUZZ_SECONDS seconds (default 300), one process at a time under `nice`. Then prints, per target, the
# executions, the coverage (libFuzzer's cov and ft) and the findings (crashes, timeouts, leaks, out-of-memory).
#
# Seeds come from the tests' fixtures, ../shared (corpus-vn texts, formats-vn files) and Fuzz/seeds; they and
# the corpus each target grows are kept in .fuzz/ (not committed), so that a later run goes on from there.
# Findings are saved as .fuzz/artifacts/TARGET/crash-… (timeout-, leak-, oom-…); replay one with
# `.build-fuzz/release/TARGET FILE`. FUZZ_TARGETS="FuzzQuery FuzzHTML" runs only those.
set -eu
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-300}
SHARED=${SHARED:-../shared}
ALL="FuzzTextDecoder FuzzAnalyzer FuzzDocNumber FuzzCitations FuzzHeader FuzzQuery FuzzHTML FuzzMarkdown FuzzDOCX FuzzRTF"
TARGETS=${FUZZ_TARGETS:-$ALL}
WORK=.fuzz
BIN=.build-fuzz/release

# `--sanitize=fuzzer` makes SwiftPM leave libFuzzer's `main` alone and instruments the C++ bridge; the Swift
# compiler keeps only the last `-sanitize=`, so the combined flag comes last for the Swift code.
echo "Building the fuzz targets (release, -sanitize=fuzzer,address)…"
nice -n 10 swift build -c release --package-path Fuzz --scratch-path .build-fuzz \
    --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

# Writes up to `limit` seed files into `dir`, each the first `bytes` bytes of one of the files named on stdin.
heads() {
    local dir=$1 bytes=$2 limit=$3 n=0 f
    while IFS= read -r f && [ "$n" -lt "$limit" ]; do
        [ -f "$f" ] || continue
        head -c "$bytes" "$f" > "$dir/$(basename "$f").seed"
        n=$((n + 1))
    done
}

# Lines of the texts named on stdin that match `pattern`, one seed file each (at most `limit`).
lines() {
    local dir=$1 pattern=$2 limit=$3 n=0 line
    xargs -r grep -h -E -- "$pattern" 2>/dev/null | sort -u | head -n "$limit" | while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "$line" > "$dir/line-$n"
    done
}

seed() {
    local target=$1 dir=$WORK/seeds/$1 corpus=$SHARED/corpus-vn/docs formats=$SHARED/formats-vn
    rm -rf "$dir"
    mkdir -p "$dir"
    [ -d Fuzz/seeds/"$target" ] && cp Fuzz/seeds/"$target"/* "$dir"/
    [ -d "$corpus" ] || echo "  (no $corpus: seeds from the tests and Fuzz/seeds only)"
    case $target in
        FuzzTextDecoder)
            ls Tests/VietTextTests/Fixtures/*.txt | heads "$dir" 4096 50
            ls "$formats"/files/* 2>/dev/null | grep -v '\.docx$' | heads "$dir" 4096 40
            ls "$formats"/truth/* 2>/dev/null | heads "$dir" 2048 20
            ls "$corpus"/* 2>/dev/null | head -n 20 | heads "$dir" 2048 20 ;;
        FuzzAnalyzer)
            ls Tests/VietTextTests/Fixtures/sentence-utf8.txt Tests/DocRefsTests/Fixtures/*.txt | heads "$dir" 4096 20
            ls "$corpus"/* 2>/dev/null | head -n 60 | heads "$dir" 2048 60 ;;
        FuzzDocNumber)
            ls "$corpus"/* 2>/dev/null | lines "$dir" '(Số|số|Nghị quyết|Quyết định|Thông tư) *:? *[0-9]' 400 ;;
        FuzzCitations)
            ls Tests/DocRefsTests/Fixtures/*.txt | heads "$dir" 8192 20
            ls "$corpus"/* 2>/dev/null | lines "$dir" '(Căn cứ|căn cứ|theo|bãi bỏ|sửa đổi|thay thế|Luật|Điều [0-9])' 400 ;;
        FuzzHeader)
            ls Tests/DocRefsTests/Fixtures/*.txt | heads "$dir" 8192 20
            ls "$corpus"/* 2>/dev/null | head -n 80 | heads "$dir" 3072 80 ;;
        FuzzQuery)
            grep -h -o '"query": *"[^"]*"' Tests/VanBanTests/Fixtures/search/*.json | sed 's/"query": *"//; s/"$//' \
                | sort -u | head -n 200 | { n=0; while IFS= read -r q; do n=$((n + 1)); printf '%s' "$q" > "$dir/relevance-$n"; done; } ;;
        FuzzHTML)
            local n=0 f
            for f in $(ls "$corpus"/* 2>/dev/null | head -n 30); do
                n=$((n + 1))
                { printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body><p>' "$(head -n 1 "$f")"
                  head -c 2048 "$f" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/$/<br>/'
                  printf '</p></body></html>'; } > "$dir/doc-$n.html"
            done ;;
        FuzzMarkdown)
            local n=0 f
            for f in $(ls "$corpus"/* 2>/dev/null | head -n 30); do
                n=$((n + 1))
                { printf -- '---\nnumber: %s\ndate: 2021-08-13\ntitle: "%s"\n---\n# ' "$(basename "$f" .txt)" "$(head -n 1 "$f" | tr -d '"\\')"
                  head -c 2048 "$f"; } > "$dir/doc-$n.md"
            done ;;
        FuzzRTF)
            # The start of the shared .rtf files (font tables, \'xx bytes of TCVN3 text).
            local f
            for f in "$formats"/files/*.rtf; do
                [ -f "$f" ] && head -c 12000 "$f" > "$dir/$(basename "$f" .rtf).rtf"
            done ;;
        FuzzDOCX)
            # The Word XML of the shared .docx files (the target zips an input that is no zip), and a small .docx.
            local f
            for f in "$formats"/files/*.docx; do
                [ -f "$f" ] && unzip -p "$f" word/document.xml | head -c 12000 > "$dir/$(basename "$f" .docx).xml"
            done
            mkdir -p "$WORK/docx/word"
            cp Fuzz/seeds/FuzzDOCX/document.xml "$WORK/docx/word/"
            (cd "$WORK/docx" && rm -f ../seed.docx && zip -q -X ../seed.docx word/document.xml)
            mv "$WORK/seed.docx" "$dir/" ;;
    esac
}

# Longest input per target: short enough for many runs a second, long enough for a header, a paragraph
# of citations, a query just past the 2 kB limit, or a page of Word XML.
max_len() {
    case $1 in
        FuzzDocNumber) echo 256 ;;
        FuzzAnalyzer) echo 1024 ;;
        FuzzQuery) echo 2100 ;;
        FuzzHeader) echo 4096 ;;
        FuzzDOCX) echo 16384 ;;
        *) echo 2048 ;;
    esac
}

# A failing check or a trap is reported by libFuzzer; Swift's own backtracer would only trip AddressSanitizer.
# Leaks inside third-party code are suppressed as in `make sanitize` (each line of the file says why).
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS=suppressions=$PWD/.ci/lsan-suppressions.txt
mkdir -p "$WORK/logs"
summary=$WORK/summary.txt
printf '%-16s %8s %12s %9s %7s %7s %7s %8s %9s %6s %5s\n' target seconds executions exec/s cov ft corpus crashes timeouts leaks oom > "$summary"
total=0
findings=0
for target in $TARGETS; do
    echo "== $target: ${SECONDS_EACH}s"
    seed "$target"
    mkdir -p "$WORK/corpus/$target" "$WORK/artifacts/$target"
    log=$WORK/logs/$target.log
    before=$(ls "$WORK/artifacts/$target" | wc -l)
    # The first directory receives what libFuzzer finds; the seeds are read, not written.
    nice -n 10 "$BIN/$target" "$WORK/corpus/$target" "$WORK/seeds/$target" \
        -max_total_time="$SECONDS_EACH" -max_len="$(max_len "$target")" -timeout=20 -rss_limit_mb=2048 \
        -dict=Fuzz/dicts/"$target".dict -artifact_prefix="$WORK/artifacts/$target/" -print_final_stats=1 \
        > "$log" 2>&1 || true
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    units=$(ls "$WORK/corpus/$target" | wc -l)
    new=$(ls -t "$WORK/artifacts/$target" | head -n $(( $(ls "$WORK/artifacts/$target" | wc -l) - before )))
    count() { [ -z "$new" ] && echo 0 || grep -c "^$1-" <<< "$new" || true; }
    crashes=$(count crash)
    timeouts=$(count timeout)
    leaks=$(count leak)
    ooms=$(count oom)
    printf '%-16s %8s %12s %9s %7s %7s %7s %8s %9s %6s %5s\n' "$target" "$SECONDS_EACH" "${execs:-0}" "${rate:-0}" \
        "${cov:-?}" "${ft:-?}" "$units" "$crashes" "$timeouts" "$leaks" "$ooms" >> "$summary"
    total=$((total + ${execs:-0}))
    findings=$((findings + crashes + timeouts + leaks + ooms))
    [ -z "$new" ] || { echo "   findings in $WORK/artifacts/$target:"; sed 's/^/     /' <<< "$new"; grep -m 3 -E 'ERROR|fuzz property broken|Fatal error' "$log" | sed 's/^/     /'; }
done
printf 'total executions: %s\n' "$total" >> "$summary"
echo
cat "$summary"
[ "$findings" -eq 0 ]
