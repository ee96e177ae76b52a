from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "groups" ADD "active_since" TIMESTAMP;
        ALTER TABLE "scheduled_posts" ADD "slot_at" TIMESTAMP;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "groups" DROP COLUMN "active_since";
        ALTER TABLE "scheduled_posts" DROP COLUMN "slot_at";"""


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
    "pBB2qK3Qv/AmkUvtHi+M9BxoNRp6ZE/Kv9w4pntXjT/ScJ9/7jQNOFwqjVQ4QDMFvoulsi"
    "Zj2NJJ6Z07q/s8G/giJjjYqf3b+DTEsbDKWuACkFPUI/k2SGqmH4VA9U34zxY+EDVBsNNh"
    "7jR4kc/Bund51er2GlfXiafkotFr6Z66aZ2mWvfSb4HZIOj3y97PSP9Ef3barfTDNJPr/V"
    "nTc8ITxS3GHyzsxHyOsDVELWF1/9FZxupJzcrqm2L1EKOY2YPZR1YfCD4Z5+61hRttXGV9"
    "W+yGByI6tLsb5cYhBq8svhAxEzpgv5CpgfkSpoSZTXJQDULsj+E4Wwbvt3ABha3RhiTwwy"
    "waTqwruHu4Z6J8v7bRPW9ctGoG5D62Rw9YOFYCbd3D6zzVMpPNdnl1L92CGYQhTnAbetIJ"
    "3HM4j5lBitkOc08L0xywJEZ8TD0HI5tz4VCGdScyoxjuAWHmIKokkkQpAD2X01h2mIrA2C"
    "wCQ1uqtBscU6oIjCUdYEWVS0rF16HC+uLrWm1VkCei6/q7dwvE1yBVGGGbviS+ggxgUpb5"
    "WQLllNpSWAeLd1PejSmwDw4WAfvgoBhs3ZdezB6x/uas5IKOKa1xUTckxf/5hEcQRuL1LP"
    "DjowUgPz4qRFx3pUgMbuNy20eksUaoqbMegJ+ZnwOv0FbL7B4ZxWr/WGj/GHPXhSlYDs6h"
    "9DUxUMCJJtXmsQLbB/sclHVQn0FQKkvfbTlSOaH1JFp5e9BbCasMURe9z9krmpy7BLOClN"
    "RMKQV9H7RWtSmHrvV6QW92Op8ToDcvUy5y+9erZutm79BYAISoKkr9GdQsSQMmowyNmNZ9"
    "BiJxexb+hvOGWbrYFmRJujipWdHFm2L2KknwGq1elCTIENrF5Gu0PDLFXakXbqD+4Zcb4h"
    "pOspjtThWUbdliKOK8k4GiX172RKA++6PsKkh+gd4TMboxg+wqRNIeEmfiwuaqn/snQtUN"
    "B7vm21yykkVslSmiS9bnj7+aN1wtJ1EU796fly6iWjAoYlk0a8SQL4+wrke1CfjQDroT3E"
    "M94pKBwN4+GpGxQhOmqIuoQkOQ7BPC4B/mgKVzckjPMOgtu2WhsK6vHRAlEZ4NzMHLR2pI"
    "UJ8ruMpIahnTwMijgm4i99HDkNpDdN1r3jKHE6l/uwQRLFxKhJFBWBAkYQ4uXB1mH17+DG"
    "FkCyyHupK3T9SDntoDn7jOLXO5NJf23qDfBVWKaAm4um7ECsHSuaPC83NmOlEGW5CLpwAA"
    "dJoKl32tfcuMtZCHRzANck/ENLy3YA7vze1IWAuIgrIQ9F7PEA9gWSIqkRzR8TiA/wm5ty"
    "XrpVZQKvVqUkXFObsxnroc55iiB6u6gOiJVHaiPHOe49v6ozef3pn5vZ877Y+heJrzSXIO"
    "wdNWkt+Jaa2R4Jm1bC3DE74NlggBU6rriQHXugVtZwhYFPiXCAFX6VyFAU6OYxWLfYqdqn"
    "iYtUgVzpgIEAdfgweng3zXBLwN5J9T0C6F/uXX0+zpf3VqWo9sfAYYIBxEuw9G7Me8Qp0V"
    "XinHn/gSVaKFp1y+VvU9r/6A0kvTZi9S4VM2efyknPHGQZ48nlRfJEMPUsUHlOqZLL1epW"
    "UxjuvsXm7++etMqmN2Kz5mB/epSpeZJJR2EeaFakwO59SYHGZrTKTCapJDXGqYW2ziZSrk"
    "06eOAu01lk+NCXM0auVAr1232heX7Y9nKNC/ZY3r65vOb62LMwQurOAQH92ym9an1nlPtw"
    "nyP2Irv+3KFxPE01Jpf/JlnhFBADOpLI9ICdtLaXcmX38pz2bTtv8XcWwcYlMHQux+zoth"
    "nh2SehX+y+JflUUUG2S32JGqLGKXrV6dnazOTm4AvNt+djIovMihbqOSjGLmNlb78X3its"
    "MIkpO+pxO6DnIwdacBq/oeYf2lJt1n6omitKyDp6CjGVQCo5n2WHI5S9mu6BrfT/7GuFv/"
    "elZYTGBPhCCwLr5W3O06uduKfFl5YJlY5oseO0mpPfHYyaaBXu7cSZVfeLEwMMg5lmYP03"
    "q7uFWsJN9QUbU5SK+CqsVMPoAvk8W5+CRbTKX6OtoTzrHNPM9lvsyV0t1BpmF7mYWc01WB"
    "V599dc+raYtpVYcWFy9pq3icisepeJy5PE7yVEgOnZM5NlLM6uQcV1mQ3QkVkVY0xW8Gr3"
    "00ArOaCjjzJQ1NuZwZokUQmwvHL+v36/SpQuQRruROzQmEAopnRReaX5Snx9Z/zdB+BJuu"
    "z/uS6awYn3UxPqF5Fo0uQvldDCyene2JLetcx7YgWk5ovWquR9fAFAS/ixXQbHwQXOu22r"
    "0zJMHBvWXdsIxGhmU0V5fdrq6O0fy7LpfRI7VbrQvdxjjE+YQ4m1I0o8+ewOuP3xNR0sNP"
    "aVYnV0q4+dKFZbBE5BypVV8k2eSYedkStKr07Hk476oIptggVRFMRZ5U5MkrJU8aRFB7WM"
    "thTYKe/Xl0CY5kvseSFCNafdp7s8gE8N/DLxstyifEVDY5TFuSUljJd6b1Q1UC4UB8B9Fd"
    "SSYYrqhyc1TFmeCYSpUJLpkJftHT+N/+D0ypMrQ="
)
