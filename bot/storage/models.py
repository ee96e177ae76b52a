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
    # The election calendar (bot.domain.elections): a preset's id ("pilkada2024"),
    # or null for the relative template around polling_day.
    election_preset = fields.CharField(max_length=32, null=True)
    # The region's corrections to the calendar's stages: {"rekap_kabkota":
    # ["2024-11-29", "2024-12-10"]}; null for none. Cleared with a new /hari_h.
    stage_corrections: fields.JSONField[dict[str, list[str]] | None] = fields.JSONField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Every write to a group sets it (bot.services.groups): the scheduler reads
    # only the groups changed since its last look, through this index.
    updated_at = fields.DatetimeField(auto_now=True, db_index=True)

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
    lower: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="links_up", on_delete=fields.CASCADE
    )
    upper: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
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


class IncidentDraftKind(StrEnum):
    REPORT = "laporan"  # an incident report being filled in
    NOTE = "catatan"  # a follow-up note asked for after a Ditangani or Selesai tap


class IncidentDraft(Model):
    """An incident report or follow-up note being written in a private chat; survives restarts.

    One of each kind per person: a new report replaces an unfinished one of
    the same person, and so does a new note.
    """

    id = fields.IntField(primary_key=True)
    user_id = fields.BigIntField()
    kind = fields.CharEnumField(IncidentDraftKind, max_length=8)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="incident_drafts", on_delete=fields.CASCADE
    )
    # Binds buttons to this draft, and the incident (or status change) it
    # becomes to it: a redelivered Kirim finds what the first one stored.
    token = fields.CharField(max_length=8)
    # A report: bot.domain.incidents.engine.IncidentProgress as JSON. A note:
    # {"incident_id": ..., "status": ...}.
    progress: fields.JSONField[dict] = fields.JSONField()
    # Who writes, as the incident will name them: a liaison's agency and unit,
    # or none for a group admin who is no liaison.
    reporter_name = fields.CharField(max_length=128)
    agency = fields.CharField(max_length=16, null=True)
    unit_name = fields.CharField(max_length=100, default="")
    # Telegram re-delivers updates after a crash: one at or below this was applied.
    last_update_id = fields.BigIntField(default=0)
    # The private message counting the photos received, edited while an album's
    # photos arrive (one update each), and the album it counts.
    tally_message_id = fields.BigIntField(null=True)
    tally_media_group = fields.CharField(max_length=64, null=True)
    started_at = fields.DatetimeField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "incident_drafts"
        unique_together = (("user_id", "kind"),)


class Incident(Model):
    """A reported incident, numbered per group and year, followed up until done."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="incidents", on_delete=fields.CASCADE
    )
    year = fields.IntField()  # the group's local year when reported
    number = fields.IntField()
    category = fields.CharField(max_length=16)
    urgency = fields.CharField(max_length=8)
    kecamatan = fields.CharField(max_length=100)
    desa = fields.CharField(max_length=100)
    latitude = fields.FloatField(null=True)
    longitude = fields.FloatField(null=True)
    occurred_at = fields.DatetimeField()
    reported_at = fields.DatetimeField()
    description = fields.TextField()
    reporter_user_id = fields.BigIntField()
    reporter_name = fields.CharField(max_length=128)
    agency = fields.CharField(max_length=16, null=True)
    unit_name = fields.CharField(max_length=100, default="")
    # Telegram file ids with their kind: [[file_id, file_unique_id, "photo"], ...].
    photos: fields.JSONField[list[list[str]]] = fields.JSONField()
    status = fields.CharField(max_length=16, default="baru")
    status_at = fields.DatetimeField()
    # The draft's token: a Kirim delivered again after a crash finds this row.
    form_token = fields.CharField(max_length=8)
    # Posting to the group, exactly once across crashes: the parts of the post
    # (bot.publishing.incidents) are handed to Telegram in order, each claimed by
    # raising this count from its index; a part below it is never sent again.
    parts_handed = fields.IntField(default=0)
    parts_total = fields.IntField(null=True)  # known once the first part is claimed
    message_id = fields.BigIntField(null=True)  # the first message of the post
    control_message_id = fields.BigIntField(null=True)  # the one with the buttons
    pinned = fields.BooleanField(default=False)

    class Meta:
        table = "incidents"
        unique_together = (("group", "year", "number"), ("reporter_user_id", "form_token"))
        indexes = (("group", "status"), ("group", "occurred_at"))


class IncidentChange(Model):
    """One step of an incident's handling: Ditangani or Selesai, with who, when and a note."""

    id = fields.IntField(primary_key=True)
    incident: fields.ForeignKeyRelation[Incident] = fields.ForeignKeyField(
        "models.Incident", related_name="changes", on_delete=fields.CASCADE
    )
    status = fields.CharField(max_length=16)
    note = fields.TextField()
    user_id = fields.BigIntField()
    name = fields.CharField(max_length=128)
    agency = fields.CharField(max_length=16, null=True)
    unit_name = fields.CharField(max_length=100, default="")
    at = fields.DatetimeField()
    note_token = fields.CharField(max_length=8)  # the note draft's: see Incident.form_token
    # The reply in the group, once: claimed before it is handed to Telegram.
    handed_over = fields.BooleanField(default=False)
    message_id = fields.BigIntField(null=True)

    class Meta:
        table = "incident_changes"
        unique_together = (("user_id", "note_token"),)


class OutputState(StrEnum):
    MAKING = "making"  # accepted; its files are being made
    SENDING = "sending"  # made, and claimed for its one send
    DONE = "done"  # answered: the files sent, or why there are none


class OutputRequest(Model):
    """A request for an export, charts or a brief: the record that answers it once."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="output_requests", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=16)  # bot.outputs.jobs.OutputKind
    first_day = fields.DateField()
    last_day = fields.DateField()
    charts: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # The command's message: the answer replies to it, and the same update
    # replayed after a crash finds its request instead of making a second one.
    message_id = fields.BigIntField()
    requested_by = fields.BigIntField()
    requested_at = fields.DatetimeField()
    state = fields.CharEnumField(OutputState, max_length=16, default=OutputState.MAKING)
    # True once the send was handed to Telegram: it may have arrived, and is
    # never sent again (as with scheduled posts).
    handed_over = fields.BooleanField(default=False)
    # "<group id>:<kind>" while the request is being made or sent, null once
    # answered: the unique index lets one request per group and kind run at a
    # time, and a second one is told it is being made ("sedang diproses").
    busy = fields.CharField(max_length=40, null=True, unique=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "output_requests"
        unique_together = (("group", "message_id"),)
