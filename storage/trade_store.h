// Trade statistics: one record per (reporter, partner, flow, commodity,
// year, month), plus a by-year index whose value is the row's value, so that
// sums over a year range across commodities read only index keys.
#ifndef SUMMIT_STORAGE_TRADE_STORE_H_
#define SUMMIT_STORAGE_TRADE_STORE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "storage/database.h"
#include "summit/v1/resources.pb.h"

namespace summit::storage {

// The rows of one reporter, partner and flow over a year range.
struct TradeRange {
  std::string reporter_code;
  std::string partner_code;
  v1::TradeFlowDirection flow = v1::TRADE_FLOW_DIRECTION_UNSPECIFIED;
  int32_t start_year = 0;  // Inclusive; 0 is unbounded.
  int32_t end_year = 0;    // Inclusive; 0 is unbounded.
};

// One entry of the by-year index.
struct TradeYearEntry {
  int32_t year = 0;
  int32_t month = 0;
  std::string commodity_code;
  int64_t value_usd_cents = 0;
};

// The fields of a kTradeByYear key.
struct TradeByYearKeyFields {
  std::string reporter_code;
  std::string partner_code;
  uint8_t flow = 0;
  int32_t year = 0;
  uint8_t month = 0;
  std::string commodity_code;
};
// DATA_LOSS when `key` is not a kTradeByYear key.
absl::StatusOr<TradeByYearKeyFields> DecodeTradeByYearKey(absl::string_view key);

// Key of a TradeFlow in kTradeFlows.
std::string TradeFlowKey(const v1::TradeFlow& flow);
// Key and value of a TradeFlow in kTradeByYear.
std::string TradeByYearKey(const v1::TradeFlow& flow);
std::string TradeByYearValue(const v1::TradeFlow& flow);

class TradeStore final {
 public:
  // `db` must outlive the store. Thread-safe.
  explicit TradeStore(Database* db) : db_(db) {}

  // Writes `flows` and their index entries in one atomic batch; a row with
  // the key of a stored row replaces it. The caller has validated them
  // (codes, flow set, month 0..12); rows whose flow or month would not fit
  // a key are refused with INVALID_ARGUMENT and nothing is written.
  absl::Status PutFlows(absl::Span<const v1::TradeFlow* const> flows);

  // Visits the rows of `range` whose commodity code is `commodity_code` or,
  // with `include_longer_codes`, starts with it ("27" then covers "2701"),
  // in (commodity, year, month) order. Touches the rows it visits and one
  // key per commodity besides.
  absl::Status ScanFlows(const TradeRange& range, const std::string& commodity_code,
                         bool include_longer_codes,
                         const std::function<void(const v1::TradeFlow&)>& visit) const;

  // Visits the by-year index entries of `range`, in (year, month, commodity)
  // order. Touches only the entries it visits.
  absl::Status ScanByYear(const TradeRange& range,
                          const std::function<void(const TradeYearEntry&)>& visit) const;

 private:
  Database* const db_;
};

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_TRADE_STORE_H_
