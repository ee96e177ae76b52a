from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "groups" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "chat_id" BIGINT NOT NULL UNIQUE,
    "title" VARCHAR(255) NOT NULL,
    "region_name" VARCHAR(200),
    "time_zone" VARCHAR(64) NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "election_name" VARCHAR(200),
    "polling_day" DATE,
    "active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "groups" IS 'A Forkopimda coordination group chat and its settings.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztmFtv2jAUgP9KlKdO6jpuBbY3aOlNK0wtu6jTZJnEBAvHThOnLev63+fjEHKBUGCCdV"
    "PfknPLyXdO7BM/mq6wCQsOTn0ReuYH49Hk2CXqIqvYN0zseYkYBBIPmLZ0wESL8CCQPrak"
    "kg4xC4gS2SSwfOpJKjjYtowT4Y+FR10bG5YQvk05BqWhoxjWCEsDc9ugMjACIiXlTnAAsW"
    "1hqeDq9s/ChJzehgRJ4RA5Ir4K9v2HElNukwcSxLfeGA0pYXaGCLUhgJYjOfG07JzLE20I"
    "GQ6QJVjo8sTYm8iR4DNryiVIHcKJjyWB8NIPARMPGZvyjMlFmSYmUYopH5sMccgANnhHCS"
    "QyE6Fur4+uO32EzLlCxB4pqFORJTgUUaUa6Ld3IIW3lXKtUWtW67WmMtFpziSNp+jRCZjI"
    "UePp9s0nrccSRxaacQIVKoUWkW1TpxBuyul5wjHPl474faVSrTYqpWq9eVhrNA6bpRnred"
    "Uy6O3zU+CuDIT6GKNvNC5EAl5SqVRz2I9G2F8MfeaQQ65eZRPksSBhniwZM8DmtpC7+AEx"
    "wh05glY+PFyC80vr6uisdbWnrN5koXanqkqky/L1iaOSQvp2Dco5t41YT5t3LdTb7O8s7F"
    "JpFdilUjFs0OWb2SXop+BrNnTKaYdN3QoofneBx9iXeDcNXq+tgLxeKyQOqixwJiy83vKR"
    "eOwQNbV3A7i5At9mId5mni5hxJKbrB5zjq/rx0rrhycYUykgG0/mcR8rUotx59xysNXMQ2"
    "CNOYCLfw/7EsrHrX4nR1BN/fRuQa+2hWAE88X8EqccuoHy2taiEI92u0XW7vU+QmQ3CG5Z"
    "NKXlRrTu58t252qvrPtWGVFZMLlZPgEkCMvFvQo9VzA3ZzyXtStcbKsA21wq1AvaPc4m0z"
    "ovKUj//LJz3W9dfspUBTobNBUtneSke/XcojILYnw9758ZcGvc9LodjVcE0vH1ExO7/o0J"
    "OeFQCsTFPcJ26m8jlsbUMlUPPXvDqmc9X6v+UqoeM0qVXWcPBxDDcepvGQQDbI3vsW+jOY"
    "2oiCLbeZVbcfMSzLGjawZwIc3pyU+L+NQamQvOhKaa/WWHQjixee5QqLjOr4c1L+uw5o74"
    "AaS0xkSactnd3L+7YXQbJwfwUa1BeGr+H9ItrzTql5eM+uX5UV89URK+YBO9uO51C8amxC"
    "W/e1JLGr8MRoONjh1f7oQPMDJbZMx077L1LY/76GOvnd/7IEBbof+rm9nTb5r767g="
)
