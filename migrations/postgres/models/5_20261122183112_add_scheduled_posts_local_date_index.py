from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE INDEX IF NOT EXISTS "idx_scheduled_p_local_d_78be4c" ON "scheduled_posts" ("local_date");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_scheduled_p_local_d_78be4c";"""


MODELS_STATE = (
    "eJztXFtT47gS/iuqvCxbxc6BDAMc5imBzCyzQ0KR7KV2mHIptkh0YktZSQGyu/PfT0u243"
    "smDiQkwU8QqVuWv5bl7q9b/qfmcYe48s0HLrwukZJyVjtD/9QY9gj8k9e9j2p4PI46dYPC"
    "fdfI34GgJX1J04P7UglsK+i8w64k0OQQaQs6Vv61ag0kyJgLhbQuogyNBR8IGEL/j5FLMZ"
    "Wc/SChnd5jRZA9xOo9khNxT++JBG2psFDyjb6cw224HmWDZx95wuhfE2IpPiBqSASM/+Ur"
    "NFPmkEciw5/jkXVHieskQKSOHsC0W2o6Nm2XTH0wgnrSfcvm7sRjkfB4qoaczaQpU7p1QB"
    "gRMFE9vBITDSabuG4AfoivP9NIxJ9iTMchd3jiapNobX8CUVvNstqdntVt9SyrljFXqBHD"
    "OWiyweJgapiqNHc/0FP4qX54dHJ0+vb46BREzDRnLSff/EtHwPiKBp52r/bN9GOFfQmDcQ"
    "TqRBJh5SHbpINCcGNK30c4xHPTIf5vvf727Un94O3x6bujk5N3pwczrLNd80BvXn7UuIMA"
    "h0fWf6BDQ0TAY8DInmZxPx9ikY96pJECHW5mGdDDhgj1aGtZB+wefrRcwgZqCD8Pj+cg+l"
    "vj5vznxs3e4fGPSVjbQU/ddCUBVnxEWBl8Zwo7CO/pAuieFoJ7msY2fANk4f3U7bTz4Y3r"
    "pBB2qK3Qv/AmkUvtHi+M9BxoNRp6ZE/Kv9w4pntXjT/ScJ9/7jQNOFwqjVQ4QDMFvgcgwl"
    "5QetdO6i21cQfb8qYg/zI7t4ulsiZjeKWWt0FW93leoIsY4mCnrGB8SuJYWGUtcAHIKeqR"
    "fBskNdNbUaD6JvxnCzekmiDY6TB3Gjyxc7DuXV61ur3G1XVil7po9Fq6p25ap6nWvfRbeD"
    "YI+v2y9zPSP9GfnXYrvZnN5Hp/1vSc8ERxi/EHCzsxny9sDVFLWN1/dJaxelKzsvqmWD3E"
    "KGb2YPaR1QeCT8a5e23hRhtXWd8Wu+GBoA6t70a5caDBK4vvBy4IHbBfyNTAfAlTwswmOa"
    "gGFMfHcJwtg/dbuIDC1mhDEvhhxkYk1hXcPdwzUX5c0eieNy5aNQNyH9ujBywcK4G27uF1"
    "nmqZyWa7vLqXbsEMXDgnuA096QTuOZzTzCDFbJO5p4VpJlgSIz6mnoORzblwKMO6E5lRDP"
    "eDMHMQVRJJohSAnsspLTtMRSBtFoGkLVXaDY4pVQTSkg6wosolpfiNUGF9/EattirIE+xG"
    "/d27BfgNkCpkOExfEl9BBjApy/wsgXJKbSmsNy3MToJ9cLAI2AcHxWDrvvRi9oj1N2clF3"
    "RMaY2LuiEp/s8nPIIwEq9ngR8fLQD58VEh4rorRWJwG5fbPiKNNUJNnfUA/Mz8KHiFtlpm"
    "98goVvvHQvvHmLsuTMFycE5KRRMDBZx0Um0eK7B9sM9BWQf1GQSlsvTdliP1E1pPovW3B7"
    "2VsPoQddH7nL2iyblLMCtICc6UUtD3QWtVm3LoWq8X9Gan8zkBevMy5SK3f71qtm72Do0F"
    "QIiqAs/ZFmRJEjGpWZGIm0IiVtTxa7R6EXWcoTmLKbloeWRKrlLbcKD+4Zcb4hqmqpgDTZ"
    "V5bdliKGJCk+GDX/T1RKA++6PsKkh+2dwTMboxg+wqRNIeEmfiwuaqn/snQtUNB7vm21xI"
    "kkVslYmDS9bnj7+aN1wtJ30Q796fl0SgWjAobVg0l8CQL4+wrhK1CfiyDroT3EM9CIQHAn"
    "v7aETGCk2Yoi6iCg1Bsk8Ig3+YA5bOySw8w6C37JaFwrrqdUCURHg2MGc2QWpIUJ8ruMpI"
    "ahnTwMijgm4i99HDkNpDdN1r3jKHE6l/uwQRLFxKhJFBWBAkYQ4uXB1mH17+DGFkCyyHur"
    "62T9SDntoDn7jOLXO5NJf23qDfBVWKaAm4um7ECsHSuaPC8zMpOn0CW5CLpwAAdJq6h32t"
    "fcuMtZCHRzANck/ENLy3YA7vze1IWAuIgrIQ9F7PEA9gWSIqkRzR8TiA/wkZmSWraFZQQP"
    "NqEgjFmZwxnroc55iiB6u6IPyPVHaiaHKe49v6ozc/6J/5vZ877Y+heJoJSEaiwdNWMuqP"
    "aa0x7J+1bG3cH74NlggBU6rriQHXugVtZwhYFPiXCAFX6VyFAU6OYxWLfYqdqniYtUhtxp"
    "gIEAdfgwdndnzXBLwN5J8e0C6F/uVXWezpf3XCUo9sfAYYIBxEuw9G7Me88o0VXinHn/gS"
    "1SeFZ0++VlUfr/7Y0EvTZi9S91E2pfikTOLGQZ48NFRfJG8LUsXHhuqZ3K1epWUxjuvsXs"
    "b2+asPqsNvKz78BvepShcfJJR2EeaFKg8O51QeHGYrD6TCapJDXGqYW2ziZeqm02dRAu01"
    "FtWMCXM0auVAr1232heX7Y9nKNC/ZY3r65vOb62LMwQurOAQH92ym9an1nlPtwnyP2Irv+"
    "3KFxPE01Jpf/JlnhFBADOprGXP0+XrV+fqlnVsHGJTB0Lsfs6LYZ4dknoV/sviX5VFFBtk"
    "t9iRqixil61enairTtRtALzbfqIuKLzIoW6jkoxi5jZW+/F94rbDCJKTvqcTug5yMHWnAa"
    "v6HmH9/STdZ+qJorSsg6egoxlUAqOZ9lhyOUvZruga30/+xrhb/3pWWExgT4QgsC6+Vtzt"
    "OrnbinxZeWCZWOaLHkZIqT3xMMKmgV7uNEKVX3i5z9v4OcfS7GFabxe3ipXkGyqqNgfpVV"
    "C1mMkH8GWyOBefb4qpVN8se8Lpppnnucz3mlK6O8g0bC+zkCWUQq8+++qeV9MW06qOsi1e"
    "0lbxOBWPU/E4c3mc5KmQHDonc2ykmNXJOa6yILsTKiKtaIrfDF77aARmNRVw5vsKmnI5M0"
    "SLIDYXjl/W79fpU4XII1zJnZoTCAUUz4ouNL8oT4+t/5qh/Qg2XZ/3JdNZMT7rYnxC8ywa"
    "XYTyuxhYPDvbE1vWuY5tQbSc0HrVXI+ugSkIfhcroNn4ILjWbbV7Z0iCg3vLumEZjQzLaK"
    "4uu11dHaP5d10uo0dqt1oXuo1xiPMJcTalaEafPYHXH78noqSHn9KsTq6UcPOrT36/LCda"
    "FUkUG6QqkqiC6yq4fqXBdYMIag9rOVF10LM/L5zGkcz3ouhiRKsPAm9WsAn+Xfjlm0XjzZ"
    "jKJrvxS4acK/k6rX6oSiAciO8guivJFMIVVW4OozhTGFOpMoUlM4Uvelr72/8BhVhz/Q=="
)
