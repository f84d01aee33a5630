#!/usr/bin/env bash
# Opens the weekly watch issue, or updates the open one, with the refresh tool's report and its
# draft rows. Used by .github/workflows/watch.yml; needs the GitHub CLI (`gh`) and GH_TOKEN.
# usage: scripts/watch-issue.sh REPORT DRAFT   (CODE=1 found, CODE=2 could not check)
set -euo pipefail
report=$1
draft=$2
title="Weekly watch: what the developers published since each list's complete-to day"
case "${CODE:-1}" in
  2) verdict="Some organisations or repositories could not be read: the report says which and why." ;;
  *) verdict="Candidates or changes were found: verify each in its primary source before editing content/." ;;
esac
body=$(mktemp)
{
  echo "$verdict"
  echo
  echo "Run: ${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}"
  echo
  echo '<details><summary>Report</summary>'
  echo
  echo '```text'
  head -c 40000 "$report"
  echo '```'
  echo '</details>'
  echo
  echo '<details><summary>Draft rows (every value estimated; followups.json shape)</summary>'
  echo
  echo '```json'
  if [ -s "$draft" ]; then head -c 20000 "$draft"; else echo '{}'; fi
  echo '```'
  echo '</details>'
} > "$body"
number=$(gh issue list --state open --search "in:title \"$title\"" --json number --jq '.[0].number // empty')
if [ -n "$number" ]; then
  gh issue edit "$number" --body-file "$body"
  echo "updated issue #$number"
else
  gh issue create --title "$title" --body-file "$body"
fi
