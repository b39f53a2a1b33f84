// Trade statistics: one record per (reporter, partner, flow, commodity,
// year, month), and, written in the same batch, one roll-up per commodity
// code (kTradeCodeYears) with the values of all its periods, their sum and
// the years of the codes under it. A sum reads the roll-up of each code
// asked for and a ranking one roll-up per code ranked; the rows are read
// back only where a code lacks a year its subtree has.
#ifndef SUMMIT_STORAGE_TRADE_STORE_H_
#define SUMMIT_STORAGE_TRADE_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
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

// Whether `year` is in [start_year, end_year]; 0 leaves a side unbounded.
inline bool YearInRange(int32_t year, int32_t start_year, int32_t end_year) {
  return (start_year == 0 || year >= start_year) && (end_year == 0 || year <= end_year);
}

// Adds `value` to `*sum`; OUT_OF_RANGE, leaving `*sum` unspecified, when the
// sum exceeds int64.
absl::Status AddCents(int64_t value, int64_t* sum);

// The codes above `code` whose roll-ups list the years of its rows as
// subtree years: its prefixes of 2, 4, ... characters, shortest first
// ("27", "2709" for "270900"); none for "TOTAL", which stands alone.
std::vector<std::string> CodesAbove(const std::string& code);

// One period's value of a commodity code: month 0 is the annual row.
struct TradePeriod {
  int32_t year = 0;
  int32_t month = 0;
  int64_t value_usd_cents = 0;

  bool operator==(const TradePeriod& other) const {
    return year == other.year && month == other.month &&
           value_usd_cents == other.value_usd_cents;
  }
};

// The roll-up of one commodity code (TOTAL too) of a reporter, partner and
// flow: the values of its own rows, and the years in which a longer code
// under it has a row (a chapter's headings, a heading's subheadings). A
// year of `subtree_years` without a period of its own is the only case in
// which a sum must read the rows under the code.
struct TradeRollup {
  std::vector<TradePeriod> periods;    // Sorted by (year, month), distinct.
  std::vector<int32_t> subtree_years;  // Ascending, distinct.

  bool operator==(const TradeRollup& other) const {
    return periods == other.periods && subtree_years == other.subtree_years;
  }
};

// Key of the roll-up of `flow`'s commodity code in kTradeCodeYears.
std::string TradeRollupKey(const v1::TradeFlow& flow);

// Calls `add(year, value)` for each year of `periods` (sorted by year, then
// month) in [start_year, end_year] (0 is unbounded), with the year's value:
// its annual period's, else the sum of its months. Stops at the first error
// of `add`; OUT_OF_RANGE when a year's months exceed int64.
absl::Status ForEachYearValue(absl::Span<const TradePeriod> periods, int32_t start_year,
                              int32_t end_year,
                              absl::FunctionRef<absl::Status(int32_t, int64_t)> add);

// The roll-up value, with the key codec's fixed-width fields: Uint32(number
// of periods), Int64(the sum of every year's value, as ForEachYearValue
// gives them, or INT64_MIN when it exceeds int64), each period as
// Int32(year) Uint8(month) Int64(cents), then each subtree year as Int32.
// The sum answers rankings over all of a code's years without its periods.
std::string EncodeTradeRollup(const TradeRollup& rollup);
// DATA_LOSS when `bytes` is not such a value.
absl::StatusOr<TradeRollup> DecodeTradeRollup(absl::string_view bytes);

// Which rows TradeStore::ListFlows returns; empty or zero fields match all.
struct TradeFlowFilter {
  std::string reporter_code;
  std::string partner_code;
  std::vector<v1::TradeFlowDirection> directions;  // Ascending, distinct.
  // Sorted, none a prefix of another: a row matches when its code starts
  // with one ("27" matches "2701"; "TOTAL" only TOTAL, as codes are digits).
  std::vector<std::string> code_prefixes;
  int32_t start_year = 0;  // Inclusive; 0 is unbounded.
  int32_t end_year = 0;    // Inclusive; 0 is unbounded.
  std::optional<int32_t> month;  // 0 for annual rows only.
};

