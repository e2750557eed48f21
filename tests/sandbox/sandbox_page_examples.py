"""The API pages' own examples, copied verbatim from the Korean source pages.

``CREATE_ORDER_EXAMPLE`` is the body of the Create Order page's curl example
(seeds/001): numbers for money, "2017-05-23 23:30:00" date-times with no zone,
codes that are not valid UUIDs ("d96b2td4-...").
"""

from page_examples import CREATE_ORDER_REQUEST, INVENTORY_CURL_FLAT, PRODUCT_CODE

CREATE_ORDER_EXAMPLE = CREATE_ORDER_REQUEST  # the page's curl body, shared with the client's tests

# From the same page: the headers of its curl (only Authorization, no Channel).
CREATE_ORDER_EXAMPLE_HEADERS = {
    "accept": "application/json",
    "Content-Type": "application/json",
    "Authorization": "Token api_key_secret",
}

# The Get Inventory page's curl (seeds/003): POST, with a response pasted as its body
# (unquoted UUIDs, so not even valid JSON).
INVENTORY_EXAMPLE_PRODUCT = PRODUCT_CODE
INVENTORY_EXAMPLE_BODY = INVENTORY_CURL_FLAT
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
