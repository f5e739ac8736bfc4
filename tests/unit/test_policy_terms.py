"""Every number and contact detail the rules use comes from one place."""

from policy import contact, terms


def test_c1_support_is_reached_by_email_and_a_chinese_phone_number():
    assert contact.SUPPORT_EMAIL == "service@zositech.com"
    assert contact.SUPPORT_PHONE == "400-660-8825"
    assert contact.SUPPORT_PHONE_COUNTRY == "CN"


def test_w1_x1_warranty_and_cross_shipping_both_count_12_months_never_24():
    assert terms.WARRANTY_MONTHS == terms.CROSS_SHIP_MAX_MONTHS == 12


def test_r1_x2_x3_the_30_day_periods():
    assert terms.RETURN_WINDOW_DAYS == 30
    assert terms.CROSS_SHIP_RETURN_DAYS == 30
    assert terms.CROSS_SHIP_HOLD_DAYS == 30


def test_d3_d4_x4_delivery_and_dispatch_ranges_and_the_moscow_warehouse():
    assert terms.DELIVERY_BUSINESS_DAYS == (3, 30)
    assert terms.CROSS_SHIP_DISPATCH_BUSINESS_DAYS == (2, 3)
    assert terms.WAREHOUSE_CITY == "Moscow"
    assert terms.STORE_COUNTRY == "RU"
