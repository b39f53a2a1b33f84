// The reference data summit reads texts and validates records with: ISO
// countries and currencies from Debian's iso-codes, the gazetteer (GeoNames'
// cities from Debian's libgeonames and reference/data/places.json), and the
// project's own reference/data/ files (demonyms and other country names, titles
// of office, the sector taxonomy, currency words, recurring events, heads of
// state and government with their terms). All of it is embedded in the binary
// at build time and parsed once.
#ifndef SUMMIT_REFERENCE_REFERENCE_DATA_H_
#define SUMMIT_REFERENCE_REFERENCE_DATA_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "reference/gazetteer.h"
#include "reference/phrase_table.h"
#include "summit/data/v1/reference_data.pb.h"

namespace summit::reference {

class ReferenceData final {
 public:
  // The embedded data, parsed on first use. Thread-safe; never null. Aborts
  // the program if the embedded data does not parse, which the build's
  // tests rule out.
  static const ReferenceData& Get();

  // Whether `code` is an ISO 3166-1 alpha-3 code, or "W00" (the world, as
  // Comtrade reports it) when `allow_world`.
  bool IsCountryCode(absl::string_view code, bool allow_world = false) const;
  // The ISO short name of a country ("China"); empty when unknown.
  absl::string_view CountryName(absl::string_view code) const;
  // Whether `code` is an ISO 4217 currency code.
  bool IsCurrencyCode(absl::string_view code) const;

  // The sector taxonomy, in the order of data/sectors.json.
  const std::vector<data::v1::SectorEntry>& sectors() const { return sectors_; }
  // The sector with `id`; null when none.
  const data::v1::SectorEntry* Sector(absl::string_view id) const;
  // The id of the sector whose HS chapters include the first two digits of
  // `commodity_code`; empty when none does or the code is not HS.
  absl::string_view SectorOfCommodity(absl::string_view commodity_code) const;

  // The places reports name, for the extractor.
  const Gazetteer& gazetteer() const { return *gazetteer_; }

  // Phrase tables over lower-cased tokens, for the extractor. Values are
  // ISO alpha-3 codes, office kinds, sector ids and ISO 4217 codes.
  const PhraseTable<std::string>& country_names() const { return country_names_; }
  const PhraseTable<std::string>& demonyms() const { return demonyms_; }
  const PhraseTable<data::v1::OfficeKind>& titles() const { return titles_; }
  const PhraseTable<bool>& excluded_roles() const { return excluded_roles_; }
  const PhraseTable<std::string>& sector_words() const { return sector_words_; }
  const PhraseTable<std::string>& currency_symbols() const { return currency_symbols_; }
  const PhraseTable<std::string>& currency_words() const { return currency_words_; }
  const PhraseTable<data::v1::RecurringEvent>& recurring_events() const {
    return recurring_events_;
  }

  // The heads of state and government of data/leaders.json, ordered by
  // Wikidata id.
  const std::vector<data::v1::KnownLeader>& known_leaders() const {
    return known_leaders_;
  }
  // Every alias of a known leader over lower-cased tokens; the value holds
  // the indexes into known_leaders() of everyone called so ("Kim"). Its
  // 4,000-odd first words would fill the default filter: 2^16 bits.
  const PhraseTable<std::vector<int>, 16>& leader_aliases() const {
    return leader_aliases_;
  }
  // The lower-cased words of each alias of known_leaders()[k].
  const std::vector<std::vector<std::string>>& LeaderAliasWords(int k) const {
    return leader_alias_words_[k];
  }
  // Indexes into known_leaders() of everyone with the one-word alias `word`
  // (lower case); null when none.
  const std::vector<int>* LeadersCalled(absl::string_view word) const;
  // Indexes into known_leaders() of everyone with a term in `country`;
  // empty when none.
  const std::vector<int>& LeadersOf(absl::string_view country) const;
  // The last day data/leaders.json is known to be right for, "YYYY-MM-DD":
  // the latest start or end of a term in it.
  const std::string& leaders_as_of() const { return leaders_as_of_; }

 private:
  ReferenceData() = default;
  void Load();
  void LoadLeaders();

  absl::flat_hash_map<std::string, std::string> country_names_by_code_;
  absl::flat_hash_set<std::string> currency_codes_;
  std::vector<data::v1::SectorEntry> sectors_;
  absl::flat_hash_map<std::string, size_t> sector_index_;
  absl::flat_hash_map<std::string, std::string> sector_by_chapter_;
  std::unique_ptr<const Gazetteer> gazetteer_;
  PhraseTable<std::string> country_names_;
  PhraseTable<std::string> demonyms_;
  PhraseTable<data::v1::OfficeKind> titles_;
  PhraseTable<bool> excluded_roles_;
  PhraseTable<std::string> sector_words_;
  PhraseTable<std::string> currency_symbols_;
  PhraseTable<std::string> currency_words_;
  PhraseTable<data::v1::RecurringEvent> recurring_events_;
  std::vector<data::v1::KnownLeader> known_leaders_;
  PhraseTable<std::vector<int>, 16> leader_aliases_;
  std::vector<std::vector<std::vector<std::string>>> leader_alias_words_;
  absl::flat_hash_map<std::string, std::vector<int>> leaders_by_word_;
  absl::flat_hash_map<std::string, std::vector<int>> leaders_by_country_;
  std::string leaders_as_of_;
};

}  // namespace summit::reference

#endif  // SUMMIT_REFERENCE_REFERENCE_DATA_H_
