#include "query_service/trade_report.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/status_macros.h"

namespace summit::query {
namespace {

using storage::AddCents;

// The rows of one (code, year): the annual row if any, else the months.
struct Cell {
  std::string description;
  bool has_annual = false;
  int64_t annual = 0;
  int64_t months = 0;
};

// Whether a code above `code` (storage::CodesAbove) is in `codes`.
bool HasAncestor(const std::map<std::string, Cell>& codes, const std::string& code) {
  const std::vector<std::string> above = storage::CodesAbove(code);
  return std::any_of(above.begin(), above.end(), [&](const std::string& shorter) {
    return codes.count(shorter) != 0;
  });
}

// Whether `rollup`'s own rows cover every year of the query in which a
// code under it has a row, so that its rows alone are counted.
bool CoversItsSubtree(const storage::TradeRollup& rollup, const TradeQuery& query) {
  for (int32_t year : rollup.subtree_years) {
    if (!storage::YearInRange(year, query.start_year, query.end_year)) continue;
    const bool own = std::any_of(rollup.periods.begin(), rollup.periods.end(),
                                 [&](const auto& period) { return period.year == year; });
    if (!own) return false;
  }
  return true;
}

absl::Status SumRows(const storage::TradeStore& store, const TradeQuery& query,
                     v1::TradeFlowDirection flow, const std::string& code,
                     std::map<std::string, CommodityTotal>* commodities, TradeSums* sums);

// Sums one flow's rows under one code into `sums`: from the code's roll-up
// (one read) when its rows cover the years of the rows under it, as in
// Comtrade's data, else from the rows.
absl::Status SumFlowCode(const storage::TradeStore& store, const TradeQuery& query,
                         v1::TradeFlowDirection flow, const std::string& code,
                         std::map<std::string, CommodityTotal>* commodities,
                         TradeSums* sums) {
  const storage::TradeRange range{query.reporter_code, query.partner_code, flow,
                                  query.start_year, query.end_year};
  ASSIGN_OR_RETURN(std::optional<storage::TradeRollup> rollup,
                   store.GetRollup(range, code));
  if (!rollup.has_value()) return absl::OkStatus();
  if (!CoversItsSubtree(*rollup, query)) {
    return SumRows(store, query, flow, code, commodities, sums);
  }
  return storage::ForEachYearValue(
      rollup->periods, query.start_year, query.end_year,
      [&](int32_t year, int64_t value) {
        RETURN_IF_ERROR(AddCents(value, &sums->by_year[flow][year]));
        CommodityTotal& total = (*commodities)[code];
        if (total.code.empty()) total = {flow, code, "", 0};
        return AddCents(value, &total.value_usd_cents);
      });
}

// SumFlowCode from the rows: the codes under `code` that count in a year
// are read, stepping over the rows a shorter code covers.
absl::Status SumRows(const storage::TradeStore& store, const TradeQuery& query,
                     v1::TradeFlowDirection flow, const std::string& code,
                     std::map<std::string, CommodityTotal>* commodities,
                     TradeSums* sums) {
  std::map<int32_t, std::map<std::string, Cell>> years;
  absl::Status overflow;
  const storage::TradeRange range{query.reporter_code, query.partner_code, flow,
                                  query.start_year, query.end_year};
  const auto add_row = [&](const v1::TradeFlow& row) {
    Cell& cell = years[row.year()][row.commodity_code()];
    if (cell.description.empty()) cell.description = row.commodity_description();
    if (row.month() == 0) {
      cell.has_annual = true;
      cell.annual = row.value_usd_cents();
    } else if (overflow.ok()) {
      overflow = AddCents(row.value_usd_cents(), &cell.months);
    }
  };
  // Shorter codes come first in key order: a row under a code that has a
  // row that year is never counted, so it is stepped over unread.
  const auto covered = [&](const std::string& commodity, int32_t year) {
    auto cells = years.find(year);
    return cells != years.end() && HasAncestor(cells->second, commodity);
  };
  RETURN_IF_ERROR(store.ScanFlows(range, code, code != "TOTAL", covered, add_row));
  RETURN_IF_ERROR(overflow);
  for (const auto& [year, codes] : years) {
    for (const auto& [commodity, cell] : codes) {
      if (HasAncestor(codes, commodity)) continue;
      const int64_t value = cell.has_annual ? cell.annual : cell.months;
      RETURN_IF_ERROR(AddCents(value, &sums->by_year[flow][year]));
      CommodityTotal& total = (*commodities)[commodity];
      if (total.code.empty()) total = {flow, commodity, cell.description, 0};
      RETURN_IF_ERROR(AddCents(value, &total.value_usd_cents));
    }
  }
  return absl::OkStatus();
}

// Ranking order: by flow, then largest value first, then by code.
bool Larger(const CommodityTotal* a, const CommodityTotal* b) {
  return std::forward_as_tuple(a->flow, b->value_usd_cents, a->code) <
         std::forward_as_tuple(b->flow, a->value_usd_cents, b->code);
}

int64_t YearValue(const TradeSums& sums, v1::TradeFlowDirection flow, int32_t year) {
  auto series = sums.by_year.find(flow);
  if (series == sums.by_year.end()) return 0;
  auto value = series->second.find(year);
  return value == series->second.end() ? 0 : value->second;
}

}  // namespace

absl::StatusOr<TradeSums> SumTrade(const storage::TradeStore& store,
                                   const TradeQuery& query) {
  TradeSums sums;
  for (v1::TradeFlowDirection flow : query.flows) {
    std::map<std::string, CommodityTotal> commodities;
    for (const std::string& code : query.codes) {
      RETURN_IF_ERROR(SumFlowCode(store, query, flow, code, &commodities, &sums));
    }
    for (auto& [code, total] : commodities) sums.commodities.push_back(std::move(total));
  }
  for (const auto& [flow, years] : sums.by_year) {
    for (const auto& [year, value] : years) {
      RETURN_IF_ERROR(AddCents(value, &sums.totals[flow]));
    }
  }
  return sums;
}

int64_t FillSeries(const TradeSums& sums,
                   google::protobuf::RepeatedPtrField<v1::TradeFlowSeries>* series) {
  int64_t balance = 0;
  for (const auto& [flow, years] : sums.by_year) {
    v1::TradeFlowSeries* out = series->Add();
    out->set_direction(flow);
    const int64_t total = sums.totals.at(flow);
    for (const auto& [year, value] : years) {
      v1::TradeYearValue* point = out->add_years();
      point->set_year(year);
      point->set_value_usd_cents(value);
      auto previous = years.find(year - 1);
      if (previous != years.end() && previous->second != 0) {
        point->set_growth(static_cast<double>(value - previous->second) /
                          static_cast<double>(previous->second));
      }
    }
    out->set_total_usd_cents(total);
    if (flow == v1::TRADE_FLOW_DIRECTION_EXPORT) balance += total;
    if (flow == v1::TRADE_FLOW_DIRECTION_IMPORT) balance -= total;
  }
  return balance;
}

void FillBalance(const TradeSums& sums,
                 google::protobuf::RepeatedPtrField<v1::TradeBalance>* balance) {
  std::set<int32_t> years;
  for (v1::TradeFlowDirection flow :
       {v1::TRADE_FLOW_DIRECTION_EXPORT, v1::TRADE_FLOW_DIRECTION_IMPORT}) {
    auto series = sums.by_year.find(flow);
    if (series == sums.by_year.end()) continue;
    for (const auto& [year, value] : series->second) years.insert(year);
  }
  for (int32_t year : years) {
    v1::TradeBalance* out = balance->Add();
    out->set_year(year);
    out->set_balance_usd_cents(YearValue(sums, v1::TRADE_FLOW_DIRECTION_EXPORT, year) -
                               YearValue(sums, v1::TRADE_FLOW_DIRECTION_IMPORT, year));
  }
}

void FillTopCommodities(const std::vector<CommodityTotal>& commodities, int limit,
                        google::protobuf::RepeatedPtrField<v1::CommodityValue>* top) {
  std::vector<const CommodityTotal*> ranked;
  for (const CommodityTotal& total : commodities) ranked.push_back(&total);
  std::sort(ranked.begin(), ranked.end(), Larger);
  int in_flow = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    in_flow = i > 0 && ranked[i - 1]->flow == ranked[i]->flow ? in_flow + 1 : 0;
    if (in_flow >= limit) continue;
    v1::CommodityValue* out = top->Add();
    out->set_commodity_code(ranked[i]->code);
    out->set_commodity_description(ranked[i]->description);
    out->set_direction(ranked[i]->flow);
    out->set_value_usd_cents(ranked[i]->value_usd_cents);
  }
}

