from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "form_sessions" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "user_id" BIGINT NOT NULL UNIQUE,
    "agency" VARCHAR(16) NOT NULL,
    "token" VARCHAR(8) NOT NULL,
    "progress" JSON NOT NULL,
    "message_id" BIGINT,
    "last_update_id" BIGINT NOT NULL,
    "started_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE
) /* A report form in progress in a liaison's private chat; survives restarts. */;
        CREATE TABLE IF NOT EXISTS "liaisons" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "username" VARCHAR(64),
    "agency" VARCHAR(16) NOT NULL,
    "unit_name" VARCHAR(100) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PENDING: pending\nAPPROVED: approved\nREJECTED: rejected\nREMOVED: removed */,
    "request_message_id" BIGINT,
    "decided_by" BIGINT,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_liaisons_group_i_e3996d" UNIQUE ("group_id", "user_id")
) /* A person who reports for one agency in one group (one registration per person and group). */;
        CREATE TABLE IF NOT EXISTS "reports" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "agency" VARCHAR(16) NOT NULL,
    "report_date" DATE NOT NULL,
    "user_id" BIGINT NOT NULL,
    "liaison_name" VARCHAR(128) NOT NULL,
    "unit_name" VARCHAR(100) NOT NULL,
    "answers" JSON NOT NULL,
    "submitted_at" TIMESTAMP NOT NULL,
    "current" INT NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE
) /* One submitted daily report; a resubmission the same day supersedes the earlier one. */;
CREATE INDEX IF NOT EXISTS "idx_reports_group_i_e8a729" ON "reports" ("group_id", "report_date", "current");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "reports";
        DROP TABLE IF EXISTS "liaisons";
        DROP TABLE IF EXISTS "form_sessions";"""


MODELS_STATE = (
    "eJztnFtz2jgUx7+Kxy+bznS7hFy3fYKEdNM2kEnY7k4v41FsBbSxJSrJSdluvvseyTa+E0"
    "wCAeo3LJ0jy78jy9Lfx/wwPeZgV7w6Ydy7xEIQRs3Xxg+TIg/Dj6Lql4aJRqO4UhVIdOVq"
    "+2swtERgqWvQlZAc2RIqr5ErMBQ5WNicjGRwLrNlcDxiXBrK1yDUGHE24NCE+o0MlyAiGP"
    "1FQDm5RRIb9hDJN4bw+S25xQK8hURcilfqdA6z4XyEDp68ZZ+Sbz62JBtgOcQc2v/8FYoJ"
    "dfB3LKLD0Y11TbDrpCASRzWgyy05HumyUypPtKHq9JVlM9f3aGw8GsshoxNrQqUqHWCKOX"
    "RUNS+5r2BS33VD+BHfoKexSdDFhI+Dr5HvqpAo76ADcZlpWd1e37rs9C3LzIUr8khwDots"
    "iDiEGroq9NUPVBd+bW7vHuwe7uzvHoKJ7uak5OA+OHUMJnDUeLp9817XI4kCC804huoLzK"
    "0ism0yKIWbcHqYcMRz1RH/3mzu7Bw0Gzv7h3u7Bwd7h40J63zVNOjt07eKOxgwuGWDGzoK"
    "RAweASN7nOd+NES8mHrskYEOFzMP9Kggph5PLcvA7qHvlovpQA7hcHt/CtGPrYujP1oXW9"
    "v7L9JYu2FNU1elAUt2g2kVvhOHDcR7OAPdw1K4h1m20RMgj/fdZa9bjDfpkyHsEFsa/8GT"
    "RMw1ezwz6SloFQ3VsifENzfJdOus9XcW99GHXlvDYUIqUlED7Qx8DyDCXFB51k77zTVxh9"
    "PyqpB/npnbRUJa/ggeqdVjkPd9mgfoLIFobFQU9JoSOxaS+QgcAzlJPFwcg7RndioKXV9F"
    "P9ZwQjI5Rk6PuuPwjp3Cun961rnst87OU7PUcavfUTVNXTrOlG5ln8KTRoy/Tvt/GOrQ+N"
    "TrdrKT2cSu/8lUfUK+ZBZldxZyEmu+qDSilop6cOvME/W0Zx31VYl6xCgR9rD3cdQHnPmj"
    "wrm2dKJNuixvil3xjaDaWl/fFO4DNa883xPGMRnQ93isMZ9ClxC1cQHVUOJ4G7WzZnjvow"
    "EUlcYTEkd3EzUiNa7g6uGasQz2Fa3Lo9Zxx9SQr5B9c4e4Y6VoqxrWZJmSiW2+ymt62RJE"
    "YQnnhJehOp3iXqA5TQJSrjbpa5pZZoIhccNGxHOQYTPGHUKRqjR0K1r7MRB1DCKFIbCUAL"
    "1QU5q3mVpAWi0BSUWq8jI44VQLSHMugCWRLq6kb0QOy9M3THNRyFPqRnNvbwZ9A6xKFQ5d"
    "l+bL8QA6ZenDCpQzbnOxXrVtdhp2ozEL7EajHLaqyw5mD1v/MlpxQCecljioW4Kg396hG9"
    "hGouUM8P3dGZDv75YSV1UZEYPZqNr0EXssETVxlgP4ifVRWBXacp7ZI+dYzx8zzR8j5rrQ"
    "BctBBa9UlDBQokmn3aapAuuHfQpltanPvo+CcXdbMFbbjLkY0ZJXUhOnDLor8FrUpBAt7Z"
    "aLrN3rfUjJJe3TzBKt++dZu3Oxta3HLRgRWbJyszmeU8RKe9Yi1qqIWLV0+TNGvUy6zMls"
    "5ZJQPDxyKT+ZaTh0P3l/gV2tlJRrcJk0ozUbDGVKXHr5GiQdPRLUh6CVTYUUpG09ktGFbm"
    "STEC1Sho1GVIEQmxhs5VJsclzPIsaOMAdz427IwiQ9obL0DNgTG0G6kMrRU0eBrLqlfiqF"
    "QrWs5VZoIGpEya3a7EWRXrvAMxVIup/jFxJRstnXWub96fMEn3ud8ixCb1UN4VHSwcohT2"
    "cJNmcRasCqPE+wmRNr1Cityjjps3kSzdPLjXW264KzXeE6ZWW1MeW0iZhnkhq3p0iN23mp"
    "UUgk/YJFtcLcob6XS5TIJp+F3ktU0UeYOopaNejmead7fNp9+9oI/b/Q1vn5Re9j5/i1AU"
    "tYzm6x84VedN51jvqqjON/sC2DsrPAjGNPWWXXk89zj3AMzIS05k2gLfavE2nnXdg42CYO"
    "dqyrggfDtDik/Wr+8/KvdejygKynIlnr0D9j1OsU2jqFdgXwrnsKbah0F0i3sQZertwmxP"
    "aHhdsexYbwrzwiIbqGg4g7DlXVNwZSH0yrOv0Cx5BDMIXugNUYfJSCiqE1XY4RdwnWImxe"
    "sl3QOR7Ov01ot8H5rCh/wvY5xzAuvtba7TK121p8WfjGMjXMZ80+yrg9Mvto1aBXSz+q3y"
    "883/eswTvHyuph1m8Tp4qFvG+opdoC0ouQahEVd7CWyXMu/5eChEv9JwWP+JOCycpzng+0"
    "M74bqDSsr7KQF5SiVX3+0T0tdTjhVecOz547XOs4tY5T6zhTdZwW5sQemgU6TljzcpqOg2"
    "Kbh2SccqL1R8qrpYDcwpIuzHKddcGdcNnA5fZCvphVN1UFwqH5BtJdyGYGzigLl1nlm5mE"
    "S72ZqbiZqfARx9M/zO7/B/yNljI="
)
