#include "extractor/leaders.h"

#include <algorithm>
#include <map>
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"

namespace summit::extractor {

using reference::Is;
using reference::ReferenceData;
using reference::Token;

namespace {

class Finder {
 public:
  Finder(const Document& doc, const ReferenceData& data, const Lexicon& lexicon)
      : doc_(doc), data_(data), lexicon_(lexicon), tokens_(doc.tokens()) {}

  TextLeaders Run() {
    for (int s = 0; s < doc_.sentence_count(); ++s) {
      auto [first, last] = doc_.SentenceTokens(s);
      sentence_leader_ = -1;
      for (size_t i = first; i < last;) i = MatchAt(i, last);
    }
    NameCounterparts();
    FindShortMentions();
    for (Leader& leader : leaders_) leader.SortMentions();
    return {std::move(leaders_), std::move(unresolved_)};
  }

 private:
  // A country named at i: a demonym ("Chinese") or a name with "'s"
  // ("Russia's"); the index after it.
  std::optional<std::pair<std::string, size_t>> CountryAt(
      size_t i, size_t end, bool demonym_only = false) const {
    if (i >= end || !tokens_[i].capitalized) return std::nullopt;
    if (auto match = data_.demonyms().Find(tokens_, i, end); match.length) {
      return std::make_pair(*match.value, i + match.length);
    }
    if (demonym_only) return std::nullopt;
    if (auto match = data_.country_names().Find(tokens_, i, end);
        match.length && i + match.length < end && Is(tokens_[i + match.length], "'s")) {
      return std::make_pair(*match.value, i + match.length + 1);
    }
    return std::nullopt;
  }

  // A title at i, capitalized or not; its kind and the index after it.
  std::optional<std::pair<data::v1::OfficeKind, size_t>> TitleAt(size_t i,
                                                                 size_t end) const {
    if (i >= end) return std::nullopt;
    if (auto match = data_.titles().Find(tokens_, i, end); match.length) {
      return std::make_pair(*match.value, i + match.length);
    }
    return std::nullopt;
  }

  bool IsExcludedRoleAround(size_t first, size_t end) const {
    for (size_t k = first > 3 ? first - 3 : 0; k < end; ++k) {
      if (data_.excluded_roles().Find(tokens_, k, end).length) return true;
    }
    return false;
  }

  // A personal name at i: capitalized words (and name particles between
  // them), none of them a title, country, demonym or month; the index
  // after it, or i when there is none.
  size_t NameAt(size_t i, size_t end) const {
    size_t j = i;
    while (j < end && j - i < 6) {
      const Token& t = tokens_[j];
      if (t.kind != Token::Kind::kWord) break;
      if (t.capitalized) {
        if (lexicon_.non_name_words.contains(t) ||
            data_.titles().Find(tokens_, j, end).length ||
            data_.demonyms().Find(tokens_, j, end).length ||
            data_.country_names().Find(tokens_, j, end).length) {
          break;
        }
        ++j;
        continue;
      }
      // Particles join capitalized words: "da Silva", "von der Leyen".
      size_t k = j;
      while (k < end && lexicon_.name_particles.contains(tokens_[k])) ++k;
      if (j > i && k > j && k < end && tokens_[k].capitalized) {
        j = k;
        continue;
      }
      break;
    }
    return j;
  }

  std::string TitleText(size_t first, size_t last) const {
    std::string title;
    for (size_t k = first; k < last; ++k) {
      std::string word = std::string(doc_.TextOf(k, k + 1));
      if (!word.empty()) word[0] = absl::ascii_toupper(word[0]);
      if (Is(tokens_[k], "of") || Is(tokens_[k], "for") || Is(tokens_[k], "and")) {
        word = tokens_[k].lower;
      }
      if (!title.empty() && !Is(tokens_[k], "-")) title += " ";
      title += word;
    }
    return title;
  }

