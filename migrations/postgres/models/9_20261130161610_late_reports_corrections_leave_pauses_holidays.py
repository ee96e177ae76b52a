from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "leaves" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "first_day" DATE NOT NULL,
    "last_day" DATE NOT NULL,
    "set_by" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_leaves_group_i_028084" ON "leaves" ("group_id", "last_day");
COMMENT ON TABLE "leaves" IS 'A liaison''s leave: while it runs they are not mentioned, and a stand-in may serve.';
        CREATE TABLE IF NOT EXISTS "pauses" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "ends_at" TIMESTAMPTZ,
    "until" DATE,
    "set_by" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_pauses_ends_at_50a079" ON "pauses" ("ends_at");
COMMENT ON TABLE "pauses" IS 'A pause of the group''s work (/jeda): no scheduled posts, nothing expected.';
        ALTER TABLE "form_sessions" ADD "correcting" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "form_sessions" ADD "report_date" DATE;
        ALTER TABLE "groups" ADD "late_cutoff" VARCHAR(5);
        ALTER TABLE "groups" ADD "skip_holidays" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "liaisons" ADD "stand_in_until" DATE;
        ALTER TABLE "liaisons" ADD "stand_in_for_id" INT;
        ALTER TABLE "reports" ADD "late" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "liaisons" ADD CONSTRAINT "fk_liaisons_leaves_2da66d60" FOREIGN KEY ("stand_in_for_id") REFERENCES "leaves" ("id") ON DELETE SET NULL;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "liaisons" DROP CONSTRAINT IF EXISTS "fk_liaisons_leaves_2da66d60";
        ALTER TABLE "groups" DROP COLUMN "late_cutoff";
        ALTER TABLE "groups" DROP COLUMN "skip_holidays";
        ALTER TABLE "reports" DROP COLUMN "late";
        ALTER TABLE "liaisons" DROP COLUMN "stand_in_until";
        ALTER TABLE "liaisons" DROP COLUMN "stand_in_for_id";
        ALTER TABLE "form_sessions" DROP COLUMN "correcting";
        ALTER TABLE "form_sessions" DROP COLUMN "report_date";
        DROP TABLE IF EXISTS "pauses";
        DROP TABLE IF EXISTS "leaves";"""


MODELS_STATE = (
    "eJztXV1z2rga/isabradyXZTmqY56RVJaDfdhGQSuruzTccjbAW0GImVBAlnT//7kWQbf8"
    "kEEyAGdNFpkPTK8iNZfvW8H/63NqAe8vmbT5QNbhHnmJLaMfi3RuAAyT9M1XugBofDuFIV"
    "CNjxdft72dDhQUtdAztcMOgKWXkPfY5kkYe4y/BQBNeqNQBDQ8oEULIAEzBktMtkF+pvCH"
    "wMMafkJy7L8RgKBNweFB8BH7ExHiMupbmATPA36nIedeX1MOkuvecRwf+MkCNoF4keYrL/"
    "b99lMSYeekQ8+jnsO/cY+V4KROypDnS5IyZDXXZOxCfdUA2647jUHw1I3Hg4ET1Kpq0xEa"
    "q0iwhicqCqe8FGCkwy8v0Q/AjfYKRxk2CICRkP3cORr6ZESQcDiMtqjtO6aju3zbbj1HLT"
    "FUkkcA6LXDnjcqrlULm++64aws/1twcfDo7eHR4cySZ6mNOSDz+CS8fABIIanla79kPXQw"
    "GDFhrjGNQRR8wxIXuCu4XgJoSeRjjCs+oQ/6def/fuQ33/3eHR+4MPH94f7U+xzlfNAv3k"
    "/LPCXTag8pENHuhoImLgocTIneRxP+1BZkY9lsiALm9mEdCjghj1eGtZB+wD+Oj4iHRFT/"
    "58ezgD0d8bN6e/Nm5evT18nYa1FdbUdVUaYEH7iJTBdyqwhfAezYHuUSG4R1lsgxeCI3cV"
    "lEf4TJaaEc6IZXBWxQIP0Juo/gnEwz2iKoDPQPis0W5mEHQpY8gVqsP81kupjyAxY5gWzE"
    "DYkZKrWqvTkvVid3J1daF6HnD+jx9sr5m9tfX18qQpNwe9fGUjLAq23EhvySP+5faqZYY7"
    "KZNdr9gV4H9S/+ELvfOqu1wVGinIo53g1WXjz+wmcXpxdaLBoVwopKIOTjLg+5ALZzRUz3"
    "ZpfSMvuxy1Y54p2N8qrUNr4shzoDDv22r/Nc9BWnLW1q3+2MAHQr6doHdF/En4apmBdfv8"
    "snnbblxep54StcurmrounWRKX2V1l2kn4I/z9q9A/QR/XbWa2Ydp2q79V02NCY4EdQh9cK"
    "CX0JSj0gi11KwHj84is56WtLNelVmPMEpMezj6eNa7jI6Gxr22cKNNiqxvi6348VkREvd9"
    "4+lZ45XH9xNlCHfJb2iiYT6XQ4LENem8ITH0Oepnw+D9ES2gqDTekBh8mHI4qXUl717eMw"
    "qUtNPG7WnjTCrHCuQOdPsPkHlOCm1VQ+s0UzJtm68a1AfZEkjk4dkLb0MNOoW7gambTkgx"
    "R6fvaW5yTi6JPh3igQeBSynzMIGqEuheNGMGIPEAFhxwJJR6b2TiFu3G0m7Vot3UTJVWgx"
    "NClnZbUAEWWPgGzmIGKxQJrI8VqtVWBXmKE6q/fz8HKyRbFfJCui7LDHXloBz9swTKGbGF"
    "sK4YH5QBe39/HrD394vBVnXZxTxAzn8pKbmgE0JrXNQNjuEvX2BfHiPhehb44cEckB8eFC"
    "KuqjIkBnVhue0jllgj1NhbD8BLZpWlVuiKRXaPnKDdP+baP4bU9+UQHA8aDFHFNH5GbJdp"
    "fHVkd9TdliOVU1LPopU3B72VsMry1IXHhr1ipgklFlqj+SRSrTfWehKg5nAcMhllaMSs7B"
    "KIxM1Z+BXnDfN0MXocyvepYn2VxwEut7cZhe0W9xzDmUCOK+fr/r6U4pkW2z6NaJ7Da/HR"
    "NXdw5X08dHrUx1KrMSz4mS+UnKw1y5d4sbgMLWidSkta61RV3jLWJrmLs15kk8zZz4ptPf"
    "HyyHlAZ7bjUPzTbzfI1yaQYuNaxut6wxZDkYktrSMgODapaWVgulB9bC1AgZP6cyEKetlW"
    "kIZwxJ+7iq5VH9sKUOC/+kyEbnQn2woRd3vIG/ny9azeHM+E6jbq7Jpuso9lHrFV+jSckw"
    "59/Kp1pJrBsyFZvTfLvwGrhqHX5bxuDgQE7QFUYT8uwmPkgXtGB6CNfNRlcLAH+mgowIgI"
    "7AMsQE+27CBE5B/EkzNtcHpYQqd35I5EjVUYUxcJDuC0Y0pcBEQPgQ4V8ip9rtroAoIeha"
    "xGfA889LDbA9ftkzviUcTVbx8BBJmPEdNtAGQIcDkGX15djj66/DGAwGWQ91TAVAeJBzW0"
    "BzryvTviU64vPXgD/mBYCKRayKurQiiAXDr3mA0CJw/l2SG3IB9OJACyUrtk7inpO6JnCw"
    "xgXw4DjRGbRPcWjuGjvh0u1wLAUpgxPFYjhF25LAHmQB1hhyH8z3AWWdDBdwW+vTvj21Ds"
    "ZDKEE59Cw1S05aousEzEIlsRBTPr6NT8sz2brJuenC6uWp+j5lkGL81lhE9bSf4oIWWZox"
    "LMUfQ2WIBEyIiuh0VY6xa0mSRCEXVUgkRYpXIVHJINatX09FysUMWH9HkcRuOwai13HOob"
    "UrthI8LV23yi9Q0iVZYBIkoQeXtaR4BKMyDez/LNPoATwBEbI5Mz6Sou8bTu8C32mtZxPc"
    "qL4Lv1Pt29oO+XZllfxP9UavPhmje+sMzQp4Se6W5TtWko528z3TFKoJeU2WnwOBJOxwDd"
    "rKc+lrEP/cIPvbVw7oqaai2c2zzrRRZOG3Vpoy4rYFbYW2LUZSplAPEcvD7bacW8zl7EiB"
    "OhZWIaYiBncA0Je/c8bMMQMdkcPPRomOwtMIHIAz8I0k4p04X6FQSavlJ/qpgt1bO2TcgO"
    "ok4UP6CbvTaRDiu8koF7SJAN0fn1uw18tdRDJd6Paz6FlI2qelYwVeUgT2ebq88TuiZbFe"
    "ebq+fC19QqLYtxUmb7XLSXH4BpsyauOGuivE9ROv4yJbSNMM8VfPl2RvDl23zwpdSrxcig"
    "VCuYm2Q0yB1i0rzcVHqNccVDRLww8WAJ0GvXzdbZeevzMQjl70jj+vrm6vfm2TGQKiyjY+"
    "TdkZvml+ZpW5Ux9LcOIVJll0EzhgaqVVaffJlnhCGJGRfOAHEut5fS6oxZfiHNpmrb/4so"
    "Nh5ysYe80tx2Ws7ivyj+EUPgaAe8MqaZvOQuB5NbM0Hxwt5MwtiaCXZx1q2ZYJ1ck+E9dE"
    "/NHFOxlTsvuUXqgLXDVN0OU7SKlwDuvGF9FVu682JreHJTEMtxgNbXi4uXyjAaxMMZzDjT"
    "QLliI04cjzeXCUe1BvReB3roJfcTBw+U9cGrX/5GHnwtx0bBND4L6PisPeXc2VORIFHeDq"
    "PNZold20yk1TLIBN9mWjQhPN9e5XNzlc38GQMRb5EpToitJWPTOp+rbZre0ryLpVuOrTus"
    "dYet4IRsJuNhea5dnHXLc1kapgLwrsMddpUUQZgQxsARxKliikmCRE6ap1mCK4IAH3UGKt"
    "GEBzyI/UnohfkRQPWhXlWnM2XF6SI8Fd85Uh6XSPamyxNJL/J0wYquUSqwNPOhSXfEGJLr"
    "woaZrpVasM5aK3dEqcBnWKsGerlDoPVHfrFjYBijUNrbMCu3jVvFSvyTrWunAelVuHZCwh"
    "+kLpPHuThtekLEfmb4GdnSp5rnIhaNjOwWMg2byyzkCSXfqPbMTLTlm1Uem2VrZn728PRU"
    "DuqElP3KyvxgW77M8mWWL5vJl6WzAhtos1za4GL2zJCueE4WLeXsooOSNV57oI9VfjT5T3"
    "/6T1Fbx5rQYsilzAvSugZ5WrEA6FFeyZ/oDLQFVNqKLjQ7WFr1rf7XXQdMQTZu+luu0jJr"
    "62LWoumZ9xQXtd/GA9zSWbXEsjYeIApUy5TUTnNqKjaxgGSYL7Cx8mRD7bbZah8DLhXcO3"
    "IbhTfyKLzx8vz2VkUtKjuHCmNUPbWazTNVRqhwCEJeVYIZVe5h+fqjY2TwNn4ya3FC0p6p"
    "Sqj53JfLYAGGIhazn1CsMjexaGiwDQlejm3BOhsVT4h1NrLkiSVPdpQ8aSCG3V7NwJqENX"
    "uz6BIYt3mKJSlG1EYAVYtMkPp79G3EefmEhEiVj2kLUgr19/N8W1i2Kjxm6bqMTXho2DZn"
    "eEIFzbcQ3ZVY3OUVhdFGVWxxT4hYi3tJi3tOQVjny+zH/wFKgHGp"
)