absl::StatusOr<std::vector<CommodityTotal>> RankCodes(const storage::TradeStore& store,
                                                      const TradeQuery& query,
                                                      size_t digits, int limit) {
  std::vector<CommodityTotal> top;
  for (v1::TradeFlowDirection flow : query.flows) {
    const storage::TradeRange range{query.reporter_code, query.partner_code, flow,
                                    query.start_year, query.end_year};
    std::vector<CommodityTotal> ranked;
    const auto rank = [&](const std::string& code, int64_t value) {
      ranked.push_back({flow, code, "", value});
    };
    for (const std::string& code : query.codes) {
      RETURN_IF_ERROR(
          store.ScanCodeValues(range, digits, code == "TOTAL" ? "" : code, rank));
    }
    const size_t kept = std::min(ranked.size(), static_cast<size_t>(limit));
    std::partial_sort(ranked.begin(), ranked.begin() + kept, ranked.end(),
                      [](const auto& a, const auto& b) { return Larger(&a, &b); });
    ranked.resize(kept);
    for (CommodityTotal& total : ranked) top.push_back(std::move(total));
  }
  return top;
}

absl::Status DescribeCommodities(
    const storage::TradeStore& store, const TradeQuery& query,
    google::protobuf::RepeatedPtrField<v1::CommodityValue>* commodities) {
  for (v1::CommodityValue& commodity : *commodities) {
    if (!commodity.commodity_description().empty()) continue;
    const storage::TradeRange range{query.reporter_code, query.partner_code,
                                    commodity.direction(), query.start_year, query.end_year};
    ASSIGN_OR_RETURN(*commodity.mutable_commodity_description(),
                     store.GetDescription(range, commodity.commodity_code()));
  }
  return absl::OkStatus();
}

}  // namespace summit::query
