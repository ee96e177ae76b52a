"""Tortoise models: what the bot remembers about each Forkopimda group.

Handlers never see these rows: the service modules in ``bot.services`` return
plain dataclasses.
"""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

DEFAULT_ZONE = "Asia/Jakarta"
DEFAULT_LOCALE = "id"


class Group(Model):
    """A Forkopimda coordination group chat and its settings."""

    id = fields.IntField(primary_key=True)
    chat_id = fields.BigIntField(unique=True)
    title = fields.CharField(max_length=255, default="")
    # The name shown for the group: the official one once a code is set, else
    # the free text an admin typed before codes existed (kept until a code is given).
    region_name = fields.CharField(max_length=200, null=True)
    # Kemendagri's dotted code ("64.08"); null for the national level and for
    # groups set up by name only.
    region_code = fields.CharField(max_length=16, null=True, db_index=True)
    # bot.domain.regions.RegionLevel's value; null until a code (or "nasional") is given.
    region_level = fields.CharField(max_length=16, null=True)
    time_zone = fields.CharField(max_length=64, default=DEFAULT_ZONE)
    locale = fields.CharField(max_length=8, default=DEFAULT_LOCALE)
    election_name = fields.CharField(max_length=200, null=True)
    polling_day = fields.DateField(null=True)
    # Scheduled post times by kind ("laporan": "07:00", "ringkasan": null for
    # off); a kind left out (or no mapping at all) keeps its default time
    # (bot.scheduling.post_kinds). Nullable so existing rows need no backfill.
    post_times = fields.JSONField(null=True)
    # False once the bot is removed from the chat; the row and everything
    # hanging off it stay, so adding the bot back resumes with its data.
    active = fields.BooleanField(default=True)
    # When the group was registered or last re-activated, by the bot's clock: no
    # scheduled post falls due before it. Null for groups older than the column.
    active_since = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "groups"


class LiaisonStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    REMOVED = "removed"


class Liaison(Model):
    """A person who reports for one agency in one group (one registration per person and group)."""

    id = fields.IntField(primary_key=True)
    group = fields.ForeignKeyField(
        "models.Group", related_name="liaisons", on_delete=fields.CASCADE
    )
    user_id = fields.BigIntField()
    name = fields.CharField(max_length=128)
    username = fields.CharField(max_length=64, null=True)
    agency = fields.CharField(max_length=16)
    unit_name = fields.CharField(max_length=100)
    status = fields.CharEnumField(LiaisonStatus, max_length=16, default=LiaisonStatus.PENDING)
    # The group message carrying the Setujui/Tolak buttons, edited once decided.
    request_message_id = fields.BigIntField(null=True)
    decided_by = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "liaisons"
        unique_together = (("group", "user_id"),)


class Report(Model):
    """One submitted daily report; a resubmission the same day supersedes the earlier one."""

    id = fields.IntField(primary_key=True)
    group = fields.ForeignKeyField("models.Group", related_name="reports", on_delete=fields.CASCADE)
    agency = fields.CharField(max_length=16)
    report_date = fields.DateField()
    user_id = fields.BigIntField()
    liaison_name = fields.CharField(max_length=128)
    unit_name = fields.CharField(max_length=100)
    answers = fields.JSONField()
    submitted_at = fields.DatetimeField()
    # False once a later report for the same group, agency and day replaced it;
    # kept as history rather than deleted.
    current = fields.BooleanField(default=True)

    class Meta:
        table = "reports"
        indexes = (("group", "report_date", "current"),)


class FormSession(Model):
    """A report form in progress in a liaison's private chat; survives restarts."""

    id = fields.IntField(primary_key=True)
    user_id = fields.BigIntField(unique=True)
    group = fields.ForeignKeyField(
        "models.Group", related_name="form_sessions", on_delete=fields.CASCADE
    )
    agency = fields.CharField(max_length=16)
    # Binds buttons to this form: a tap on an older form's button carries
    # another token and is refused as stale.
    token = fields.CharField(max_length=8)
    progress = fields.JSONField()
    # Telegram re-delivers updates after a crash; an update id at or below this
    # one was already applied to the form and is ignored.
    last_update_id = fields.BigIntField(default=0)
    started_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "form_sessions"


class PostState(StrEnum):
    SENT = "sent"
    # Claimed by a sender that has not confirmed the send (yet): see bot.scheduling.ticks.
    SENDING = "sending"
    # Found more than the grace period after its time (the bot was down): never sent.
    MISSED = "missed"
    # Due, but there was nothing to say (a reminder when everyone had reported).
    NOT_NEEDED = "not_needed"


class ScheduledPost(Model):
    """One scheduled post per group, kind and local day: the record that makes it exactly once."""

    id = fields.IntField(primary_key=True)
    group = fields.ForeignKeyField(
        "models.Group", related_name="scheduled_posts", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=16)
    local_date = fields.DateField()
    state = fields.CharEnumField(PostState, max_length=16)
    # False while a SENDING post waits for its send slot (certainly not sent:
    # a dead process's successor releases it); True once handed to Telegram,
    # after which it may have arrived and is never sent again.
    handed_over = fields.BooleanField(default=False)
    # The slot this record is about (UTC). A MISSED post settles only slots at
    # or before it, so one moved later the same day is sent after all. Null for
    # records older than the column (they settle the day, as they always did).
    slot_at = fields.DatetimeField(null=True)
    message_id = fields.BigIntField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "scheduled_posts"
        unique_together = (("group", "kind", "local_date"),)
        # Every scheduler tick reads the last two days' records; the table keeps
        # every day of the campaign.
        indexes = (("local_date",),)


class LinkState(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    # Ended with /lepas (an approved link), or a request withdrawn before its answer.
    ENDED = "ended"


class GroupLink(Model):
    """A lower group's request to join a group above, and the link once the upper group accepts.

    Data flows up an approved link only: the upper group sees the lower one's
    reports (and, through it, those of the groups linked below it). A group
    has at most one link up that is requested or approved; rows that ended
    or were rejected stay as history.
    """

    id = fields.IntField(primary_key=True)
    lower = fields.ForeignKeyField(
        "models.Group", related_name="links_up", on_delete=fields.CASCADE
    )
    upper = fields.ForeignKeyField(
        "models.Group", related_name="links_down", on_delete=fields.CASCADE
    )
    lower_id: int  # the columns behind the two keys, for type checkers
    upper_id: int
    state = fields.CharEnumField(LinkState, max_length=16, default=LinkState.REQUESTED)
    requested_by = fields.BigIntField()
    # The upper group's message carrying Terima/Tolak, edited once decided.
    request_message_id = fields.BigIntField(null=True)
    decided_by = fields.BigIntField(null=True)
    ended_by = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "group_links"
        # Every read across groups walks the approved links down from a group.
        indexes = (("upper", "state"), ("lower", "state"))


class InboxUpdate(Model):
    """An update as received from Telegram, kept until it has been handled.

    Telegram forgets an update once the bot asks for the next ones, which PTB
    does while earlier ones are still being handled: a crash in between would
    lose them. Written before that confirmation and replayed at start, the
    inbox makes every update handled; the same id arriving again is skipped.
    """

    update_id = fields.BigIntField(primary_key=True, generated=False)
    # JSON as text: PostgreSQL's jsonb refuses the NUL characters people paste.
    payload = fields.TextField()
    handled = fields.BooleanField(default=False)
    received_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "inbox_updates"