  // Records a leader named by tokens [name_first, name_last), mentioned by
  // [mention_first, mention_last).
  void Record(size_t name_first, size_t name_last, size_t mention_first,
              size_t mention_last, const std::string& country, const std::string& title,
              data::v1::OfficeKind kind) {
    std::vector<std::string> name_tokens;
    for (size_t k = name_first; k < name_last; ++k)
      name_tokens.push_back(tokens_[k].lower);
    int index = Lookup(name_tokens);
    if (index < 0) {
      index = static_cast<int>(leaders_.size());
      Leader leader;
      leader.display_name = std::string(doc_.TextOf(name_first, name_last));
      leader.name_tokens = std::move(name_tokens);
      leaders_.push_back(std::move(leader));
    }
    Leader& leader = leaders_[index];
    if (leader.country.empty()) leader.country = country;
    if (leader.title.empty() && !title.empty()) {
      leader.title = title;
      leader.kind = kind;
    } else if (leader.kind == data::v1::OFFICE_KIND_UNSPECIFIED) {
      leader.kind = kind;  // An office without its title ("Peru's Ana Ruiz").
    }
    leader.mentions.emplace_back(mention_first, mention_last);
    sentence_leader_ = index;
  }

  // The first leader whose full name is the given tokens or holds them in a
  // row; -1 when none.
  int Lookup(const std::vector<std::string>& name) const {
    if (name.size() == 1) return LookupWord(name[0]);
    for (size_t k = 0; k < leaders_.size(); ++k) {
      const std::vector<std::string>& full = leaders_[k].name_tokens;
      if (full == name) return static_cast<int>(k);
      if (name.size() < full.size() &&
          std::search(full.begin(), full.end(), name.begin(), name.end()) != full.end()) {
        return static_cast<int>(k);
      }
    }
    return -1;
  }

  // Lookup of a one-word name: the first leader with `word` among the
  // words of the name.
  int LookupWord(const std::string& word) const {
    for (size_t k = 0; k < leaders_.size(); ++k) {
      const std::vector<std::string>& full = leaders_[k].name_tokens;
      if (std::find(full.begin(), full.end(), word) != full.end()) {
        return static_cast<int>(k);
      }
    }
    return -1;
  }

