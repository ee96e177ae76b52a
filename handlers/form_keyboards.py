"""Inline keyboards of the report form (data: ``bot.transport.callback_data.FormTap``)."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.forms import Form, FormProgress
from bot.texts.form_texts import answer_text
from bot.texts.i18n import Translator
from bot.transport.callback_data import FormAction, FormTap

CHOOSE, SKIP, SUBMIT, CHANGE, CANCEL, EDIT, BACK, KEEP, YESTERDAY = (
    FormAction.CHOOSE,
    FormAction.SKIP,
    FormAction.SUBMIT,
    FormAction.CHANGE,
    FormAction.CANCEL,
    FormAction.EDIT,
    FormAction.BACK,
    FormAction.KEEP,
    FormAction.YESTERDAY,
)


def data(token: str, action: str, question: str | None = None, value: str | None = None) -> str:
    return FormTap(token, action, question, value).pack()


def question_keyboard(
    t: Translator, form: Form, progress: FormProgress, token: str
) -> InlineKeyboardMarkup | None:
    """Choice buttons, and "Lewati" for an optional question."""
    _ = t.gettext
    assert progress.current is not None  # not at the review
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
    last = progress.remembered.get(question.id) if question.remember else None
    if last is not None:
        rows.append(
            [
                InlineKeyboardButton(
                    # A button is plain text: the answer without its HTML escaping.
                    _("Tetap: {answer}").format(
                        answer=html.unescape(answer_text(t, question, last))
                    ),
                    callback_data=data(token, KEEP, question.id),
                )
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
