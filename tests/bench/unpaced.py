"""``python -m bot`` without its pacing to Telegram's limits, for measuring the bot's own capacity.

The bot paces every send and edit to just under Telegram's 30 a second
(``bot.transport.limits``), and every form step is answered with one, so
through the pacing no amount of speed shows: the update-throughput
measurement runs this instead. Everything else (settings, storage, handlers,
scheduler, long polling) is the bot exactly as ``python -m bot`` runs it.
"""

import sys
from functools import partial

from bot import app, runner
from bot.__main__ import main

# Guarded: a spawned process (the bot's render pool) imports its parent's main
# module again, and unguarded each would start a second bot.
if __name__ == "__main__":
    runner.build_application = partial(app.build_application, rate_limit=False)
    sys.exit(main())
