#include "extractor/linking.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"

namespace summit::extractor {

using data::v1::KnownLeader;
using data::v1::LeaderTerm;
using data::v1::OfficeKind;
using reference::ReferenceData;
using reference::Token;

namespace {

bool IsHead(OfficeKind kind) {
  return kind == data::v1::OFFICE_KIND_HEAD_OF_STATE ||
         kind == data::v1::OFFICE_KIND_HEAD_OF_GOVERNMENT;
}

bool InWindow(const LeaderTerm& term, const DateWindow& window) {
  if (!window.known()) return true;
  return term.start() <= window.last &&
         (term.end().empty() || term.end() >= window.first);
}

std::string DayText(absl::CivilDay day) { return absl::FormatCivilTime(day); }

class Linker {
 public:
  Linker(const Document& doc, const ReferenceData& data, const Lexicon& lexicon,
         const DateWindow& window, TextLeaders found)
      : data_(data),
        lexicon_(lexicon),
        tokens_(doc.tokens()),
        window_(window),
        leaders_(std::move(found.leaders)),
        unresolved_(std::move(found.unresolved)) {}

  std::vector<Leader> Run() {
    for (size_t i = 0; i < tokens_.size();) i = MatchAt(i);
    LinkByName();
    MergeLinked();
    DemoteContradicted();
    ResolveDescriptors();
    for (Leader& leader : leaders_) leader.SortMentions();
    return std::move(leaders_);
  }

 private:
  // How often the text names each country, by name or demonym: what
  // decides between namesakes and between one person's offices. Counted
  // when first needed: most names have one candidate.
  void CountCountries() const {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (!tokens_[i].capitalized) continue;
      if (CountCountryAt(tokens_, i)) continue;
      // "India-China", "US-Japan": each part.
      if (tokens_[i].lower.find('-') == std::string::npos) continue;
      const std::vector<Token> parts =
          reference::Tokenize(absl::StrReplaceAll(tokens_[i].lower, {{"-", " "}}));
      for (size_t k = 0; k < parts.size(); ++k) CountCountryAt(parts, k);
    }
  }

  bool CountCountryAt(const std::vector<Token>& tokens, size_t i) const {
    if (auto name = data_.country_names().Find(tokens, i, tokens.size()); name.length) {
      ++country_counts_[*name.value];
      return true;
    }
    if (auto demonym = data_.demonyms().Find(tokens, i, tokens.size()); demonym.length) {
      ++country_counts_[*demonym.value];
      return true;
    }
    return false;
  }

  int CountryCount(const std::string& country) const {
    if (!countries_counted_) {
      CountCountries();
      countries_counted_ = true;
    }
    auto it = country_counts_.find(country);
    return it == country_counts_.end() ? 0 : it->second;
  }

  // The term of person p in office in the window that the text best fits:
  // of `country` when given, then of the office kind `kind`, then of the
  // country the text names most, then the first (the home country of
  // offices held in personal union). Null when none is in office.
  const LeaderTerm* BestTerm(int p, const std::string& country, OfficeKind kind) const {
    const LeaderTerm* best = nullptr;
    for (const LeaderTerm& term : data_.known_leaders()[p].terms()) {
      if (!InWindow(term, window_)) continue;
      if (!country.empty() && term.country() != country) continue;
      if (best == nullptr) {
        best = &term;
        continue;
      }
      const std::pair<bool, bool> fit{term.role() == kind, term.end().empty()};
      const std::pair<bool, bool> best_fit{best->role() == kind, best->end().empty()};
      if (fit > best_fit || (fit == best_fit && CountryCount(term.country()) >
                                                    CountryCount(best->country()))) {
        best = &term;
      }
    }
    return best;
  }

