from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "output_requests" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "first_day" DATE NOT NULL,
    "last_day" DATE NOT NULL,
    "charts" JSON NOT NULL,
    "message_id" BIGINT NOT NULL,
    "requested_by" BIGINT NOT NULL,
    "requested_at" TIMESTAMP NOT NULL,
    "state" VARCHAR(16) NOT NULL /* MAKING: making\nSENDING: sending\nDONE: done */,
    "handed_over" INT NOT NULL,
    "busy" VARCHAR(40) UNIQUE,
    "updated_at" TIMESTAMP NOT NULL,
    "group_id" INT NOT NULL REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_output_requ_group_i_79aa15" UNIQUE ("group_id", "message_id")
) /* A request for an export, charts or a brief: the record that answers it once. */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "output_requests";"""


MODELS_STATE = (
    "eJztXWlz2zi2/SsofUm6Sp2XOM4yzqtX5cRKj7sT22O7e6YmnmJBJCyxTQFsArSjmdf/fX"
    "BBUuIC0iS1UTQ+pMoBcEHqYOHFuQv+M5gxh3j8xWcWzK4I5y6jgyP0nwHFMyL/0FUP0QD7"
    "/rISCgQee6r9rWxo8ailqsFjLgJsC1l5iz1OZJFDuB24voieNThGAfFZIBDIIpciP2CTQH"
    "YBf2PkudjljD7jsty9x4Ige4rFB8TD4N69J1xKc4EDwV/A4xxmy+e5dLL2nkPq/hESS7AJ"
    "EVMSyP6//UsWu9Qh3wlP/uvfWbcu8ZwMiK4DHahyS8x9VXZKxWfVEF56bNnMC2d02difiy"
    "mji9YuFVA6IZQE8kWhexGEACYNPS8GP8E3etNlk+gVUzIOucWhB0MC0tELLMsGlnV2fm1d"
    "ja4ta1AYrkQihXNcZMsRl0MtX5WrXz+BV/jx4NXhu8P3r98evpdN1GsuSt79GT16CUwkqO"
    "A5ux78qeqxwFELhfES1JCTwNIh+9GdlIKbEnoc4QTPrkP8l4OD16/fHbx8/fb9m8N37968"
    "f7nAulhVBfrH058Ad9mAySUbLehkIJbAY4mRPS/i/mmKAz3qS4kc6PLHtAE9KViivtxatg"
    "H7DH+3PEInYir/++ptBaK/HV9++uvx5fNXb3/IwnoW1xyoqizAgt0R2gTfhUAP4X1fA933"
    "peC+z2MbfRAsuauQIsInslSPcE4shzMUC3dGXiT1jyAe7xFdAbwC4ZPj61EOQZsFAbEFdF"
    "jcehnzCKZ6DLOCOQjHUnJTc3VRsl3sPp6ff4GeZ5z/4UXba25vPfv168eR3BzU9JWNXFGy"
    "5SZ6SxHxn6/Oz/Rwp2Xy89W1Bfp/qf/wVt+87k5XQCMDebITPP96/I/8JvHpy/lHBQ7jAp"
    "BKOviYA9/DXFihD2u7sb5RlF2P2lFnCF72SutQmjhxLCz0+zbsv/oxyEpWbd3wxx4uCPl1"
    "ws459ebxp6UC6+vTr6Or6+OvF5lVArs81Byo0nmu9Hled1l0gv5+ev1XBP9F/zw/G+UX06"
    "Ld9T8H8E44FMyi7MHCTkpTTkoT1DKjHi2dNqOelTSj3pVRTzBKDXv89stRnwQs9LV7belG"
    "mxbZ3hbb8eMzEBK3d9rTs8KriO9nFhB3Qn8hcwXzqXwlTG2dzhsTQz8l/ewZvH8mEygpXW"
    "5IAX5YcDiZeSV/vfzNJFLSPh1ffTo+kcoxgDzG9t0DDhwrgzbUsAOWK1m0LVbNDmb5Ekzl"
    "4dmJfwa8dAZ3DVO3GJByjk79ptrknJwSd8x3Zw5GNmOB41IMlUj1ohgzhKmDXMERJwLUey"
    "0T17YbQ7t1i3aDkWqsBqeEDO3WUgEWrvA0nEUFK5QIbI8VGgw2BXmGEzp486YGKyRblfJC"
    "qi7PDE3kS1nqvw1Qzom1wrpjfFAO7Jcv64D98mU52FCnBduWH6cWYCdiGwJ7q3vJhrnkGD"
    "GP3BOvBdILuf7N6w3w9vIgaf2b0Ya7dEpoizv1MXfx//yM73Ag8HZ27beHNQB/e1gKOFTl"
    "mDlm42bfxKXEFqF2ne0AvGZTiTzq2KLNJ7Eg2L/NYyMfRZ95nnwFy8Ea62q5bSon9pRtU8"
    "BDWfBrm1lKMlIr2Ur2B72NmEqwXPf3mr2i0i64FNqiTTDR8fbWJBihZnE3pueacON52TWw"
    "4/sz8TtOhhdtIOS7L7+nYMoANxq32d6mFTZb3CrWYEEsW47X7W0jxTMr1j+NqA4jU87HFN"
    "gYfuf61pR5rtRqNBO+8oNSkDW+Jg0+LAvt3ZergGjsrjUU/6Vo/yb664MaM/31QelUh6qC"
    "a8NEbg6xe1TsN113g9cKmw2+/QZvB6Sly0FW0rgcdEXL6p+jyVYZ6v0c9DI/k4JPRLn9fj"
    "k7ClEtOW0kFv/8yyXxlFlbMxX0kTR7tgOUuU1kVWSX3nFL517SBCjlyPBFdtVvmBz2oPH1"
    "N0Cl/TjkwdUhILESTqdxN32HyXICfLsusE6gr74iJo+Q9zo6pQlQX6CP3gIURUiuClHUS1"
    "9BYqHwQ2EFRL4yX3XdnavOLqO++oqYj0O+6rq7gD76ClAUbrYiQpeqk75CxO0pcUJPHrzg"
    "ULAiVFdJZxesX6tu4y7ISu8sc0NOlNJHXJEtpQmrhjX8kT32QILIbfgZhOirnRIJhn5nKq"
    "o/cijGY3YvxcGlWEwJgicgRm2i/hf6ftIFwrZNfH3ygA096Ybe0BMsMLqVD+AIamRvvh/I"
    "fpxE3psfFTrghPDoGerFGCXP+A2N9wr0XL7BUFbLppMpcgX8zThB7FbJRE7fqnv5lDGRfc"
    "hGP7xAx1HVDZ1ijrBAM7kEoO/oTeRjBfhmuwsApDQLFu/7AQXwI1QbIie/c0NlrXw9Itv/"
    "rkxPiAs8R7LzqcsFC+Y13bq/DdRvV3S1AN8FWf9toH56qsw4f2/T+TsCvYArWARGNJwVYk"
    "byTLU2enqTrleLOTtohvjgcvS3X0dX16OTo+W8v6HHFxeX579BYTL/b+jl6OfRp7hhNOFv"
    "6OjsBArUgshvLLvyA41/hDXWOBdV+e7nJfsUXbVlF/4YSmtGOAerTdMwCr18qwHpmJFnN+"
    "PhECA5mi+JrJzBvy3+an9sjH5aymDfFntj5iwfkP20ePXPzGlGvb2dMxsn8VCSK608cUlK"
    "pE8a34pHo/RK8ptimhYxmD6eo2Bx1jc5CipzFKTXqj5HQWHiGlQfRTW9WruU+eGUjtn3X9"
    "XXeKAhXtPVwyrq1YWGcW6quuQrRVF7YPMCYhMXGMvbgM3QtYRnEuDZEN0RX6CQCtdDrkBA"
    "Ko4JofIP6njE0fCsa+gUKNWkMSR7nRDBgVWNO17QsWMm5FPuOLRRBZR8V2QnH6KHqWtP0c"
    "X1xxvqMMLh/x5BBAeeG5GtsseAIC7fwZNPl2+fPP4IYWQHmE8hreyYiAd4tQcWes4N9YCC"
    "lU+avUB/D1whCLSQTycRZSpn4a0bzKJUGEAhB8T38FwCICtV4iqgcckNVaOFZvhOvga5J8"
    "E8+W3xO3xQP4fLuYBcKRwE7j28IZ7IGQ7kLfhE+zH8K6TUaJkGbQMZ0LrAs27lyFbOxvp4"
    "7jGsGYprOatLQt2WIr3IFVqlpI/+cZ3RzwvOwQsd/cv52U9J87zHcFbri1ebZvZXBSSkpE"
    "woQoNQhORr0OK4mhM1brkdOa6WkRQN3HI3q1zFPoJazWrpP1ilVqWcFesnv5df/ERyKF9q"
    "NiaBLEoZj6VuMJfKyFCqLh4o/A6YZiONyJHKSXny+7X0rFEZvi1zyIH4QK0W6D0y1MYPD6"
    "x0nnZwo46SVf+rYO1d9AZ2wpBHvSwKmW2HQRCtZ2P03arRNxndmrAmzQ3DofmixSukPppL"
    "AYOnzoohf/qEBY1uI0jL9EIJ3rTvQBg0vvEhJdJDiNecaOeO2Hgmd99Gdz5khHqI8ataGX"
    "ZeVWTYeVXMsCPfDDcBOWlv8K2HL/jZilCX0++zx3BpjvylUA7oW5CqAXXHLPpVSYvOf/34"
    "ZYQuLkefTq9O4/DlxeFLVWZPxZej4y+FtGd00gLmtJTBuQbO6TNHAelq+iEn2kNz+Z7wDR"
    "rzeNErIjkot+KZMqJmoDs90GkICgNdzprnxHqhDWybOdfyQQ08X4vSfToQb90ROYazebbr"
    "nGAv1kJOMz6oc76Trco144PCGW/rlyZ2TFXbOEdBXdF4NmeEepclfyMnPH/KBGuWXXUhYW"
    "6hWyEtVWwVaTC7lxJbnNpjHIRbmt5r30MiwNrdMLcUNEeATh8BUjbIBmspK9VDpWfNlLYP"
    "16Zb4Peic5YpVfPzYr25LHNtBq8IIcEE1lzn8QiuC6keRU2tDdi2MZkmFnNN8WiMioB5rW"
    "Nj9fJmPNqOh+9S2tjRcSlk/Bwb+Dma+043Hktk7jtFtaJeVrnvNHNJJJ2smuEr8bf8pDrr"
    "EeYbzcqUQ63Cj3WJ6+PerFZqRB93aj2nECdDfMg9hOnC/fQZj6JVJGZH6MSVK22CqQvZhK"
    "7kNOPYHaIHV0zRw5RBOA6JImIwokxo/Fs39RCtq2vK7AANS5xYjV/qtpMRdZ8R22NOHWZ6"
    "EzNp0r4X4G7bPtrKLGqsoes46jQ1Gxnbp7F9dmmfNrbP7dg+mxuGjEVoDyxCKYW+yUcgI9"
    "XDT8GaLUKRUcdi97rwp0ejp1OShllswCwaq8ZuVcsFf9KMAchK9Um13xS/66aCs1ekeHt4"
    "T8wwx/LmJli30hulL56poC8XN9PUYC+XN+LUSnKUyMUR9EAeRrHxP4a+Igrj/D8PcUYflQ"
    "3eD9x7SMhjT7H4gHgY3Lv3BDIaqTQ+ugTzG3oQJEMCcpTdIoLtKbqTk1HF+8t/nFHIVkTJ"
    "Q/JIlXDIJlG6JHrrUpdPIcW76uCGLrIKRcJRnnvOkEqRFHVUmzmFFzGc6U45U8My7UwVUL"
    "Nfe8B4PHV+ItvlY8bgcnRxfnl9hDwsNxYsNyHZeHSEbDkX4zDlHR9BGp/xzPGuNrZ+wOBM"
    "3swzPCVjfMNX8A034TyG0jaUtqG02yRs4MJqmdSzKNsbd+0tq4YCe968teerTtowdquOhe"
    "Niq8RpsEJh1An3b79/e1hjJ3p7WLoRQVUh9KplAoaspDG1ddrUZq4fKV9h+5nPVTPshetH"
    "jHu7cW/viOFjFff2TVo9olvkNdaOxfXy5VaO5S32ta7PjS5jf8aRkjuK7zlwBQpCqq6Xna"
    "t7DigTaEYoCBJnGDtJw/RxfnQpmuE54iS41+Yd3sQj6twXu1gE6mTi4LnJFGysC0/k2HLr"
    "BvGc1ypWeugzQlU61R4OQ1VuQKkT6XiQhuilZZ40eJyIxpd4LmXMom+96M0dnuUDsp/HKX"
    "OH51McdXOINofoDsC794fo6Nw50B2j46ph5UE6alT7KB25xEEkcexMF90rCK5zkbUX/PXg"
    "f9FFO8/hz4BMXOhZXfi3dMpTh1/V7AfdiXqDT6q+2Sc5nBmvPXOu7sbmb2JDe+VIA7O0sZ"
    "9HSsYYVx83rm7dWanj8/hJeyttD+ZN+CtV5fx43I16JxlxfUIdQK0Z6IOL0dnJ6dlPRyiW"
    "v6HHFxeX57+NTo6QVGEDdk+cG3o5+nn06RrKAvI7sUVU9jVqFpAZtMrrk7tZIwGRmHHR2s"
    "tJL2/8nNoqNg6B0COnMXGblTP4t8Vf2Tktl1ryINfgyJQX69EArC2V6wIjdYltE5NOUXJF"
    "w07HkG5m1zHmhfIpu59EszEvPMVRN+YFY17oALz7bl44D4UfisvoHDLQGBmyDYZVpgamml"
    "rxoaa2xSFur8h/TBH5DraAIWQCAJMAFKJx4JLbI3Cyk61tFjjyTyxka/5AAg5OeEzOLp2R"
    "Yb2dV9sVUqc4Y1rYpWmhPCpdj+s+RKJ3hhc0TnnGKW9X4EXbdhG68nD8pcT2g/EH/3sbUl"
    "uZqseh6wmX8hfwvP9rSJuuA8yNhOjvMBFb1+bxrq48VdpNC8YzL2kGYQ2D0Oam7axsD/mF"
    "/eUTijQS2NpK7KH1DHXbzuIww3ctzHRfj39RVrpI+oZeJWY7npjtTiTAR8hhlHTDEGcSse"
    "4iEes45I08MJL2a/Fv2e0JNjOfD+s4BRyW+wQcFlwCDF9dDr3hqw1fbfjqJ8pXX+CQk4GG"
    "p44qhlX8tA9N6jvCQ2vINwvEsILjGUcPLLiT78QQt6fECT3iINgD+BDivqeQ1ZZ895XLEn"
    "oOcr8TByObzeTvcfRO8Jt5yuOR5YaR3iYjHWUxbpsJyNzC3sGvd/F0KA9HbYY4JbaGAX7c"
    "OWeb66pPw9vY8cr4Wx2ZOHoTR9/BAdnPI6RxdHuKo26IA0McdADefScOLlWI+UDDHMQ1wy"
    "rqIA5Qr8cdqEu8w/EMrrdxkINdbx5HuH9AGK60gTrOwS9gcRONA4nhQohmJ7I3VU5w4LlE"
    "BcSXXBS+/mc0ykgXPc9KtFg7DAK4Ycrkp9sqtWACYTce5JeZ5nVPfzmxJ+23ZXI97OwYGO"
    "d/aRzJnZfr41axkdwPJmxeg/RGbq6OHPSLOJd7g6ZEzN1MKzh+LjTPNhaNnGwPmYb9ZRaK"
    "hJKnVXsqXao8vcpjfKmqfKmS01MzqFNSW0Q7OT7tLdiGLzN8meHLKvmyq8T15ILpA0OzDY"
    "ZV7NnCjcVSbiwNWLSM/4tK+KjwGkb3P0PWR4/Z2ANqqxjBOcN3RMVvku/ySd68JEh0kw+q"
    "DhhN4g5V1xFTkA8c/VaoNMyaCSPtAauWmtbaA0SJapmRetKc2r7FojQHbnA1OrtWQSdCF4"
    "Py9fTqCjLCgZ0DUsRBT2ej0QmUUSYsSojTlURxJj5lF2o+9+Q0aMFQLMW24pDXlU1m77iJ"
    "HcYfd2xUd2NbMM5G5QNinI0MeWLIkydKnhyTwLWnAw1rEtcMq+gSvGzzGEtSjqiJAOoWmS"
    "D1d/DGasInpES6fExrSSkcvHlT45QlW5Ues1RdzibsN7raPm7eQ3Q3YnGXTxRaG1VF/qWl"
    "iLG4N7S4FxSEbX7M/vwvDUrPHQ=="
)
