"""The daily report forms: what each agency is asked, and the conversation that asks it.

``definitions`` loads the questions (and what each one means) from JSON,
``numbers`` reads Indonesian numbers, ``engine`` is the pure state machine.
What the liaison reads is written by ``bot.texts.form_texts``; the forms'
text reaches the catalogs through ``bot.devtools.forms_extract``.
"""

from bot.domain.forms.definitions import (
    Choice,
    CrossCheck,
    Form,
    FormSet,
    FormsFileError,
    Question,
    QuestionKind,
    load_forms,
)
from bot.domain.forms.engine import (
    Answer,
    ChoiceReply,
    FormProgress,
    OtherReply,
    Problem,
    ProblemCode,
    Reply,
    SkipReply,
    Step,
    TextReply,
    answer,
    at_review,
    begin_edit,
    numeric_answer,
    resume,
    start,
)
from bot.domain.forms.numbers import (
    NumberParseError,
    NumberProblem,
    parse_percent,
    parse_whole_number,
)

__all__ = [
    "Answer",
    "Choice",
    "ChoiceReply",
    "CrossCheck",
    "Form",
    "FormProgress",
    "FormSet",
    "FormsFileError",
    "NumberParseError",
    "NumberProblem",
    "OtherReply",
    "Problem",
    "ProblemCode",
    "Question",
    "QuestionKind",
    "Reply",
    "SkipReply",
    "Step",
    "TextReply",
    "answer",
    "at_review",
    "begin_edit",
    "load_forms",
    "numeric_answer",
    "parse_percent",
    "parse_whole_number",
    "resume",
    "start",
]
