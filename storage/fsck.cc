#include "storage/fsck.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "storage/key_codec.h"
#include "storage/proto_value.h"
#include "storage/summit_facts.h"
#include "storage/trade_store.h"

namespace summit::storage {

using common::kParticipants;
using common::kSectors;
using common::ResourceName;

namespace {

using EntryKey = std::pair<ColumnFamily, std::string>;

// Dates in index order (unknown parts first): the order of their keys.
bool DateBefore(const v1::Date& a, const v1::Date& b) {
  return KeyWriter().Date(a).Release() < KeyWriter().Date(b).Release();
}

bool SameDate(const v1::Date& a, const v1::Date& b) {
  return KeyWriter().Date(a).Release() == KeyWriter().Date(b).Release();
}

// The summit index families, all derived by DeriveSummitFacts.
constexpr ColumnFamily kSummitIndexes[] = {
    ColumnFamily::kSummitsByDate, ColumnFamily::kParticipantSummits,
    ColumnFamily::kSectorSummits, ColumnFamily::kCountrySummits,
    ColumnFamily::kPairEvents,    ColumnFamily::kArticles,
    ColumnFamily::kSummitBasics,
};

std::string Describe(ColumnFamily family, absl::string_view key) {
  return absl::StrCat(kColumnFamilies[static_cast<int>(family)], "[\"",
                      absl::CHexEscape(key), "\"]");
}

class Checker {
 public:
  explicit Checker(const Database& db) : db_(db) {}

  absl::StatusOr<FsckReport> Run() && {
    for (auto step :
         {&Checker::CheckSummits, &Checker::CheckSummitIndexes,
          &Checker::CheckParticipants, &Checker::CheckSectors, &Checker::CheckTrade}) {
      RETURN_IF_ERROR((this->*step)());
    }
    return std::move(report_);
  }

 private:
  void Problem(std::string problem) {
    ++report_.problem_count;
    if (report_.problems.size() < FsckReport::kMaxProblems) {
      report_.problems.push_back(std::move(problem));
    }
  }

  // Reads every summit and derives what it implies.
  absl::Status CheckSummits() {
    std::unique_ptr<RangeIterator> it = db_.Scan(ColumnFamily::kSummits, "", "");
    for (; it->Valid(); it->Next()) {
      ++report_.summits;
      const std::string where = Describe(ColumnFamily::kSummits, it->key());
      KeyReader reader(it->key());
      absl::StatusOr<std::string> id = reader.String();
      if (!id.ok() || !reader.ExpectEnd().ok()) {
        Problem(absl::StrCat(where, ": undecodable key"));
        continue;
      }
      absl::StatusOr<v1::Summit> summit = ParseValue<v1::Summit>(it->value(), where);
      if (!summit.ok()) {
        Problem(std::string(summit.status().message()));
        continue;
      }
      absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(*summit);
      if (!facts.ok()) {
        Problem(absl::StrCat(where, ": ", facts.status().message()));
        continue;
      }
      if (facts->summit_id != *id) {
        Problem(
            absl::StrCat(where, ": record named ", summit->name(), " under key ", *id));
      }
      for (const IndexEntry& entry : facts->index_entries) {
        expected_entries_[{entry.family, entry.key}] = entry.value;
      }
      for (const auto& [participant_id, unused] : facts->participants) {
        ++expected_participants_[participant_id];
        auto [seen, inserted] =
            expected_seen_.try_emplace(participant_id, summit->date(), summit->date());
        if (DateBefore(summit->date(), seen->second.first))
          seen->second.first = summit->date();
        if (DateBefore(seen->second.second, summit->date()))
          seen->second.second = summit->date();
      }
      for (const auto& [sector_id, agreements] : facts->sectors) {
        auto& [summits, agreement_count] = expected_sectors_[sector_id];
        ++summits;
        agreement_count += agreements;
      }
    }
    return it->status();
  }

  // Every summit index entry must be one a summit implies, and the reverse.
  absl::Status CheckSummitIndexes() {
    for (ColumnFamily family : kSummitIndexes) {
      std::unique_ptr<RangeIterator> it = db_.Scan(family, "", "");
      for (; it->Valid(); it->Next()) {
        ++report_.index_entries;
        auto expected = expected_entries_.find({family, std::string(it->key())});
        if (expected == expected_entries_.end()) {
          Problem(absl::StrCat(Describe(family, it->key()),
                               ": index entry without its summit record"));
          continue;
        }
        if (expected->second != it->value()) {
          Problem(absl::StrCat(Describe(family, it->key()),
                               ": index value disagrees with the summit record"));
        }
        expected_entries_.erase(expected);
      }
      RETURN_IF_ERROR(it->status());
    }
    for (const auto& [key, value] : expected_entries_) {
      Problem(absl::StrCat(Describe(key.first, key.second),
                           ": summit record without this index entry"));
    }
    return absl::OkStatus();
  }

