#include "storage/summit_store.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/clock.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "google/protobuf/util/time_util.h"
#include "storage/key_codec.h"
#include "storage/proto_value.h"
#include "storage/summit_facts.h"

namespace summit::storage {

using common::kParticipants;
using common::kSectors;
using common::kSummits;
using common::ResourceId;
using common::ResourceName;

namespace {

constexpr size_t kMaxAliases = 32;

std::string IdKey(absl::string_view id) { return KeyWriter().String(id).Release(); }

std::string CountryParticipantKey(absl::string_view country, absl::string_view id) {
  return KeyWriter().String(country).String(id).Release();
}

// Puts `value` first in `list` unless present.
void AddFirst(google::protobuf::RepeatedPtrField<std::string>* list,
              const std::string& value) {
  if (value.empty() || std::find(list->begin(), list->end(), value) != list->end())
    return;
  list->Add(std::string(value));
  std::rotate(list->rbegin(), list->rbegin() + 1, list->rend());
}

// The exclusive upper key of the dates up to `end` inclusive, after `prefix`;
// empty for no bound.
std::string DateUpperBound(const std::string& prefix, const v1::Date& end) {
  if (end.year() == 0) return PrefixSuccessor(prefix);
  if (end.month() == 0) return prefix + KeyWriter().Int32(end.year() + 1).Release();
  if (end.day() == 0) {
    return prefix + KeyWriter().Int32(end.year()).Uint8(end.month() + 1).Release();
  }
  return prefix +
         KeyWriter().Int32(end.year()).Uint8(end.month()).Uint8(end.day() + 1).Release();
}

// The stored value of record `id` in `family`; NOT_FOUND names it as
// "{collection}/{id}".
absl::StatusOr<std::string> GetRecord(const Database& db, ColumnFamily family,
                                      absl::string_view collection,
                                      absl::string_view id) {
  ASSIGN_OR_RETURN(std::optional<std::string> value, db.Get(family, IdKey(id)));
  if (!value.has_value()) {
    return absl::NotFoundError(absl::StrCat(ResourceName(collection, id), " not found"));
  }
  return *std::move(value);
}

// The smallest key greater than `key`.
std::string KeyAfter(absl::string_view key) {
  std::string next(key);
  next.push_back('\0');
  return next;
}

// The column family of a summit index.
ColumnFamily IndexFamily(SummitScan::Index index) {
  switch (index) {
    case SummitScan::Index::kByDate:
      return ColumnFamily::kSummitsByDate;
    case SummitScan::Index::kByParticipant:
      return ColumnFamily::kParticipantSummits;
    case SummitScan::Index::kBySector:
      return ColumnFamily::kSectorSummits;
    case SummitScan::Index::kByCountry:
      return ColumnFamily::kCountrySummits;
  }
  return ColumnFamily::kSummitsByDate;
}

// A page of keys in [lower, upper) after `resume_after`, decoded by `decode`.
// Touches at most limit + 1 keys.
absl::StatusOr<IdPage> ScanPage(
    const Database& db, ColumnFamily family, const std::string& lower,
    const std::string& upper, int limit, absl::string_view resume_after,
    const std::function<absl::StatusOr<std::string>(absl::string_view)>& decode) {
  if (!resume_after.empty() &&
      (resume_after < lower || (!upper.empty() && resume_after >= upper))) {
    return absl::InvalidArgumentError("page token does not belong to this query");
  }
  std::unique_ptr<RangeIterator> it = db.Scan(family, lower, upper);
  if (!resume_after.empty()) {
    it->Seek(resume_after);
    if (it->Valid() && it->key() == resume_after) it->Next();
  }
  IdPage page;
  std::string last_key;
  for (; it->Valid() && static_cast<int>(page.ids.size()) < limit; it->Next()) {
    ASSIGN_OR_RETURN(std::string id, decode(it->key()));
    page.ids.push_back(std::move(id));
    last_key = std::string(it->key());
  }
  RETURN_IF_ERROR(it->status());
  if (it->Valid()) page.resume_after = std::move(last_key);
  return page;
}

// Participant and sector records a batch changes: as loaded, and as they
// will be written.
struct Aggregates {
  struct Entry {
    std::optional<v1::Participant> loaded;
    v1::Participant participant;
  };
  std::map<std::string, Entry> participants;
  std::map<std::string, v1::Sector> sectors;
};

absl::Status LoadParticipant(const SummitStore& store, const std::string& id,
                             Aggregates& aggregates) {
  if (aggregates.participants.count(id) != 0) return absl::OkStatus();
  Aggregates::Entry& entry = aggregates.participants[id];
  absl::StatusOr<v1::Participant> loaded = store.GetParticipant(id);
  if (loaded.ok()) {
    entry.loaded = *loaded;
    entry.participant = *std::move(loaded);
  } else if (absl::IsNotFound(loaded.status())) {
    entry.participant.set_name(ResourceName(kParticipants, id));
  } else {
    return loaded.status();
  }
  return absl::OkStatus();
}

absl::Status LoadSector(const SummitStore& store, const std::string& id,
                        Aggregates& aggregates) {
  if (aggregates.sectors.count(id) != 0) return absl::OkStatus();
  absl::StatusOr<v1::Sector> loaded = store.GetSectorCounts(id);
  if (loaded.ok()) {
    aggregates.sectors[id] = *std::move(loaded);
  } else if (absl::IsNotFound(loaded.status())) {
    aggregates.sectors[id].set_name(ResourceName(kSectors, id));
  } else {
    return loaded.status();
  }
  return absl::OkStatus();
}

// Adds (sign +1) or removes (sign -1) one summit's share of the aggregates.
// An added summit also refreshes its participants' names, titles,
// countries and Wikidata ids; removing one keeps them, as history.
absl::Status ApplyShare(const SummitStore& store, const SummitFacts& facts, int sign,
                        Aggregates& aggregates) {
  for (const auto& [id, entry] : facts.participants) {
    RETURN_IF_ERROR(LoadParticipant(store, id, aggregates));
    v1::Participant& participant = aggregates.participants[id].participant;
    participant.set_summit_count(participant.summit_count() + sign);
    if (sign < 0) continue;
    if (!entry->display_name().empty())
      participant.set_display_name(entry->display_name());
    if (!entry->country_code().empty())
      participant.set_country_code(entry->country_code());
    if (!entry->wikidata_id().empty()) participant.set_wikidata_id(entry->wikidata_id());
    AddFirst(participant.mutable_titles(), entry->title());
    for (const v1::TextSpan& mention : entry->mentions()) {
      if (mention.text() != participant.display_name() &&
          participant.aliases_size() < static_cast<int>(kMaxAliases)) {
        AddFirst(participant.mutable_aliases(), mention.text());
      }
    }
  }
  for (const auto& [id, agreements] : facts.sectors) {
    RETURN_IF_ERROR(LoadSector(store, id, aggregates));
    v1::Sector& sector = aggregates.sectors[id];
    sector.set_summit_count(sector.summit_count() + sign);
    sector.set_agreement_count(sector.agreement_count() + sign * agreements);
  }
  return absl::OkStatus();
}

// Index entries of a batch, before and after it.
using EntryMap = std::map<std::pair<ColumnFamily, std::string>, std::string>;

// The dates of a participant's first and last summit once the batch is
// written: its first and last kParticipantSummits keys in the database that
// the batch keeps, against the first and last the batch adds. Skips at most
// the batch's own deletions.
absl::Status SetSeenRange(const Database& db, const std::string& id,
                          const EntryMap& old_entries, const EntryMap& new_entries,
                          v1::Participant& participant) {
  constexpr ColumnFamily kFamily = ColumnFamily::kParticipantSummits;
  const std::string prefix = IdKey(id);
  const std::string end = PrefixSuccessor(prefix);
  auto deleted = [&](absl::string_view key) {
    const std::pair<ColumnFamily, std::string> entry(kFamily, std::string(key));
    return old_entries.count(entry) != 0 && new_entries.count(entry) == 0;
  };
  std::optional<std::string> first, last;
  std::unique_ptr<RangeIterator> it = db.Scan(kFamily, prefix, end);
  while (it->Valid() && deleted(it->key())) it->Next();
  if (it->Valid()) first = std::string(it->key());
  it->SeekToLast();
  while (it->Valid() && deleted(it->key())) it->Prev();
  if (it->Valid()) last = std::string(it->key());
  RETURN_IF_ERROR(it->status());

  auto added = new_entries.lower_bound({kFamily, prefix});
  auto added_end = new_entries.lower_bound({kFamily, end});
  if (added != added_end) {
    if (!first || added->first.second < *first) first = added->first.second;
    const std::string& added_last = std::prev(added_end)->first.second;
    if (!last || added_last > *last) last = added_last;
  }
  participant.clear_first_seen();
  participant.clear_last_seen();
  for (const auto& [key, seen] : {std::pair(&first, participant.mutable_first_seen()),
                                  std::pair(&last, participant.mutable_last_seen())}) {
    if (!key->has_value()) continue;
    ASSIGN_OR_RETURN(v1::Date date,
                     KeyReader(absl::string_view(**key).substr(prefix.size())).Date());
    *seen = date;
  }
  return absl::OkStatus();
}

// Writes the changed aggregates: records with a zero count are removed, and
// so is their entry in kCountryParticipants.
void StageAggregates(const Aggregates& aggregates, WriteBatch& batch) {
  for (const auto& [id, entry] : aggregates.participants) {
    const v1::Participant& participant = entry.participant;
    const bool keep = participant.summit_count() > 0;
    if (entry.loaded &&
        (!keep || entry.loaded->country_code() != participant.country_code())) {
      batch.Delete(ColumnFamily::kCountryParticipants,
                   CountryParticipantKey(entry.loaded->country_code(), id));
    }
    if (!keep) {
      batch.Delete(ColumnFamily::kParticipants, IdKey(id));
      continue;
    }
    batch.Put(ColumnFamily::kParticipants, IdKey(id), participant.SerializeAsString());
    batch.Put(ColumnFamily::kCountryParticipants,
              CountryParticipantKey(participant.country_code(), id), "");
  }
  for (const auto& [id, sector] : aggregates.sectors) {
    if (sector.summit_count() > 0) {
      batch.Put(ColumnFamily::kSectors, IdKey(id), sector.SerializeAsString());
    } else {
      batch.Delete(ColumnFamily::kSectors, IdKey(id));
    }
  }
}

}  // namespace

absl::StatusOr<std::string> SummitStore::GetSummitEncoded(
    absl::string_view summit_id) const {
  return GetRecord(*db_, ColumnFamily::kSummits, kSummits, summit_id);
}

absl::StatusOr<std::string> SummitStore::GetBasicSummitEncoded(
    absl::string_view summit_id) const {
  return GetRecord(*db_, ColumnFamily::kSummitBasics, kSummits, summit_id);
}

absl::StatusOr<v1::Summit> SummitStore::GetSummit(absl::string_view summit_id) const {
  ASSIGN_OR_RETURN(std::string encoded, GetSummitEncoded(summit_id));
  return ParseValue<v1::Summit>(encoded, ResourceName(kSummits, summit_id));
}

absl::StatusOr<std::optional<ArticleRecord>> SummitStore::GetArticle(
    absl::string_view source_id) const {
  ASSIGN_OR_RETURN(std::optional<std::string> value,
                   db_->Get(ColumnFamily::kArticles, ArticleKey(source_id)));
  if (!value.has_value()) return std::nullopt;
  KeyReader reader(*value);
  ArticleRecord record;
  ASSIGN_OR_RETURN(std::string summit_id, reader.String());
  ASSIGN_OR_RETURN(std::string sha, reader.String());
  RETURN_IF_ERROR(reader.ExpectEnd());
  return ArticleRecord{std::move(summit_id), std::move(sha)};
}

absl::StatusOr<std::string> SummitStore::GetParticipantEncoded(
    absl::string_view participant_id) const {
  return GetRecord(*db_, ColumnFamily::kParticipants, kParticipants, participant_id);
}

absl::StatusOr<v1::Participant> SummitStore::GetParticipant(
    absl::string_view participant_id) const {
  ASSIGN_OR_RETURN(std::string encoded, GetParticipantEncoded(participant_id));
  return ParseValue<v1::Participant>(encoded,
                                     ResourceName(kParticipants, participant_id));
}

absl::StatusOr<v1::Sector> SummitStore::GetSectorCounts(
    absl::string_view sector_id) const {
  ASSIGN_OR_RETURN(std::string encoded,
                   GetRecord(*db_, ColumnFamily::kSectors, kSectors, sector_id));
  return ParseValue<v1::Sector>(encoded, ResourceName(kSectors, sector_id));
}

absl::StatusOr<std::vector<v1::Sector>> SummitStore::ListSectorCounts() const {
  std::vector<v1::Sector> sectors;
  for (std::unique_ptr<RangeIterator> it = db_->Scan(ColumnFamily::kSectors, "", "");
       it->Valid(); it->Next()) {
    ASSIGN_OR_RETURN(v1::Sector sector, ParseValue<v1::Sector>(it->value(), "a sector"));
    sectors.push_back(std::move(sector));
  }
  return sectors;
}

absl::StatusOr<IdPage> SummitStore::ScanSummitIds(absl::Span<const SummitScan> scans,
                                                  int limit,
                                                  absl::string_view resume_after) const {
  if (scans.empty()) return absl::InvalidArgumentError("no summit index to scan");
  if (!resume_after.empty()) {
    KeyReader reader(resume_after);
    if (!reader.Date().ok() || !reader.String().ok() || !reader.done()) {
      return absl::InvalidArgumentError("page token does not belong to this query");
    }
  }
  // One cursor per scan; every key is the cursor's prefix + (date, id).
  struct Cursor {
    std::string prefix;
    std::unique_ptr<RangeIterator> it;
    absl::string_view suffix() const { return it->key().substr(prefix.size()); }
  };
  std::vector<Cursor> cursors;
  for (const SummitScan& scan : scans) {
    const std::string prefix =
        scan.index == SummitScan::Index::kByDate ? "" : IdKey(scan.id);
    const std::string lower =
        scan.start.year() == 0 ? prefix : prefix + KeyWriter().Date(scan.start).Release();
    const std::string upper = DateUpperBound(prefix, scan.end);
    if (!resume_after.empty()) {
      const std::string resume = prefix + std::string(resume_after);
      if (resume < lower || (!upper.empty() && resume >= upper)) {
        return absl::InvalidArgumentError("page token does not belong to this query");
      }
    }
    cursors.push_back({prefix, db_->Scan(IndexFamily(scan.index), lower, upper)});
  }

  // Leapfrog: move each cursor to the first suffix >= `target`; a cursor
  // that lands beyond it raises the target, until all agree. Returns the
  // agreed suffix, or nullopt when a cursor runs out.
  auto align = [&](std::string target) -> absl::StatusOr<std::optional<std::string>> {
    size_t agreed = 0;
    for (size_t i = 0; agreed < cursors.size(); i = (i + 1) % cursors.size()) {
      Cursor& cursor = cursors[i];
      if (cursor.it->Valid() && cursor.suffix() < target) {
        cursor.it->Seek(cursor.prefix + target);
      }
      if (!cursor.it->Valid()) {
        RETURN_IF_ERROR(cursor.it->status());
        return std::nullopt;
      }
      if (cursor.suffix() == target) {
        ++agreed;
      } else {
        target = std::string(cursor.suffix());
        agreed = 1;
      }
    }
    return target;
  };

  IdPage page;
  std::string target = resume_after.empty() ? "" : KeyAfter(resume_after);
  std::string last;
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<std::string> match, align(std::move(target)));
    if (!match.has_value()) break;
    if (static_cast<int>(page.ids.size()) == limit) {
      page.resume_after = std::move(last);
      break;
    }
    KeyReader reader(*match);
    RETURN_IF_ERROR(reader.Date().status());
    ASSIGN_OR_RETURN(std::string id, reader.String());
    page.ids.push_back(std::move(id));
    last = *match;
    target = KeyAfter(last);
    cursors.front().it->Next();
  }
  return page;
}

