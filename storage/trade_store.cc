#include "storage/trade_store.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "storage/key_codec.h"
#include "storage/proto_value.h"

namespace summit::storage {
namespace {

KeyWriter PairFlowPrefix(absl::string_view reporter, absl::string_view partner,
                         v1::TradeFlowDirection flow) {
  KeyWriter key;
  key.String(reporter).String(partner).Uint8(static_cast<uint8_t>(flow));
  return key;
}

// Bytes of one period in a roll-up value: Int32 year, Uint8 month, Int64 cents.
constexpr size_t kPeriodBytes = 13;

KeyWriter RollupPrefix(absl::string_view reporter, absl::string_view partner,
                       v1::TradeFlowDirection flow, size_t digits) {
  KeyWriter key = PairFlowPrefix(reporter, partner, flow);
  key.Uint8(static_cast<uint8_t>(digits));
  return key;
}

// Bytes before the periods of a roll-up value: their number and the total.
constexpr size_t kRollupHeaderBytes = 12;
// The total of a roll-up whose sum exceeds int64.
constexpr int64_t kNoTotal = std::numeric_limits<int64_t>::min();

// Checks the length of a roll-up value; returns the offset of its subtree
// years.
absl::StatusOr<size_t> RollupYearsOffset(absl::string_view bytes) {
  if (bytes.size() < kRollupHeaderBytes) {
    return absl::DataLossError("a trade roll-up value is truncated");
  }
  const size_t end = kRollupHeaderBytes + LoadUint32(bytes.data()) * kPeriodBytes;
  if (bytes.size() < end || (bytes.size() - end) % 4 != 0) {
    return absl::DataLossError("a trade roll-up value is not whole periods and years");
  }
  return end;
}

// Reads the periods of a roll-up value whose length was checked into
// `periods` (cleared first), without checks or allocations: a ranking
// decodes every period of thousands of codes.
void DecodePeriods(absl::string_view bytes, size_t end,
                   std::vector<TradePeriod>* periods) {
  periods->clear();
  for (const char* at = bytes.data() + kRollupHeaderBytes; at < bytes.data() + end;
       at += kPeriodBytes) {
    periods->push_back({LoadInt32(at), LoadUint8(at + 4), LoadInt64(at + 5)});
  }
}

// [lower, upper) of years after `prefix`.
std::pair<std::string, std::string> YearBounds(const std::string& prefix,
                                               const TradeRange& range) {
  std::string lower = prefix;
  if (range.start_year != 0) lower += KeyWriter().Int32(range.start_year).Release();
  std::string upper = range.end_year != 0
                          ? prefix + KeyWriter().Int32(range.end_year + 1).Release()
                          : PrefixSuccessor(prefix);
  return {std::move(lower), std::move(upper)};
}

// The fields of a kTradeFlows key.
struct TradeKeyFields {
  std::string reporter;
  std::string partner;
  uint8_t direction = 0;
  std::string code;
  int32_t year = 0;
  uint8_t month = 0;
};

absl::StatusOr<TradeKeyFields> DecodeTradeFlowKey(absl::string_view key) {
  KeyReader reader(key);
  TradeKeyFields fields;
  ASSIGN_OR_RETURN(fields.reporter, reader.String());
  ASSIGN_OR_RETURN(fields.partner, reader.String());
  ASSIGN_OR_RETURN(fields.direction, reader.Uint8());
  ASSIGN_OR_RETURN(fields.code, reader.String());
  ASSIGN_OR_RETURN(fields.year, reader.Int32());
  ASSIGN_OR_RETURN(fields.month, reader.Uint8());
  RETURN_IF_ERROR(reader.ExpectEnd());
  return fields;
}

bool StartsWithOneOf(const std::string& code, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& prefix) {
    return code.compare(0, prefix.size(), prefix) == 0;
  });
}

