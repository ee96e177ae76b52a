"""What the tests share: the loopback Bot API, the running bot, the people in the chats.

- ``botapi``: a Bot-API-shaped HTTP server on loopback that behaves like Telegram;
- ``harness``: the real application started against it, with an injected clock;
- ``chat``: the people and groups of the tests and what they do (say, tap, approve);
- ``corpus``: helpers of the bad-input corpus (edits, stickers, forged taps);
- ``tally``: the reliability counts printed at the end of a run.
"""
