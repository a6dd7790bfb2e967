from typing import Literal

SignInOutMethod = Literal["password", "password_grant", "sso"]

SIGN_IN_OUT_METHOD_VALUES: set[SignInOutMethod] = {
    "password",
    "password_grant",
    "sso",
}


def check_sign_in_out_method(value: str) -> SignInOutMethod:
    if value in SIGN_IN_OUT_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SIGN_IN_OUT_METHOD_VALUES!r}")
