from typing import Literal

ListSignInsMethodType0 = Literal["password", "password_grant", "sso"]

LIST_SIGN_INS_METHOD_TYPE_0_VALUES: set[ListSignInsMethodType0] = {
    "password",
    "password_grant",
    "sso",
}


def check_list_sign_ins_method_type_0(value: str) -> ListSignInsMethodType0:
    if value in LIST_SIGN_INS_METHOD_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_SIGN_INS_METHOD_TYPE_0_VALUES!r}"
    )
