from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "inbox_updates" (
    "update_id" BIGINT NOT NULL PRIMARY KEY,
    "payload" JSONB NOT NULL,
    "handled" BOOL NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_inbox_updat_receive_f11958" ON "inbox_updates" ("received_at");
COMMENT ON TABLE "inbox_updates" IS 'An update as received from Telegram, kept until it has been handled.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "inbox_updates";"""


MODELS_STATE = (
    "eJztXFtT47gS/iuqvCxbxc6BDAMc5ilAZpaZIVAke6ldplyKLRJtbCkrKUB2z/z305Lt+J"
    "6JE3LFTxCpW5a/luXur1v+t+Zxh7jyzQcuvDaRknJWO0P/1hj2CPyT172Pang4jDp1g8Jd"
    "18g/gKAlfUnTg7tSCWwr6HzAriTQ5BBpCzpU/rVqDSTIkAuFtC6iDA0F7wkYQv+PkUsxlZ"
    "z9IKGdPmJFkN3H6j2SI/FIH4kEbamwUPKNvpzDbbgeZb0XH3nE6N8jYineI6pPBIz/51do"
    "pswhz0SGP4cD64ES10mASB09gGm31Hho2q6Y+mAE9aS7ls3dkcci4eFY9TmbSFOmdGuPMC"
    "Jgonp4JUYaTDZy3QD8EF9/ppGIP8WYjkMe8MjVJtHa/gSitppltW46VrvZsaxaxlyhRgzn"
    "oMkGi4OpYarS3H1PT+Gn+uHRydHp2+OjUxAx05y0nHzzLx0B4ysaeFqd2jfTjxX2JQzGEa"
    "gjSYSVh+w57RWCG1P6PsIhnpsO8X/r9bdvT+oHb49P3x2dnLw7PZhgne2aBvr51UeNOwhw"
    "eGT9Bzo0RAQ8BozscRb3iz4W+ahHGinQ4WbmAT1siFCPtpZVwO7hZ8slrKf68PPweAqivz"
    "buLn5u3O0dHv+YhLUV9NRNVxJgxQeElcF3orCD8J7OgO5pIbinaWzDN0AW3k/tm1Y+vHGd"
    "FMIOtRX6H7xJ5Fy7x5qRngKtRkOP7En5txvHdO+68Xsa7osvN+cGHC6VRioc4DwFvgcgwl"
    "5QetdO6s21cQfb8qYgv56d28VSWaMhvFLL2yCr+zIv0FkMcbBTVjA+JXEsrLIWuATkFPVI"
    "vg2SmumtKFB9E/6zhRtSTRDs3DB3HDyxU7DuXF03253G9W1il7psdJq6p25ax6nWvfRbeD"
    "II+u2q8zPSP9EfN61mejObyHX+qOk54ZHiFuNPFnZiPl/YGqKWsLr/6Mxj9aRmZfVNsXqI"
    "Uczswewjq/cEHw1z99rCjTausrotdsMDQR1aPwxy40CDVxbfD1wQ2mOfydjAfAVTwswmOa"
    "gGFMfHcJwtg/dbuIDC1mhDEvhpwkYk1hXcPdwzUX5c0WhfNC6bNQNyF9uDJywcK4G27uF1"
    "nmqZyGa7vLqXbsEMXDgnuA096QTuOZzTxCDFbJO5p5lpJlgSAz6knoORzblwKMO6E5lRDP"
    "eDMHMQVRJJohSAnsspzTtMRSBtFoGkLVXaDY4pVQTSnA6wosolpfiNUGF1/EattizIE+xG"
    "/d27GfgNkCpkOExfEl9BejApy/wsgXJKbS6sNy3MToJ9cDAL2AcHxWDrvvRi9oj1D2clF3"
    "RMaYWLuiEp/s8nPIAwEq9mgR8fzQD58VEh4rorRWJwG5fbPiKNFUJNndUA/ML8KHiFtppn"
    "98goVvvHTPvHkLsuTMFycE5KRRMDBZx0Um0aK7B9sE9BWQf1GQSlsvTdliP1E1oL0frbg9"
    "5SWH2Iuuhjzl5xzrlLMCtICU6UUtB3QWtZm3LoWq8W9PObmy8J0M+vUi5y65fr8+bd3qGx"
    "AAhRVeA524LMSSImNSsScVNIxIo6fo1WL6KOMzRnMSUXLY9MyVVqGw7UP3y+I65hqoo50F"
    "SZ15YthiImNBk++EVfCwL1xR9lV0Hyy+YWxOjODLKrEEm7T5yRC5urfu4XhKodDnbLt7mQ"
    "JIvYMhMHV6zLn38xb7haTvog3r0/LYlAtWBQ2jBrLoEhXx5hXSVqE/BlHfQguIc6EAj3BP"
    "b20YAMFRoxRV1EFeqDZJcQBv8wByydk1l4gUHv2T0LhXXVa48oifBkYM5sglSfoC5XcJWB"
    "1DKmgZFnBd1E7qOnPrX76LZzfs8cTqT+7RJEsHApEUYGYUGQhDm4cHWYfXj5M4SRLbDs6/"
    "raLlFPempPfOQ698zl0lzae4N+E1QpoiXg6roRKwRL54EKz8+k6PQJbEEuHgMA0GnqHva1"
    "9j0z1kIeHsA0yCMR4/Degjm8N7cjYS0gCspC0Ec9Q9yDZYmoRHJAh8MA/gUyMnNW0SyhgO"
    "bVJBCKMzlDPHY5zjHFlPA/UqlK+hYI/oOnrmT0H9NaYfg/adna+D98K8wRCqZUVxMLrnQr"
    "2s5QsIgAKBEKLtPJCgOdHAcrFgMVO1fxcGuWGo0hESAOPgcPzu74Lgp4Hcg/RaBdC/3Lr7"
    "bY0//qxKUe2fgOMEA4iHYjjNiPeWUcS7xSjl/xZ1SnFJ5B+VpVf7z640Prps/WUv9RNrW4"
    "UEZx4yBPHh6qz5K/Bani40P1TA5Xr9KyGMd1di9z+/JVCNUhuCUfgoP7VKWLEBJKuwjzTB"
    "UIh1MqEA6zFQhSYTXKITA1zE028jL10+kzKYH2CotrhoQ5GrVyoNdum63Lq9bHMxTo37PG"
    "7e3dza/NyzMELqzgEB/ds7vmp+ZFR7cJ8hexld927YsJ4mmptD+5nmdEEMBMKmvec3X5+t"
    "X5unkdG4fY1IEQu5vzYphmh6Rehf+8+FflEcUG2S12pCqP2GWrVyfrqpN1GwDvtp+sCwow"
    "cqjbqDSjmLmN1YB8n7i9YQTJUdfTiV0HOZi644BVfY+w/o6S7jN1RVF61sFj0NEMKoHRTH"
    "ssyZylbJd0je8ngWPcrX89KywqsEdCEFgXXyvudpXcbUW+LD2wTCzzWQ8lpNQWPJSwaaCX"
    "O5VQ5RfW95kbP+dYmj1M6+3iVrGUfENF1eYgvQyqFjP5BL5MFufiQqeYSlXotECh08TznO"
    "e7TSndHWQatpdZyBJKoVeffXVPq2mLaVVH2mYvaat4nIrHqXicqTxO8nRIDp2TOT5SzOrk"
    "HFuZkd0JFZFWNMVvBq99NACzmgo4850FTbmcGaJFEJsLxy/v9+v1qULkGa7kjs1JhAKKZ0"
    "kXml6Up8fWf83QfgRb1eetk+MJDTJrPBHK72Io8eL8TmyV57qyBfFxQutVszu66qUg3J2t"
    "ZGbjw95au9nqnCEJLu09a4eFMzIsnLm+ard1PYxm3HWBjB6p1Wxe6jbGIbInxNmUMpnqs9"
    "Pr5eOqBH2xQaoEfRXYVYHdKw3sGkRQu1/LieiCnv1poRyOZL4XwRUjWn2UdrPCnkciwq+v"
    "zBr5xFQ22aGcM/hZyhdS9UNVAuFAfAfRXUqWCq6ocvnz4ixVTKXKUpXMUq31pPC3/wPkyv"
    "pY"
)
