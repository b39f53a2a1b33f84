// The database layout: column families, the keys and values each holds, and
// the schema version. Families are only ever appended to kColumnFamilies; an
// entry is never renamed, reordered or removed, since databases on disk
// name them. All keys are built with storage/key_codec.h.
#ifndef SUMMIT_STORAGE_SCHEMA_H_
#define SUMMIT_STORAGE_SCHEMA_H_

#include <array>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace summit::storage {

// Version of the key and value layout. Bump it with every incompatible
// change; Database::OpenPrimary refuses any other version and says to
// reload the data (no migration has been needed: no version has held data
// that cannot be reloaded from its reports and CSVs).
//   2: participant records hold first_seen and last_seen.
//   3: kSummitBasics holds each summit's BASIC view.
//   4: kTradeCodeYears holds each commodity code's values by period.
inline constexpr uint32_t kSchemaVersion = 4;

// Column families, by position in kColumnFamilies. Records hold protobuf
// values; indexes hold empty values unless noted.
enum class ColumnFamily : int {
  kDefault = 0,          // RocksDB's own; holds nothing.
  kMeta,                 // "schema_version" -> Uint32.
  kSummits,              // String(summit_id) -> v1::Summit.
  kArticles,             // String(source_id) -> String(summit_id) String(content_sha256).
  kParticipants,         // String(participant_id) -> v1::Participant, with counts.
  kSectors,              // String(sector_id) -> v1::Sector, counts only.
  kTradeFlows,           // String(reporter) String(partner) Uint8(flow)
                         // String(commodity) Int32(year) Uint8(month) -> v1::TradeFlow.
  kSummitsByDate,        // Date String(summit_id).
  kParticipantSummits,   // String(participant_id) Date String(summit_id).
  kSectorSummits,        // String(sector_id) Date String(summit_id).
  kCountrySummits,       // String(country) Date String(summit_id).
  kPairEvents,           // String(country_a) String(country_b) Date
                         // String(summit_id) Uint32(event), a < b; event 0 is
                         // the summit, i + 1 its i-th related engagement.
  kCountryParticipants,  // String(country) String(participant_id).
  kSummitBasics,         // String(summit_id) -> v1::Summit in the BASIC view
                         // (BasicSummit in storage/summit_facts.h).
  kTradeCodeYears,       // String(reporter) String(partner) Uint8(flow)
                         // Uint8(digits) String(commodity) -> the code's
                         // roll-up of kTradeFlows, TOTAL's too
                         // (EncodeTradeRollup in trade_store.h).
  // Append new families above this line.
  kCount,  // Not a family: how many there are.
};

inline constexpr std::array<absl::string_view, static_cast<size_t>(ColumnFamily::kCount)>
    kColumnFamilies = {
        "default",
        "meta",
        "summits",
        "articles",
        "participants",
        "sectors",
        "trade_flows",
        "summits_by_date",
        "participant_summits",
        "sector_summits",
        "country_summits",
        "pair_events",
        "country_participants",
        "summit_basics",
        "trade_code_years",
};
static_assert(!kColumnFamilies.back().empty(),
              "kColumnFamilies names every ColumnFamily, in the enum's order");

// The key in kMeta holding kSchemaVersion.
inline constexpr absl::string_view kSchemaVersionKey = "schema_version";

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_SCHEMA_H_