  absl::Status CheckParticipants() {
    std::set<EntryKey> expected_country_entries;
    std::unique_ptr<RangeIterator> it = db_.Scan(ColumnFamily::kParticipants, "", "");
    for (; it->Valid(); it->Next()) {
      ++report_.participants;
      const std::string where = Describe(ColumnFamily::kParticipants, it->key());
      KeyReader reader(it->key());
      absl::StatusOr<std::string> id = reader.String();
      if (!id.ok() || !reader.ExpectEnd().ok()) {
        Problem(absl::StrCat(where, ": undecodable key"));
        continue;
      }
      absl::StatusOr<v1::Participant> participant =
          ParseValue<v1::Participant>(it->value(), where);
      if (!participant.ok()) {
        Problem(std::string(participant.status().message()));
        continue;
      }
      const int expected = expected_participants_[*id];
      expected_participants_.erase(*id);
      if (participant->summit_count() != expected) {
        Problem(absl::StrCat(ResourceName(kParticipants, *id), ": summit_count ",
                             participant->summit_count(), " but ", expected,
                             " summits list the participant"));
      }
      if (auto seen = expected_seen_.find(*id);
          seen != expected_seen_.end() &&
          (!SameDate(participant->first_seen(), seen->second.first) ||
           !SameDate(participant->last_seen(), seen->second.second))) {
        Problem(absl::StrCat(ResourceName(kParticipants, *id),
                             ": first_seen/last_seen are not the dates of its first "
                             "and last summit"));
      }
      expected_country_entries.insert(
          {ColumnFamily::kCountryParticipants,
           KeyWriter().String(participant->country_code()).String(*id).Release()});
    }
    RETURN_IF_ERROR(it->status());
    for (const auto& [id, count] : expected_participants_) {
      Problem(absl::StrCat(ResourceName(kParticipants, id), ": listed by ", count,
                           " summits but has no participant record"));
    }
    return CheckKeySet(ColumnFamily::kCountryParticipants, expected_country_entries,
                       "participant record");
  }

  // Every key of `family` must be in `expected`, and the reverse.
  absl::Status CheckKeySet(ColumnFamily family, std::set<EntryKey> expected,
                           absl::string_view record) {
    std::unique_ptr<RangeIterator> it = db_.Scan(family, "", "");
    for (; it->Valid(); it->Next()) {
      ++report_.index_entries;
      if (expected.erase({family, std::string(it->key())}) == 0) {
        Problem(absl::StrCat(Describe(family, it->key()), ": index entry without its ",
                             record));
      }
    }
    for (const auto& [unused, key] : expected) {
      Problem(
          absl::StrCat(Describe(family, key), ": ", record, " without this index entry"));
    }
    return it->status();
  }

  absl::Status CheckSectors() {
    std::unique_ptr<RangeIterator> it = db_.Scan(ColumnFamily::kSectors, "", "");
    for (; it->Valid(); it->Next()) {
      ++report_.sectors;
      const std::string where = Describe(ColumnFamily::kSectors, it->key());
      KeyReader reader(it->key());
      absl::StatusOr<std::string> id = reader.String();
      if (!id.ok() || !reader.ExpectEnd().ok()) {
        Problem(absl::StrCat(where, ": undecodable key"));
        continue;
      }
      absl::StatusOr<v1::Sector> sector = ParseValue<v1::Sector>(it->value(), where);
      if (!sector.ok()) {
        Problem(std::string(sector.status().message()));
        continue;
      }
      const auto [summits, agreements] = expected_sectors_[*id];
      expected_sectors_.erase(*id);
      if (sector->summit_count() != summits || sector->agreement_count() != agreements) {
        Problem(absl::StrCat(
            ResourceName(kSectors, *id), ": counts ", sector->summit_count(),
            " summits and ", sector->agreement_count(),
            " agreements, but the summits give ", summits, " and ", agreements));
      }
    }
    for (const auto& [id, counts] : expected_sectors_) {
      Problem(absl::StrCat(ResourceName(kSectors, id), ": touched by ", counts.first,
                           " summits but has no sector record"));
    }
    return it->status();
  }

  // Each trade row must parse and sit under its own key, and each code's
  // roll-up must hold exactly its rows' periods and the years of the rows
  // under it. Rows come in (pair, flow, code, year, month) order, in which
  // the codes under a code follow it, so the open roll-ups are a chain of
  // codes, each under the one before.
  absl::Status CheckTrade() {
    std::unique_ptr<RangeIterator> it = db_.Scan(ColumnFamily::kTradeFlows, "", "");
    for (; it->Valid(); it->Next()) {
      ++report_.trade_flows;
      const std::string where = Describe(ColumnFamily::kTradeFlows, it->key());
      absl::StatusOr<v1::TradeFlow> flow = ParseValue<v1::TradeFlow>(it->value(), where);
      if (!flow.ok()) {
        Problem(std::string(flow.status().message()));
        continue;
      }
      if (TradeFlowKey(*flow) != it->key()) {
        Problem(absl::StrCat(where, ": key does not match the row it holds"));
      }
      RETURN_IF_ERROR(ExpectRollups(*flow));
    }
    RETURN_IF_ERROR(it->status());
    RETURN_IF_ERROR(CloseRollups(nullptr));
    // Every expected roll-up was found; any further entry has no rows.
    int64_t stored = 0;
    std::unique_ptr<RangeIterator> all = db_.Scan(ColumnFamily::kTradeCodeYears, "", "");
    for (; all->Valid(); all->Next()) ++stored;
    RETURN_IF_ERROR(all->status());
    if (stored != rollups_) {
      Problem(absl::StrCat("trade_code_years holds ", stored,
                           " roll-ups while the trade rows make ", rollups_));
    }
    return absl::OkStatus();
  }

