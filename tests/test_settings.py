"""Configuration from the environment and .env, and logs that never show the token."""

from __future__ import annotations

import logging

import pytest

from bot.logging_setup import RedactSecrets
from bot.settings import (
    DEFAULT_API_URL,
    DEFAULT_DATABASE_URL,
    SettingsError,
    load_settings,
    load_worker_settings,
)
from tests.support.harness import TOKEN


def test_defaults_need_only_the_token():
    settings = load_settings({"BOT_TOKEN": TOKEN}, env_file=None)
    assert settings.bot_token.get_secret_value() == TOKEN
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.telegram_api_url == DEFAULT_API_URL
    assert settings.api_base_url == "https://api.telegram.org/bot"
    assert settings.webhook_url is None and settings.log_level == "INFO"


def test_a_new_process_waits_half_a_minute_for_the_old_one_unless_told_otherwise():
    assert load_settings({"BOT_TOKEN": TOKEN}, env_file=None).instance_wait_seconds == 30
    settings = load_settings({"BOT_TOKEN": TOKEN, "INSTANCE_WAIT_SECONDS": "0"}, env_file=None)
    assert settings.instance_wait_seconds == 0


def test_the_bot_id_is_the_token_before_its_colon():
    assert load_settings({"BOT_TOKEN": TOKEN}, env_file=None).bot_id == 7000000001


def test_token_hides_from_repr():
    settings = load_settings({"BOT_TOKEN": TOKEN}, env_file=None)
    assert TOKEN not in repr(settings) and TOKEN not in str(settings.bot_token)


def test_dotenv_file_is_read_and_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(f"BOT_TOKEN={TOKEN}\nLOG_LEVEL=debug\nDATABASE_URL=sqlite://x.db\n")
    settings = load_settings({"DATABASE_URL": "postgres://db/posko"}, env_file=env_file)
    assert settings.log_level == "DEBUG"
    assert settings.database_url == "postgres://db/posko"


def test_self_hosted_api_url_is_used_as_given():
    settings = load_settings(
        {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": "http://127.0.0.1:8081/"}, env_file=None
    )
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"


@pytest.mark.parametrize(
    ("environ", "fragment"),
    [
        ({}, "BOT_TOKEN is not set"),
        ({"BOT_TOKEN": "   "}, "BOT_TOKEN is not set"),
        ({"BOT_TOKEN": "hello"}, "BOT_TOKEN is malformed"),
        ({"BOT_TOKEN": "123:abc"}, "BOT_TOKEN is malformed"),
        ({"BOT_TOKEN": TOKEN, "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_URL": "http://example.org/hook"}, "WEBHOOK_URL"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": "ftp://x"}, "TELEGRAM_API_URL"),
        ({"BOT_TOKEN": TOKEN, "INSTANCE_WAIT_SECONDS": "soon"}, "INSTANCE_WAIT_SECONDS"),
        ({"BOT_TOKEN": TOKEN, "INSTANCE_WAIT_SECONDS": "-1"}, "INSTANCE_WAIT_SECONDS"),
        ({"BOT_TOKEN": TOKEN, "INSTANCE_WAIT_SECONDS": "86400"}, "INSTANCE_WAIT_SECONDS"),
    ],
)
def test_unusable_configuration_is_named(environ, fragment):
    with pytest.raises(SettingsError, match=fragment):
        load_settings(environ, env_file=None)


def test_malformed_token_is_not_echoed():
    with pytest.raises(SettingsError) as raised:
        load_settings({"BOT_TOKEN": "12345:short-but-secret"}, env_file=None)
    assert "short-but-secret" not in str(raised.value)


def test_redaction_covers_message_arguments_and_tracebacks():
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        "HTTP Request: %s %s",
        ("POST", f"https://api.telegram.org/bot{TOKEN}/getUpdates"),
        None,
    )
    try:
        raise RuntimeError(f"failed on /bot{TOKEN}/sendMessage")
    except RuntimeError as error:
        record.exc_info = (type(error), error, error.__traceback__)
    RedactSecrets([TOKEN]).filter(record)
    formatted = logging.Formatter().format(record)
    assert TOKEN not in formatted
    assert "bot<token>/getUpdates" in formatted and "bot<token>/sendMessage" in formatted


def test_files_are_made_by_the_bots_own_pool_unless_redis_is_set():
    settings = load_settings({"BOT_TOKEN": TOKEN}, env_file=None)
    assert settings.redis_url is None and settings.render_workers == 2
    settings = load_settings(
        {"BOT_TOKEN": TOKEN, "REDIS_URL": "redis://10.0.0.5:6379/2", "RENDER_WORKERS": "4"},
        env_file=None,
    )
    assert settings.redis_url == "redis://10.0.0.5:6379/2" and settings.render_workers == 4


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("REDIS_URL", "http://10.0.0.5:6379", "REDIS_URL must start with redis://"),
        ("RENDER_WORKERS", "0", "RENDER_WORKERS must be a whole number from 1 to 64"),
        ("RENDER_WORKERS", "dua", "RENDER_WORKERS must be a whole number from 1 to 64"),
    ],
)
def test_bad_worker_settings_are_refused_with_the_reason(variable, value, message):
    with pytest.raises(SettingsError, match=message):
        load_settings({"BOT_TOKEN": TOKEN, variable: value}, env_file=None)


def test_a_worker_needs_redis_but_no_token():
    settings = load_worker_settings({"REDIS_URL": "redis://127.0.0.1:6379/0"}, env_file=None)
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert settings.database_url == DEFAULT_DATABASE_URL
    with pytest.raises(SettingsError, match="REDIS_URL is not set"):
        load_worker_settings({}, env_file=None)
