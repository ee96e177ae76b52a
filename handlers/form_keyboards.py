"""Inline keyboards of the report form; callback data stays far below Telegram's 64 bytes.

Callback data: ``f:<token>:<action>[:<question>[:<value>]]``; the token binds a
button to one form, so a tap on an older form's button is recognised as stale.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.forms import Form, FormProgress
from bot.texts.i18n import Translator

PREFIX = "f"
CHOOSE, SKIP, SUBMIT, CHANGE, CANCEL, EDIT, BACK = (
    "a",
    "s",
    "kirim",
    "ubah",
    "batal",
    "e",
    "kembali",
)
PATTERN = r"^f:[\w-]{1,8}:(a|s|kirim|ubah|batal|e|kembali)(:[a-z0-9_]{1,24}(:[a-z0-9_]{1,16})?)?$"


def data(token: str, action: str, *parts: str) -> str:
    return ":".join((PREFIX, token, action, *parts))


# How many parts after the action each button carries (question id, choice value).
_ARITY = {CHOOSE: 2, SKIP: 1, EDIT: 1, SUBMIT: 0, CHANGE: 0, CANCEL: 0, BACK: 0}


def parse(callback_data: str) -> tuple[str, str, list[str]] | None:
    """(token, action, parts), or None for data no button of ours carries."""
    _prefix, token, action, *parts = callback_data.split(":")
    if _ARITY.get(action) != len(parts):
        return None
    return token, action, parts


def question_keyboard(
    t: Translator, form: Form, progress: FormProgress, token: str
) -> InlineKeyboardMarkup | None:
    """Choice buttons, and "Lewati" for an optional question."""
    _ = t.gettext
    question = form.question(progress.current)
    rows = []
    if question.choices:
        rows.append(
            [
                InlineKeyboardButton(
                    _(choice.label), callback_data=data(token, CHOOSE, question.id, choice.value)
                )
                for choice in question.choices
            ]
        )
    if question.optional:
        rows.append(
            [InlineKeyboardButton(_("Lewati"), callback_data=data(token, SKIP, question.id))]
        )
    return InlineKeyboardMarkup(rows) if rows else None


def review_keyboard(t: Translator, token: str) -> InlineKeyboardMarkup:
    _ = t.gettext
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(_("Kirim"), callback_data=data(token, SUBMIT)),
                InlineKeyboardButton(_("Ubah"), callback_data=data(token, CHANGE)),
                InlineKeyboardButton(_("Batal"), callback_data=data(token, CANCEL)),
            ]
        ]
    )


def change_keyboard(t: Translator, form: Form, token: str) -> InlineKeyboardMarkup:
    """One button per question, to answer it again."""
    _ = t.gettext
    rows = [
        [InlineKeyboardButton(_(question.label), callback_data=data(token, EDIT, question.id))]
        for question in form.questions
    ]
    rows.append([InlineKeyboardButton(_("Kembali"), callback_data=data(token, BACK))])
    return InlineKeyboardMarkup(rows)
