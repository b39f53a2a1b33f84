#include "query_service/querier.h"

#include "absl/strings/str_cat.h"
#include "storage/resource_names.h"
#include "storage/summit_store.h"

namespace summit {

absl::StatusOr<std::shared_ptr<storage::Database>> Querier::Db() const {
  std::shared_ptr<storage::Database> db = follower_->db();
  if (db == nullptr) {
    return absl::UnavailableError("the database is not open yet; retry shortly");
  }
  return db;
}

absl::StatusOr<v1::Summit> Querier::GetSummit(const std::string& name) const {
  absl::StatusOr<std::string> id = storage::ResourceId(name, storage::kSummits, "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  return storage::SummitStore(db->get()).GetSummit(*id);
}

absl::StatusOr<v1::Participant> Querier::GetParticipant(const std::string& name) const {
  absl::StatusOr<std::string> id =
      storage::ResourceId(name, storage::kParticipants, "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  return storage::SummitStore(db->get()).GetParticipant(*id);
}

absl::StatusOr<v1::Sector> Querier::GetSector(const std::string& name) const {
  absl::StatusOr<std::string> id = storage::ResourceId(name, storage::kSectors, "name");
  if (!id.ok()) return id.status();
  const data::v1::SectorEntry* entry = data_.Sector(*id);
  if (entry == nullptr) {
    return absl::NotFoundError(absl::StrCat(name, " not found in the sector taxonomy"));
  }
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  v1::Sector sector;
  absl::StatusOr<v1::Sector> counts =
      storage::SummitStore(db->get()).GetSectorCounts(*id);
  if (counts.ok()) {
    sector = *std::move(counts);
  } else if (!absl::IsNotFound(counts.status())) {
    return counts.status();
  }
  sector.set_name(name);
  sector.set_display_name(entry->display_name());
  *sector.mutable_synonyms() = entry->synonyms();
  *sector.mutable_hs_chapters() = entry->hs_chapters();
  return sector;
}

}  // namespace summit
