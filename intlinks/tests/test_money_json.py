"""Money written as JSON stays exact: the Decimal's own digits, never a float's."""

import json
from decimal import Decimal

from intlinks.money import json_with_exact_money


def test_decimals_are_written_as_their_exact_digits_and_read_back_as_numbers():
    data = {"awarded": Decimal("1000.50"), "paid": [Decimal("0.10"), Decimal("999999.99")], "n": 3}

    text = json_with_exact_money(data)

    assert text == '{"awarded": 1000.50, "paid": [0.10, 999999.99], "n": 3}'
    assert json.loads(text, parse_float=Decimal) == data


def test_a_string_that_looks_like_the_placeholder_is_left_alone():
    data = {"note": "\x00money-0\x00", "amount": Decimal("5.00")}

    assert json.loads(json_with_exact_money(data), parse_float=Decimal) == data
