#!/usr/bin/env bash
# samefigures.sh: show that two storybot binaries answer exactly alike.
#
# A refactor of the matcher must not move a single figure. This records, for
# each binary, the eval summaries (SQuAD, bAbI 1 and 2, the seed set and the
# dev sets), `ask --json --top 10` over every dev question plus the off-topic
# lines against each dev document and the story, and the REPL's :why for each
# dev question; then it diffs the two records. Latency is not part of any of
# these outputs once the eval's latency lines are dropped, so the comparison
# is byte for byte.
#
#   scripts/samefigures.sh OLD_BINARY NEW_BINARY [SHARED_DIR]
#   scripts/samefigures.sh --record BINARY OUT_DIR [SHARED_DIR]
#
# SHARED_DIR holds data/ and eval/ (default: ../shared from the repo root).
# Exits 0 when the records are identical, 1 with a diff otherwise.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

# record BINARY OUT_DIR SHARED: write every output of BINARY under OUT_DIR.
record() {
  local bin out shared
  bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  mkdir -p "$2"; out=$(cd "$2" && pwd)
  shared=$3
  cd "$shared"
  # Latency is the one figure that may move; every other line must not.
  nolat() { grep -v -i 'latency'; }
  "$bin" eval --json --format squad data/squad/dev-v1.1.json | nolat >"$out/eval-squad.json"
  "$bin" eval --json --format babi data/babi/qa1_single-supporting-fact_test.txt | nolat >"$out/eval-babi1.json"
  "$bin" eval --json --format babi data/babi/qa2_two-supporting-facts_test.txt | nolat >"$out/eval-babi2.json"
  "$bin" eval --json --misses eval/seed-dev.jsonl | nolat >"$out/eval-seed.txt"
  "$bin" eval --misses eval/seed-dev.jsonl | nolat >"$out/eval-seed-table.txt"
  "$bin" eval --json --typos 1 --seed 3 eval/seed-dev.jsonl | nolat >"$out/eval-seed-typos.json"
  local questions; questions=$(mktemp)
  # Every question of every set, then the lines the bot should refuse.
  for f in eval/seed-dev.jsonl eval/dev/*.jsonl; do
    grep -o '"q": *"[^"]*"' "$f" | sed 's/^"q": *"//; s/"$//'
  done >"$questions"
  cat eval/dev/offtopic.txt >>"$questions"
  local doc name
  for doc in eval/dev/recipe-blog.md eval/dev/council-minutes.txt eval/dev/travel-guide.txt; do
    name=$(basename "$doc"); name=${name%.*}
    "$bin" eval --json --misses --doc "$doc" "eval/dev/$name.jsonl" | nolat >"$out/eval-dev-$name.txt"
    "$bin" ask --json --top 10 --doc "$doc" <"$questions" >"$out/ask-$name.jsonl"
    sed 's/$/\n:why/' "$questions" | "$bin" repl --doc "$doc" >"$out/why-$name.txt" 2>&1
  done
  "$bin" ask --json --top 10 <"$questions" >"$out/ask-story.jsonl"
  "$bin" ask --json --top 10 --doc data/books/war_and_peace.txt <"$questions" >"$out/ask-war-and-peace.jsonl"
  rm -f "$questions"
}

if [ "${1:-}" = "--record" ]; then
  [ $# -ge 3 ] || { echo "usage: $0 --record BINARY OUT_DIR [SHARED_DIR]" >&2; exit 2; }
  record "$2" "$3" "$(cd "${4:-$root/../shared}" && pwd)"
  exit 0
fi

[ $# -ge 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY [SHARED_DIR]" >&2; exit 2; }
shared=$(cd "${3:-$root/../shared}" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(record "$1" "$tmp/old" "$shared")
(record "$2" "$tmp/new" "$shared")
if diff -r "$tmp/old" "$tmp/new"; then
  echo "samefigures: identical ($(cat "$tmp/old"/* | wc -l) lines compared)"
else
  echo "samefigures: the binaries differ" >&2
  exit 1
fi
