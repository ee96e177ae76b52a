from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "scheduled_posts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "local_date" DATE NOT NULL,
    "state" VARCHAR(16) NOT NULL /* SENT: sent\nSENDING: sending\nMISSED: missed\nNOT_NEEDED: not_needed */,
    "message_id" BIGINT,
    "updated_at" TIMESTAMP NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_scheduled_p_group_i_f81764" UNIQUE ("group_id", "kind", "local_date")
) /* One scheduled post per group, kind and local day: the record that makes it exactly once. */;
        ALTER TABLE "groups" ADD "post_times" JSON;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "groups" DROP COLUMN "post_times";
        DROP TABLE IF EXISTS "scheduled_posts";"""


MODELS_STATE = (
    "eJztnFtT2zgUx7+Kxi9LZ7pdCNelTwmEbtqSMCTb3ellPMIWiTe2lEoyNNvlu68k2/E9xI"
    "Fc0RNB0pHl35Fl6X9O8tPwiI1c9uaCUK+LGHMINk7BTwNDD4kPRdWvgQFHo7hSFnB446r2"
    "t6KhyYKWqgbeME6hxUXlLXQZEkU2YhZ1Rjy4llEHFI0I5UDaAgeDESV9KrqQnyFwHegwgn"
    "9hoty5gxwBawD5W8B8eufcISasGYeUszfycjaxxPUc3H/2nn3sfPeRyUkf8QGiov8v30Sx"
    "g230A7Ho39HQvHWQa6cgOrbsQJWbfDxSZS3ML1RDOegb0yKu7+G48WjMBwRPWjuYy9I+wo"
    "iKgcruOfUlTOy7bgg/4huMNG4SDDFhY6Nb6LvSJdI6GEBcZphmu9Mzu82eaRo5d0UWCc5h"
    "kSU8LlwthsrU3fflEH6t7R0cH5zsHx2ciCZqmJOS44fg0jGYwFDhafeMB1UPOQxaKMYxVJ"
    "8hahaRbTj9UrgJo8cJRzzXHfHvtdr+/nFtd//o5PDg+PjwZHfCOl81DXqj9U5yFw2IeGSD"
    "BzpyRAweCkbWOM/9bABpMfXYIgNd3Mw80KOCmHq8tCwDuwd/mC7CfT4Q/+4dTSH6qX599k"
    "f9emfv6FUaazusqamqNGBOhghX4Tsx2EK8JzPQPSmFe5JlG70B8njfdzvtYrxJmwxh27E4"
    "+E+8Sdhcq8eKSU9BK2nInj3GvrtJpjuX9b+zuM8+dhoKDmFckoo6aGTgewKiWAsqr9ppu7"
    "kW7nBZXhfyq1m5Xci46Y/EK7W6D/K2z/MCncURu1vlBbWnRLYJed4D54IcdzxU7IO0ZXYp"
    "Ck3fRB82cEEyKIJ2B7vj8ImdwrrXumx2e/XLq9QqdV7vNWVNTZWOM6U72bfwpBPwV6v3B5"
    "D/gs+ddjO7mE3a9T4bckzQ58TE5N6EdmLPF5VG1FJeDx6debyettReXxevR4wSbg9HH3u9"
    "T4k/KlxrSxfapMnyltg1PwjKo/XtsPAcqHjl+V4Qipw+/oDGCnNLDAliCxVQDSWOd1E/G4"
    "b3IZpAUWm8IFF4P1EjUvNK3L24Z8SDc0W9e1Y/bxoK8g20hveQ2maKtqwhNZIpmbTNV3k1"
    "L1sCsdjC2eFtyEGnuBdoThOHlKtN6p5mlpnElBiSkePZEFiEUNvBUFYC1YvSfgDENnA4Aw"
    "xxLqAXakrzdqMFpPUSkKSnKm+DE0ZaQJpzA8wd7qJK+kZksDx9wzAWhTylbtQOD2fQN0Sr"
    "UoVD1aX5UtQXgzLVvxUoZ8zmYr1ux+w07N3dWWDv7pbDlnXZyewh81+CK07ohNESJ3WdOf"
    "C393AojpFwORP86GAG5EcHpcRlVUbEIBastnzEFktE7djLAfzM+qjYFVp8ntUjZ6jXj5nW"
    "jxFxXTEE04YFIRUpDJRo0mmzaarA5mGfQlke6nMEGTfl3VYT9VNWT5L1N4feQlR9cepy7g"
    "rWigYhLoK4JCQ4McqgvxFWi1qUo631cqE3Op2PKeiNVmaL3P7zstG83tlTHhCNHF6yc7Yo"
    "mlNETFtqEXFdREQtHb9Er5dJxzmZs1ySi6dHLuUqswyH5hcfrpGrlKpyDTST5rVhk6FMCU"
    "0fH4KkryeC+hj0sq2QgrS5JzK6Vp1sKyJmDZDtu2Jxlc/9E1F1o86uyCYnkuSJLTJwED2D"
    "BaGDxONZHjxIrgSzhA9GiIrm4H5AwrRSJvNKAcEIBAluMqtU/hcEAnbkR6mpyZ5VgEB0EH"
    "UiAwSq2auiCMMCr1QQhPgSh9Ci9MhvOjDx4jNbV72zW0looqrq9SSxa+2Qp/Naa7NIi6JV"
    "eWZrLScvyllalXHSZvtExecXyHV+9oLzs8V98sr6eMpoGzHPJI7vTRHH9/LiOOOQ+wV7a4"
    "m5iX0vl9qTTZcMrZcY9xkhbEtq1aAbV832eav97hSE9l9x/erquvOpeX4KxBaWkjtkf8XX"
    "zffNs54so+gfZPGg7DJoRpEnW2X3k6t5RigSzBg35035LrbXqd/zbmxsZDm2OKzeFLwYpv"
    "khbaf5z8tfK/flDtlMDVcr9y/R6zrpWyd9rwHeTU/6DmMDBdJtHDUoV24T4YnHhdsORoD5"
    "N57DhXeBDR13HKqqbwGUX/GXdSrkBfhANBXDEa3GwkYqqEj0psoRpK6DlAibl2wXdI3HM8"
    "YT2m1wPTPK+LF8SpGYF9+0drtM7VaLLws/WKam+az5chmzJ+bLrRv0aglzOr6wum9gBzHH"
    "yuph1m4bl4qFxBu0VFtAehFSLcTsXuxl8pzLU3ATJvpnNZ6QgDvZec7zkwIZ2y1UGjZXWc"
    "gLStGuPv/qnpZsnbDS2dazZ1trHUfrOFrHmarjpBMXC+ScXGZjuapTkFE5o7oTGQJpqJLf"
    "FK/XYCjcqjLg1FcApeRyqoQWiixCbfERcuDBIWLA4QD9EFdyx4CImVYi8SzoQtOT8mTf8q"
    "/qOjjB6vy8VWo8kUNmPU9E7bfxKPHs+k5ilhduZad8xVerO8G0KmQ3e8rM2h97jW6z3TsF"
    "TGxpv+JulDjDosSZy1a3K/NhpOIuE2RkT+1m81yWYSJO9gjZ65Imo38RcbV6nA7QlztEB+"
    "j1wU4f7F7owa6OqGMNjIITXVjzetpRDsZtHjvBlRPVv5e2XseeO0SjLwbPevJJmKzzhnLO"
    "w89CfrxLPlQVCIfNt5DuQqJU4oq8UD8vj1IlTHSUqmKUqsLvGTz/y+zhf6U666Q="
)
