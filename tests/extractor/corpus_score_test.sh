#!/bin/bash
# The extraction score on the real reports of ../shared/corpus must not fall
# below FLOOR (out of 100): a regression guard, raised as the score rises.
# Usage: corpus_score_test.sh SUMMITCTL FLOOR
# Skipped (exit 77) without ../shared/corpus; a failure when CI is set.
set -euo pipefail
summitctl=$1
floor=$2
corpus="$(cd "$(dirname "$0")/../.." && pwd)/../shared/corpus"
if [[ ! -f "${corpus}/score.py" ]]; then
  if [[ -n "${CI:-}" ]]; then
    echo "corpus_score_test: ${corpus}/score.py is missing (CI needs ../shared beside the clone)" >&2
    exit 1
  fi
  echo "corpus_score_test: ${corpus} is absent; skipped" >&2
  exit 77
fi
report=$(python3 "${corpus}/score.py" --cmd "${summitctl} extract")
echo "${report}"
score=$(sed -n 's|^corpus extraction score \([0-9]*\)/100$|\1|p' <<<"${report}")
if [[ -z "${score}" ]]; then
  echo "corpus_score_test: the scorer printed no score" >&2
  exit 1
fi
if (( score < floor )); then
  echo "corpus_score_test: score ${score}/100 is below the floor of ${floor}" >&2
  exit 1
fi
echo "corpus_score_test: score ${score}/100, floor ${floor}"
