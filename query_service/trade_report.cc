#include "query_service/trade_report.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "absl/strings/match.h"
#include "common/status_macros.h"

namespace summit::query {
namespace {

absl::Status Add(int64_t value, int64_t* sum) {
  if (__builtin_add_overflow(*sum, value, sum)) {
    return absl::OutOfRangeError("the trade sum exceeds 2^63 US cents");
  }
  return absl::OkStatus();
}

// The rows of one (code, year): the annual row if any, else the months.
struct Cell {
  std::string description;
  bool has_annual = false;
  int64_t annual = 0;
  int64_t months = 0;
};

// Whether a shorter code of `codes` starts `code`.
bool HasAncestor(const std::map<std::string, Cell>& codes, const std::string& code) {
  for (size_t length = 2; length < code.size(); length += 2) {
    if (codes.count(code.substr(0, length)) != 0) return true;
  }
  return false;
}

// Sums one flow's rows under one code into `sums`.
absl::Status SumFlowCode(const storage::TradeStore& store, const TradeQuery& query,
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
      overflow = Add(row.value_usd_cents(), &cell.months);
    }
  };
  // Shorter codes come first in key order: a row under a code that has a
  // row that year is never counted, so it is stepped over unread, and so is
  // the whole subtree of a code with a row in every year asked for.
  std::map<std::string, int> code_years;  // Years with rows, per code read.
  const int range_years = query.start_year != 0 && query.end_year != 0
                              ? query.end_year - query.start_year + 1
                              : 0;
  const auto decide = [&](const std::string& commodity, int32_t year) {
    storage::TradeStore::RowSkip step;
    auto cells = years.find(year);
    for (size_t length = 2; length < commodity.size(); length += 2) {
      const std::string ancestor = commodity.substr(0, length);
      auto counted = code_years.find(ancestor);
      if (range_years > 0 && counted != code_years.end() &&
          counted->second == range_years) {
        step.subtree_length = length;
        return step;
      }
      step.skip =
          step.skip || (cells != years.end() && cells->second.count(ancestor) != 0);
    }
    if (!step.skip && (cells == years.end() || cells->second.count(commodity) == 0)) {
      ++code_years[commodity];
    }
    return step;
  };
  RETURN_IF_ERROR(store.ScanFlows(range, code, code != "TOTAL", decide, add_row));
  RETURN_IF_ERROR(overflow);
  for (const auto& [year, codes] : years) {
    for (const auto& [commodity, cell] : codes) {
      if (HasAncestor(codes, commodity)) continue;
      const int64_t value = cell.has_annual ? cell.annual : cell.months;
      RETURN_IF_ERROR(Add(value, &sums->by_year[flow][year]));
      CommodityTotal& total = (*commodities)[commodity];
      if (total.code.empty()) total = {flow, commodity, cell.description, 0};
      RETURN_IF_ERROR(Add(value, &total.value_usd_cents));
    }
  }
  return absl::OkStatus();
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
      RETURN_IF_ERROR(Add(value, &sums.totals[flow]));
    }
  }
  return sums;
}

int64_t FillSeries(const TradeSums& sums,
                   google::protobuf::RepeatedPtrField<v1::TradeFlowSeries>* series) {
  int64_t balance = 0;
  for (const auto& [flow, years] : sums.by_year) {
    v1::TradeFlowSeries* out = series->Add();
    out->set_flow(flow);
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

void FillTopCommodities(const TradeSums& sums, int limit,
                        google::protobuf::RepeatedPtrField<v1::CommodityValue>* top) {
  std::vector<const CommodityTotal*> ranked;
  for (const CommodityTotal& total : sums.commodities) ranked.push_back(&total);
  std::sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) {
    return std::forward_as_tuple(a->flow, b->value_usd_cents, a->code) <
           std::forward_as_tuple(b->flow, a->value_usd_cents, b->code);
  });
  int in_flow = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    in_flow = i > 0 && ranked[i - 1]->flow == ranked[i]->flow ? in_flow + 1 : 0;
    if (in_flow >= limit) continue;
    v1::CommodityValue* out = top->Add();
    out->set_commodity_code(ranked[i]->code);
    out->set_commodity_description(ranked[i]->description);
    out->set_flow(ranked[i]->flow);
    out->set_value_usd_cents(ranked[i]->value_usd_cents);
  }
}

}  // namespace summit::query
