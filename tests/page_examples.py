# ruff: noqa: E501, W291  (verbatim page text: long lines and trailing spaces are part of it)
"""The example bodies of the four AX pages, copied verbatim from the seed exports.

Shared by the client's and the sandbox's tests: the pages are the one source both read.

Kept byte for byte (trailing commas, unquoted UUIDs and all) because the client
must cope with exactly what the pages show. The two inventory forms are the
"compare versions" view split into its old (removed) and new (added) texts.
"""

import re

# Create Order, "Status Code : 201 Response": bare object, "quantity" as a string,
# zone-less "inventory_at", no "quantity" on the second option, and a trailing
# comma after the last option.
CREATE_ORDER_201 = """{
  "channel_order_code": "915c1218-f41c-492b-bb0b-96177ff4d2ee",
  "channel_order_status": "New",
  "depth_combinations": [
    {
      "dc_code": "d96b2ed4-12c5-4fb5-ae94-4f39b11ee980",
      "inventory_at": "2017-05-23 23:30:00",
      "ax_order_code": "b9872ed4-12c5-4fb5-ae18-4f39b11ee912",
      "ax_order_status": "New",
      "quantity": "2",
      "tickets": [
        {
          "ax_ticket_code": "827c0381-f41c-492b-bb0b-88229ff4d2ee",
          "ax_ticket_status": "New"
        },
        {
          "ax_ticket_code": "827c9283-f41c-492b-bb0b-88102ff4d8ee",
          "ax_ticket_status": "New"
        }
      ]
    },
    {
      "dc_code": "d96b2ed4-12c5-4fb5-ae94-4f39b11ee981",
      "inventory_at": "2017-05-23 23:30:00",
      "ax_order_code": "b9872ed4-12c5-4fb5-ae18-4f39b11ee913",
      "ax_order_status": "New",
      "tickets": [
        {
          "ax_ticket_code": "087c2263-f41c-492b-bb0b-87263ff4d2ee",
          "ax_ticket_status": "New"
        },
        {
          "ax_ticket_code": "829c9283-f41c-492b-bb0b-65738ff4d8fe",
          "ax_ticket_status": "New"
        }
      ]
    },
  ]
}
"""

# Create Order, the curl request body: numbers for money, zone-less datetimes.
CREATE_ORDER_REQUEST = """{
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

# Get Confirm, "Status Code : 200": a trailing comma after "comment".
GET_CONFIRM_200 = """{
  "status_code": 200,
  "data": [
    {
      "channel_order_code": "af01c7c4-1637-46fb-b289-a090a9be0397",
      "ax_order_code": "d96b2ed4-12c5-4fb5-ae94-4f39b11ee980",
      "status": 3,
      "comment": "Supplier 확정",
    }
  ]
}"""

# Cancel Ticket, response example: one line, bare, with a trailing comma.
CANCEL_TICKET_200 = """{ "channel_order_code": "d96b3ed4-12c5-4fb5-ae22-4f39b11ee980", "ax_order_status": "New", "ax_order_code": "b9872ed4-12c5-4fb5-ae18-4f39b11ee912", "ax_ticket_code": "827c0381-f41c-492b-bb0b-88229ff4d2ee", "ax_ticket_status": "Traveler canceled", }"""

# Get Inventory, the body in the curl example: the old flat list, with unquoted
# UUIDs (so it is not JSON at all).
INVENTORY_CURL_FLAT = """{
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
    },
    {
      "inventory_code": 0c529494-955f-4429-8fe6-6afc67d2a058,
      "date": "2023-03-08",
      "start_time": "14:00", 
      "day_of_the_week": "Sunday", 
      "is_order": true, 
      "max_quantity": 25, 
      "min_quantity": 5, 
      "remain_quantity": 20,
      "ordered_quantity": 5
    },
    {
      "inventory_code": 2269ced3-3cf9-4a75-b1fd-c6aa36a189e9,
      "date": "2023-03-15",
      "start_time": "14:00", 
      "day_of_the_week": "Sunday", 
      "is_order": true, 
      "max_quantity": 25, 
      "min_quantity": 5, 
      "remain_quantity": 11,
      "ordered_quantity": 14
    }
  ]
}"""

# Get Inventory, "Status Code : 200" in the compare view: the new text (added).
INVENTORY_NEW = """{
  "status_code": 200,
  "option_codes": {
      "1e0bd91f-989a-45e7-8e1c-4fe2d4231ae5": [
      {
        "inventory_code": "d50a6594-3457-4e87-afe1-435ca13b8cdd",
        "date": "2023-03-01",
        "start_time": "14:00",
        "day_of_the_week": "Sunday",
        "is_order": true,
        "max_quantity": 25,
        "min_quantity": 5,
        "remain_quantity": 15,
        "ordered_quantity": 10
      },
      {
        "inventory_code": "374bf54a-d7c1-4ad3-a95a-32aa3e7212ae",
        "date": "2023-03-08",
        "start_time": "14:00",
        "day_of_the_week": "Sunday",
        "is_order": true,
        "max_quantity": 25,
        "min_quantity": 5,
        "remain_quantity": 5,
        "ordered_quantity": 20
      },
      {
        "inventory_code": "5e77bcf2-9026-4263-847b-a8a4a84b5613",
        "date": "2023-03-15",
        "start_time": "14:00",
        "day_of_the_week": "Sunday",
        "is_order": true,
        "max_quantity": 25,
        "min_quantity": 5,
        "remain_quantity": 11,
        "ordered_quantity": 14
      }
    ]
  }
}"""

# The same view's old text (removed): options under "data", inventory codes unquoted.
INVENTORY_OLD = """{
  "status_code": 200,
  "data": {
      "1e0bd91f-989a-45e7-8e1c-4fe2d4231ae5": [
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
      },
      {
        "inventory_code": 0c529494-955f-4429-8fe6-6afc67d2a058,
        "date": "2023-03-08",
        "start_time": "14:00",
        "day_of_the_week": "Sunday",
        "is_order": true,
        "max_quantity": 25,
        "min_quantity": 5,
        "remain_quantity": 20,
        "ordered_quantity": 5
      },
      {
        "inventory_code": 2269ced3-3cf9-4a75-b1fd-c6aa36a189e9,
        "date": "2023-03-15",
        "start_time": "14:00",
        "day_of_the_week": "Sunday",
        "is_order": true,
        "max_quantity": 25,
        "min_quantity": 5,
        "remain_quantity": 11,
        "ordered_quantity": 14
      }
    ]
  }
}"""

PRODUCT_CODE = "15a8b34ec-1a32-4b70-a5ba-8f2c81ec4c09"
OPTION_CODE = "1e0bd91f-989a-45e7-8e1c-4fe2d4231ae5"


def with_quoted_uuids(text: str) -> str:
    """The old examples as their authors meant them: every bare UUID put in quotes."""
    return re.sub(
        r"(?<=: )([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=,)", r'"\1"', text
    )
