from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "group_links" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* REQUESTED: requested\nAPPROVED: approved\nREJECTED: rejected\nENDED: ended */,
    "requested_by" BIGINT NOT NULL,
    "request_message_id" BIGINT,
    "decided_by" BIGINT,
    "ended_by" BIGINT,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "lower_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
    "upper_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE
) /* A lower group's request to join a group above, and the link once the upper group accepts. */;
CREATE INDEX IF NOT EXISTS "idx_group_links_upper_i_fcce68" ON "group_links" ("upper_id", "state");
CREATE INDEX IF NOT EXISTS "idx_group_links_lower_i_6efa43" ON "group_links" ("lower_id", "state");
        ALTER TABLE "groups" ADD "region_code" VARCHAR(16);
        ALTER TABLE "groups" ADD "region_level" VARCHAR(16);
        CREATE INDEX "idx_groups_region__3933fb" ON "groups" ("region_code");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_groups_region__3933fb";
        ALTER TABLE "groups" DROP COLUMN "region_code";
        ALTER TABLE "groups" DROP COLUMN "region_level";
        DROP TABLE IF EXISTS "group_links";"""


MODELS_STATE = (
    "eJztXW1z2zYS/isYfUk64+Ycx3Fyzie/KKnbxPbZTttp3OFAJCyxpgCWgOzoevnvtwuSEl"
    "9lkpZoicEHz8gEFgQfgODus4vFP72xcJgnX7wXwfiSSekK3tsn//Q4HTP4UVS8RXrU9+eF"
    "eEHRgafr30BFS4Y1dQkdSBVQW0HhDfUkg0sOk3bg+iq8V++ABMwXgSIoS1xO/EAMA2gCf1"
    "PiudSVgj+TcN29o4oRe0TVOyInwZ17xyRIS0UDJV/g7Rxhw/1cPlx6yxPu/j1hlhJDpkYs"
    "gPa//AmXXe6wr0zG//q31o3LPCcFoutgA/q6paa+vnbC1XtdETs9sGzhTcZ8XtmfqpHgs9"
    "ouV3h1yDgLoKPYvAomCCafeF4Efoxv2NN5lbCLCRmH3dCJh0OC0mEH5td6lnV6dmVd9q8s"
    "q5cbrlgigXN0yYYRh6GGrkr99EPswo87L3ff7L59tbf7Fqrobs6uvPkW3noOTCio4Tm96n"
    "3T5VTRsIbGeA7qRLLAKkL20B2WgpsQehjhGM91h/jfOzuvXr3Z2X619/b17ps3r99uz7DO"
    "Fy0C/fDkA+IOFQS8suELHQ/EHHgKGNnTPO5HIxoUoz6XyIAOD9ME9PjCHPX50tIG7GP61f"
    "IYH6oR/PtybwGivx5cHP10cPH85d4PaVhPo5IdXZQGWIlbxuvgOxPoILxvK6D7thTct1ls"
    "4y9AHt6fL89Oi+FNymQQdlxbkf/Bl0Q2Wj2eGOkF0CIa2PJYyr+9JKbPPx38noX76OPZoQ"
    "ZHSIVIxQ0cZsD3qFTWxIclndVeufOyy1nAqwzBdqfWb63TMMeiKj8Cx4CccseseAzSktlX"
    "IRJ9Ef/YwBeiFzDqnHFvGn3IF2B9dfKpf3l18Ok89ZYcH1z1sWRHX51mrj7PfgVmjZDfTq"
    "5+Ivgv+ePstJ99mWb1rv7oYZ/oRAmLi3uLOgmdI74ao5Ya9fDVaTLqaUkz6usy6jFGiWGP"
    "ej8f9WEgJn7hWlu60CZF2lti19wQQdPu5rbQDtF45fEFi5m5Q/4Lm2qYT6BLlNusANXIxP"
    "4Qt7Nh8H6LJ1B8db4gBfR+Zg2n5hU8PTwzU6Fee3B5dHDc72mQB9S+vaeBY6XQxhKxIzJX"
    "ZnXzReOdcfYK5WCGONFjYKdTuBdwHrMBKWc79DNVpjlgStwK3x07lNhCBI7LKRYS3YrmHg"
    "jlDnGVJJIpBaAXchpNmzEExnoRGDhStdXghJAhMBoqwMpVHqtlX8cC7dnXvd6qIE9Z1zuv"
    "X1ewr6FWqYWty9L4BmwInbL0vzVQzog1wjqavOvybcyAvb1dBezt7XKwsawQbBs+Tg3Ajs"
    "VWBHara8mKWbkIMY/dMa8B0jO57s3rFTCgYEha/xW85iqdEGpxpT6QLv3Xz/SWBoq2s2rv"
    "7VYAfG+3FHAsyjBzwqb1volziRahdp12AF4y6Qymjq2afBJzgt1bPFbyUfSF50EXLIcW+K"
    "mQ7Soh+tNii6iuzYN9AcrIVOUQlMrCp63nKUlJPcpXsjnorcRVQuG9vytYKw6F8BjlJX7W"
    "mVAG+gFIrWpRjnW8dkE/PDv7mAL98CRj951+/nTYB71DjwBUclWZP1ujZkk3oufqcONZ2S"
    "Ww45sz8decDM/7QNhXH76n6MrAgAS33tpWKGyWuOZLnB2whh6ptKTxSK3LS2j8kN/jqJf5"
    "IXM+s3L/znx65OJHM+pPJP7+lwvmabdHuUMtE7O6YZOhzK2WNttdfiutIvdjHaC0o+sjNN"
    "VtmBxxXxBVZ4BK+vlAsXEYSjwKp5Ooma7DZDkBvVkWWMfYVlcRi0LtHwnVx7CVroIUblZ4"
    "JEYXupGuQiTtEXMmHmiBqKA8EqrLuLFzscnhu3nEVh4uo7+BZSEz8QfygbAZS3+VdcUKsT"
    "OeuGdBGOLyDDfmwABIRZQgfwm9lycMfqEDcQfiGP6iRozgHYjgNtP/TXw/boJQ22Z+8Zah"
    "Fd3pml9zsG8ouYEbSIIl0JrvB9COE8t70/1cA5IxGd5Dd0xw9kxe82itIM+hB1tQDFWHI+"
    "Iq/C0kI+JGy4QBSrp5uMuAQRtQ6YcX5CAsuuYjKglVZAyvALYd9gRuqzCOyJ0BANIimPX3"
    "HQnwIXQdBpPfueZQCt1jUP8vTZMQqeiUQOMjVyoRTCuGIH3p6WfXnJ1Cnh3Kv/T0oyeumU"
    "ClNgOVQtBzuKLbqs8n41x8YzZmXLXtJpzN2Zrewt5F/z+fwdTtH+/P5/01Pzg/vzj7FS/G"
    "8/+aX/R/7h9FFcMJf837p8d4Qb8Q2YXlqWIWooewBgWOsEVxZlnJLkUCtxxuFkFpjZmU8E"
    "2tHfJXLN9oQNaMcX6a8XAYGlz1X4m0nMG/Kf56fayNflLKYN8Ue+NzKR+QzWTfjc/lexz1"
    "Knu/tNFUb+9XUqRLGt8jTaPkm+TXxTQpYjB9eD/dzNY3++kW7qdLvqvF++lyE9eg+iCqyb"
    "d1nXYpnvCB+PpZf417BcRrsnhrEfXqYsUoj0JV8pWTsD6yeQGzmYuM5U0gxuQK4BkGdLxF"
    "bpmvyIQr1yOuIkgqDhjj8IM7HnMKeNYlNIqUalwZUzwNmZLIqkYNz+jYgVBwl1uJdfQFzr"
    "5qslNukfuRa4/I+dXhNXcEk/i/xwijgeeGZCu0GDAioQ8e3B16H99+n1BiB1SOMJnUgKl7"
    "7Nq9mHjONfeQgoU7jV+Q3wJXKYY14O4spExhFt64wTjctokUcsB8j04BACjUSRaQxmXXXI"
    "8WGdNb6Aa7Y8E0fraoD+/040iYC8QF4SBw77CHdAgzHMlbeevCfHYeu/2zYcqOFWTrWAee"
    "tRWTrZyN9enUE7RgKK5gVpeEZc9FOpEhaJGS3v/9KqWf5yIVZzr6x7PTD3H1bPhiWuuL3r"
    "aC2b8oGjsh1WI49uzKxsZjx1+DBuZqRrQde7XVJWgzzdUykqJGiOBqlasoXqlQs5rHMi1S"
    "qxKBU9VTXsIXP5bcgk6NByyASwnnMegGU1BGtkB18VDhd9A1G2pEDign5Skvl9JygcrwZZ"
    "7vBMV7+m3B1kNHbXTzwEpmZ8SQzjBF3Z85b++sNfQTTmTYyuyisO1JEITvs3H6tur0jUe3"
    "IqxxdcNwFHzRojekOppzAYNnkRcDHn0oglo5SJMynVCCVx07MAlq53lNiHQQ4iVvCr9lNh"
    "3D6lsr02tKqIMYv6y0G/zlgt3gL/O7waFntA7IcX2DbzV8Mc5WTYryz7z3BC3N5zoXygB9"
    "g1IVoF4zj/6iDfZnnw8/9sn5Rf/o5PIk2ks5M750YdoqvugffMyl6ODDBjAnpQzOFXBO2h"
    "w5pBfTDxnRDrrLN4RvKHCP56MiYkO5Ec+UEjUDvdYDnYQgN9DlrHlGrBPaQNvMeSEfVCPy"
    "NS/dJYO49UDkCM76mRkzgp14FzKa8U4V+w5qlWvGOzkbr/WjUtZMVVs5R8FdVXs2p4Q6l9"
    "F1JRaePxJK1MsENpMwJ6Y8IkdO5BWpMbvnEi1O7QENJi1N76WvISFgzU5DmQsaE2CtTYCE"
    "D7LGu5SW6qDSs+zDtfCwRAvjXoqCZUrV/KxYZw52WprDK0RICUULUk8/gOtMqkO7ppYGbN"
    "M9mWYv5pL2owmuAuE13htbLG/Go+l4+C7ntQMd50ImzrFGnKM5m2vle4nM2Vyk0q6Xx5zN"
    "lTrQiA+Lkuo2SYd2pBvrEOYrzcqUQW1BHOsc14ejWa3EiD4c1HrGcZ8M8zH3EOWz8NNnMt"
    "ytApjtk2MX3rQh5S5mE7qEaSapu0XuXTUi9yOB23FYuCOGEi5UQXzrqm5SGOqacDtgxZIg"
    "VhOX2nYyovVnxDaYU8eZXsdNGtfvBLht+0cbuUWNN3QZpk5dt5HxfRrf5zqt08b32Y7vs7"
    "5jyHiENsAjlFDo63wEUlId/BQs2SMUOnUscVe0/enB3dMJScMs1mAWjVfjaVXLGX9SjwFI"
    "S3VJtV8Vv+smNmc/kuLt4JkVWxmWNzPB1iu9UfIQjAX05eyUjArs5fx0jkpJjmK5aAc9ko"
    "fh3vgfJ74mCqP8P/dRRh+dDd4P3DtMyGOPqHpH5CS4c+8YZjTSaXyKEsyv6EaYDAnJUXFD"
    "GLVH5BYmo97vD39ScMxWxNl9fEudcMhmYbokfuNyV44wxbtu4JrPsgqFwmGeeymITpEUNl"
    "SZOcWOGM70STlTwzI9mSqgZ3+hgfFw6vxYdp3NjN5F//zs4mqfeBQWFgqLEFTu7xMb5mK0"
    "TfmJTZDaNp4x7ypj6wcCbfJ6keEJGRMb/ojYcLOdx1DahtI2lHaThA1SWQ2TeuZlOxOu3b"
    "JqqKjnTRtHvhZJG8busWPhuNQqCRpcoDAWCXdvvd/brbAS7e2WLkRYlNt61TABQ1rSuNrW"
    "2tVmjh8pf8M2M59rwbDnjh8x4e0mvH1NHB+PCW9fpdcjPs+6wN+ROOq63NORPFW7StLhkM"
    "3HIGgSnx+LRyIg6x8aquhqwP/CHMHP8WfAhi62rM8qmPsTtEdAV/uhKAnxCu+0OClxzFob"
    "h4NxOKzH4m/CWjvFAeIsrU1RJWSMXfiwXdg6z7rm8/i7Jlrbg3kVVOui7UrVDk9vPZmPz7"
    "iDqNUDvXfePz0+Of2wTyL56uemX/Q/hdUCNsZaTZzGKzs73RzbvSaKjTm2+4lTdZijozvG"
    "4pmjo7/HUTfcreFu1wDeTeduLzSt2SugbqOSrUXMbUSKViNudc6LyWCM0eAOcajrTSNW9R"
    "2hGAGOZVIibToL3HboFGSQQWXQmr6eONS2JK/G8u/x8KGzCe42vJ8VH2Ksz1Lg5uC3lrlb"
    "Q76s3LBMTfO8TrUoanMmtkih2kDQF4CMCpFJm1G6ELRsBkY+x9rsYVaui0vFSvwNhqotQH"
    "oliR64vAddJo9z+V6GhIjZyvCYNPex5tkkFDAj20GmYXOZhTyhFGv1+U/3omwQCakWM0HE"
    "av3GJoIwPI7hcQyPs5DHubRHzJl4zDmHha5XQOekK2wtYnVkXNXCVbMOuxMLEhTUwW8ar6"
    "1wGz9GwHnCph5SLvuaaAmYLQIHflJFxvSWSeIqwr7CnbwpETDTSiieFd1ocVBevJFZNx1a"
    "sNn4vC+5QsP4tMX4lO9RL8Z1E/alrw3bk5jWhYptibWckvquuR6MgSkxfqsF0Ky9Edy77J"
    "9e7RMJCu41v4zDaGQcRvPp5PISo2OQf8dwGWzptN8/xmtcgJ3PmLMuQTMm39tTqPnSg2nQ"
    "wHKeiy3BaF6zIJku2cwmn9/Tct4mCKZ8QEwQjCFPDHnynZInByxw7VGvgDWJSrYW0SV0Xu"
    "chlqQc0YcjTAyZ0CaZAPq7jA54qsonJETW2UxrSCnsvH5dwcqCWqVmli7L+Cr9WhlKouod"
    "RHclnmA8VbLQR1XuCU6IGE9wTU9wTkFo82P27f98Y0C6"
)
