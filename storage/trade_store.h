// Trade statistics: one record per (reporter, partner, flow, commodity,
// year, month). The key order serves every trade query: a commodity's years
// are adjacent, and a year range across commodities costs one seek per
// commodity, so no second index is kept and a row is one RocksDB entry.
#ifndef SUMMIT_STORAGE_TRADE_STORE_H_
#define SUMMIT_STORAGE_TRADE_STORE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
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

// Key of a TradeFlow in kTradeFlows.
std::string TradeFlowKey(const v1::TradeFlow& flow);

class TradeStore final {
 public:
  // `db` must outlive the store. Thread-safe.
  explicit TradeStore(Database* db) : db_(db) {}

  // Writes `flows` in one atomic batch; a row with
  // the key of a stored row replaces it. The caller has validated them
  // (codes, flow set, month 0..12); rows whose flow or month would not fit
  // a key are refused with INVALID_ARGUMENT and nothing is written.
  absl::Status PutFlows(absl::Span<const v1::TradeFlow* const> flows);

  // Visits the rows of `range` whose commodity code is `commodity_code` or,
  // with `include_longer_codes`, starts with it ("27" then covers "2701";
  // "" covers every code), in (commodity, year, month) order. Touches the
  // rows it visits and at most two keys per commodity besides.
  absl::Status ScanFlows(const TradeRange& range, const std::string& commodity_code,
                         bool include_longer_codes,
                         const std::function<void(const v1::TradeFlow&)>& visit) const {
    return ScanFlows(range, commodity_code, include_longer_codes, nullptr, visit);
  }

  // What a scan does with a row, decided from its key before its value is
  // read: by default it reads and visits it.
  struct RowSkip {
    // Step over the row unread.
    bool skip = false;
    // When above 0, also step over every later row whose code starts with
    // the first `subtree_length` characters of this row's code.
    size_t subtree_length = 0;
  };

  // The same, asking `decide` (when not null) about each row's commodity
  // code and year first: rows a caller knows it will not count cost a key
  // decode, and a subtree it does not need one seek.
  absl::Status ScanFlows(
      const TradeRange& range, const std::string& commodity_code,
      bool include_longer_codes,
      const std::function<RowSkip(const std::string& code, int32_t year)>& decide,
      const std::function<void(const v1::TradeFlow&)>& visit) const;

 private:
  Database* const db_;
};

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_TRADE_STORE_H_
