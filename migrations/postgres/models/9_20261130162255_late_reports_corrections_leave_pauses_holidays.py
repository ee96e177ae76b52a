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
COMMENT ON TABLE "pauses" IS 'A pause of the group''s work: no scheduled posts, nothing expected (the jeda command).';
        ALTER TABLE "form_sessions" ADD "report_date" DATE;
        ALTER TABLE "form_sessions" ADD "correcting" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "groups" ADD "skip_holidays" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "groups" ADD "late_cutoff" VARCHAR(5);
        ALTER TABLE "liaisons" ADD "stand_in_for" INT;
        ALTER TABLE "liaisons" ADD "stand_in_until" DATE;
        ALTER TABLE "reports" ADD "late" BOOL NOT NULL DEFAULT False;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "groups" DROP COLUMN "skip_holidays";
        ALTER TABLE "groups" DROP COLUMN "late_cutoff";
        ALTER TABLE "reports" DROP COLUMN "late";
        ALTER TABLE "liaisons" DROP COLUMN "stand_in_for";
        ALTER TABLE "liaisons" DROP COLUMN "stand_in_until";
        ALTER TABLE "form_sessions" DROP COLUMN "report_date";
        ALTER TABLE "form_sessions" DROP COLUMN "correcting";
        DROP TABLE IF EXISTS "pauses";
        DROP TABLE IF EXISTS "leaves";"""


MODELS_STATE = (
    "eJztXVtz27YS/isYvTSdcXMcxXZ8nCdflNRpfBlbvUzjDAcmYQkVCagAJFvtyX8/WJAU77"
    "IoWwol4yETC8CC4AcQ3P12F/y3FXCP+PL1By6CayIl5ax1gP5tMRwQ/UdZ9RZq4eEwqYQC"
    "hW990/5ON3Rk2NLU4FupBHaVrrzDviS6yCPSFXSowmu1DpEgQy4UAllEGRoK3hO6C/gbI5"
    "9iKjn7QepyOsaKILeP1XskR2JMx0RqaamwUPI1XM7jrr4eZb1n73nE6N8j4ijeI6pPhO7/"
    "y1ddTJlHHoiMfw4Hzh0lvpcBkXrQgSl31GRoyk6Z+mAawqBvHZf7o4AljYcT1eds2poyBa"
    "U9wojQA4XulRgBmGzk+xH4Mb7hSJMm4RBTMh65wyMfpgSkwwEkZS3HOb/oOtedruO0CtMV"
    "S6RwjopcPeN6qvVQpbn7Hgzhp/abnXc7+2/3dvZ1EzPMacm7b+GlE2BCQQPPebf1zdRjhc"
    "MWBuME1JEkwilD9oj2KsFNCT2OcIxn0yH+b7v99u279vbbvf3dnXfvdve3p1gXq2aBfnT6"
    "EXDXDbh+ZMMHOp6IBHisMXInRdyP+1iUo55I5EDXN7MI6HFBgnqytawC9gA/OD5hPdXXP9"
    "/szUD0t8Or458Pr1692fsxC+t5VNM2VVmAFR8QVgffqcAGwrs/B7r7leDu57ENXwiO3lVI"
    "EeETXVqOcE4shzMUKxqQ13H9I4hHe0RTAJ+B8Mlht5ND0OVCEFdBh8Wtl3OfYFaOYVYwB+"
    "GtllzWWp2WrBa7o4uLz9BzIOXffri95vbW81/Pjjp6czDLVzeiqmLLjfWWIuKfri/Oy+FO"
    "y+TXK3UV+p/Wf+RC77zmLldAIwN5vBO8Ojv8I79JHH++ODLgcKkAqbiDoxz4PpbKGQ3h2a"
    "6tbxRln0ftmGcKtjdK6zCaOPEcrMr3bdh/y+cgKzlr64Y/1vCB0G8n7F0wfxK9WmZg3T09"
    "61x3D88uM08J7PJQ0zalk1zpq7zuMu0E/X7a/RnBT/TnxXkn/zBN23X/bMGY8Ehxh/F7B3"
    "spTTkujVHLzHr46Cwy61lJO+tNmfUYo9S0R6NPZr0n+GhYutdWbrRpkdVtsQ03n4GQuBuU"
    "Ws8GryK+H7ggtMd+IRMD86keEmZumc4bEUMf437WDN5v8QKKS5MNSeD7KYeTWVf67vU9k1"
    "BJOz68Pj480coxgHyL3cE9Fp6TQRtqeJvnSqZti1VBO8iXYKaNZy+6DRh0BvcSpm46IdUc"
    "nbmnuck5vSQGfEgDDyOXc+FRhqESmV4MY4Yw8xBVEkmiQL0vZeIW7cbSbs2i3WCmaqvBKS"
    "FLuy2oACuq/BLOYgYrFAusjhVqtZYFeYYTau/uzsEK6VaVvJCpyzNDPT0ox/ysgXJObCGs"
    "G8YH5cDe3p4H7O3tarChLr+YA+L8w1nNBZ0SWuGiPpQU/+cTHmgzEq9mge/tzAH53k4l4l"
    "CVIzG4i+ttH4nECqGm3moAfmZWWWuFrlpk9ygI2v1jrv1jyH1fD8HxcIkjqprGz4m9ZBof"
    "THYH7rYeqZyRehKtvD7oLYVV1lYXHZfsFTNdKInQCt0nsWq9tt6TEDVH0ojJqEMj5mWfgU"
    "hcn4XfcN6wSBeTh6F+nwLrCxEHtN7eVipst7inOM4UcVw9X3d3tRTPrNjmaUTzGK/VpmvB"
    "cJUDOnT63KdaqylZ8DNfKAVZ65av8WJxBVnQO5WVtN6pprxlrE/yJc56lU+y4D+r9vUky6"
    "MQAZ3bjiPxD79cEd+4QKqda7mo6zVbDFUutqyOQPC4TE2rA9Nn6GNjAQqD1J8KUdjLpoI0"
    "xCP51FV0CX1sKkBh/OoTEboynWwqRNLtE2/k69czvDmeCNV13NklX+cYyyJiy4xpOGW3/O"
    "FXoyO1SiIb0tVbs+IbKDSMoi7nDXNgKGyPMKT9uISOiYfuBA9Ql/ikJ3CwhQZkqNCIKeoj"
    "qlBft7wlhOk/mKdnuiTo4Rk6vWE3LG4MaUw9oiTC0445cwlSfYJuudJXGUhoYwoYeVC6ms"
    "gtdN+nbh9ddo9umMeJhN8+QQQLnxJh2iAsCJJ6DL6+uh59fPkDhJErsOxDwtQtUfcwtHs+"
    "8r0b5nNpLh28Rr8LqhSBFvrqUIgV0kvnjoogDPKAyA69Bfl4ogHQlSYkcwukb5iZLRTggR"
    "4GGRMxie8tGsN7cztSrwVEtbAQdAwjxD29LBGVCEzYYQT/E4JFFgzwXUJs74uJbagOMhni"
    "ic9xyVR09aqu8EwkIhuRBTPLdOr80Z1N1k0tp88X5x/j5nkGL8tlRE9bTf4oJWWZoxrMUf"
    "w2WIBEyImuhkVY6Ra0niRCFXVUg0RYpnIVGsklatXUeq5WqBIjfZ6A0SSt2sgdRPqG1m7E"
    "iEl4m0+MvsG0yhIQBoLE2zI6AgbNgHk/6Td7gCdIEjEmZcGky7jE47rDlyRq2uT1QBTBVx"
    "t9+vKSvr83y/pd4k+1Nh+t+dIXVjn0GaEnhts0bRrqxdtMd4wa6KVlXjR4kijntgS6WU99"
    "ImMf+oUfeuvhfClqqvVwbvKsV3k4bdalzbpsgFtha02yLmM3apkZnXhYZxjSKWfuPKb0kA"
    "jdXFu3PDrJLOT3tTWLwjOVgJeHX2EW5Sv4ExKSoGdDvOsO4k7A+DXNfiyzqJd4pRLDOmVJ"
    "x8bZV5vVae3qRmz+K1ax66YMPSlTqHGQZ49Sa8+Tl6VbVR+m1i7kZsEqrYtxWmbz4o+fP7"
    "vQHgm45CMB9X2q2smFGaFNhHmuzMI3MzIL3xQzC7XqrUYl0T8Ac4eNgoKGnj9rKpJeYdLs"
    "kDAvOlWvBuity875yen5xwMUyd+ww8vLq4vfOicHSKuwgo+Jd8OuOp86x10oE+Qvkx8DZW"
    "dhM0ECaJXXJ7/PMyKIxkwqJyBS6u2ltjpTLr+QZtO07f+7KDYecalHvNrEbVbO4r8o/sbP"
    "6VDmaEOuhsmUF9ugCXii+VQCrQncq+PSKUq+5CR0616oXrLrSTRb98JLnHXrXrDuhQbAu+"
    "7uhTAFqcS5MM1NqnYtJClQczkWoDXidya23sDxg0T3XAz0mDiapsIgkwqzBXF0fQi6j49I"
    "QK9A7i9iDnMM9P145U6F5VzFHgnZLOdB+JGcRU/mlpv7Nl/ft3dRaSPMW2SKU2IrOTpnlc"
    "/VJk1vbUPW2q8HNi7RxiU2cELW04S0xMFLnHVLHFjioAHwrjtxEJ3MUcIcJGd2VFMHqcNB"
    "HucOLhhBcnQbQMa/hzxM/UkUMfgeYfhiKtSZI4uSvH0PEu1GEB1IdG+mPHX6QJE5WNI1am"
    "X45b74546EIHpd2Hy/lVILNrBo6UETDfgeZtNAr2cE2tjZ72YGRvH0tSPj8nKbuFUsJZbW"
    "hiGWIL2MMETM5L3WZYo4V59fnRKx33t9wrHVU81zEY9GTnYDmYb1ZRaKhJJfqvbMPPHIL1"
    "d57HFHMw/KjqynelCnpOznLuYH2/Jlli+zfNlMvix7PGsJbVY4v7WaPSs5N3ZOFi0T/2IS"
    "aA1eW2hA4aAq/c98gw2orQNDaAnicuGF52uGB2ZShciDvpI/MUeBVlBpS7rQ7MRe6Bv+N1"
    "2HTEE+x/dLodIya6ti1uLpmdeKi9tvogH37KxaalmXGhAVqmVG6kVzapBHV0EyzJeE13iy"
    "oXXdOe8eIKkV3Bt2HafiyTgV7+z0+hoy7MDPASl30NN5p3MCZYwrhxHiNSXxDg6B1a8/Pi"
    "YleUaPHh+bkrQ2VQ01X/p6GSzAUCRi9lt2TeYmFk1jtemrz+NbsMFG1RNig40seWLJkxdK"
    "nhwSQd1+q4Q1iWq2ZtElOGnzGEtSjajNAGoWmaD19/gjdfPyCSmRJptpC1IK7d15PvKqW1"
    "V/9H638KFXeKhqIBw130B0l+Jx11dUpT6qao97SsR63Gt63AsKwipfZt/+D4DGnyI="
)
