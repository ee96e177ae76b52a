from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "scheduled_posts" ADD "handed_over" BOOL NOT NULL DEFAULT False;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "scheduled_posts" DROP COLUMN "handed_over";"""


MODELS_STATE = (
    "eJztXF1X4zYT/is6uSk9h24hywJlrxLIbtkuCYekH6dlj49ii0SNLaWSAuTtu/+9I9mOv7"
    "NxICEJvoJIM7L8jCzPPDPyvzWPO8SVbz5w4XWJlJSz2hn6t8awR+CfvO59VMPjcdSpGxTu"
    "u0b+DgQt6UuaHtyXSmBbQecddiWBJodIW9Cx8q9VayBBxlwopHURZWgs+EDAEPp/jFyKqe"
    "TsOwnt9B4rguwhVu+RnIh7ek8kaEuFhZJv9OUcbsP1KBs8+8gTRv+ZEEvxAVFDImD8v75A"
    "M2UOeSQy/DkeWXeUuE4CROroAUy7paZj03bJ1AcjqCfdt2zuTjwWCY+nasjZTJoypVsHhB"
    "EBE9XDKzHRYLKJ6wbgh/j6M41E/CnGdBxyhyeuNonW9icQtdUsq93pWd1Wz7JqGXOFGjGc"
    "gyYbLA6mhqlKc/cDPYUf6odHJ0enb4+PTkHETHPWcvLVv3QEjK9o4Gn3al9NP1bYlzAYR6"
    "BOJBFWHrJNOigEN6b0bYRDPDcd4p/q9bdvT+oHb49P3x2dnLw7PZhhne2aB3rz8qPGHQQ4"
    "PLL+Ax0aIgIeA0b2NIv7+RCLfNQjjRTocDPLgB42RKhHW8s6YPfwo+USNlBD+Hl4PAfR3x"
    "o35z83bvYOj79PwtoOeuqmKwmw4iPCyuA7U9hBeE8XQPe0ENzTNLbhGyAL76dup50Pb1wn"
    "hbBDbYX+D28SudTu8cJIz4FWo6FH9qT8x41junfV+CMN9/nnTtOAw6XSSIUDNFPgewAi7A"
    "Wld+2k3lIbd7AtbwryL7Nzu1gqazKGV2p5G2R1n+cFuoghDnbKCsanJI6FVdYCF4Ccoh7J"
    "t0FSM70VBapvwn+2cEOqCYKdDnOnwRM7B+ve5VWr22tcXSd2qYtGr6V76qZ1mmrdS7+FZ4"
    "Og3y97PyP9E/3ZabfSm9lMrvdnTc8JTxS3GH+wsBPz+cLWELWE1f1HZxmrJzUrq2+K1UOM"
    "YmYPZh9ZfSD4ZJy71xZutHGV9W2xGx4I6tD6bpQbBxq8svh+4ILQAfuFTA3MlzAlzGySg2"
    "pAcXwMx9kyeL+GCyhsjTYkgR9mbERiXcHdwz0T5ccVje5546JVMyD3sT16wMKxEmjrHl7n"
    "qZaZbLbLq3vpFszAhXOC29CTTuCewznNDFLMNpl7WphmgiUx4mPqORjZnAuHMqw7kRnFcD"
    "8IMwdRJZEkSgHouZzSssNUBNJmEUjaUqXd4JhSRSAt6QArqlxSit8IFdbHb9Rqq4I8wW7U"
    "371bgN8AqUKGw/Ql8RVkAJOyzM8SKKfUlsJ608LsJNgHB4uAfXBQDLbuSy9mj1j/46zkgo"
    "4prXFRNyTFP37CIwgj8XoW+PHRApAfHxUirrtSJAa3cbntI9JYI9TUWQ/Az8yPgldoq2V2"
    "j4xitX8stH+MuevCFCwH56RUNDFQwEkn1eaxAtsH+xyUdVCfQVAqS99tOVI/ofUkWn970F"
    "sJqw9RF73P2SuanLsEs4KU4EwpBX0ftFa1KYeu9XpBb3Y6nxOgNy9TLnL716tm62bv0FgA"
    "hKgq8JxtQZYkEZOaFYm4KSRiRR2/RqsXUccZmrOYkouWR6bkKrUNB+offrkhrmGqijnQVJ"
    "nXli2GIiY0GT74RV9PBOqzP8quguSXzT0RoxszyK5CJO0hcSYubK76uX8iVN1wsGu+zYUk"
    "WcRWmTi4ZH3++Kt5w9Vy0gfx7v15SQSqBYPShkVzCQz58gjrKlGbgC/roDvBPdSDQHggsL"
    "ePRmSs0IQp6iKq0BAk+4Qw+Ic5YOmczMIzDHrLblkorKteB0RJhGcDc2YTpIYE9bmCq4yk"
    "ljENjDwq6CZyHz0MqT1E173mLXM4kfq3SxDBwqVEGBmEBUES5uDC1WH24eXPEEa2wHKo62"
    "v7RD3oqT3wievcMpdLc2nvDfpdUKWIloCr60asECydOyo8P5Oi0yewBbl4CgBAp6l72Nfa"
    "t8xYC3l4BNMg90RMw3sL5vDe3I6EtYAoKAtB7/UM8QCWJaISyREdjwP4n5CRWbKKZgUFNK"
    "8mgVCcyRnjqctxjil6sKoLwv9IZSeKJuc5vq0/evOD/pnf+7nT/hiKp5mAZCQaPG0lo/6Y"
    "1hrD/lnL1sb94dtgiRAwpbqeGHCtW9B2hoBFgX+JEHCVzlUY4OQ4VrHYp9ipiodZi9RmjI"
    "kAcfA1eHBmx3dNwNtA/ukB7VLoX36VxZ7+Vycs9cjGZ4ABwkG0+2DEvs8r31jhlXL8ib+i"
    "+qTw7MmXqurj1R8bemna7EXqPsqmFJ+USdw4yJOHhuqL5G1BqvjYUD2Tu9WrtCzGcZ3dy9"
    "g+f/VBdfhtxYff4D5V6eKDhNIuwrxQ5cHhnMqDw2zlgVRYTXKISw1zi028TN10+ixKoL3G"
    "opoxYY5GrRzotetW++Ky/fEMBfq3rHF9fdP5rXVxhsCFFRzio1t20/rUOu/pNkH+Jrby26"
    "58MUE8LZX2J1/mGREEMJPKWvY8Xb5+da5uWcfGITZ1IMTu57wY5tkhqVfhvyz+VVlEsUF2"
    "ix2pyiJ22erVibrqRN0GwLvtJ+qCwosc6jYqyShmbmO1H98mbjuMIDnpezqh6yAHU3casK"
    "rvEdbfT9J9pp4oSss6eAo6mkElMJppjyWXs5Ttiq7x7eRvjLv1r2eFxQT2RAgC6+JLxd2u"
    "k7utyJeVB5aJZb7oYYSU2hMPI2wa6OVOI1T5hZf7vI2fcyzNHqb1dnGrWEm+oaJqc5BeBV"
    "WLmXwAXyaLc/H5pphK9c2yJ5xumnmey3yvKaW7g0zD9jILWUIp9Oqzr+55NW0xreoo2+Il"
    "bRWPU/E4FY8zl8dJngrJoXMyx0aKWZ2c4yoLsjuhItKKpvjN4LWPRmBWUwFnvq+gKZczQ7"
    "QIYnPh+GX9fp0+VYg8wpXcqTmBUEDxrOhC84vy9Nj6rxnaj2Cr+ryX5HhCgywaT4TyuxhK"
    "PDu/E1vlua5sQXyc0HrV7I6ueikIdxcrmdn4sLfWbbV7Z0iCS3vLumHhjAwLZ64uu11dD6"
    "MZd10go0dqt1oXuo1xiOwJcTalTEafNoEXHr8noqRPn9KszqqUcOyrj3y/LAtalUUUG6Qq"
    "i6jC6SqcfqXhdIMIag9rOXF00LM/L4DGkcy34uZiRKtPAG9WsAn+Xfitm0XjzZjKJrvxS4"
    "acK/kerX6oSiAciO8guivJDcIVVW7Wojg3GFOpcoMlc4Mvej7763/Nrm75"
)
