"""``python -m bot [run|worker|migrate|makemigrations NAME|catalogs]``."""

from __future__ import annotations

import argparse
import sys

from bot.settings import SettingsError

EXIT_CONFIG_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Posko Forkopimda bot")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot (the default)")
    sub.add_parser("worker", help="make exports, charts and briefs for the bot (needs REDIS_URL)")
    sub.add_parser("migrate", help="apply pending database migrations and exit")
    make = sub.add_parser("makemigrations", help="generate migrations after a model change")
    make.add_argument("name")
    sub.add_parser("catalogs", help="extract strings and update locales/")
    args = parser.parse_args(argv)

    try:
        if args.command == "migrate":
            from bot.runner import migrate

            return migrate()
        if args.command == "worker":
            from bot.runner import work

            return work()
        if args.command == "makemigrations":
            from bot.devtools.makemigrations import make_migrations

            print("\n".join(make_migrations(args.name)))
            return 0
        if args.command == "catalogs":
            from bot.devtools.catalogs import update_catalogs

            for locale, missing in update_catalogs().items():
                print(f"{locale}: {missing} untranslated")
            return 0
        from bot.runner import run

        return run()
    except SettingsError as error:
        print(f"posko-forkopimda: {error}", file=sys.stderr)
        return EXIT_CONFIG_ERROR


if __name__ == "__main__":
    sys.exit(main())
