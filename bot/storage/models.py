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
    region_name = fields.CharField(max_length=200, null=True)
    time_zone = fields.CharField(max_length=64, default=DEFAULT_ZONE)
    locale = fields.CharField(max_length=8, default=DEFAULT_LOCALE)
    election_name = fields.CharField(max_length=200, null=True)
    polling_day = fields.DateField(null=True)
    # Scheduled post times by kind ("laporan": "07:00", "ringkasan": null for
    # off); a kind left out (or no mapping at all) keeps its default time
    # (bot.scheduling.post_kinds). Nullable so existing rows need no backfill.
    post_times: fields.JSONField[dict[str, str | None] | None] = fields.JSONField(null=True)
    # False once the bot is removed from the chat; the row and everything
    # hanging off it stay, so adding the bot back resumes with its data.
    active = fields.BooleanField(default=True)
    # When the group was registered or last re-activated, by the bot's clock: no
    # scheduled post falls due before it. Null for groups older than the column.
    active_since = fields.DatetimeField(null=True)
    # The agencies expected to report every day (agency values); null keeps the
    # default, every agency but DPRD (bot.domain.agencies.EXPECTED_BY_DEFAULT).
    expected_agencies: fields.JSONField[list[str] | None] = fields.JSONField(null=True)
    # Until when (local "HH:MM") yesterday's report may still be sent, late;
    # null keeps the default, 12:00 (bot.domain.reporting_days); "00:00" takes none.
    late_cutoff = fields.CharField(max_length=5, null=True)
    # True: national holidays and cuti bersama are days off (bot.domain.days_off).
    skip_holidays = fields.BooleanField(default=False)
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
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
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
    # A stand-in, approved while another liaison of the agency is on leave: they
    # serve until that leave's last day (kept equal to it), then no longer. The
    # leave's id without a foreign key: SQLite cannot add one to an existing table.
    stand_in_for = fields.IntField(null=True)
    stand_in_until = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "liaisons"
        unique_together = (("group", "user_id"),)


class Report(Model):
    """One submitted daily report; a resubmission the same day supersedes the earlier one."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="reports", on_delete=fields.CASCADE
    )
    agency = fields.CharField(max_length=16)
    report_date = fields.DateField()
    user_id = fields.BigIntField()
    liaison_name = fields.CharField(max_length=128)
    unit_name = fields.CharField(max_length=100)
    answers: fields.JSONField[dict[str, int | str | None]] = fields.JSONField()
    submitted_at = fields.DatetimeField()
    # Sent after its day had ended (a late report for yesterday, before the cut-off).
    late = fields.BooleanField(default=False)
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
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="form_sessions", on_delete=fields.CASCADE
    )
    agency = fields.CharField(max_length=16)
    # Binds buttons to this form: a tap on an older form's button carries
    # another token and is refused as stale.
    token = fields.CharField(max_length=8)
    # The day the report is for: the group's local day when the form was opened,
    # or the one chosen (yesterday's late report, a correction). Null for forms
    # begun before it was kept: they report for the day they are sent.
    report_date = fields.DateField(null=True)
    # Opened from "Ubah laporan": the answers of the report it corrects.
    correcting = fields.BooleanField(default=False)
    progress: fields.JSONField[dict] = fields.JSONField()
    # Telegram re-delivers updates after a crash; an update id at or below this
    # one was already applied to the form and is ignored.
    last_update_id = fields.BigIntField(default=0)
    started_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "form_sessions"


class Leave(Model):
    """A liaison's leave: while it runs they are not mentioned, and a stand-in may serve."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="leaves", on_delete=fields.CASCADE
    )
    user_id = fields.BigIntField()
    first_day = fields.DateField()
    # Inclusive; moved to the day before when the leave ends early ("/cuti selesai"),
    # so a leave ended the day it began covers no day at all.
    last_day = fields.DateField()
    set_by = fields.BigIntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "leaves"
        indexes = (("group", "last_day"),)


class Pause(Model):
    """A pause of the group's work: no scheduled posts, nothing expected (the jeda command)."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="pauses", on_delete=fields.CASCADE
    )
    starts_at = fields.DatetimeField()
    # Null until /lanjut, or the midnight after ``until`` (see bot.domain.days_off).
    ends_at = fields.DatetimeField(null=True, db_index=True)
    until = fields.DateField(null=True)  # the last day /jeda named
    set_by = fields.BigIntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "pauses"


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
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
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
