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
    "eJztXW1zGjkS/isqviSp8uUc4jg+5xOOSdbZGPtssru1YWtKzMigZZBYSdhh9/Lfr1szA/"
    "OKGWwwkPkESGpJ80gjqZ/uFv/UhtJjvn75QarhNdOaS1E7Jv/UBB0y+JKXvUdqdDSaZWKC"
    "oV3flr+Bgo4OStoc2tVGUddA5g31NYMkj2lX8ZEJ2qo1iGIjqQxBWcIFGSnZU1AFfqfE55"
    "RrKZ5pSOe31DDi9ql5R/RY3fJbpkFaG6qMfonNedKF9rjoPXrNY8H/GjPHyB4zfaag/q9/"
    "QDIXHvvGdPRzNHBuOPO9BIjcwwpsumMmI5t2JswHWxA73XVc6Y+HYlZ4NDF9KaaluTCY2m"
    "OCKegoVm/UGMEUY98PwY/wDXo6KxJ0MSbjsRs69nFIUDrowCyt5jiti7Zz3Ww7Ti0zXJFE"
    "DOcwyYURh6GGrmr79D3swr/qrw7eHhy9Pjw4giK2m9OUt9+DpmfABIIWnla79t3mU0ODEh"
    "bjGahjzZSTh+wJ7xWCGxO6H+EIz02H+D/1+uvXb+v7rw+P3hy8ffvmaH+KdTZrHugnZx8R"
    "dygg4ZUNXuhoIGbAU8DInWRxf9+nKh/1mUQKdHiYZUCPEmaoz5aWdcA+pN8cn4me6cPPV4"
    "dzEP2lcfX+p8bV81eHL5KwtsKcus1KAmzkgIky+E4FdhDeowXQPSoE9yiNbbQDZOH9dH3R"
    "yoc3LpNC2OOuIf+DnUQvtXo8MdJzoEU0sOah1n/5cUyfnzd+S8P9/vPFiQVHaoNIRRWcpM"
    "D3qTbOeARLOiu9cmdlH2cBX2QI9ndq/bZnGuY51GRH4BSQM3zI8scgKZl+FULRl9GXLXwh"
    "aopR70L4k3Ajn4N1++y8ed1unF8m3pLTRruJOXWbOkmlPk/vAtNKyK9n7Z8I/iS/X7Sa6Z"
    "dpWq79ew37RMdGOkLeOdSLnTmi1Ai1xKgHr84yo56UrEZ9U0Y9wig27GHvZ6PeU3I8yl1r"
    "CxfauMj6ltgNV0RQtbsZ5OohFq8svqAxM94TP7OJhfkMukSFy3JQDVXsj1E9Wwbv92gCRa"
    "mzBUnRu6k2nJhX8PTwzMwE59rG9fvGabNmQe5Sd3BHleck0MYcWZeplGnZbNawPkynUAFq"
    "iBc+BnY6gXsO5zEdkGK2wz7TwjQHTImBHPGhR4krpfK4oJhJbC2WeyBUeIQbTTQzBkDP5T"
    "SWraYiMDaLwMCRKn0MjglVBMaSB2DDjc9K6deRwPr061ptVZAntOv6mzcL6NdQqlDDtnlJ"
    "fBXrQacc+7MEyimxpbAOJ++m7I0psPf3FwF7f78YbMzLBduFzWkJsCOxFYG91rVkxaxciJ"
    "jPbpm/BNJTud2b1ytgQEGRdP6WouQqHRNa40rd0Jz++xMdUGXoelbtw4MFAD88KAQcs1LM"
    "nHRpuT1xJrFGqLm3HoAfmXQGVcc1y2yJGcHdWzxWsimOpO9DFxyP5tipkO0qIPqTYvOoru"
    "2DfQ7KyFRlENTGwactZylJSD3IVrI96K3EVELhvb/NWStOpPQZFQV21qlQCvouSK1qUY7O"
    "eOsF/eTi4nMC9JOzlN7X+nJ+0oRzhx0BKMRNkT3bouZoHtJzZbjxtOwjsOPbM/E3nAzP2k"
    "BcxZa0gSQlKxvIpgx7Zfn6EUe9yPKVsdIUWxRm0yPjsZjacEPxDz9fMd8S7cUmnJSX5JZN"
    "hiJDTlJR5GKgnTyDVxmgrGnlM1S12zB58i7Hj6sCKgGU9cF94Iv3OahlV0EKvJgfiNGVrW"
    "RXIdJun3ljHzZr3EceCNV1VNml3Ga/vixiK7ej26WqyJYerWP32NMdu3jaggsY1X15x1Rg"
    "+36GHvswANoQI8mf0jr5B1Zx2pW3II52cdNnBFsgEnQ2+2s8GkVVEOq6bJQfS7CiljqiI+"
    "AYSskNNKAJ5kBto5GCerxI3p8cZyrQjOmgDdsxKdgz3RHhWkGeQw/2IBuK9vqEG/wuNSPy"
    "xsoEngu2emily6AOKPTiJWkEWR3Rp5pQQ4bwCmDdQU+gWYMOBnwKAEhLNe3vO6LwIWwZBp"
    "Pf6wjIhe4xKP8nc7G4NnRCoPI+10aqyYK+CV9r9tmtMm+QgIP8rzX76LG0yoNhnR4MAegZ"
    "XJHPborxMOP4lHYmNeu2H0znbEkzQu2q+d8voJE0T49n874jGpeXVxe/YGI0/zviqvmp+T"
    "4sGEz4jmi2TjHBvhDpheWpjJnhQzjdHIZ8ngNKWnKXXATX7IcSQukMQWWEPbW0L1C+/FID"
    "smGk49OMh8dc7i3xSiTlKvyXxd+uj6XRj0tV2C+LfUWNFw/IdpKkFTX+I476IkEhVmkqFx"
    "QSF9mlE98DVaP4mzQqi2lcpML0/kCbqa5fBdrMDbSJv6v5gTaZiVuhei+q8bd1k8KXzkRX"
    "fvtid+NaDvEaz96bR71yLBgGWC9KvgoSlEc2TzGXcWQsb5QckjbA01N0uEcGbGTIWBjuE2"
    "4IkopdxgR8EZ7PvBye9REqRUo1Kox3v/SY0ciqhhVP6diuNNDKQGMZmyDYN0t26j1y1+du"
    "n1y2TzrCk0zjb58RRpXPA7IValSMaOiDD61D76PmjwklrqK6j7fMdJm5w67dybHvdYSPFC"
    "y0NHxJflXcGIYloHUWUKYwC2+4GgbxXEghKzby6QQAgEwbfY00LusIO1pkSAfQDXbL1CR6"
    "trAP7+zjaJgLhIOwUvwWe0h7MMORvNUDDvPZe2hc2JKx/CsI498EnnUtKlsxGzuiE1/SnK"
    "Fow6wu8NeciezE1SHzDunN39qJ83nGS3N6Rv980foYFU+7biZPfeHbljP757lpxqTW6Kc5"
    "TdlaR81oN1hCXU2JrkdfXesStJ3qahFJUcKTa5WHq8ivJOdgFXM5KT5Uxb1bFjFmwxETis"
    "NZQ5LIjotHEzS/Bndo4ZECfwUW4Of4FePLsGZ7ZkDrcFgJHh9ssRd5xuwVtpRznvg6uyUh"
    "uoHtjyr2/Ie/PG8z+Io1M+1lY8AeFPq1cZAn7dr1RQLtoFSxZbueCbbDWVoW47jM7oXYPX"
    "64aHUF5Ir9M+A5Telo0YTQLsK8UKjoqzmhoq+yoaLohjTO8Rdd3IlpnBfsuEovphETHqJW"
    "DvTaZbN1etb6eExC+cX9l66a50ExxYZYKn2efFIfpsp9ZkMONpX7TOXCsan7yG6xI5ULxy"
    "6P+iIuHNW9ntW9nhtiGN/Uez3DeLcc6nYWCVfM3MZC7u4nbi8EI3rcHaJB1yMe5f4kZFXf"
    "EYr/IoJ5Nix4Zpb16ARkkEFlXhjHEzMuZynbFbWxSODN9E0I2nMiZwJ3rBSDeVFF3ayVu6"
    "3Il5Urlolpnj1TFemTCbEH3h61aaCXuz6qsi88mRoY2hxLs4dpuV1cKlZib6io2hykV0HV"
    "UqHv4CyTxbn4QrqYSPXPPQ+4jm568lzmX2NSsjvINGwvs5AllKJTfXbrnufTFpOq7h5c3K"
    "Wt4nEqHqficebyOMnLeHLonMxtPcWsTs4tQQuyO5EgQUEyvYRljwxgWK0HnL0QGymX4KYW"
    "xVypvMCtP/DT54awb9CSP7ERCAUUz4oamu+Uh3Xjp6060GDT/nlfM5kV47MuxicankW1i6"
    "j8LioWj872xKZ17sG2QFtOSP3QXM+23QJUHrjadbPVPiYaDrgdcR250ejIjeb87PoavWOQ"
    "f0d3Gayp1WzaO3+EBD2fsY25+AdjT2D7k7d5QZ/3Rq3EJKvIlRLHfO3DNFhCc56JVReLb7"
    "LOvKwLWuV69jicd+UEUzwglRNMRZ5U5MkPSp40mOJuv5bDmoQ5e/PoEjorcx9LUoxo9bez"
    "m0UmwPk9+oOCRfmEmMgmq2lLUgor+Q9UfKlKIBwW30F0V2IJhhZNro2q2BIcE6kswSUtwU"
    "8ajf/9/63Kw9g="
)
