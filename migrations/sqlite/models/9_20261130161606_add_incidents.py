from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "incidents" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "year" INT NOT NULL,
    "number" INT NOT NULL,
    "category" VARCHAR(16) NOT NULL,
    "urgency" VARCHAR(8) NOT NULL,
    "kecamatan" VARCHAR(100) NOT NULL,
    "desa" VARCHAR(100) NOT NULL,
    "latitude" REAL,
    "longitude" REAL,
    "occurred_at" TIMESTAMP NOT NULL,
    "reported_at" TIMESTAMP NOT NULL,
    "description" TEXT NOT NULL,
    "reporter_user_id" BIGINT NOT NULL,
    "reporter_name" VARCHAR(128) NOT NULL,
    "agency" VARCHAR(16),
    "unit_name" VARCHAR(100) NOT NULL,
    "photos" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "status_at" TIMESTAMP NOT NULL,
    "form_token" VARCHAR(8) NOT NULL,
    "parts_handed" INT NOT NULL,
    "parts_total" INT,
    "message_id" BIGINT,
    "control_message_id" BIGINT,
    "pinned" INT NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_incidents_group_i_5052ff" UNIQUE ("group_id", "year", "number"),
    CONSTRAINT "uid_incidents_reporte_04644d" UNIQUE ("reporter_user_id", "form_token")
) /* A reported incident, numbered per group and year, followed up until done. */;
CREATE INDEX IF NOT EXISTS "idx_incidents_group_i_5e6b19" ON "incidents" ("group_id", "status");
CREATE INDEX IF NOT EXISTS "idx_incidents_group_i_d7ed41" ON "incidents" ("group_id", "occurred_at");
        CREATE TABLE IF NOT EXISTS "incident_changes" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "note" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "agency" VARCHAR(16),
    "unit_name" VARCHAR(100) NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "note_token" VARCHAR(8) NOT NULL,
    "handed_over" INT NOT NULL,
    "message_id" BIGINT,
    "incident_id" INT NOT NULL REFERENCES "incidents" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_incident_ch_user_id_1c7492" UNIQUE ("user_id", "note_token")
) /* One step of an incident's handling: Ditangani or Selesai, with who, when and a note. */;
        CREATE TABLE IF NOT EXISTS "incident_drafts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "kind" VARCHAR(8) NOT NULL /* REPORT: laporan\nNOTE: catatan */,
    "token" VARCHAR(8) NOT NULL,
    "progress" JSON NOT NULL,
    "reporter_name" VARCHAR(128) NOT NULL,
    "agency" VARCHAR(16),
    "unit_name" VARCHAR(100) NOT NULL,
    "last_update_id" BIGINT NOT NULL,
    "tally_message_id" BIGINT,
    "tally_media_group" VARCHAR(64),
    "started_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_incident_dr_user_id_7fdebf" UNIQUE ("user_id", "kind")
) /* An incident report or follow-up note being written in a private chat; survives restarts. */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "incidents";
        DROP TABLE IF EXISTS "incident_drafts";
        DROP TABLE IF EXISTS "incident_changes";"""


MODELS_STATE = (
    "eJztXVtz27YS/isYvTSdUXNs5+bjPvmipG4T22Opl2nc4UAkLOGYAlQCsqPTk/9+FiAp3m"
    "mSlmiJwUNmHAALQh9AcPfbxeKf3ow7xBUv33NvNiRCUM56R+ifHsMzAn/kVfdRD8/nUaUq"
    "kHjs6va30NASfktdg8dCetiWUHmLXUGgyCHC9uhc+s/qHSOPzLknkZJFlKG5xycedKH+xs"
    "ilmArOvhNQTu+xJMieYvkjEgvvnt4TAdJCYk+Kl+pxDrfheZRN1t7zgtG/F8SSfELklHjQ"
    "/+e/oJgyh3whIvzv/M66pcR1EiBSR3Wgyy25nOuycybf64Zq0GPL5u5ixqLG86WccrZqTZ"
    "lUpRPCiAcDVd1Lb6HAZAvXDcAP8fVHGjXxhxiTccgtXrhqSpS0P4CorGdZF5cjazgYWVYv"
    "M12hRAznoMiGGYephqEK/esnagg/HOy/fvf68NXb14fQRA9zVfLuq//oCBhfUMNzMep91f"
    "VYYr+FxjgCdSGIZ+Uhe0InheDGhB5HOMRz2yH+98HBq1fvDvZevT188/rduzeHeyuss1Vl"
    "oJ+cf1C4QwMOr6z/QocTEQGPASN7mcX9dIq9fNQjiRTo8GOagB4WRKhHW0sbsM/wF8slbC"
    "Kn8N/9tyWI/nZ8ffrT8fWL/bffJ2G9CGoOdFUSYMnvCKuD70qgg/AeVkD3sBDcwzS24Rcg"
    "C+/Pw8uLfHjjMimEHWpL9D/4kohGu8czI10CrUJD9TwT4m83jumLT8d/pOE+/Xh5osHhQi"
    "qkwg5OUuC7WEhrMYctndTeubOy69nAq0zBXqf2b63TEMfCMjsDZ4CcpDOSPwdJyfSrEIi+"
    "DP/YwRei5xHsXDJ3GXzIS7AenX8aDEfHn64Sb8nZ8Wigag506TJV+iL9FVh1gn4/H/2E1H"
    "/Rn5cXg/TLtGo3+rOnxoQXkluMP1jYiekcYWmIWmLW/VenyawnJc2sb8ushxjFpj0YfTTr"
    "E48v5rl7beFGGxdpb4vdckNEmXa3d7l2iMYriy9YzIRO2C9kqWE+hyFhZpMcVAMT+0PYz4"
    "7B+zVcQGFptCF5+GFlDSfWFfx6+M1E+nrt8fD0+GzQ0yCPsX33gD3HSqCtavgBT5Ws2mar"
    "ZgezdAlmYIY4wc9Qg07gnsN5rCakmO3Qv6kyzQFL4o7P6czByObccyjDqhLpXjT3gDBzEJ"
    "UCCSIlgJ7LaTTtxhAY20VgqJmqrQbHhAyB0VABllS6pJZ9HQq0Z1/3epuCPGFdH7x5U8G+"
    "hlaFFrauS+LrkQkMytL/rYFySqwR1sHi3ZZvYwrsvb0qYO/tFYOt6tKLeUas/3JWc0HHhF"
    "pc1MeC4n/9jO/AjMTtLPC3rytA/vZ1IeKqKkVicBvX2z4iiRahpk47AK+ZnwOt0JZNdo+M"
    "oNk/Ku0fc+66MATLwTmUviIGCjjRpFgZK7B7sJegrIz6DIJCWurX1iOVE1JPopV3B72NsM"
    "pgddH7nL3ihHOXYFbgkloJpaAfg9SmNuVQtW4X9JPLy48J0E/OUyryxa+fTgbXL/b1DEAj"
    "Kotcfxo1S9CAyahDI6Zl10Ak7s7C33LeMEsXky9z+J4q1lf5bmm9vS1X2Gxxzbc42yMNyf"
    "ukpCHvt+UlNC6bb3HWi1w2GfdCMRUeLY9MqF1K/QnE3/9yTVzNEBf7HlLhfTu2GIo8EImX"
    "CdQO6hAl8SSkzoNuug6T5Xj4dl1gnam+uopYEEX6RKg++r10FSQ/DveJGF3rTroKkbCnxF"
    "m48NVWH5QnQjUMO7viuxyZlkVsk57gczbmX37VqlMvxx8cr+6XeYWpahjEqlV1DjPkt0dY"
    "hZ3bBExlB916fIZGxCUTD8/66I7MJVowSV1EJZpCyzEhDP5gDsx0jqt4DZ3esBsWNlZh9B"
    "MiBcKrjjkY80hOCRpzCU+5E6qNLmDki4RqIvroYUrtKboandwwhxOh/u8SRLDnUuLpNgh7"
    "BAkYgwtPh9GHjz9CGNkeFlMVsD8m8kEN7YEvXOeGuVzoR89eot89KiVRLeDpqhBLBEvnln"
    "oz3zWu/OGwBbl4CQBApQ5k6yvpG6ZnC83wHQyD3BNvGf62YAw/6p8jYC0gCsKeR+/VCPEE"
    "liWiAok7Op8H8D/Bxd4wLHIDEZHfjEe42DU/x0uX45ypGMGqLuBzI5FORGGXWVSDP0blFM"
    "fKoPp4efEhbJ7mPZIUR/C21aRxY1It8rirkp0lcsOvQQNuISXaDrnQ6ha0m9xCEaNUg1vY"
    "rHIVGM65mlVkVJepVTELvvqxQvjih5J9GNRsTDwomoPm4QfMKd1gCcpIH1QX1+UPUAmlvk"
    "bkgHJSfKxwLT3nqAyfo5hSJd7Tb4vqvQcIfw5sKeJZ8RNwigvyjwH9ldI4Yr2B2iMXwu9l"
    "Vchte+F5/vv8l4kAbDMCMJzdirCGzU1Uds4XLXhDqqMZCRg8c/C04adPuFfrnGdcphNK8K"
    "ZPei682mdpYyIdhHjN0WR3xMYz2H1rnaZNCHUQ4/1KYWT7JWFk+9kwMhgZrgNy2N7gWw1f"
    "RfjKhZMTdfPe5bjwzGwklAL6VklVgHp3Ai/OLn89+ThAV9eD0/PheRCEsTK+dGXSKr4eHH"
    "/MxPaySQOY41IG5wo4x22ODNLl9ENKtIOxDTvCN1QKIwsN5UY8U0LUTPRWT3QcgsxEF7Pm"
    "KbFOaANtM+e5fFBlB1KedJcM4pbPFq7grH/6LSXYiXchpRkfVLHvoFWxZnyQsfFaT0e1Za"
    "raxjkKRmXt1ZwQ6typ2Y1YePMpl7zeEaKVhMlK9YTg+sArUmN1RxItLu0x9hYtLe+17yE+"
    "YM0yTkWCxgTYahMg5oOs8S4lpTqo9Kw7gaFKSGupuJe8YJlCNT8t1pnkeWtzePkISS6xWx"
    "vXlVQjWLdNoVwzsDMiBKjctS3TpFyHkG3ZJIVBSI+7VtN5yJc389F0PuaUsdqBjpGQiXOs"
    "Eedo8h+a/IcdyH+YSBrHJnmn8ZucyzvVnXUI8w0fD0qgVhLHGuH6eDSrFZvRx4NaL5k6J0"
    "PmiN+qUzhhJ98J/7QKYHaEzii8aRPMKOIeGsIyE5j20QOVU/Qw5eo4DvFPxGDEuMyJb93U"
    "Q3JDXWNuB9WwIIjVxKW2GZe6G4zYDnPqaqXXcZOG7TsBbtv+0e24KOa5V/SzmDp13UbG92"
    "l8n9u0TxvfZzu+z/qOIeMR2gGPUEyhr/MRSEh18FOwZo+Q79Sx+H3e8adHT0/HJA2zWINZ"
    "NF6N51UtV/xJPQYgKdUl1X5T/C6NHc5+IsXbweRp/RTLm1pg23TRTTIbWwl9uUrXVoG9jN"
    "LEVUpyFMqFF/NyLzgb/8NironCIP/PQ5DRR9/TW//e3w09SCVDUuQov0UE21N0B4tRn/eH"
    "f4Izla2IkYfwkTrhkE38dEnsljIqpsRR+Y6ggxu2yirkC/c1Wyo40imS/I4qM6dqIIYzNd"
    "cRP/cu+TyqgF79uQbGgC1mmW9T8rBvILvNZkbvenB1eT06Qi6GjQXDJgSNB0fIhrUYHFN+"
    "ZhPE3Fhsbix+bnZkI7Hh5jiPobQNpW0o7SYJG8xd58+vGkrsusvGka950oaxe+pcOBRbBU"
    "GDJQpjnnD39vv1X1eoqYtGCRiSksbVttWuNnNXTPEbtpv5XHOmPXNngAlvN+HtW+L4eEp4"
    "+ya9HuHFKjn+jtidK8Wejvj1LlWSDvtsvgqCDvwA/pUIivX3DVXlalD/83MEv1B/qpuvVc"
    "/6roLIn6A9ArrZ93lJiDf4pPKkxCFrbRwOxuGwHZu/CWvtFAeoVmltiiomY+zCx+3C1nnW"
    "LV/H3zTR2h7Mm6Bay44rPe4BfpZkPnPCHIVaPdB7V4OLs/OLD0cokL9hx1dX15e/Dc6OEK"
    "iwHr8nzg27Hvw8OB2pMo/8R1/ErMo++c08MlOtmjiN1/+OeAQwE7IxQZsvbyjapoqNQ1TU"
    "lGONcz4MZfOQlDP4N8Xf3PNdPCG7yeKZe76/xVk33K3hbrcA3l3nboMLn3Oo2+gq6GLmNn"
    "bndMXEGovxTEWDO8jB1F0GrOqPCKsIcFUnhKJNV4HbDl6CjGJQCfSmy2OX2hbk1Vj/Mx6/"
    "dDbG3frPs8JLjPVdCsxc/NYyd2vIl40blollntWpyqI2V2JlCtUOgl4CslKITNqMwo2gZT"
    "Mw8DnWZg/Tcl3cKjbibzBUbQ7SG0n0wMQD6DJZnIvPMsREzFGGp6S5DzXPJqGAKdkOMg27"
    "yyxkCaVQq89+usuyQcSkWswEEar1O5sIwvA4hscxPE4pjzO0p8RZuMS5go2ul0PnJBv0y1"
    "gdETa11K5Zh90JBZES1MFvGq++f4xfRcC53MauolyONNHiEZt7DvyJJZrhOyIQlYh8gSe5"
    "S8RhpRVQPBt6UHlQXniQWXftW7Dp+LzPmUrD+LTF+BSfUc/HdRfOpW8N2xNb1rmKbYG1nJ"
    "D6prkeFQNTYPxWC6DZeiO4NxxcjI6QAAX3hg3DMBoRhtF8Oh8OVXSM4t9VuIzq6WIwOFNl"
    "jIOdT4izLUEzJt/bc6j5woVl0MByjsTWYDRvWZBMl2xmk8/veTlvEwRTPCEmCMaQJ4Y8+U"
    "bJk2PiUXvay2FNgpp+GV2CozaPsSTFiD4eYWLIhDbJBNDfRXDBU1U+ISayzWZaQ0rh4M2b"
    "ClYWtCo0s3Rdylc5r5WhJGjeQXQ34glWt0rm+qiKPcExEeMJrukJzigIbX7Mvv4ffLWvhw"
    "=="
)
