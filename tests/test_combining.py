"""Answers added up across days, agencies and regions, by the rule each question declares."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.forms import Combine, QuestionKind, load_forms
from bot.domain.forms.combining import combine, share
from bot.domain.forms.definitions import Question

FORMS = load_forms()
Q = FORMS.questions


def number(rule: Combine) -> Question:
    return Question("n", QuestionKind.NUMBER, "N?", "N", combine=rule)


@pytest.mark.parametrize(
    ("question", "answers", "expected"),
    [
        (Q["personel"], [350, 1200, None], 1550),  # TNI and Polri deployed: the total
        (Q["kejadian"], [0, 0], 0),
        (Q["kejadian"], [None, None], None),  # nobody answered: no figure, not zero
        (Q["logistik_desa"], [100, "87.5", 90], Decimal("92.5")),  # the average share
        (Q["logistik_desa"], ["99.9", 100], Decimal("100.0")),
        (Q["situasi"], ["aman", "rawan", "waspada"], "rawan"),  # the most serious
        (Q["situasi"], ["aman", "siaga"], "aman"),  # a value off the scale is ignored
        (Q["sarpras"], ["siap", "sebagian", "siap"], "sebagian"),
        (Q["catatan"], ["Nihil.", None, "Rapat besok."], ("Nihil.", "Rapat besok.")),
        (number(Combine.MINIMUM), [5, 3, 9], 3),
        (number(Combine.MAXIMUM), [5, 3, 9], 9),
        (number(Combine.LATEST), [5, 3, None], 3),
        (number(Combine.AVERAGE), [1, 2], Decimal("1.5")),
        (number(Combine.SUM), [1, "x", 2], 3),  # an answer that is no number is left out
    ],
)
def test_answers_combine_by_the_declared_rule(question, answers, expected):
    assert combine(question, answers) == expected


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (1180, 1200, Decimal("98.3")),
        (19999, 20000, Decimal("99.9")),  # never rounded up to 100%: 100% means every one
        (1200, 1200, Decimal("100.0")),
        (0, 0, None),
        (None, 10, None),
    ],
)
def test_a_part_as_a_share_of_its_whole(part, whole, expected):
    assert share(part, whole) == expected
