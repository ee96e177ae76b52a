"""The database: the connection, the tortoise models and their aerich migrations, and the
instance lease that lets one process at a time serve a bot on it.

Only ``bot.services`` (and the app factory, which opens and closes the
database and takes the lease) use this package; handlers never see a model row.

May import: tortoise, aerich, asyncpg (the lease's own connection), the standard library.
"""