  // The one person of `people` in office in the window, in `country` when
  // given, else (when `country_named`) in a country the text names; when
  // several are, the one whose country the text names most often, if only
  // one is. -1 when none.
  int Choose(const std::vector<int>& people, const std::string& country, OfficeKind kind,
             bool country_named) const {
    int chosen = -1;
    int chosen_count = -1;
    bool tie = false;
    for (int p : people) {
      const LeaderTerm* term = BestTerm(p, country, kind);
      if (term == nullptr) continue;
      // A lone candidate needs no count unless its country must be named.
      const bool counted = people.size() > 1 || (country_named && country.empty());
      const int count = counted ? CountryCount(term->country()) : 0;
      if (country_named && country.empty() && count == 0) continue;
      if (count > chosen_count) {
        chosen = p;
        chosen_count = count;
        tie = false;
      } else if (count == chosen_count) {
        tie = true;
      }
    }
    return tie ? -1 : chosen;
  }

  // Whether token k is a capitalized word that may be part of a name: not
  // a function word or the first word of a title.
  bool IsNameWord(size_t k) const {
    const Token& t = tokens_[k];
    return t.kind == Token::Kind::kWord && t.capitalized &&
           !lexicon_.non_name_words.contains(t) &&
           !data_.titles().Find(tokens_, k, tokens_.size()).length;
  }

  // The first token of a title that ends at i ("President", "Prime
  // Minister"); nullopt when none does.
  std::optional<size_t> TitleBefore(size_t i) const {
    for (size_t back = 1; back <= 3 && back <= i; ++back) {
      const size_t k = i - back;
      if (tokens_[k].sentence != tokens_[i].sentence) break;
      if (auto title = data_.titles().Find(tokens_, k, i); title.length == back) return k;
    }
    return std::nullopt;
  }

  // Whether tokens [first, last) are a whole name: no name word joined
  // before or after them.
  bool StandsAlone(size_t first, size_t last) const {
    const int sentence = tokens_[first].sentence;
    if (last < tokens_.size() && tokens_[last].sentence == sentence && IsNameWord(last)) {
      return false;
    }
    if (first == 0 || tokens_[first - 1].sentence != sentence || !IsNameWord(first - 1)) {
      return true;
    }
    return TitleBefore(first).has_value() ||
           data_.demonyms().Find(tokens_, first - 1, first).length > 0;
  }

  // The leader with a mention overlapping [first, last); -1 when none.
  int LeaderAt(size_t first, size_t last) const {
    for (size_t k = 0; k < leaders_.size(); ++k) {
      for (const auto& [a, b] : leaders_[k].mentions) {
        if (a < last && first < b) return static_cast<int>(k);
      }
    }
    return -1;
  }

  int LinkedLeader(const std::string& qid) const {
    for (size_t k = 0; k < leaders_.size(); ++k) {
      if (leaders_[k].wikidata_id == qid) return static_cast<int>(k);
    }
    return -1;
  }

  // Adds the mention [first, last) unless a mention of the leader holds it
  // ("Xi Jinping" in "President Xi Jinping").
  static void AddMention(Leader& leader, size_t first, size_t last) {
    for (const auto& [a, b] : leader.mentions) {
      if (a <= first && last <= b) return;
    }
    leader.mentions.emplace_back(first, last);
  }

  // Gives the leader the identity of person p in `term`.
  void Link(Leader& leader, int p, const LeaderTerm& term) {
    const KnownLeader& person = data_.known_leaders()[p];
    leader.wikidata_id = person.qid();
    leader.display_name = person.name();
    leader.country = term.country();
    if (!IsHead(leader.kind) || leader.title.empty()) {
      leader.title = term.title();
      leader.kind = term.role();
    }
  }