  // A roll-up the rows read so far imply.
  struct OpenRollup {
    v1::TradeFlow code;  // Reporter, partner, flow and commodity code.
    TradeRollup expected;
    std::set<int32_t> subtree_years;
  };

  // Whether the roll-up of `above` counts `row` in its subtree years.
  static bool Above(const v1::TradeFlow& above, const v1::TradeFlow& row) {
    if (above.reporter_code() != row.reporter_code() ||
        above.partner_code() != row.partner_code() || above.direction() != row.direction()) {
      return false;
    }
    const std::vector<std::string> codes = CodesAbove(row.commodity_code());
    return std::find(codes.begin(), codes.end(), above.commodity_code()) != codes.end();
  }

  absl::Status ExpectRollups(const v1::TradeFlow& row) {
    if (!open_.empty() && TradeRollupKey(open_.back().code) == TradeRollupKey(row)) {
      open_.back().expected.periods.push_back(
          {row.year(), row.month(), row.value_usd_cents()});
      for (size_t i = 0; i + 1 < open_.size(); ++i) {
        open_[i].subtree_years.insert(row.year());
      }
      return absl::OkStatus();
    }
    RETURN_IF_ERROR(CloseRollups(&row));
    // The open roll-ups are now codes above the row, shortest first: open
    // the longer ones missing.
    for (std::string& code : CodesAbove(row.commodity_code())) {
      if (!open_.empty() && code.size() <= open_.back().code.commodity_code().size()) {
        continue;
      }
      OpenRollup above;
      above.code = row;
      above.code.set_commodity_code(std::move(code));
      open_.push_back(std::move(above));
    }
    for (OpenRollup& above : open_) above.subtree_years.insert(row.year());
    OpenRollup own;
    own.code = row;
    own.expected.periods.push_back({row.year(), row.month(), row.value_usd_cents()});
    open_.push_back(std::move(own));
    return absl::OkStatus();
  }

  // Checks the open roll-ups that `row` is not under (all when null).
  absl::Status CloseRollups(const v1::TradeFlow* row) {
    while (!open_.empty() && (row == nullptr || !Above(open_.back().code, *row))) {
      OpenRollup& done = open_.back();
      done.expected.subtree_years.assign(done.subtree_years.begin(),
                                         done.subtree_years.end());
      RETURN_IF_ERROR(CheckRollup(TradeRollupKey(done.code), done.expected));
      open_.pop_back();
    }
    return absl::OkStatus();
  }

  // Compares the roll-up at `key` with `expected`.
  absl::Status CheckRollup(const std::string& key, const TradeRollup& expected) {
    ++rollups_;
    const std::string where = Describe(ColumnFamily::kTradeCodeYears, key);
    ASSIGN_OR_RETURN(std::optional<std::string> stored,
                     db_.Get(ColumnFamily::kTradeCodeYears, key));
    if (!stored.has_value()) {
      Problem(
          absl::StrCat(where, ": missing roll-up of ", expected.periods.size(), " rows"));
      return absl::OkStatus();
    }
    absl::StatusOr<TradeRollup> decoded = DecodeTradeRollup(*stored);
    if (!decoded.ok()) {
      Problem(absl::StrCat(where, ": ", decoded.status().message()));
    } else if (!(*decoded == expected)) {
      Problem(absl::StrCat(where, ": roll-up holds ", decoded->periods.size(),
                           " periods and ", decoded->subtree_years.size(),
                           " subtree years; its rows make ", expected.periods.size(),
                           " and ", expected.subtree_years.size()));
    } else if (*stored != EncodeTradeRollup(expected)) {
      Problem(absl::StrCat(where, ": roll-up's total disagrees with its periods"));
    }
    return absl::OkStatus();
  }

  const Database& db_;
  FsckReport report_;
  std::map<EntryKey, std::string> expected_entries_;
  std::map<std::string, int> expected_participants_;
  // participant id -> dates of its first and last summit.
  std::map<std::string, std::pair<v1::Date, v1::Date>> expected_seen_;
  std::map<std::string, std::pair<int, int>> expected_sectors_;
  std::vector<OpenRollup> open_;  // Each under the one before.
  int64_t rollups_ = 0;           // Roll-ups the rows imply.
};

}  // namespace

absl::StatusOr<FsckReport> Fsck(const Database& db) { return Checker(db).Run(); }

}  // namespace summit::storage
