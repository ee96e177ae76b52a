"""The database: the connection, the tortoise models and their aerich migrations.

Only ``bot.services`` (and the app factory, which opens and closes the
database) use this package; handlers never see a model row.

May import: tortoise, aerich, the standard library.
"""
