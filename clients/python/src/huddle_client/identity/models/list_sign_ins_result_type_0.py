from typing import Literal

ListSignInsResultType0 = Literal["failed", "succeeded"]

LIST_SIGN_INS_RESULT_TYPE_0_VALUES: set[ListSignInsResultType0] = {
    "failed",
    "succeeded",
}


def check_list_sign_ins_result_type_0(value: str) -> ListSignInsResultType0:
    if value in LIST_SIGN_INS_RESULT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_SIGN_INS_RESULT_TYPE_0_VALUES!r}"
    )