// nullopt when the row of key `fields` matches `filter`; otherwise the
// smallest key after it that may match (beyond the scan's range: empty).
// The reporter is left to the scan's range.
std::optional<std::string> SkipTo(const TradeKeyFields& fields,
                                  const TradeFlowFilter& filter) {
  KeyWriter key;
  key.String(fields.reporter);
  const std::string& partner = filter.partner_code;
  if (!partner.empty() && fields.partner != partner) {
    if (fields.partner < partner) return key.String(partner).Release();
    return PrefixSuccessor(key.key());
  }
  key.String(fields.partner);
  const auto& directions = filter.directions;
  if (!directions.empty() && !std::binary_search(directions.begin(), directions.end(),
                                                 fields.direction)) {
    auto next = std::upper_bound(directions.begin(), directions.end(), fields.direction);
    if (next == directions.end()) return PrefixSuccessor(key.key());
    return key.Uint8(static_cast<uint8_t>(*next)).Release();
  }
  key.Uint8(fields.direction);
  const auto& prefixes = filter.code_prefixes;
  if (!prefixes.empty() && !StartsWithOneOf(fields.code, prefixes)) {
    auto next = std::upper_bound(prefixes.begin(), prefixes.end(), fields.code);
    if (next == prefixes.end()) return PrefixSuccessor(key.key());
    return key.StringPrefix(*next).Release();
  }
  key.String(fields.code);
  if (filter.start_year != 0 && fields.year < filter.start_year) {
    return key.Int32(filter.start_year).Release();
  }
  if (filter.end_year != 0 && fields.year > filter.end_year) {
    return PrefixSuccessor(key.key());
  }
  key.Int32(fields.year);
  if (filter.month.has_value() && fields.month != *filter.month) {
    if (fields.month < *filter.month) {
      return key.Uint8(static_cast<uint8_t>(*filter.month)).Release();
    }
    return PrefixSuccessor(key.key());
  }
  return std::nullopt;
}

}  // namespace

absl::Status AddCents(int64_t value, int64_t* sum) {
  if (__builtin_add_overflow(*sum, value, sum)) {
    return absl::OutOfRangeError("the trade sum exceeds 2^63 US cents");
  }
  return absl::OkStatus();
}

std::vector<std::string> CodesAbove(const std::string& code) {
  std::vector<std::string> above;
  if (code == "TOTAL") return above;
  for (size_t length = 2; length < code.size(); length += 2) {
    above.push_back(code.substr(0, length));
  }
  return above;
}

std::string TradeFlowKey(const v1::TradeFlow& flow) {
  return PairFlowPrefix(flow.reporter_code(), flow.partner_code(), flow.direction())
      .String(flow.commodity_code())
      .Int32(flow.year())
      .Uint8(static_cast<uint8_t>(flow.month()))
      .Release();
}

std::string TradeRollupKey(const v1::TradeFlow& flow) {
  return RollupPrefix(flow.reporter_code(), flow.partner_code(), flow.direction(),
                      flow.commodity_code().size())
      .String(flow.commodity_code())
      .Release();
}

absl::Status ForEachYearValue(absl::Span<const TradePeriod> periods, int32_t start_year,
                              int32_t end_year,
                              absl::FunctionRef<absl::Status(int32_t, int64_t)> add) {
  for (size_t i = 0; i < periods.size();) {
    const int32_t year = periods[i].year;
    const bool annual = periods[i].month == 0;
    int64_t value = 0;
    for (; i < periods.size() && periods[i].year == year; ++i) {
      if (annual && periods[i].month != 0) continue;
      RETURN_IF_ERROR(AddCents(periods[i].value_usd_cents, &value));
    }
    if (YearInRange(year, start_year, end_year)) RETURN_IF_ERROR(add(year, value));
  }
  return absl::OkStatus();
}

std::string EncodeTradeRollup(const TradeRollup& rollup) {
  int64_t total = 0;
  const absl::Status summed =
      ForEachYearValue(rollup.periods, 0, 0,
                       [&](int32_t, int64_t value) { return AddCents(value, &total); });
  KeyWriter value;
  value.Uint32(static_cast<uint32_t>(rollup.periods.size()))
      .Int64(summed.ok() ? total : kNoTotal);
  for (const TradePeriod& period : rollup.periods) {
    value.Int32(period.year)
        .Uint8(static_cast<uint8_t>(period.month))
        .Int64(period.value_usd_cents);
  }
  for (int32_t year : rollup.subtree_years) value.Int32(year);
  return value.Release();
}

absl::StatusOr<TradeRollup> DecodeTradeRollup(absl::string_view bytes) {
  ASSIGN_OR_RETURN(size_t offset, RollupYearsOffset(bytes));
  TradeRollup rollup;
  DecodePeriods(bytes, offset, &rollup.periods);
  for (; offset < bytes.size(); offset += 4) {
    rollup.subtree_years.push_back(LoadInt32(bytes.data() + offset));
  }
  return rollup;
}

