#!/usr/bin/python3
"""A second-language client of summit.v1.QueryService, built from the protos alone.

Usage: python_client.py STUBS_DIR QUERY_ADDR

STUBS_DIR holds the modules protoc generated from proto/ (with Debian's
grpc_python_plugin); QUERY_ADDR is host:port of a summit_query serving the
sample data and the seed report. Exits 0 when every answer is as expected,
printing what it checked; 1 with the first mismatch otherwise.
"""

import sys

import grpc

sys.path.insert(0, sys.argv[1])
from summit.v1 import query_service_pb2 as query  # noqa: E402
from summit.v1 import query_service_pb2_grpc as query_grpc  # noqa: E402
from summit.v1 import resources_pb2 as resources  # noqa: E402

SEED_SUMMIT = "summits/2026-01-17-beijing-can-chn"
# TOTAL exports of China to Canada in 2025 in the sample CSV, in US cents.
EXPORTS_2025 = 6433046480669


def expect(condition, what):
    if not condition:
        print("python client: FAILED:", what)
        sys.exit(1)
    print("python client: ok:", what)


def main():
    with grpc.insecure_channel(sys.argv[2]) as channel:
        stub = query_grpc.QueryServiceStub(channel)

        summit = stub.GetSummit(query.GetSummitRequest(name=SEED_SUMMIT), timeout=10)
        people = {p.display_name: (p.title, p.country_code) for p in summit.participants}
        expect(people == {"Xi Jinping": ("President", "CHN"),
                          "Mark Carney": ("Prime Minister", "CAN")},
               "GetSummit: the seed summit's participants are %s" % people)
        expect((summit.date.year, summit.date.month, summit.date.day) == (2026, 1, 17),
               "GetSummit: the seed summit is dated 2026-01-17")

        stats = stub.GetTradeStatistics(
            query.GetTradeStatisticsRequest(
                reporter_code="CHN", partner_code="CAN", start_year=2020, end_year=2025,
                directions=[resources.TRADE_FLOW_DIRECTION_EXPORT,
                            resources.TRADE_FLOW_DIRECTION_IMPORT]),
            timeout=10)
        exports = {p.year: p.value_usd_cents for p in stats.series[0].years}
        expect(stats.series[0].direction == resources.TRADE_FLOW_DIRECTION_EXPORT
               and sorted(exports) == list(range(2020, 2026)),
               "GetTradeStatistics: exports for 2020..2025")
        expect(exports[2025] == EXPORTS_2025,
               "GetTradeStatistics: 2025 exports are %d cents" % exports[2025])
        imports = {p.year: p.value_usd_cents for p in stats.series[1].years}
        balance = {b.year: b.balance_usd_cents for b in stats.balance}
        expect(all(balance[y] == exports[y] - imports[y] for y in exports),
               "GetTradeStatistics: balance is exports minus imports each year")
        expect(any(a.amount.value == 125 and a.summit == SEED_SUMMIT
                   for a in stats.stated_amounts),
               "GetTradeStatistics: the seed's 125 companies are a stated amount")

        money = [a.amount for a in stats.stated_amounts if a.amount.HasField("money")]
        expect(all(m.money.currency_code == m.currency_code and not m.unit
                   and m.money.units + m.money.nanos / 1e9 == m.value for m in money)
               and all(a.amount.unit for a in stats.stated_amounts
                       if not a.amount.HasField("money")),
               "GetTradeStatistics: stated money is exact, other amounts have units")

        rows = []
        request = query.ListTradeFlowsRequest(
            reporter_code="CHN", partner_code="CAN", commodity_codes=["27"],
            directions=[resources.TRADE_FLOW_DIRECTION_EXPORT], page_size=2)
        while True:
            page = stub.ListTradeFlows(request, timeout=10)
            expect(len(page.trade_flows) <= 2, "ListTradeFlows: pages of at most 2")
            rows.extend(page.trade_flows)
            if not page.next_page_token:
                break
            request.page_token = page.next_page_token
        first = rows[0]
        expect((first.commodity_code, first.year, first.month, first.value_usd_cents,
                first.net_weight_kg, first.quantity_unit, first.source, first.sector)
               == ("27", 2019, 0, 40543816684, 108896617, "kg",
                   "china_canada_sample.csv", "sectors/energy"),
               "ListTradeFlows: the CSV's 2019 chapter-27 exports, every column")
        keys = [(r.commodity_code, r.year, r.month) for r in rows]
        expect(keys == sorted(keys) and len(set(keys)) == len(keys)
               and all(r.commodity_code.startswith("27") for r in rows),
               "ListTradeFlows: %d rows of chapter 27 in key order, once each" % len(rows))

        try:
            stub.ListSummits(query.ListSummitsRequest(country_code="can"), timeout=10)
            expect(False, "ListSummits with a lower-case country code fails")
        except grpc.RpcError as error:
            expect(error.code() == grpc.StatusCode.INVALID_ARGUMENT
                   and 'use "CAN"' in error.details(),
                   "ListSummits with a lower-case country code says to use upper case")

        try:
            stub.GetSummit(query.GetSummitRequest(name="summits/1999-01-01-nowhere"),
                           timeout=10)
            expect(False, "GetSummit of a missing summit fails")
        except grpc.RpcError as error:
            expect(error.code() == grpc.StatusCode.NOT_FOUND
                   and "summits/1999-01-01-nowhere" in error.details(),
                   "GetSummit of a missing summit is NOT_FOUND naming it")


if __name__ == "__main__":
    main()
