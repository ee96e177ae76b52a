"""The daily report forms: what each agency is asked, and the conversation that asks it.

``definitions`` loads the questions from JSON, ``numbers`` reads Indonesian
numbers, ``engine`` is the pure state machine, ``rendering`` writes what the
liaison reads, ``extract`` feeds the forms' text to the gettext catalog.
"""

from bot.forms.definitions import (
    Choice,
    CrossCheck,
    Form,
    FormSet,
    FormsFileError,
    Question,
    QuestionKind,
    load_forms,
)
from bot.forms.engine import (
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
from bot.forms.numbers import NumberParseError, NumberProblem, parse_percent, parse_whole_number
from bot.forms.rendering import answer_text, problem_text, question_text, review_text

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
    "answer_text",
    "at_review",
    "begin_edit",
    "load_forms",
    "numeric_answer",
    "parse_percent",
    "parse_whole_number",
    "problem_text",
    "question_text",
    "resume",
    "review_text",
    "start",
]
