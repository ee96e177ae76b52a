"""Counts the hardening suites report at the end of a run (see conftest's summary hook)."""

from collections import Counter

TALLY: Counter = Counter()

LABELS = {
    "faults_injected": "faults injected (HTTP faults and SIGKILLs)",
    "bad_inputs": "bad inputs tried",
    "answers_lost": "answers lost",
    "reports_duplicated": "reports duplicated",
    "reports_lost": "reports lost",
    "posts_duplicated": "scheduled posts duplicated",
    "posts_lost": "scheduled posts lost",
    "posts_withheld": "scheduled posts withheld by the timeout rule (at most once)",
}