  // Tries the full-mention patterns at i; returns the index to go on from.
  size_t MatchAt(size_t i, size_t end) {
    const size_t start = i;
    // Every pattern opens with a capitalized word, "the" or a possessive.
    const bool possessive = lexicon_.possessives.contains(tokens_[start]);
    if (!tokens_[i].capitalized && !Is(tokens_[i], "the") && !possessive) return i + 1;
    bool after_the = false;
    if (Is(tokens_[i], "the")) {
      after_the = true;
      ++i;
    }
    // "her Peruvian counterpart Ana Ruiz"
    if (possessive && start + 2 < end) {
      if (auto country = CountryAt(start + 1, end, /*demonym_only=*/true);
          country && country->second < end &&
          Is(tokens_[country->second], "counterpart")) {
        size_t n = country->second + 1;
        if (n < end && Is(tokens_[n], ",")) ++n;
        const size_t name_end = NameAt(n, end);
        // Copies: Record may grow leaders_.
        const std::string title =
            sentence_leader_ >= 0 ? leaders_[sentence_leader_].title : std::string();
        const data::v1::OfficeKind kind = sentence_leader_ >= 0
                                              ? leaders_[sentence_leader_].kind
                                              : data::v1::OFFICE_KIND_HEAD_OF_GOVERNMENT;
        if (name_end > n) {
          Record(n, name_end, start, name_end, country->first, title, kind);
          // A counterpart's office is the subject's only until the text
          // names it ("the Peruvian prime minister").
          provisional_title_.insert(sentence_leader_);
          return name_end;
        }
        // "told her Chilean counterpart that ...": named elsewhere.
        counterparts_.push_back(
            {start, country->second + 1, country->first, title, kind});
        return country->second + 1;
      }
    }
    // "[Peruvian | Peru's] President Ana Ruiz", "Peru's Ana Ruiz", "the
    // Peruvian president".
    std::optional<std::pair<std::string, size_t>> country = CountryAt(i, end);
    const size_t title_start = country ? country->second : i;
    std::optional<std::pair<data::v1::OfficeKind, size_t>> title =
        TitleAt(title_start, end);
    // A lower-case title needs a country or "the" before it ("the crown
    // prince said"), so that "club president" stays out.
    if (title && (tokens_[title_start].capitalized || country || after_the)) {
      size_t n = title->second;
      std::string country_code = country ? country->first : "";
      // "President of the Republic of Peru Ana Ruiz"
      if (!country && n + 1 < end && Is(tokens_[n], "of")) {
        size_t c = n + 1;
        if (Is(tokens_[c], "the")) ++c;
        if (auto match = data_.country_names().Find(tokens_, c, end); match.length) {
          country_code = *match.value;
          n = c + match.length;
        }
      }
      // "the Prime Minister, Jon Berg"
      size_t name_start = n;
      if (after_the && n < end && Is(tokens_[n], ",")) ++name_start;
      const size_t name_end = NameAt(name_start, end);
      if (name_end > name_start && !IsExcludedRoleAround(title_start, name_start)) {
        Record(name_start, name_end, start, name_end, country_code,
               TitleText(title_start, title->second), title->first);
        return name_end;
      }
      if (after_the) {
        descriptors_.push_back({start, title->second, country_code,
                                TitleText(title_start, title->second), title->first});
      }
      return title->second;
    }
    // "the Spanish leader": a descriptor without an office.
    if (after_the && country && country->second < end &&
        Is(tokens_[country->second], "leader")) {
      descriptors_.push_back({start, country->second + 1, country->first, "",
                              data::v1::OFFICE_KIND_UNSPECIFIED});
      return country->second + 1;
    }
    if (country && tokens_[i].capitalized) {
      // "Peru's Ana Ruiz": a possessive country and a full name.
      const size_t name_end = NameAt(country->second, end);
      if (name_end >= country->second + 2 && Is(tokens_[country->second - 1], "'s") &&
          !IsExcludedRoleAround(country->second, name_end)) {
        Record(country->second, name_end, i, name_end, country->first, "",
               data::v1::OFFICE_KIND_HEAD_OF_STATE);
        return name_end;
      }
      return country->second;
    }
    // "Ana Ruiz, Peru's president," and "Jon Berg, the Norwegian prime
    // minister,": a full name with an appositive title.
    const size_t name_end = NameAt(i, end);
    if (name_end >= i + 2 && name_end + 2 < end && Is(tokens_[name_end], ",")) {
      size_t a = name_end + 1;
      if (Is(tokens_[a], "the")) ++a;
      std::optional<std::pair<std::string, size_t>> appositive_country =
          CountryAt(a, end);
      const size_t t = appositive_country ? appositive_country->second : a;
      if (auto appositive_title = TitleAt(t, end);
          appositive_title && !IsExcludedRoleAround(i, name_end)) {
        Record(i, name_end, i, appositive_title->second,
               appositive_country ? appositive_country->first : "",
               TitleText(t, appositive_title->second), appositive_title->first);
        return appositive_title->second;
      }
    }
    return std::max(start + 1, i > start ? i : start + 1);
  }

  // A counterpart the text does not name where it mentions it ("her
  // Chilean counterpart") is the person named beside a known leader: "Ana
  // Ruiz and Tomas Vidal have agreed ...".
  void NameCounterparts() {
    for (const Descriptor& counterpart : counterparts_) {
      if (std::any_of(leaders_.begin(), leaders_.end(), [&](const Leader& l) {
            return l.country == counterpart.country;
          })) {
        continue;
      }
      const auto [first, last] = CoordinatedName();
      if (first == last) {
        unresolved_.push_back(counterpart);
        continue;
      }
      Record(first, last, first, last, counterpart.country, counterpart.title,
             counterpart.kind);
      leaders_.back().mentions.emplace_back(counterpart.first, counterpart.last);
    }
  }