// One page of TradeStore::ListFlows.
struct TradeFlowPage {
  std::vector<v1::TradeFlow> flows;  // In key order.
  // The key to resume after; empty when no row is left.
  std::string resume_after;
};

class TradeStore final {
 public:
  // `db` must outlive the store. Thread-safe. The writer of a database uses
  // one store for all its writes, which PutFlows serializes.
  explicit TradeStore(Database* db) : db_(db) {}

  // Writes `flows` and their codes' roll-ups in one atomic batch; a row
  // with the key of a stored row replaces it (in the roll-up too). The
  // caller has validated them (codes, flow set, month 0..12); rows whose
  // flow or month would not fit a key are refused with INVALID_ARGUMENT and
  // nothing is written. Calls on one store are serialized, as each reads
  // and rewrites the roll-ups it touches.
  absl::Status PutFlows(absl::Span<const v1::TradeFlow* const> flows)
      ABSL_LOCKS_EXCLUDED(write_mu_);

  // The roll-up of `code` for `range`'s reporter, partner and flow (its
  // years are not applied); nullopt when the code has no rows and none
  // under it. One point read.
  absl::StatusOr<std::optional<TradeRollup>> GetRollup(const TradeRange& range,
                                                       const std::string& code) const;

  // Visits the roll-ups of `range`'s reporter, partner and flow whose code
  // has `digits` characters and starts with `code_prefix` ("" for all), in
  // code order, with the code's value over the range's years (the sum of
  // ForEachYearValue); codes with no period in the range are not visited.
  // Reads one entry per code, and decodes its periods only when the range
  // leaves out some of its years. OUT_OF_RANGE when a sum exceeds int64.
  absl::Status ScanCodeValues(
      const TradeRange& range, size_t digits, const std::string& code_prefix,
      absl::FunctionRef<void(const std::string& code, int64_t value)> visit) const;

  // Visits the rows of `range` whose commodity code is `commodity_code` or,
  // with `include_longer_codes`, starts with it ("27" then covers "2701";
  // "" covers every code), in (commodity, year, month) order. Touches the
  // rows it visits and at most two keys per commodity besides.
  absl::Status ScanFlows(const TradeRange& range, const std::string& commodity_code,
                         bool include_longer_codes,
                         const std::function<void(const v1::TradeFlow&)>& visit) const {
    return ScanFlows(range, commodity_code, include_longer_codes, nullptr, visit);
  }

  // The stored rows matching `filter` in key order, after the key
  // `resume_after` (from the first row when empty): at most `limit` rows,
  // reading at most `max_examined` keys. Rows the filter skips are jumped
  // over with seeks where the key order allows (a direction, a code, years
  // or months left out), each seek counted as a key read; so the page may
  // hold fewer than `limit` rows, and `resume_after` is then the last key
  // read. DATA_LOSS for an undecodable key or row.
  absl::StatusOr<TradeFlowPage> ListFlows(const TradeFlowFilter& filter,
                                          absl::string_view resume_after, int limit,
                                          int max_examined) const;

  // The description of `code`'s first row in `range`; "" when it has none.
  absl::StatusOr<std::string> GetDescription(const TradeRange& range,
                                             const std::string& code) const;

  // The same, asking `skip` (when not null) about each row's commodity code
  // and year first: the rows it skips, which a caller knows it will not
  // count, cost a key decode and are not read.
  absl::Status ScanFlows(
      const TradeRange& range, const std::string& commodity_code,
      bool include_longer_codes,
      const std::function<bool(const std::string& code, int32_t year)>& skip,
      const std::function<void(const v1::TradeFlow&)>& visit) const;

 private:
  Database* const db_;
  absl::Mutex write_mu_;
};

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_TRADE_STORE_H_
