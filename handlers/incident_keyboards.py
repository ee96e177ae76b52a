"""Inline keyboards of the incident report (data: ``callback_data.IncidentFormTap``)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.incidents import IncidentCategories, IncidentProgress, Step, Urgency
from bot.domain.incidents.engine import DONE, NOW, STEPS
from bot.texts.i18n import Translator
from bot.texts.incidents import STEP_LABELS, URGENCY_LABELS
from bot.transport.callback_data import FormAction, IncidentFormTap

CHOOSE, SKIP, SUBMIT, CHANGE, CANCEL, EDIT, BACK = (
    FormAction.CHOOSE,
    FormAction.SKIP,
    FormAction.SUBMIT,
    FormAction.CHANGE,
    FormAction.CANCEL,
    FormAction.EDIT,
    FormAction.BACK,
)


def data(token: str, action: str, step: str | None = None, value: str | None = None) -> str:
    return IncidentFormTap(token, action, step, value).pack()


def _button(label: str, token: str, action: str, step: Step, value: str | None = None):
    return InlineKeyboardButton(label, callback_data=data(token, action, step.value, value))


def step_keyboard(
    t: Translator, categories: IncidentCategories, progress: IncidentProgress, token: str
) -> InlineKeyboardMarkup | None:
    """The buttons of the step being asked (the review's when every step is answered)."""
    _ = t.gettext
    step = progress.current
    if step is None:
        return review_keyboard(t, token)
    if step is Step.CATEGORY:
        rows = [
            [_button(f"{c.emoji} {_(c.label)}".strip(), token, CHOOSE, step, c.value)]
            for c in categories
        ]
    elif step is Step.URGENCY:
        rows = [[_button(_(URGENCY_LABELS[u]), token, CHOOSE, step, u.value) for u in Urgency]]
    elif step is Step.TIME:
        rows = [[_button(_("Sekarang"), token, CHOOSE, step, NOW)]]
    elif step is Step.LOCATION:
        rows = [[_button(_("Lewati"), token, SKIP, step)]]
    elif step is Step.PHOTOS:
        label = _("Selesai") if progress.photos else _("Lewati")
        rows = [[_button(label, token, CHOOSE, step, DONE)]]
    else:
        return None
    return InlineKeyboardMarkup(rows)


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


def change_keyboard(t: Translator, token: str) -> InlineKeyboardMarkup:
    """One button per step, two to a row, to answer it again; then Kembali."""
    _ = t.gettext
    buttons = [_button(_(STEP_LABELS[step]), token, EDIT, step) for step in STEPS]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([InlineKeyboardButton(_("Kembali"), callback_data=data(token, BACK))])
    return InlineKeyboardMarkup(rows)
