from typing import Literal

SignInOutResult = Literal["failed", "succeeded"]

SIGN_IN_OUT_RESULT_VALUES: set[SignInOutResult] = {
    "failed",
    "succeeded",
}


def check_sign_in_out_result(value: str) -> SignInOutResult:
    if value in SIGN_IN_OUT_RESULT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SIGN_IN_OUT_RESULT_VALUES!r}")