absl::StatusOr<IdPage> SummitStore::ScanParticipantIds(
    absl::string_view country_code, int limit, absl::string_view resume_after) const {
  if (country_code.empty()) {
    return ScanPage(*db_, ColumnFamily::kParticipants, "", "", limit, resume_after,
                    [](absl::string_view key) { return KeyReader(key).String(); });
  }
  const std::string prefix = IdKey(country_code);
  return ScanPage(*db_, ColumnFamily::kCountryParticipants, prefix,
                  PrefixSuccessor(prefix), limit, resume_after,
                  [&](absl::string_view key) {
                    return KeyReader(key.substr(prefix.size())).String();
                  });
}

absl::StatusOr<std::vector<PairEvent>> SummitStore::ScanPairEvents(
    absl::string_view country_a, absl::string_view country_b) const {
  if (country_b < country_a) std::swap(country_a, country_b);
  const std::string prefix = KeyWriter().String(country_a).String(country_b).Release();
  std::vector<PairEvent> events;
  std::unique_ptr<RangeIterator> it =
      db_->Scan(ColumnFamily::kPairEvents, prefix, PrefixSuccessor(prefix));
  for (; it->Valid(); it->Next()) {
    KeyReader reader(it->key().substr(prefix.size()));
    ASSIGN_OR_RETURN(v1::Date date, reader.Date());
    ASSIGN_OR_RETURN(std::string summit_id, reader.String());
    ASSIGN_OR_RETURN(uint32_t event, reader.Uint32());
    events.push_back({date, std::move(summit_id), event});
  }
  RETURN_IF_ERROR(it->status());
  return events;
}