absl::Status TradeStore::PutFlows(absl::Span<const v1::TradeFlow* const> flows) {
  WriteBatch batch(*db_);
  // What the batch adds to each roll-up: a later row of a period replaces
  // an earlier one, as its kTradeFlows entry does.
  struct Added {
    std::map<std::pair<int32_t, int32_t>, int64_t> periods;
    std::set<int32_t> subtree_years;
  };
  std::map<std::string, Added> rollups;
  for (size_t i = 0; i < flows.size(); ++i) {
    const v1::TradeFlow& flow = *flows[i];
    if (flow.direction() <= 0 || flow.direction() > 255 || flow.month() < 0 || flow.month() > 12) {
      return absl::InvalidArgumentError(
          absl::StrCat("flows[", i, "]: flow must be set and month 0..12"));
    }
    batch.Put(ColumnFamily::kTradeFlows, TradeFlowKey(flow), flow.SerializeAsString());
    rollups[TradeRollupKey(flow)].periods[{flow.year(), flow.month()}] =
        flow.value_usd_cents();
    v1::TradeFlow above = flow;
    for (std::string& code : CodesAbove(flow.commodity_code())) {
      above.set_commodity_code(std::move(code));
      rollups[TradeRollupKey(above)].subtree_years.insert(flow.year());
    }
  }
  absl::MutexLock lock(&write_mu_);
  for (auto& [key, added] : rollups) {
    ASSIGN_OR_RETURN(std::optional<std::string> stored,
                     db_->Get(ColumnFamily::kTradeCodeYears, key));
    if (stored.has_value()) {
      ASSIGN_OR_RETURN(TradeRollup old, DecodeTradeRollup(*stored));
      for (const TradePeriod& period : old.periods) {
        added.periods.emplace(std::make_pair(period.year, period.month),
                              period.value_usd_cents);
      }
      added.subtree_years.insert(old.subtree_years.begin(), old.subtree_years.end());
    }
    TradeRollup merged;
    merged.periods.reserve(added.periods.size());
    for (const auto& [period, value] : added.periods) {
      merged.periods.push_back({period.first, period.second, value});
    }
    merged.subtree_years.assign(added.subtree_years.begin(), added.subtree_years.end());
    batch.Put(ColumnFamily::kTradeCodeYears, key, EncodeTradeRollup(merged));
  }
  // Not synced: the WAL write has reached the OS when this returns, so an
  // acknowledged batch survives a crash of the process (kill -9). Only an
  // OS crash or power loss could drop the last batches, and a trade load is
  // idempotent and repeatable from its CSV; syncing every batch would cost
  // most of the bulk-load throughput.
  return db_->Write(batch, /*sync=*/false);
}

absl::StatusOr<std::optional<TradeRollup>> TradeStore::GetRollup(
    const TradeRange& range, const std::string& code) const {
  ASSIGN_OR_RETURN(std::optional<std::string> stored,
                   db_->Get(ColumnFamily::kTradeCodeYears,
                            RollupPrefix(range.reporter_code, range.partner_code,
                                         range.flow, code.size())
                                .String(code)
                                .Release()));
  if (!stored.has_value()) return std::nullopt;
  return DecodeTradeRollup(*stored);
}

absl::Status TradeStore::ScanFlows(
    const TradeRange& range, const std::string& commodity_code, bool include_longer_codes,
    const std::function<bool(const std::string& code, int32_t year)>& skip,
    const std::function<void(const v1::TradeFlow&)>& visit) const {
  const std::string base =
      PairFlowPrefix(range.reporter_code, range.partner_code, range.flow).Release();
  std::string lower;
  std::string upper;
  if (!include_longer_codes) {
    std::tie(lower, upper) =
        YearBounds(base + KeyWriter().String(commodity_code).Release(), range);
  } else {
    lower = base + KeyWriter().StringPrefix(commodity_code).Release();
    upper = PrefixSuccessor(lower);
  }
  std::unique_ptr<RangeIterator> it = db_->Scan(ColumnFamily::kTradeFlows, lower, upper);
  while (it->Valid()) {
    KeyReader reader(it->key().substr(base.size()));
    ASSIGN_OR_RETURN(std::string commodity, reader.String());
    ASSIGN_OR_RETURN(int32_t year, reader.Int32());
    const std::string commodity_prefix = base + KeyWriter().String(commodity).Release();
    if (range.start_year != 0 && year < range.start_year) {
      it->Seek(commodity_prefix + KeyWriter().Int32(range.start_year).Release());
      continue;
    }
    if (range.end_year != 0 && year > range.end_year) {
      it->Seek(PrefixSuccessor(commodity_prefix));
      continue;
    }
    if (skip != nullptr && skip(commodity, year)) {
      it->Next();
      continue;
    }
    ASSIGN_OR_RETURN(v1::TradeFlow flow,
                     ParseValue<v1::TradeFlow>(it->value(), "a trade flow"));
    visit(flow);
    it->Next();
  }
  return it->status();
}