  // A full name joined by "and" to a known leader's full name and naming no
  // leader itself; [0, 0) when there is none.
  std::pair<size_t, size_t> CoordinatedName() const {
    for (const Leader& leader : leaders_) {
      const size_t n = leader.name_tokens.size();
      for (size_t k = 0; k + n <= tokens_.size(); ++k) {
        bool match = true;
        for (size_t m = 0; m < n && match; ++m)
          match = tokens_[k + m].lower == leader.name_tokens[m];
        if (!match) continue;
        const size_t end = doc_.SentenceTokens(tokens_[k].sentence).second;
        // "LEADER and NAME"
        if (k + n + 1 < end && Is(tokens_[k + n], "and")) {
          const size_t name_end = NameAt(k + n + 1, end);
          if (name_end >= k + n + 3 && Lookup(Tokens(k + n + 1, name_end)) < 0) {
            return {k + n + 1, name_end};
          }
        }
        // "NAME and LEADER"
        for (size_t start = k >= 5 ? k - 5 : 0; start + 2 < k; ++start) {
          if (!Is(tokens_[k - 1], "and") ||
              tokens_[start].sentence != tokens_[k].sentence)
            continue;
          if (NameAt(start, k - 1) == k - 1 && k - 1 >= start + 2 &&
              Lookup(Tokens(start, k - 1)) < 0) {
            return {start, k - 1};
          }
        }
      }
    }
    return {0, 0};
  }

  std::vector<std::string> Tokens(size_t first, size_t last) const {
    std::vector<std::string> lower;
    for (size_t k = first; k < last; ++k) lower.push_back(tokens_[k].lower);
    return lower;
  }

  // Single-word mentions ("Ruiz", "Berg") and descriptors ("the Peruvian
  // president") of the leaders found in full.
  void FindShortMentions() {
    std::vector<bool> covered(tokens_.size(), false);
    for (const Leader& leader : leaders_) {
      for (const auto& [first, last] : leader.mentions) {
        std::fill(covered.begin() + first, covered.begin() + last, true);
      }
    }
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind != Token::Kind::kWord || !t.capitalized || covered[i]) continue;
      // Part of a longer capitalized run that is not this name: skip.
      if (i + 1 < tokens_.size() && tokens_[i + 1].capitalized &&
          tokens_[i + 1].kind == Token::Kind::kWord &&
          tokens_[i + 1].sentence == t.sentence) {
        continue;
      }
      const int index = LookupWord(t.lower);
      if (index < 0) continue;
      size_t first = i;
      // Take a title before it along: "President Ruiz".
      for (size_t back = 1; back <= 3 && back <= i; ++back) {
        if (auto title = TitleAt(i - back, i + 1); title && title->second == i) {
          first = i - back;
          break;
        }
      }
      leaders_[index].mentions.emplace_back(first, i + 1);
    }
    // "the Peruvian president" is the one Peruvian leader; "the Prime
    // Minister" the one leader with that office.
    for (const Descriptor& descriptor : descriptors_) {
      int match = -1;
      for (size_t k = 0; k < leaders_.size(); ++k) {
        const bool same =
            descriptor.country.empty()
                ? absl::EqualsIgnoreCase(leaders_[k].title, descriptor.title)
                : leaders_[k].country == descriptor.country;
        if (same) match = match == -1 ? static_cast<int>(k) : -2;
      }
      if (match < 0) {
        unresolved_.push_back(descriptor);
        continue;
      }
      Leader& leader = leaders_[match];
      leader.mentions.emplace_back(descriptor.first, descriptor.last);
      if (!descriptor.country.empty() && !descriptor.title.empty() &&
          provisional_title_.contains(match)) {
        leader.title = descriptor.title;
        leader.kind = descriptor.kind;
        provisional_title_.erase(match);
      }
    }
  }

  const Document& doc_;
  const ReferenceData& data_;
  const Lexicon& lexicon_;
  const std::vector<Token>& tokens_;
  std::vector<Leader> leaders_;
  std::vector<Descriptor> descriptors_;
  std::vector<Descriptor> counterparts_;
  std::vector<Descriptor> unresolved_;
  int sentence_leader_ = -1;
  absl::flat_hash_set<int> provisional_title_;
};

}  // namespace

TextLeaders FindLeaders(const Document& doc, const ReferenceData& data,
                        const Lexicon& lexicon) {
  return Finder(doc, data, lexicon).Run();
}

}  // namespace summit::extractor
