"""The daily report forms: what each agency is asked, what each answer means, and the
conversation that asks it.

``definitions`` holds the questions and their meaning (kind, unit, how answers
combine, how they read in the summary), ``loading`` reads and checks the forms
file, ``combining`` adds answers up across days, agencies and regions,
``numbers`` reads Indonesian numbers, ``engine`` is the pure state machine.
What the liaison reads is written by ``bot.texts.form_texts``; the forms'
text reaches the catalogs through ``bot.devtools.forms_extract``.
"""

from bot.domain.forms.definitions import (
    ChartTopic,
    Choice,
    Combine,
    CrossCheck,
    Form,
    FormSet,
    FormsFileError,
    PartOf,
    Question,
    QuestionKind,
)
from bot.domain.forms.engine import (
    Answer,
    ChoiceReply,
    FormProgress,
    KeepReply,
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
from bot.domain.forms.loading import DEFAULT_FORMS_PATH, load_forms
from bot.domain.forms.numbers import (
    NumberParseError,
    NumberProblem,
    parse_percent,
    parse_whole_number,
)

__all__ = [
    "DEFAULT_FORMS_PATH",
    "Answer",
    "ChartTopic",
    "Choice",
    "ChoiceReply",
    "Combine",
    "CrossCheck",
    "Form",
    "FormProgress",
    "FormSet",
    "FormsFileError",
    "KeepReply",
    "NumberParseError",
    "NumberProblem",
    "OtherReply",
    "PartOf",
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
