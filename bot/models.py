"""Tortoise models: what the bot remembers about each Forkopimda group.

Handlers never see these rows: services in ``bot.services`` turn them into
plain dataclasses (see ``bot.groups``).
"""

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
    # False once the bot is removed from the chat; the row and everything
    # hanging off it stay, so adding the bot back resumes with its data.
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "groups"
