from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "leaves" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "first_day" DATE NOT NULL,
    "last_day" DATE NOT NULL,
    "set_by" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE
) /* A liaison's leave: while it runs they are not mentioned, and a stand-in may serve. */;
CREATE INDEX IF NOT EXISTS "idx_leaves_group_i_028084" ON "leaves" ("group_id", "last_day");
        CREATE TABLE IF NOT EXISTS "pauses" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "starts_at" TIMESTAMP NOT NULL,
    "ends_at" TIMESTAMP,
    "until" DATE,
    "set_by" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE
) /* A pause of the group's work: no scheduled posts, nothing expected (the jeda command). */;
CREATE INDEX IF NOT EXISTS "idx_pauses_ends_at_50a079" ON "pauses" ("ends_at");
        ALTER TABLE "form_sessions" ADD "report_date" DATE;
        ALTER TABLE "form_sessions" ADD "correcting" INT NOT NULL DEFAULT 0;
        ALTER TABLE "groups" ADD "skip_holidays" INT NOT NULL DEFAULT 0;
        ALTER TABLE "groups" ADD "late_cutoff" VARCHAR(5);
        ALTER TABLE "liaisons" ADD "stand_in_until" DATE;
        ALTER TABLE "liaisons" ADD "stand_in_for" INT;
        ALTER TABLE "reports" ADD "late" INT NOT NULL DEFAULT 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "form_sessions" DROP COLUMN "report_date";
        ALTER TABLE "form_sessions" DROP COLUMN "correcting";
        ALTER TABLE "groups" DROP COLUMN "skip_holidays";
        ALTER TABLE "groups" DROP COLUMN "late_cutoff";
        ALTER TABLE "liaisons" DROP COLUMN "stand_in_until";
        ALTER TABLE "liaisons" DROP COLUMN "stand_in_for";
        ALTER TABLE "reports" DROP COLUMN "late";
        DROP TABLE IF EXISTS "leaves";
        DROP TABLE IF EXISTS "pauses";"""


MODELS_STATE = (
    "eJztXVtz2zYW/isYvSSdUbOJm9s6T46ttG4T22u73Z2NOxyYhCXWFMACkB3tbv/74oCkxA"
    "tIi5REUzQeMuMQOCD1AQTP+c4F/x1MmUcC8eIT49MLIoTP6GAf/XdA8ZSoP0zNQzTAYbhs"
    "hAsSXwe6/43q6Iiop27B10Jy7ErVeIMDQdQljwiX+6GM7jU4QJyEjEsEssinKORszNUQ8D"
    "dGgY99wegzoa77d1gS5E6w/IDEjN/5d0QoaSExl+IF3M5jrrqfT8cbH3lG/T9nxJFsTOSE"
    "cDX+19/VZZ965BsRyX/DW+fGJ4GXAdH3YAB93ZHzUF87pvKT7ggPfe24LJhN6bJzOJcTRh"
    "e9fSrh6phQwtWDwvCSzwBMOguCGPwE3+hJl12iR0zJeOQGzwKYEpCOHmB5beA4J6eXzsXo"
    "0nEGhelKJFI4x5dcNeNqqtWjCv3rx/AI3++9ev3u9fsf3r5+r7rox1xcefdXdOslMJGghu"
    "fkcvCXbscSRz00xktQZ4Jwx4TsR39cCm5K6GGEEzy7DvHf9/Z++OHd3ssf3r5/8/rduzfv"
    "Xy6wLjZVgf7x+EfAXXVg6pWNXuhkIpbAY4WROy/ifjjB3Iz6UiIHuvoxTUBPLixRX24tbc"
    "A+xd+cgNCxnKj/vnpbgehvB+eHPx2cP3/19rssrCdxy55uygIs2S2hdfBdCPQQ3vcroPu+"
    "FNz3eWyjD4KjdhVSRPhIXTUjnBPL4QyXpT8lL5L2BxCP94iuAF6B8NHB5SiHoMs4J66EAY"
    "tbL2MBwdSMYVYwB+G1ktzWWl1caRe7j6enn2HkqRB/BtH2mttbT3798nGkNge9fFUnX5Zs"
    "uYneUkT854vTEzPcaZn8evVdif6n9B/R6JvX3eUKaGQgT3aC518O/pXfJA4/n37U4DAhAa"
    "lkgI858AMspDML4d2urW8UZTejdqwyBS97pXVoTZx4DpbmfRv2X/McZCWrtm74YwdfCPV1"
    "wt4pDebxp6UC68vjL6OLy4MvZ5m3BHZ5aNnTV+e5q8/zustiEPTP48ufEPwX/fv0ZJR/mR"
    "b9Lv89gGfCM8kcyu4d7KU05eRqglpm1qNXp8msZyXtrHdl1hOMUtMeP/1y1seczULjXlu6"
    "0aZF2ttiO24+AyFxc2u0njVeRXw/MU78Mf2FzDXMx+qRMHVNOm9MDP2YjLNj8P6VLKDk6n"
    "JD4vh+weFk1pX69eo3k0hJOzy4ODw4UsoxgHyN3dt7zD0ngza0sD2Wu7LoW2ya7k3zVzBV"
    "xrMX/wx46AzuBqZuMSHlHJ3+TSuTc2pJ3LLQn3oYuYxxz6cYGpEeRTNmCFMP+VIgQSSo90"
    "YmrukwlnbrFu0GM1VbDU4JWdqtoQIsfRkYOIsKVigRaI8VGgy2BXmGE9p782YFVkj1KuWF"
    "dFueGRqrh3L0f2ugnBNrhHXH+KAc2C9frgL2y5flYEObEWxXfZwagJ2IbQnsVveSLXPJMW"
    "IBuSNBA6QXcv1b11vg7ZUh6fyH0Zq7dEqoxZ36QPj4bz/jW8wlbmfXfvt6BcDfvi4FHJpy"
    "zBxzcb1v4lKiRah9rx2AN+wqUaaOK5t8EguC/ds8tvJRDFkQqEdwPGzwrpb7pnJiT9k3BT"
    "yUA7+2nqckI7WWr2R30NuKqwSr9/7OsFdU+gWXQi36BBMdb2ddghFqjvBjeq4ON56X3QA7"
    "vjsLv+NkeNEHQr6F6nsKrgwIo/Hr7W1GYbvFreMNlsRx1Xzd3NRSPLNi/dOIVmFkyvmYAh"
    "sjbv3QmbDAV1qNYcFXflAKsjbWpMaHxeWkocs1K2ldrl35ylhH+1Oc9TJHe8EpXO7AXC6P"
    "Qlh/bjuOxT/9ck4C7dczrAVzKsGOLYYyv3FWR/DprXBM/vU6QGlP7mc1VL9h8ti9IdjZAp"
    "V2ZCvN3SMgsRZOx/EwfYfJ8Ti+2RRYRzBWXxFTOvSdyZ6sA9RnGKO3AEUpYutCFI3SV5BC"
    "PBPrrqIzGKOvAEXZI2sidK4H6StEwp0QbxYoOwJU3DWhukgGO2O7nOFQRGzrEYVaiyqLKk"
    "xUrAciCx2t1+mOK4QXBuye8CgK8Blk3KoJEBJJhv5gOkk3ig/E1+xOiUOEoJwQBHdAjLpE"
    "/28WhskQCLsuCc25wFu60xW9ospCxuhG3UAgaFGjhSFX43iJfDDfLwwgCBHRPfSDMUqeiS"
    "sa7xXouXqCoWpWXccT5Ev4mwmC2I2WiWI49fDqLtdEjaE6ffcCHURNV3SCBcISTdUrAGNH"
    "T6JuKyHU0l8AoKQZXzzvB8ThR+g+RC1+74qqVvV4RPX/QzPJSEg8R2rwiS8k4/MVozS/Dv"
    "Rv1+yTBFekav860D89dc3GcrYZyxmBXsAVWOwRnU0LIeD5tBpjMuQ2IykWa3ZQD/HB+egf"
    "v44uLkdH+8t1f0UPzs7OT3+Di8n6v6Lno59Hh3HHaMFf0dHJEVzQL0R+Y3mssK74RzjXhl"
    "iBqlDcvGSfkiVajsiNoXSmRAj1Ta0dFW2WbzQhXXMNPcp8eARM9vqvRFbO4t8Uf70/1kY/"
    "LWWxb4q99dqVT8hu+m+s1+4pznqZ1y4b9nxfUvqovA5BSqRPGt+aplH6TQrrYpoWsZg+nH"
    "K8sPVtynFlynH6XTWnHBcWrkX1QVTTb2uXErmP6TX79qv+Gg8MxGu6eVhFvfrQMS41syr5"
    "SlHUH9g8TlziA2N5w9kUXSp4xhxPh+iWhBLNqPQD5EsEpOI1IVT9Qb2AeAaedQODAqWadI"
    "bajWMiBbCq8cALOvaaSXWXWwF99AVKvmmyUwzR/cR3J+js8uMV9RgR8P+AIIJ54EdkqxqR"
    "EyTUMwTq7urpk9vvI4xcjsUEqkReE3kPj3bPZoF3RQOgYNWdpi/QP7kvJYEe6u4kokzVKr"
    "zx+TTKbAcKmZMwwHMFgGrUdWiAxiVXVM8WmuJb9RjkjvB58tviZ/igf45QawH5Sphz/w6e"
    "EI/VCgfyFkIcwxj+NTLkG1Y12kJBoy7wrK2YbOVsbIjnAcOGqbhUq7okc2Up0ovSf1VK+u"
    "hflxn9vBDMvdDRP5+e/Jh0z0d4Z7W++G0zrP6q+OKUlI0srhFZnHwNGpirOdF27NVWt6Dd"
    "NFfLSIoaQabbVa7iiDejZrWMhqtSq1Khd6vXslZf/ERyqB5qek24upRyHivdYK6UkaFSXQ"
    "JQ+D1wzUYakaeUk/Ja1hsZ2aAyfF2WhALxgX5bYPTIURvfnDvpsssQFBzVnv294O1djAZ+"
    "wpmIRllcZK474zx6n63Tt1WnbzK7K8KadLcMh+GLFr8hq6O5FLB4mrwY6qePGa9VXDwt0w"
    "sleNuxAzNeu4B7SqSHEG+4bsYtcfFU7b61SrhnhHqI8auVCma8qiiY8apYMEM9Ga4DctLf"
    "4rsavhBnK2emEl2fAoZLS14vhXJA34DUClB3zKNfVYPk9NePn0fo7Hx0eHxxHKebL4wv3Z"
    "i1is9HB58LVYzouAHMaSmL8wo4p22OAtLV9ENOtIfu8h3hGwzu8WJURGIoN+KZMqJ2ojs9"
    "0WkIChNdzprnxHqhDbTNnBv5oBqRr0XpPhnErQcix3DWL16bE+zFu5DTjPdWse9Ur3LNeK"
    "9g47V+BlrHVLWtcxTUl7VXc0aod0Wvt2LhhRMmWb1iiQsJe6jUGmXEYq9IjdW9lGhxaV9j"
    "PmtpeW98D4kAa3Zg1FLQmgCdNgFSPsga71JWqodKz4Yp7RBOQXYg7sUULFOq5ufFenP23c"
    "YcXhFCkklsqM7/AK4LqR5lTW0M2KY5mTYXc0P5aIxKzoLGubFmeTsfTecj9CmtHei4FLJx"
    "jjXiHO3xhVvPJbLHF6KVsl7WOb4wc+YbHa9b4SuJtzzUg/UI861WZcqhVhHHusT14WhWJz"
    "WjDwe1nlLIkyEh1B7CdBF++kxE2SoKs3105Ks3bYypD9WELtQyE9gfontfTtD9hEE6Doky"
    "YjCiTBriW7d1E2Ooa8rtAB1LglhtXGrbxYi6z4jtMKcOK72OmzTp3wtw2/aPNnKLWm/oJk"
    "ydum4j6/u0vs8u7dPW99mO77O+Y8h6hHbAI5RS6Ot8BDJSPfwUbNgjFDl1HHZnSn96MHs6"
    "JWmZxRrMovVqPK5queBP6jEAWak+qfbb4nf9VHL2mhRvD089GeZY3twC61Z5o/QxKhX05e"
    "KclRXYy+X5LisVOUrk4gx6IA+j3PjvZ6EmCuP6P/dxRR9dDT7k/h0U5HEnWH5AYsbv/DsC"
    "FY10GR9Tgfkt3QiKIQE5ym4Qwe4E3arFqPP91T/BKFQrouQ+uaUuOOSSqFwSvfGpLyZQ4l"
    "0PcEUXVYUi4ajOvWBIl0iKBlqZOYUHsZzpo3KmlmV6NFVAr36jgfFw6fxEtstmxuB8dHZ6"
    "frmPAqw2Fqw2IdV5tI9ctRbjNOVHNkFq23jWvFsZ25AzsMnrRYanZGxs+Bqx4Tadx1Lalt"
    "K2lHaTgg1COg2LehZlexOu3bJqKHEQzBtHvpqkLWO37lx4PnZKggYrFEaTcP/2+7evV9iJ"
    "3r4u3YigqZB61bAAQ1bSuto67Wqzx4+Uv2G7Wc/VMO2F40dseLsNb++I42Od8PZtej2iM9"
    "EN3o7FYenlXo7lmewrHZ8bHS3+TCAttx+fc+BLxGdUHy871+ccUCbRlFAQJN4wDpKG5eN9"
    "71M0xXMkCL8z1h3exi1WOS928RJoy8TDc1sp2HoXnojZcuPzeM0bFSsz9BmhKp1qB6ehqj"
    "ag0olMPEhN9NIyTxo8QWTtQzyXMvalb/zS2zM8yydkN80pe4bnU5x1a0RbI7oD8O68ER3Z"
    "nQOTGR03DSsN6ajTyqZ0FBIHmcRxMF10riCEzkXeXojXg/9FB+08hz85Gfswsj7wbxmUp4"
    "1f3e07k0W9xTtVn+yTGGc2as/a1d3Y/G1uaK8CaWCV1o7zSMlY5+rDztXWg5U6vo6fdLRS"
    "ezBvI16pqubHw2HUj1IRNyTUA9TqgT44G50cHZ/8uI9i+St6cHZ2fvrb6GgfKRWWszviXd"
    "Hz0c+jw0u4xskfxJXRtS9RN06m0CuvTz7OO8KJwkzIxlFOZnkb59RUsfEIpB55tYnbrJzF"
    "vyn+2s/p+NRRhlwNkykv1qMJ2Fgp1wVG+hDbOi6douSajp2OIV3Pr2PdC+VLdjeJZuteeI"
    "qzbt0L1r3QAXh33b1whmeCDAzOhahhWOVaCKHL6o4F6A35+5B9r+F4JtA947fqmRgS7oR4"
    "s4B4CPYAMYQ4uglUCSDfQm0Coucg9wfxMHLZVP0ez+xU2M5dHo7Us86DNp0HUVWIppkV9l"
    "SbDn69i0oboV6TKU6JbWCCHzZ22nyv+jS9tQ1Za7/u27hEG5fYwQnZTRPSEgdPcdYtcWCJ"
    "gw7Au+vEwbkO2RsYmIO4ZVhFHcQBf6txB/pQlNn1FMoFesjDfjCPIwY/IAwlAqFNCAgJXF"
    "T28yDRbgbRgUSNpq8TzAOf6ADDkoNXNn+PWhl+0f2cRIt1Z5xDxU6b79cqtWADi7YeNJFZ"
    "5qtafzmxJ52cZmNnH80MjOPpa0fG5eX6uFVsJZbWhiEakN7KSSBU3CtdpohzebHLlIitdb"
    "lGrcuF5tnEo5GT7SHTsLvMQpFQCoxqT+VZIYFZ5bGHhFQdEpJYT/WgTkm1iHZiPu0s2JYv"
    "s3yZ5csq+bKLJPTkTH1QBgbaLNthWMWeLcJYHB3GUoNFy8S/6ARajdcwOk8DsmgD5uIAqK"
    "19TWhx4jLuqT+xRFN8SwRUvCLf1J2COWJqpZVQaVu6UXVib3KigB46YgryOb5fC42WWWuL"
    "WSs/LMKM6y4cENEZVi21rI0GRIlqmZF60pwa5NGVkAyrJeF1nmwYXIxOLveRUAruFb1IUv"
    "FEkor35fjiAjLswM8BKXcw0slodATXKJMOJcTrSuKdPXjxMdR8Eahl0IChWIq1EpDXlU1m"
    "57gJe7Dm4/oWbLBR+YTYYCNLnljy5ImSJweE++5kYGBN4pZhFV2Cl30eYknKEbUZQN0iE5"
    "T+DtFYdfiElEiXzbSGlMLemzcrWFmqV6mZpdtyPuGw1lFBcfceorsVj7u6ozT6qMo97ikR"
    "63Gv6XEvKAhtfsz++j/bFS18"
)
