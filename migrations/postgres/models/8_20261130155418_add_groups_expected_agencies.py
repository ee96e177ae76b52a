from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "groups" ADD "expected_agencies" JSONB;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "groups" DROP COLUMN "expected_agencies";"""


MODELS_STATE = (
    "eJztXG1z4jgS/isqvly2KjeXMJkkl/lEEmY2sxNIBfaldjLlErYCOmzJK4kk3N7892vJNn"
    "5nMAkEGH8CS92S/EiWu59u+e+Gxx3iyjcfuPB6RErKWeMM/d1g2CPwp6h6HzWw78eVukDh"
    "gWvk70HQkoGkqcEDqQS2FVTeY1cSKHKItAX1VdBXo4UE8blQSOsiypAv+FBAE/o/Ri7FVH"
    "L2Dwnl9AErguwRVu+RnIgH+kAkaEuFhZJvdHcOt6E/yoYv3vKE0b8mxFJ8SNSICGj/y1co"
    "pswhT0RGl/7YuqfEdVIgUkc3YMotNfVN2RVTH4ygHvTAsrk78Vgs7E/ViLOZNGVKlw4JIw"
    "IGqptXYqLBZBPXDcGP8A1GGosEQ0zoOOQeT1w9JVo7GEBc1rCsTrdv9dp9y2rkpivSSOAc"
    "Ftkw4zDVMFRp7n6oh/DP5uHRydHp2+OjUxAxw5yVnHwLuo6BCRQNPJ1+45upxwoHEgbjGN"
    "SJJMIqQvacDkvBTSh9H+EIz02H+N/N5tu3J82Dt8en745OTt6dHsywzlfNA/386qPGHQQ4"
    "PLLBAx1NRAw8BozsaR73ixEWxajHGhnQ4WaWAT0qiFGPt5Z1wO7hJ8slbKhGcHl4PAfR31"
    "q3Fz+3bvcOj39Kw9oJa5qmKg2w4mPCquA7U9hBeE8XQPe0FNzTLLbRGyAP76det1MMb1In"
    "g7BDbYX+B28SudTu8cpIz4FWo6Fb9qT8y01iunfd+iML98Xn7rkBh0ulkYoaOM+A72KprI"
    "kPWzqpvHPndV9mA19kCg52av82Ng1xLKzyM3AJyCnqkeI5SGtmH4VQ9U30ZwsfiIYg2Oky"
    "dxq+yOdg3b+6bvf6reub1FNy2eq3dU3TlE4zpXvZt8CsEfT7Vf9npC/Rn91OO/swzeT6fz"
    "b0mPBEcYvxRws7CZsjKo1QS8168OgsM+tpzXrWN2XWI4wS0x6OPp71oeATv3CvLd1okyrr"
    "22I33BHRrt39uNAPMXjl8QWPmdAh+4VMDcxXMCTMbFKAauhif4za2TJ4v0ULKCqNNySBH2"
    "fecGpdwd3DPRMV2LWt3kXrst0wIA+wPX7EwrFSaOsa3uSZkplsvspretkSzMANccLb0INO"
    "4V7AecwmpJztMPe0MM0BS2LMfeo5GNmcC4cyrCuRacVwDwgzB1ElkSRKAeiFnMayzdQExm"
    "YRGHqmKpvBCaWawFjSAFZUuaSSfx0prM+/bjRWBXnKu26+e7eAfw1SpR62qUvjK8gQBmWZ"
    "ywooZ9SWwjpcvJvybsyAfXCwCNgHB+Vg67rsYvaI9V/OKi7ohNIaF3VLUvyvT3gMbiRezw"
    "I/PloA8uOjUsR1VYbE4Dautn3EGmuEmjrrAfiF+TmwCm21zO6RU6z3j4X2D5+7LgzBcnAB"
    "pa+JgRJONK02jxXYPtjnoKyd+hyCUln6bquRyimtZ9HK24PeSlhl8LroQ8Fecc65SzArCU"
    "nNlDLQD0BrVZtyZFqvF/TzbvdzCvTzq4yJ3Pn1+rx9u3doZgCEqCoL/RnULElDJqMKjZjV"
    "fQEicXsW/obzhnm6mDz58D7VrK+O3dJqe1uhcr3FLb/F2YIsSd6nNWvyflMewjpk8yPOel"
    "nIJhdeKKfC4+WRS7XLmD+h+odfbolrGOLy2EMmvW/LFkNZBCLttgfJfs8E6nPQyq6CFKRL"
    "PhOjW9PIrkIk7RFxJi5srvq5fyZUvaixG77NCUR5xFYZsLtiA/70q3nDNQrCdsnq/XnBO6"
    "oFw5SiRWN4DAXyCOvsYJuAR+Oge8E91CcuGQrs7aMx8RWaMEVdRBUageSAEAZ/mAMzXRDR"
    "e4FG79gdi4R1tvOQKInwrGEOPhdSI4IGXEEvY6llTAEjTwqqidxHjyNqj9BN//yOOZxIfe"
    "0SRLBwKRFGBmFBkIQxuNA7jD7q/gxhZAssRzqvekDUox7aI5+4zh1zuTRde2/Q74IqRbQE"
    "9K4LsUKwdO6p8IIIpg5bwhbk4ikAAJUm32hfa98xM1vIw2MYBnkgYhrdWziG9+Z2JKwFRE"
    "FZCPqgR4iHsCwRlUiOqe+H8D8jErpk9toKEtd+mMBdeQTVx1OX44Kp6MOqLqHdYpWdSJad"
    "Z/i2/+jP90Rndu/nbudjJJ51T9OeaPi0VWTbElprpNtmJVvLt0VvgyVcwIzqenzAtW5B2+"
    "kCljn+FVzAVRpXkYNTYFglfJ9yoyrpZi2SE+UTAeJga/DwrFZgmoC1gYJTI9qk0FdBdtOe"
    "/qsTBXTLxmaABqJGtPlgxH4qSptaYU8F9sSXOC8wOnP0tc62+uGPi702bfYq+VZVQ/nPiu"
    "BvHOTpw2LNRfIlQKr8uFgzlzOhV2lVjJM6u5cp8fJZP/WhxxUfeoT7VJWTflJKuwjzQhk/"
    "h3Myfg7zGT9SYTUpIC41zG028XLnFbJnwELtNSaz+YQ5GrVqoDdu2p3Lq87HMxTq37HWzc"
    "1t97f25RkCE1Zw8I/u2G37U/uir8sE+Y+JW+uy60BMEE9LZe3J13lGBAHMpLI8IiVsL5XN"
    "mWL9pSybTdv+X8WwcYhNHXCxBwUvhnnzkNar8V8W/zotonxCdosdqdMidnnWy9Ii6pOs9U"
    "nWDYhm72/JSdYw8aKAuo1TMsqZ20Tux/eJ2y4jSE4Gng7oOsjB1J2GrOp7hPV3s3SdySeK"
    "w7IOnoKOZlAJtGbKE8HlPGW7oj6+H/xNcLdBf1aUTGBPhCCwLr7W3O06uduafFm5Y5la5o"
    "seAsqoPfMQ0KaBXu0UUB1feDU3MIw5VmYPs3q7uFWsJN5QU7UFSK+CqsVMPoItk8e5/OxN"
    "QqX+Vt0zjtzMLM9lvpOW0d1BpmF7mYU8oRRZ9flX97yctoRWfYR08ZS2msepeZyax5nL46"
    "RPhRTQObljI+WsTsFxlQXZnUgRaUWT/Gbw2kdjmFaTAWe+a6IplzNDtAhic+EEaf1Bnj5V"
    "iDxBT+7UnEAooXhW1NH8pDzdtv41TQcebDY/70uusmZ81sX4RNOzqHcRye+iY/HibE9iWR"
    "catiXeckrrh+Z6dA5MifO7WALNxjvBjV670z9DEgzcO9aL0mhklEZzfdXr6ewYzb/rdBnd"
    "UqfdvtRljIOfT4izKUkz+uwJvP74AxEVLfyMZn1ypYKZL11YBkt4zrFa/X2YTfaZl01Bq1"
    "PPXobzrpNgyiekToKpyZOaPPlByZMWEdQeNQpYk7Bmfx5dgmOZ77Ek5YjWH1rfLDIB7Pfo"
    "y0aL8gkJlU1205akFFby1W/9UFVAOBTfQXRXEgmGHlVhjKo8EpxQqSPBFSPBr3oa/9v/AU"
    "4rsmA="
)