absl::StatusOr<std::string> TradeStore::GetDescription(const TradeRange& range,
                                                       const std::string& code) const {
  std::string description;
  bool found = false;
  RETURN_IF_ERROR(ScanFlows(
      range, code, /*include_longer_codes=*/false,
      [&](const std::string&, int32_t) { return found; },
      [&](const v1::TradeFlow& row) {
        description = row.commodity_description();
        found = true;
      }));
  return description;
}

absl::Status TradeStore::ScanCodeValues(
    const TradeRange& range, size_t digits, const std::string& code_prefix,
    absl::FunctionRef<void(const std::string& code, int64_t value)> visit) const {
  const std::string base =
      RollupPrefix(range.reporter_code, range.partner_code, range.flow, digits).Release();
  std::string lower = base + KeyWriter().StringPrefix(code_prefix).Release();
  std::string upper = PrefixSuccessor(lower);
  std::unique_ptr<RangeIterator> it =
      db_->Scan(ColumnFamily::kTradeCodeYears, std::move(lower), std::move(upper));
  std::vector<TradePeriod> periods;
  for (; it->Valid(); it->Next()) {
    const absl::string_view value = it->value();
    ASSIGN_OR_RETURN(size_t end, RollupYearsOffset(value));
    if (end == kRollupHeaderBytes) continue;  // No rows of its own.
    const int32_t first = LoadInt32(value.data() + kRollupHeaderBytes);
    const int32_t last = LoadInt32(value.data() + end - kPeriodBytes);
    if ((range.start_year != 0 && last < range.start_year) ||
        (range.end_year != 0 && first > range.end_year)) {
      continue;
    }
    KeyReader key(it->key().substr(base.size()));
    ASSIGN_OR_RETURN(std::string code, key.String());
    int64_t total = LoadInt64(value.data() + 4);
    const bool all_years = YearInRange(first, range.start_year, range.end_year) &&
                           YearInRange(last, range.start_year, range.end_year);
    bool any = all_years;
    if (!all_years || total == kNoTotal) {
      DecodePeriods(value, end, &periods);
      total = 0;
      RETURN_IF_ERROR(ForEachYearValue(periods, range.start_year, range.end_year,
                                       [&](int32_t, int64_t year_value) {
                                         any = true;
                                         return AddCents(year_value, &total);
                                       }));
    }
    if (any) visit(code, total);
  }
  return it->status();
}

absl::StatusOr<TradeFlowPage> TradeStore::ListFlows(const TradeFlowFilter& filter,
                                                    absl::string_view resume_after,
                                                    int limit, int max_examined) const {
  std::string lower;
  if (!filter.reporter_code.empty()) {
    KeyWriter prefix;
    prefix.String(filter.reporter_code);
    if (!filter.partner_code.empty()) prefix.String(filter.partner_code);
    lower = prefix.Release();
  }
  std::string upper = lower.empty() ? "" : PrefixSuccessor(lower);
  std::unique_ptr<RangeIterator> it =
      db_->Scan(ColumnFamily::kTradeFlows, std::move(lower), std::move(upper));
  if (!resume_after.empty()) {
    it->Seek(resume_after);
    if (it->Valid() && it->key() == resume_after) it->Next();
  }
  TradeFlowPage page;
  std::string last_read;
  std::string last_row;
  for (int examined = 0; it->Valid(); ++examined) {
    if (examined == max_examined) {
      page.resume_after = std::move(last_read);
      return page;
    }
    last_read.assign(it->key().data(), it->key().size());
    ASSIGN_OR_RETURN(TradeKeyFields fields, DecodeTradeFlowKey(last_read));
    if (std::optional<std::string> target = SkipTo(fields, filter)) {
      if (target->empty()) break;
      it->Seek(*target);
      continue;
    }
    if (static_cast<int>(page.flows.size()) == limit) {
      // A further row exists: the page ends at the one before it.
      page.resume_after = std::move(last_row);
      return page;
    }
    ASSIGN_OR_RETURN(v1::TradeFlow flow, ParseValue<v1::TradeFlow>(it->value(), "trade row"));
    page.flows.push_back(std::move(flow));
    last_row = last_read;
    it->Next();
  }
  RETURN_IF_ERROR(it->status());
  return page;
}

}  // namespace summit::storage