  // Tries an alias at i; returns the index to go on from.
  size_t MatchAt(size_t i) {
    if (!tokens_[i].capitalized) return i + 1;
    auto match = data_.leader_aliases().Find(tokens_, i, tokens_.size());
    if (!match.length) return i + 1;
    const size_t last = i + match.length;
    if (!StandsAlone(i, last) ||
        (match.length == 1 && lexicon_.non_name_words.contains(tokens_[i]))) {
      return last;
    }
    const int holder = LeaderAt(i, last);
    const std::string country = holder >= 0 ? leaders_[holder].country : "";
    const OfficeKind kind =
        holder >= 0 ? leaders_[holder].kind : data::v1::OFFICE_KIND_UNSPECIFIED;
    // A one-word alias ("Mohamed") needs its country in the text.
    const bool country_named = match.length < 2;
    int p = Choose(*match.value, country, kind, country_named);
    if (p < 0 && !country.empty()) p = Choose(*match.value, "", kind, country_named);
    if (p < 0) return last;
    const LeaderTerm* term = BestTerm(p, "", kind);
    const std::string& qid = data_.known_leaders()[p].qid();
    if (holder >= 0) {
      Leader& leader = leaders_[holder];
      if (leader.wikidata_id.empty() && NamesAgree(leader, p)) Link(leader, p, *term);
      if (leader.wikidata_id == qid) AddMention(leader, i, last);
      return last;
    }
    if (int linked = LinkedLeader(qid); linked >= 0) {
      AddMention(leaders_[linked], TitleBefore(i).value_or(i), last);
      return last;
    }
    // A new leader: named in full, or after a title ("President Lula").
    const std::optional<size_t> title = TitleBefore(i);
    if (match.length < 2 && !title) return last;
    Leader leader;
    for (size_t k = i; k < last; ++k) leader.name_tokens.push_back(tokens_[k].lower);
    Link(leader, p, *term);
    leader.mentions.emplace_back(title.value_or(i), last);
    leaders_.push_back(std::move(leader));
    return last;
  }

  // A head of state or government the text names with a name no alias
  // covers whole ("Recep Teyyip Erdogan", "Abiy Ahmed") is the one person
  // in office, of the leader's country when the text gives it, that one of
  // the name's words is an alias of or that holds an office of that country,
  // whose names share at least half of the name's words.
  void LinkByName() {
    for (Leader& leader : leaders_) {
      if (!leader.wikidata_id.empty() || !IsHead(leader.kind) ||
          leader.name_tokens.empty()) {
        continue;
      }
      std::vector<int> people;
      for (const std::string& word : leader.name_tokens) {
        if (const std::vector<int>* called = data_.LeadersCalled(word)) {
          people.insert(people.end(), called->begin(), called->end());
        }
      }
      if (!leader.country.empty()) AddOfficeHolders(leader.country, people);
      std::sort(people.begin(), people.end());
      people.erase(std::unique(people.begin(), people.end()), people.end());
      people.erase(std::remove_if(people.begin(), people.end(),
                                  [&](int p) { return !NamesAgree(leader, p); }),
                   people.end());
      const int p =
          Choose(people, leader.country, leader.kind, leader.name_tokens.size() < 2);
      if (p >= 0) Link(leader, p, *BestTerm(p, leader.country, leader.kind));
    }
  }

  // Adds everyone in office in `country` in the window to `people`.
  void AddOfficeHolders(const std::string& country, std::vector<int>& people) const {
    for (int p : data_.LeadersOf(country)) {
      for (const LeaderTerm& term : data_.known_leaders()[p].terms()) {
        if (term.country() == country && InWindow(term, window_)) {
          people.push_back(p);
          break;
        }
      }
    }
  }

  // Whether the leader's name holds one of person p's aliases of two words
  // or more ("Abdullah II bin Al Hussein"), or at least half of its words
  // are words of p's aliases: "Hussein bin Talal" is not "Osman Hussein".
  bool NamesAgree(const Leader& leader, int p) const {
    const std::vector<std::string>& name = leader.name_tokens;
    const std::vector<std::vector<std::string>>& aliases = data_.LeaderAliasWords(p);
    for (const std::vector<std::string>& alias : aliases) {
      if (alias.size() >= 2 && std::search(name.begin(), name.end(), alias.begin(),
                                           alias.end()) != name.end()) {
        return true;
      }
    }
    const size_t shared =
        std::count_if(name.begin(), name.end(), [&](const std::string& word) {
          return std::any_of(
              aliases.begin(), aliases.end(), [&](const std::vector<std::string>& alias) {
                return std::find(alias.begin(), alias.end(), word) != alias.end();
              });
        });
    return 2 * shared >= name.size();
  }

