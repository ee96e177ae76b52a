from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "incidents" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "year" INT NOT NULL,
    "number" INT NOT NULL,
    "category" VARCHAR(16) NOT NULL,
    "urgency" VARCHAR(8) NOT NULL,
    "kecamatan" VARCHAR(100) NOT NULL,
    "desa" VARCHAR(100) NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "occurred_at" TIMESTAMPTZ NOT NULL,
    "reported_at" TIMESTAMPTZ NOT NULL,
    "description" TEXT NOT NULL,
    "reporter_user_id" BIGINT NOT NULL,
    "reporter_name" VARCHAR(128) NOT NULL,
    "agency" VARCHAR(16),
    "unit_name" VARCHAR(100) NOT NULL,
    "photos" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "status_at" TIMESTAMPTZ NOT NULL,
    "form_token" VARCHAR(8) NOT NULL,
    "parts_handed" INT NOT NULL,
    "parts_total" INT,
    "message_id" BIGINT,
    "control_message_id" BIGINT,
    "pinned" BOOL NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_incidents_group_i_5052ff" UNIQUE ("group_id", "year", "number"),
    CONSTRAINT "uid_incidents_reporte_04644d" UNIQUE ("reporter_user_id", "form_token")
);
CREATE INDEX IF NOT EXISTS "idx_incidents_group_i_5e6b19" ON "incidents" ("group_id", "status");
CREATE INDEX IF NOT EXISTS "idx_incidents_group_i_d7ed41" ON "incidents" ("group_id", "occurred_at");
COMMENT ON TABLE "incidents" IS 'A reported incident, numbered per group and year, followed up until done.';
        CREATE TABLE IF NOT EXISTS "incident_changes" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "note" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "agency" VARCHAR(16),
    "unit_name" VARCHAR(100) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "note_token" VARCHAR(8) NOT NULL,
    "handed_over" BOOL NOT NULL,
    "message_id" BIGINT,
    "incident_id" INT NOT NULL REFERENCES "incidents" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_incident_ch_user_id_1c7492" UNIQUE ("user_id", "note_token")
);
COMMENT ON TABLE "incident_changes" IS 'One step of an incident''s handling: Ditangani or Selesai, with who, when and a note.';
        CREATE TABLE IF NOT EXISTS "incident_drafts" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "token" VARCHAR(8) NOT NULL,
    "progress" JSONB NOT NULL,
    "reporter_name" VARCHAR(128) NOT NULL,
    "agency" VARCHAR(16),
    "unit_name" VARCHAR(100) NOT NULL,
    "last_update_id" BIGINT NOT NULL,
    "tally_message_id" BIGINT,
    "tally_media_group" VARCHAR(64),
    "started_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_incident_dr_user_id_7fdebf" UNIQUE ("user_id", "kind")
);
COMMENT ON COLUMN "incident_drafts"."kind" IS 'REPORT: laporan\nNOTE: catatan';
COMMENT ON TABLE "incident_drafts" IS 'An incident report or follow-up note being written in a private chat; survives restarts.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "incident_changes";
        DROP TABLE IF EXISTS "incidents";
        DROP TABLE IF EXISTS "incident_drafts";"""


MODELS_STATE = (
    "eJztXVtz27YS/isYvTSdUXNs5+bjPvmipG4T22Opl2nc4UAkLOGIAlQCsqPTk/9+FiAp3m"
    "mRliiJwUNmHAALQh9AcPfbxeKfzpQ7xBUv33Nv2idCUM46J+ifDsNTAn/kVXdRB89mUaUq"
    "kHjo6vb30NASfktdg4dCetiWUHmPXUGgyCHC9uhM+s/qnCKPzLgnkZJFlKGZx0cedKH+xs"
    "ilmArOvhNQTh+wJMgeY/kjEnPvgT4QAdJCYk+Kl+pxDrfheZSN1t7znNG/58SSfETkmHjQ"
    "/+e/oJgyh3whIvzvbGLdU+I6CRCpozrQ5ZZczHTZJZPvdUM16KFlc3c+ZVHj2UKOOVu2pk"
    "yq0hFhxIOBqu6lN1dgsrnrBuCH+PojjZr4Q4zJOOQez101JUraH0BU1rGsq+uB1e8NLKuT"
    "ma5QIoZzUGTDjMNUw1CF/vUjNYQfjg5fv3t9/Ort62Noooe5LHn31X90BIwvqOG5GnS+6n"
    "ossd9CYxyBOhfEs/KQPaOjQnBjQk8jHOK56xD/++jo1at3Rwev3h6/ef3u3ZvjgyXW2aoy"
    "0M8uPyjcoQGHV9Z/ocOJiIDHgJG9yOJ+PsZePuqRRAp0+DF1QA8LItSjraUJ2Kf4i+USNp"
    "Jj+O/h2xJEfzu9Pf/p9PbF4dvvk7BeBTVHuioJsOQTwqrguxRoIbzHK6B7XAjucRrb8AuQ"
    "hffn/vVVPrxxmRTCDrUl+h98SUSt3WPLSJdAq9BQPU+F+NuNY/ri0+kfabjPP16faXC4kA"
    "qpsIOzFPguFtKaz2BLJ5V37qzsejbwVabgoFX7t9ZpiGNhmZ2BC0BO0inJn4OkZPpVCERf"
    "hn/s4QvR8Qh2rpm7CD7kJVgPLj/1+oPTTzeJt+TidNBTNUe6dJEqfZH+Ciw7Qb9fDn5C6r"
    "/oz+urXvplWrYb/NlRY8JzyS3GHy3sxHSOsDRELTHr/qtTZ9aTkmbWd2XWQ4xi0x6MPpr1"
    "kcfns9y9tnCjjYs0t8XuuCGiTLv7Sa4dovHK4gsWM6Ej9gtZaJgvYUiY2SQH1cDE/hD2s2"
    "fwfg0XUFgabUgeflxaw4l1Bb8efjORvl572j8/veh1NMhDbE8esedYCbRVDT/iqZJl22zV"
    "9GiaLsEMzBAn+Blq0AnccziP5YQUsx36N61Mc8CSmPAZnToY2Zx7DmVYVSLdi+YeEGYOol"
    "IgQaQE0HM5jbrdGAJjtwgMNVOV1eCYkCEwairAkkqXVLKvQ4Hm7OtOZ1OQJ6zrozdvVrCv"
    "oVWhha3rkvh6ZASDsvR/K6CcEquFdbB4d+XbmAL74GAVsA8OisFWdenFPCXWfzmruKBjQg"
    "0u6lNB8b9+xhMwI3EzC/zt6xUgf/u6EHFVlSIxuI2rbR+RRINQU6cZgNfMz4FWaMs6u0dG"
    "0OwfK+0fM+66MATLwTmUviIGCjjRpFgZK7B/sJegrIz6DIJCWurXViOVE1LPopX3B72NsM"
    "pgddGHnL3ijHOXYFbgkloKpaAfgtSmNuVQtW4W9LPr648J0M8uUyry1a+fznq3Lw71DEAj"
    "Kotcfxo1S9CAyahCI6Zl10Ak7s/C33HeMEsX2x6pSRcnJQ1dvCvTbpwE3+KsFzkJMoR2Mf"
    "kaLY9McFfqgxuIv//llriakyxmu1MBZXu2GIo478TLBB866hAl8SykLoNu2g6T5Xj4fl1g"
    "Xai+2opYELf4TKg++r20FSQ/8vOZGN3qTtoKkbDHxJm78NVWH5RnQtUPO7vh+xwLlUVsk7"
    "7HSzbkX37VqlMnxwMZr+6W+SGpahhER63qjmTIb4+wCnS2CRhnDrr3+BQNiEtGHp520YTM"
    "JJozSV1EJRpDyyEhDP5gDsx0jnNyDZ3esTsWNlaB2yMiBcLLjjmYj0iOCRpyCU+ZCNVGFz"
    "DyRUI1EV30OKb2GN0Mzu6Yw4lQ/3cJIthzKfF0G4Q9ggSMwYWnw+jDx58gjGwPi7EKER8S"
    "+aiG9sjnrnPHXC70o6cv0e8elZKoFvB0VYglgqVzT72p74xVHljYgly8AACgUodOdZX0Hd"
    "OzhaZ4AsMgD8RbhL8tGMOP+ucIWAuIgrDn0Qc1QjyCZYmoQGJCZ7MA/mc4dWsG4m0gBu+b"
    "8UEWO4NneOFynDMVA1jVBQxiJNKKuN8yi6r3x6CcN1waVB+vrz6EzdNkYpLMCt62isRhTK"
    "pB5nBZsrfUYfg1qMEtpESbIRca3YL2k1soYpQqcAubVa4CwzlXs4qM6jK1KmbBr36QDb74"
    "oWQXBjUdEg+KZqB5+CFaSjdYgDLSBdXFdfkjVEKprxE5oJwUH2RbS885KsPnKIpRiXf026"
    "J67wDCnwNbinhW/MyV4oL8gyd/pTSOWG+g9si58HtZFnLbnnue/z7/ZWLOmow5C2d3RVjD"
    "5iYOOOeLFrwhq6MZCRg8c/C04aePuFfpZGFcphVK8KbPFs69yqc3YyIthHjN8UsTYuMp7L"
    "6Vzm8mhFqI8eFKgUuHJYFLh9nAJRgZrgJy2N7guxq+ivCVcycnzuO9y3HhKc1IKAX0vZJa"
    "Aer9Ceq4uP717GMP3dz2zi/7l0Fk09L40pVJq/i2d/oxE03KRjVgjksZnFfAOW5zZJAupx"
    "9Soi2MbdgTvmGlwKXQUK7FMyVEzUTv9ETHIchMdDFrnhJrhTbQNHOeywet7EDKk26TQdzw"
    "abYlnNXPW6UEW/EupDTjo1XsO2hVrBkfZWy8xhMg7ZiqtnGOglFZeTUnhFp3TnMjFt5szC"
    "WvdmhlKWHyID3jxErgFamwuiOJBpf2EHvzhpb32vcQH7B6OY4iQWMC7LQJEPNBVniXklIt"
    "VHrWnTJPpUC1VNxLXrBMoZqfFmtNura1Obx8hCSX2K2M61KqFqy7plCuGdgpEQJU7sqWaV"
    "KuRcg2bJLCIKTHXavuPOTLm/moOx8zyljlQMdIyMQ5VohzNBn3TMa9FmTcS6QpY6O83BZ1"
    "zuWd685ahPmGjwclUCuJY41wfTqa1YrN6NNBrddMnZMhM8Tv1SmcsJPvhH9aBTA7QRcU3r"
    "QRZhRxD/VhmQlMu+iRyjF6HHN1HIf4J2IwYlzmxLdu6iG5oa4xt4NqWBDEauJSm4xL3Q9G"
    "bI85dbXSq7hJw/atALdp/+huXE2y7RW9FVOnqtvI+D6N73OX9mnj+2zG91ndMWQ8QnvgEY"
    "op9FU+AgmpFn4K1uwR8p06Fn/IO/705OnpmKRhFiswi8arsV3VcsmfVGMAklJtUu03xe/S"
    "2OHsZ1K8LUye1k2xvKkFtktXqySzsZXQl8t0bSuwl1GauJWSHIVy4VWw3AvOxv8wn2miMM"
    "j/8xhk9NE3w1a/aXZDD1LJkBQ5yu8RwfYYTWAx6vP+8E9wprIVMfIYPlInHLKJny6J3VNG"
    "xZg4Kt8RdHDHllmFfOGuZksFRzpFkt/RysypGojhTM0FuNveJbejCujVn2tg9Nh8mvk2JQ"
    "/7BrK7bGZ0bns317eDE+Ri2FgwbELQuHeCbFiLwTHlLZsg5o5cc0futtmRjcSGm+M8htI2"
    "lLahtOskbDC3a29fNZTYdRe1I1/zpA1j99y5cCi2CoIGSxTGPOH27ffrvyDP3C9fR5ncO1"
    "ebuSum+A3bz3yuOdNuLpQ34e1b2iT39kL58GKVHH9H7M6VYk9H/HqXVZIO+2y+CoIO/AD+"
    "lQiK9fcNVeVqUP/zcwS/UH+qu5ZVz/qugsifoD0Cutn3eUmIN/ik8qTEIWttHA7G4bAbm7"
    "8Ja20VB6hWaWWKKiZj7MKn7cLGedYdX8ffNNHaHMyboFrLjis97QHeSjKfGWGOQq0a6J2b"
    "3tXF5dWHExTI37HTm5vb6996FycIVFiPPxDnjt32fu6dD1SZR/5DbOmXffKbeWSqWtVxGq"
    "//HfEIYCZkbYI2X95QtHUVG4eoqCnHGuZ8GMrmISln8K+Lv7nnu3hC9pPFM/d8f4uzbrhb"
    "w93uALz7zt0GFz7nULfRVdDFzG3szukVE2vMh1MVDe4gB1N3EbCqPyKsIsBVnRCKNl0Gbj"
    "t4ATKKQSXQmy6PXWpbkFdj/c94+tLZGHfrP88KLzHWdykwc/Fbw9ytIV82blgmlnlWpyqL"
    "2lyKlSlUewh6CchKITJpMwo3gobNwMDnWJk9TMu1cavYiL/BULU5SG8k0QMTj6DLZHEuPs"
    "sQEzFHGZ6T5j7UPOuEAqZkW8g07C+zkCWUQq0+++kuywYRk2owE0So1u9tIgjD4xgex/A4"
    "pTxO3x4TZ+4S5wY2uk4OnZNs0C1jdUTY1FK7ZhV2JxRESlAHv2m8uv4xfhUB53Ibu4pyOd"
    "FEi0ds7jnwJ5ZoiidEICoR+QJPcheIw0oroHg29KDyoLzwILPu2rdg0/F5nzOVhvFpivEp"
    "PqOej+s+nEvfGbYntqxzFdsCazkh9U1zPSoGpsD4XS2AZueN4E6/dzU4QQIU3DvWD8NoRB"
    "hG8+my31fRMYp/V+EyqqerXu9ClTEOdj4hzq4EzZh8b9tQ84ULy6CG5RyJrcFo3rEgmTbZ"
    "zCaf33Y5bxMEUzwhJgjGkCeGPPlGyZNT4lF73MlhTYKabhldgqM2T7EkxYg+HWFiyIQmyQ"
    "TQ30VwwdOqfEJMZJfNtJqUwtGbNytYWdCq0MzSdSlf5axShpKgeQvR3YgnWN0qmeujKvYE"
    "x0SMJ7iiJzijIDT5Mfv6fyBEL9s="
)