absl::StatusOr<v1::Summit> SummitStore::PutSummit(v1::Summit summit, bool* created) {
  ASSIGN_OR_RETURN(std::string id, ResourceId(summit.name(), kSummits, "summit.name"));
  SummitChange change;
  change.puts.push_back(std::move(summit));
  ASSIGN_OR_RETURN(CommitResult result, Commit(std::move(change)));
  CommitResult::Written& written = result.written.at(id);
  if (created != nullptr) *created = written.created;
  return std::move(written.summit);
}

absl::Status SummitStore::DeleteSummit(absl::string_view summit_id) {
  SummitChange change;
  change.deletes.emplace_back(summit_id);
  return Commit(std::move(change)).status();
}

absl::StatusOr<CommitResult> SummitStore::Commit(SummitChange change) {
  return Update([&]() -> absl::StatusOr<SummitChange> { return std::move(change); });
}

absl::StatusOr<CommitResult> SummitStore::Update(
    absl::FunctionRef<absl::StatusOr<SummitChange>()> decide) {
  absl::MutexLock lock(&write_mu_);
  ASSIGN_OR_RETURN(SummitChange change, decide());
  if (change.puts.empty() && change.deletes.empty()) return CommitResult{};
  return CommitLocked(std::move(change));
}

absl::StatusOr<CommitResult> SummitStore::CommitLocked(SummitChange change) {
  std::vector<v1::Summit>& puts = change.puts;
  const std::vector<std::string>& deletes = change.deletes;
  google::protobuf::Timestamp now = common::TimestampNow();
  if (now <= last_update_time_) {
    now = last_update_time_ + google::protobuf::util::TimeUtil::NanosecondsToDuration(1);
  }

  // The old and new version of every summit the batch touches.
  struct Change {
    std::optional<v1::Summit> before;
    v1::Summit* after = nullptr;
  };
  std::map<std::string, Change> changes;
  auto load = [&](const std::string& id) -> absl::Status {
    if (changes.count(id) != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(ResourceName(kSummits, id), " is written twice in one batch"));
    }
    absl::StatusOr<v1::Summit> before = GetSummit(id);
    if (!before.ok() && !absl::IsNotFound(before.status())) return before.status();
    changes[id].before =
        before.ok() ? std::optional<v1::Summit>(*std::move(before)) : std::nullopt;
    return absl::OkStatus();
  };
  for (v1::Summit& summit : puts) {
    ASSIGN_OR_RETURN(std::string id, ResourceId(summit.name(), kSummits, "summit.name"));
    RETURN_IF_ERROR(load(id));
    Change& change = changes[id];
    *summit.mutable_create_time() = change.before ? change.before->create_time() : now;
    *summit.mutable_update_time() = now;
    summit.set_agreement_count(summit.agreements_size());
    summit.set_amount_count(summit.amounts_size());
    change.after = &summit;
  }
  for (const std::string& id : deletes) {
    RETURN_IF_ERROR(load(id));
    if (!changes[id].before) {
      return absl::NotFoundError(absl::StrCat(ResourceName(kSummits, id), " not found"));
    }
  }

  // Index entries before and after, over the whole batch, so that an entry
  // moving between summits (a source) is deleted and put in the right order.
  EntryMap old_entries;
  EntryMap new_entries;
  Aggregates aggregates;
  WriteBatch batch(*db_);
  for (const auto& [id, change] : changes) {
    if (change.before) {
      ASSIGN_OR_RETURN(SummitFacts facts, DeriveSummitFacts(*change.before));
      for (const IndexEntry& entry : facts.index_entries) {
        old_entries[{entry.family, entry.key}] = entry.value;
      }
      RETURN_IF_ERROR(ApplyShare(*this, facts, -1, aggregates));
    }
    if (change.after != nullptr) {
      ASSIGN_OR_RETURN(SummitFacts facts, DeriveSummitFacts(*change.after));
      for (const IndexEntry& entry : facts.index_entries) {
        if (!new_entries.emplace(std::make_pair(entry.family, entry.key), entry.value)
                 .second) {
          return absl::InvalidArgumentError(absl::StrCat(
              change.after->name(), ": a source is listed by two summits of the batch"));
        }
      }
      RETURN_IF_ERROR(ApplyShare(*this, facts, +1, aggregates));
      batch.Put(ColumnFamily::kSummits, IdKey(id), change.after->SerializeAsString());
    } else {
      batch.Delete(ColumnFamily::kSummits, IdKey(id));
    }
  }

  // A report belongs to one summit: refuse to take it from one the batch
  // leaves alone.
  for (const auto& [key, value] : new_entries) {
    if (key.first != ColumnFamily::kArticles || old_entries.count(key) != 0) continue;
    ASSIGN_OR_RETURN(std::optional<std::string> owner,
                     db_->Get(ColumnFamily::kArticles, key.second));
    if (!owner.has_value()) continue;
    ASSIGN_OR_RETURN(std::string owner_id, KeyReader(*owner).String());
    if (changes.count(owner_id) == 0) {
      absl::StatusOr<std::string> source_id = KeyReader(key.second).String();
      return absl::FailedPreconditionError(
          absl::StrCat("source \"", source_id.value_or("?"), "\" already belongs to ",
                       ResourceName(kSummits, owner_id)));
    }
  }

  for (const auto& [key, value] : old_entries) {
    if (new_entries.count(key) == 0) batch.Delete(key.first, key.second);
  }
  for (const auto& [key, value] : new_entries) {
    batch.Put(key.first, key.second, value);
  }
  for (auto& [id, entry] : aggregates.participants) {
    if (entry.participant.summit_count() <= 0) continue;
    RETURN_IF_ERROR(SetSeenRange(*db_, id, old_entries, new_entries, entry.participant));
  }
  StageAggregates(aggregates, batch);
  // Synced: summit writes are few and curated, and must survive power loss,
  // not only a crash of the process.
  RETURN_IF_ERROR(db_->Write(batch, /*sync=*/true));
  last_update_time_ = now;
  CommitResult result;
  for (auto& [id, change] : changes) {
    if (change.after == nullptr) continue;
    result.written[id] = {std::move(*change.after), !change.before.has_value()};
  }
  return result;
}

}  // namespace summit::storage