  // Two leaders of the text linked to one person are one.
  void MergeLinked() {
    std::vector<Leader> merged;
    for (Leader& leader : leaders_) {
      auto same = std::find_if(merged.begin(), merged.end(), [&](const Leader& other) {
        return !leader.wikidata_id.empty() && other.wikidata_id == leader.wikidata_id;
      });
      if (same == merged.end()) {
        merged.push_back(std::move(leader));
        continue;
      }
      same->mentions.insert(same->mentions.end(), leader.mentions.begin(),
                            leader.mentions.end());
      if (!IsHead(same->kind) && IsHead(leader.kind)) {
        same->title = leader.title;
        same->kind = leader.kind;
      }
    }
    leaders_ = std::move(merged);
  }

  // "her Chilean counterpart" is the one leader of Chile; "the Prime
  // Minister" the one leader with that title.
  void ResolveDescriptors() {
    for (const Descriptor& descriptor : unresolved_) {
      Leader* match = nullptr;
      int count = 0;
      for (Leader& leader : leaders_) {
        const bool same = descriptor.country.empty()
                              ? absl::EqualsIgnoreCase(leader.title, descriptor.title)
                              : leader.country == descriptor.country;
        if (same && IsHead(leader.kind)) {
          match = &leader;
          ++count;
        }
      }
      if (count == 1) AddMention(*match, descriptor.first, descriptor.last);
    }
  }

  // An unlinked head of state or government whose office the table gives
  // to someone else at the meeting's time is not that office's holder.
  void DemoteContradicted() {
    if (!window_.known() || window_.first < "1990-01-01" ||
        window_.last > data_.leaders_as_of()) {
      return;
    }
    for (Leader& leader : leaders_) {
      if (!leader.wikidata_id.empty() || !IsHead(leader.kind) || leader.country.empty())
        continue;
      if (HasHolder(leader.country, leader.kind)) {
        leader.kind = data::v1::OFFICE_KIND_UNSPECIFIED;
      }
    }
  }

  // Whether the table knows who held the office in the window.
  bool HasHolder(const std::string& country, OfficeKind kind) const {
    for (int p : data_.LeadersOf(country)) {
      for (const LeaderTerm& term : data_.known_leaders()[p].terms()) {
        if (term.country() == country && term.role() == kind && InWindow(term, window_))
          return true;
      }
    }
    return false;
  }

  const ReferenceData& data_;
  const Lexicon& lexicon_;
  const std::vector<Token>& tokens_;
  const DateWindow& window_;
  std::vector<Leader> leaders_;
  const std::vector<Descriptor> unresolved_;
  mutable bool countries_counted_ = false;
  mutable absl::flat_hash_map<std::string, int> country_counts_;
};

}  // namespace

DateWindow MeetingWindow(const DateMention* meeting_date, const v1::Date& published) {
  if (meeting_date != nullptr && meeting_date->date.year() != 0) {
    const v1::Date& date = meeting_date->date;
    if (date.day() != 0) {
      const std::string day =
          DayText(absl::CivilDay(date.year(), date.month(), date.day()));
      return {day, day};
    }
    if (date.month() != 0) {
      const absl::CivilMonth month(date.year(), date.month());
      return {DayText(absl::CivilDay(month)), DayText(absl::CivilDay(month + 1) - 1)};
    }
    return {DayText(absl::CivilDay(date.year(), 1, 1)),
            DayText(absl::CivilDay(date.year(), 12, 31))};
  }
  if (std::optional<absl::CivilDay> day = ToCivilDay(published)) {
    return {DayText(*day - 31), DayText(*day)};
  }
  return {};
}

std::vector<Leader> LinkLeaders(const Document& doc, const ReferenceData& data,
                                const Lexicon& lexicon, const DateWindow& window,
                                TextLeaders found) {
  return Linker(doc, data, lexicon, window, std::move(found)).Run();
}

}  // namespace summit::extractor
