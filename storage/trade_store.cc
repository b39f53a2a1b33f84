#include "storage/trade_store.h"

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

}  // namespace

std::string TradeFlowKey(const v1::TradeFlow& flow) {
  return PairFlowPrefix(flow.reporter_code(), flow.partner_code(), flow.flow())
      .String(flow.commodity_code())
      .Int32(flow.year())
      .Uint8(static_cast<uint8_t>(flow.month()))
      .Release();
}

absl::Status TradeStore::PutFlows(absl::Span<const v1::TradeFlow* const> flows) {
  WriteBatch batch(*db_);
  for (size_t i = 0; i < flows.size(); ++i) {
    const v1::TradeFlow& flow = *flows[i];
    if (flow.flow() <= 0 || flow.flow() > 255 || flow.month() < 0 || flow.month() > 12) {
      return absl::InvalidArgumentError(
          absl::StrCat("flows[", i, "]: flow must be set and month 0..12"));
    }
    batch.Put(ColumnFamily::kTradeFlows, TradeFlowKey(flow), flow.SerializeAsString());
  }
  // Not synced: the WAL write has reached the OS when this returns, so an
  // acknowledged batch survives a crash of the process (kill -9). Only an
  // OS crash or power loss could drop the last batches, and a trade load is
  // idempotent and repeatable from its CSV; syncing every batch would cost
  // most of the bulk-load throughput.
  return db_->Write(batch, /*sync=*/false);
}

absl::Status TradeStore::ScanFlows(
    const TradeRange& range, const std::string& commodity_code, bool include_longer_codes,
    const std::function<RowSkip(const std::string& code, int32_t year)>& decide,
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
    if (decide != nullptr) {
      const RowSkip step = decide(commodity, year);
      if (step.subtree_length > 0) {
        it->Seek(PrefixSuccessor(
            base +
            KeyWriter()
                .StringPrefix(absl::string_view(commodity).substr(0, step.subtree_length))
                .Release()));
        continue;
      }
      if (step.skip) {
        it->Next();
        continue;
      }
    }
    ASSIGN_OR_RETURN(v1::TradeFlow flow,
                     ParseValue<v1::TradeFlow>(it->value(), "a trade flow"));
    visit(flow);
    it->Next();
  }
  return it->status();
}

}  // namespace summit::storage
