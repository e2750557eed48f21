"""The API pages' own examples, copied verbatim from the Korean source pages.

``CREATE_ORDER_EXAMPLE`` is the body of the Create Order page's curl example
(seeds/001): numbers for money, "2017-05-23 23:30:00" date-times with no zone,
codes that are not valid UUIDs ("d96b2td4-...").
"""

CREATE_ORDER_EXAMPLE = r"""{
  "depth_combinations": [
    {
      "channel_product_mapping_code": "af01c7c4-1637-46fb-b289-a090a9be0397",
      "dc_code": "d96b2ed4-12c5-4fb5-ae94-4f39b11ee980",
      "quantity": 2,
      "inventory_at": "2017-05-23 23:30:00",
      "unit_selling_price": 2222,
      "discount": 22,
      "discount_method": "쿠폰 할인",
      "amount_price": "2200",
      "tickets": [
        {
          "channel_code": "d96b2td4-15c5-4fb5-ae94-4f36667ee980",
          "name": "first last",
          "national_code": "82",
          "phone": "01012345678",
          "email": "user@example.com",
          "additional": {
            "english_name": "first last",
            "korean_name": "성 이름"
          },
          "extra": "소라 알레르기가 있습니다."
        }, {
          "channel_code": "d96b2td4-15c5-4fb5-ae94-4f36667ee981",
          "name": "first last",
          "national_code": "82",
          "phone": "01012345678",
          "email": "user@example.com",
          "additional": {
            "english_name": "first last",
            "korean_name": "성 이름"
          },
          "extra": "소라 알레르기가 있습니다."
        }
      ]
    }
  ],
  "order": {
    "channel_order_code": "d96b3ed4-12c5-4fb5-ae22-4f39b11ee980",
    "purchased_at": "2017-05-23 23:30:00",
    "purchase_requested_at": "2017-05-23 23:30:00",
    "reserved_at": "2017-05-23 23:30:00",
    "reservation_requested_at": "2017-05-23 23:30:00",
    "sub_total": "4444",
    "discount_method": "주문 전체 10% 할인",
    "discount": "444",
    "total": "4000",
    "status": "New",
    "is_voucher": true,
    "comment": "string",
    "currency": "KRW"
  },
  "purchaser": {
    "is_required_more_information": true,
    "name": "first last",
    "national_code": "82",
    "phone": "01012345678",
    "email": "user@example.com",
    "additional": {
      "english_name": "first last",
      "korean_name": "성이름"
    },
    "extra": "폐쇄 공포증이 있습니다."
  },
  "representative": {
    "name": "first last",
    "national_code": "82",
    "phone": "01012345678",
    "email": "user@example.com",
    "additional": {
      "english_name": "first last",
      "korean_name": "성이름"
    },
    "extra": "폐쇄 공포증이 있습니다."
  }
}"""

# From the same page: the headers of its curl (only Authorization, no Channel).
CREATE_ORDER_EXAMPLE_HEADERS = {
    "accept": "application/json",
    "Content-Type": "application/json",
    "Authorization": "Token api_key_secret",
}

# The Get Inventory page's curl (seeds/003): POST, with a response pasted as its body
# (unquoted UUIDs, so not even valid JSON).
INVENTORY_EXAMPLE_PRODUCT = "15a8b34ec-1a32-4b70-a5ba-8f2c81ec4c09"
INVENTORY_EXAMPLE_BODY = r"""{
  "status_code": 200,
  "data": [
    {
      "inventory_code": c2befdbe-57fa-4a47-9132-f7f8153b5f2c,
      "date": "2023-03-01",
      "start_time": "14:00",
      "day_of_the_week": "Sunday",
      "is_order": true,
      "max_quantity": 25,
      "min_quantity": 5,
      "remain_quantity": 10,
      "ordered_quantity": 15
    }
  ]
}
"""
INVENTORY_EXAMPLE_HEADERS = {
    "accept": "application/json",
    "Content-Type": "application/json",
    "Authorization": "Token api_key_secret",
    "Channel": "Code code_secret",
}

# The Get Confirm page's curl (seeds/000) sends a browser's CSRF token too.
CONFIRM_EXAMPLE_HEADERS = {
    "accept": "application/json",
    "Content-Type": "application/json",
    "X-CSRFTOKEN": "qE3VQawgUcqbERA2G3LiGZQ1gPQuZZQLNmz9OmMxB7EuDCGMjjEgMQMsdVcGi7kw",
    "Authorization": "Token api_key_secret",
    "Channel": "Code code_secret",
}
