from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "form_sessions" DROP COLUMN "message_id";"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "form_sessions" ADD "message_id" BIGINT;"""


MODELS_STATE = (
    "eJztXFtz4rgS/isqXjZblZ2TMJkkJ/MECTOb2QmkAnupnUy5hK2ADrbESiIJuzv//bRkG9"
    "8ZTAIB4iew1C3Jn2S5++uW/6l53CGufPOBC69LpKSc1c7QPzWGPQJ/8qr3UQ2Px1GlLlC4"
    "7xr5OxC0pC9panBfKoFtBZV32JUEihwibUHHyu+r1kCCjLlQSOsiytBY8IGAJvR/jFyKqe"
    "TsBwnl9B4rguwhVu+RnIh7ek8kaEuFhZJvdHcOt6E/ygbP3vKE0b8mxFJ8QNSQCGj/y1co"
    "pswhj0SGl+ORdUeJ6yRApI5uwJRbajo2ZZdMfTCCetB9y+buxGOR8HiqhpzNpClTunRAGB"
    "EwUN28EhMNJpu4bgB+iK8/0kjEH2JMxyF3eOLqKdHa/gCisppltTs9q9vqWVYtM12hRgzn"
    "oMiGGYephqFKc/cDPYSf6odHJ0enb4+PTkHEDHNWcvLN7zoCxlc08LR7tW+mHivsSxiMI1"
    "AnkggrD9kmHRSCG1P6PsIhnpsO8X/r9bdvT+oHb49P3x2dnLw7PZhhna2aB3rz8qPGHQQ4"
    "PLL+Ax1ORAQ8BozsaRb38yEW+ahHGinQ4WaWAT0siFCPtpZ1wO7hR8slbKCGcHl4PAfR3x"
    "o35z83bvYOj39MwtoOauqmKgmw4iPCyuA7U9hBeE8XQPe0ENzTNLbhGyAL76dup50Pb1wn"
    "hbBDbYX+hTeJXGr3eGGk50Cr0dAte1L+5cYx3btq/JGG+/xzp2nA4VJppMIGminwXSyVNR"
    "nDlk5K79xZ3efZwBeZgoOd2r+NTUMcC6vsDFwAcop6JH8OkprpRyFQfRP+2cIHoiYIdjrM"
    "nQYv8jlY9y6vWt1e4+o68ZRcNHotXVM3pdNU6V76LTBrBP1+2fsZ6Uv0Z6fdSj9MM7nenz"
    "U9JjxR3GL8wcJOzOYIS0PUErPuPzrLzHpSs5r1TZn1EKPYtAejj2Z9IPhknLvXFm60cZX1"
    "bbEb7oho1+5ulOuHGLyy+ILHTOiA/UKmBuZLGBJmNslBNXCxP4btbBm838IFFJZGG5LADz"
    "NvOLGu4O7hnony7dpG97xx0aoZkPvYHj1g4VgJtHUNr/NUyUw2W+XVvXQJZuCGOMFt6EEn"
    "cM/hPGYTUsx2mHtamOaAJTHiY+o5GNmcC4cyrCuRacVwDwgzB1ElkSRKAei5nMayzVQExm"
    "YRGHqmSpvBMaWKwFjSAFZUuaSUfx0qrM+/rtVWBXnCu66/e7eAfw1ShR62qUviK8gABmWZ"
    "yxIop9SWwjpYvJvybkyBfXCwCNgHB8Vg67r0YvaI9TdnJRd0TGmNi7ohKf7PJzwCNxKvZ4"
    "EfHy0A+fFRIeK6KkVicBuX2z4ijTVCTZ31APzM/BxYhbZaZvfIKFb7x0L7x5i7LgzBcnAO"
    "pa+JgQJONKk2jxXYPtjnoKyd+gyCUln6bsuRygmtJ9HK24PeSlhl8Lrofc5e0eTcJZgVhK"
    "RmSino+6C1qk05NK3XC3qz0/mcAL15mTKR279eNVs3e4dmBkCIqgLL2RZkSRIxqVmRiJtC"
    "IlbU8Wuc9SLqOENzFlNy0fLIpPyktuFA/cMvN8Q1TFUxB5pKM9qyxVDEhCbdBz/p6IlAff"
    "Zb2VWQ/LStJ2J0YxrZVYikPSTOxIXNVT/3T4SqGzZ2zbc5kSGL2CoDB5eszx9/NW+4Wk74"
    "IF69Py+IQLVgkNqwaCyBIV8eYZ2laBOwZR10J7iHeuAIDwT29tGIjBWaMEVdRBUagmSfEA"
    "Z/mAMznRNZeIZGb9ktC4V11uWAKInwrGHObILUkKA+V9DLSGoZU8DIo4JqIvfRw5DaQ3Td"
    "a94yhxOpr12CCBYuJcLIICwIkjAGF3qH0YfdnyGMbIHlUOd39ol60EN74BPXuWUul6Zr7w"
    "36XVCliJaA3nUhVgiWzh0Vnh9J0eET2IJcPAUAoNLkPexr7VtmZgt5eATDIPdETMN7C8bw"
    "3tyOhLWAKCgLQe/1CPEAliWiEskRHY8D+J8QkVkyi2YFCTSvJoBQHMkZ46nLcc5U9GBVF7"
    "j/kcpOJO3NM3xbf/TmO/0zu/dzp/0xFE8zAUlPNHjaSnr9Ma01uv2zkq31+8O3wRIuYEp1"
    "PT7gWreg7XQBixz/Ei7gKo2r0MHJMaxivk+xURV3sxbJzRgTAeJga/DgzIhvmoC1gfzsdW"
    "1S6Cs/y2JP/9UBS92ysRmggbARbT4YsR/z0jdW2FOOPfElyk8Kzz58rbI+Xv2xlZemzV4k"
    "76NsSPFJkcSNgzx5aKW+SNwWpIqPrdQzsVu9SstiHNfZvYjt82cfVIevVnz4Cu5TlU4+SC"
    "jtIswLZR4czsk8OMxmHkiF1SSHuNQwt9jEy+RNp8+iBNprTKoZE+Zo1MqBXrtutS8u2x/P"
    "UKB/yxrX1zed31oXZwhMWMHBP7plN61PrfOeLhPkf8RWftmVLyaIp6XS9uTLPCOCAGZSWR"
    "6REraX0uZMvv5Sls2mbf8vYtg4xKYOuNj9nBfDvHlI6lX4L4t/lRZRPCG7xY5UaRG7POvV"
    "ibrqRN0GwLvtJ+qCxIsc6jZKyShmbmO5H98nbjuMIDnpezqg6yAHU3casKrvEdbf79F1Jp"
    "8oCss6eAo6mkEl0JopjwWXs5Ttivr4fvA3xt36/VlhMoE9EYLAuvhacbfr5G4r8mXljmVi"
    "mS96GCGl9sTDCJsGernTCFV84cXcwCDmWJo9TOvt4laxknhDRdXmIL0KqhYz+QC2TBbn4v"
    "NNMZXqm1lPON00szyX+V5TSncHmYbtZRayhFJo1Wdf3fNy2mJa1VG2xVPaKh6n4nEqHmcu"
    "j5M8FZJD52SOjRSzOjnHVRZkd0JFpBVN8pvBax+NYFpNBpz5voKmXM4M0SKIzYXjp/X7ef"
    "pUIfIIPblTcwKhgOJZUUfzk/J02/rXNO17sOn8vC+ZyorxWRfjE07Pot5FKL+LjsWzsz2x"
    "ZZ1r2BZ4ywmtV8316ByYAud3sQSajXeCa91Wu3eGJBi4t6wbptHIMI3m6rLb1dkxmn/X6T"
    "K6pXardaHLGAc/nxBnU5Jm9NkTeP3xeyJKWvgpzerkSgkzf9kUpSo16Xk40SpJonhCqiSJ"
    "yrmunOtX6lw3iKD2sJbjVQc1+/PcaRzJfM+LLka0+iDwZjmbYN+FX75Z1N+MqWyyGb+ky7"
    "mSr9Pqh6oEwoH4DqK7kkgh9KhyYxjFkcKYShUpLBkpfNHT2t/+D+2P/bY="
)
