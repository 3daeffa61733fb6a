#!/usr/bin/env bash
# chatfigures.sh: storybot's figures on the chat-style sets of
# match/testdata/chat (see its README): top-1, answerable questions
# refused and unanswerable ones refused per set, then their totals, and the
# off-topic messages answered against each document.
#
#   scripts/chatfigures.sh [BINARY] [DIR]    (default: builds ./storybot;
#                                              DIR: match/testdata/chat)
#
# A DIR with conversation sets (NAME.conv.jsonl, as match/testdata/heldout
# has) also gets their first and later turns right, per set and in all.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-}
if [ -z "$bin" ]; then
  bin=$(mktemp -d)/storybot
  (cd "$root" && go build -o "$bin" ./cmd/storybot)
fi
cd "${2:-$root/match/testdata/chat}"
total_n=0 total_right=0 total_ref=0 total_un=0 total_unref=0
for set in $(ls *.jsonl | grep -v '\.conv\.jsonl$'); do
  doc=${set%.jsonl}.md
  [ -f "$doc" ] || doc=${set%.jsonl}.txt
  out=$("$bin" eval --json --doc "$doc" "$set")
  read -r n right ref un unref < <(python3 -c '
import json,sys
s=json.loads(sys.stdin.read())
print(s["answerable"], round(s["top1"]*s["answerable"]/100), round(s["abstain_answerable"]*s["answerable"]/100),
      s["unanswerable"], round(s["abstain_unanswerable"]*s["unanswerable"]/100))' <<<"$out")
  printf '%-22s top-1 %2d/%d  answerable refused %2d/%d  unanswerable refused %2d/%d\n' "$doc" "$right" "$n" "$ref" "$n" "$unref" "$un"
  total_n=$((total_n + n)) total_right=$((total_right + right)) total_ref=$((total_ref + ref))
  total_un=$((total_un + un)) total_unref=$((total_unref + unref))
done
printf '%-22s top-1 %d/%d  answerable refused %d/%d  unanswerable refused %d/%d\n' all "$total_right" "$total_n" "$total_ref" "$total_n" "$total_unref" "$total_un"
offtopic=offtopic2.txt
[ -f "$offtopic" ] || offtopic=$root/match/testdata/chat/offtopic2.txt
for doc in *.md *.txt; do
  case $doc in offtopic2.txt | README.md) continue ;; esac
  printf '%-22s off-topic %s\n' "$doc" "$("$bin" eval --format offtopic --doc "$doc" "$offtopic" | grep -i 'false answers' | sed 's/  */ /g')"
done
first=0 firstn=0 later=0 latern=0
for set in $(ls *.conv.jsonl 2>/dev/null); do
  read -r f fn l ln < <("$bin" eval --json --format conversations "$set" | python3 -c '
import json,sys
s=json.loads(sys.stdin.read())
print(s["first_turns"]["right"], s["first_turns"]["of"], s["later_turns"]["right"], s["later_turns"]["of"])')
  printf '%-28s conversations: first turns %d/%d, later turns %d/%d\n' "$set" "$f" "$fn" "$l" "$ln"
  first=$((first + f)) firstn=$((firstn + fn)) later=$((later + l)) latern=$((latern + ln))
done
[ "$firstn" -eq 0 ] || printf '%-28s conversations: first turns %d/%d, later turns %d/%d\n' all "$first" "$firstn" "$later" "$latern"
