// Longest-match lookup of multi-word phrases in a token stream: how the
// extractor finds country names, demonyms, titles, cities, sector words and
// currency words.
#ifndef SUMMIT_REFERENCE_PHRASE_TABLE_H_
#define SUMMIT_REFERENCE_PHRASE_TABLE_H_

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "reference/tokens.h"

namespace summit::reference {

// kFilterLogBits sizes the filter of first words (see HashFilter).
template <typename Value, int kFilterLogBits = 12>
class PhraseTable final {
 public:
  struct Match {
    size_t length = 0;  // Tokens matched; 0 when none.
    const Value* value = nullptr;
  };

  // Adds `phrase` (tokenized as text is); an empty phrase is ignored. The
  // first value added for a phrase wins.
  void Add(absl::string_view phrase, Value value) {
    if (auto [slot, added] = Insert(phrase); added) *slot = std::move(value);
  }

  // The value of `phrase`, default-constructed when the phrase is new: for
  // values that gather several things under one phrase. Null for an empty
  // phrase. Valid until the next call that adds.
  Value* Upsert(absl::string_view phrase) { return Insert(phrase).first; }

  // The longest phrase starting at tokens[i], not crossing `end`.
  Match Find(const std::vector<Token>& tokens, size_t i, size_t end) const {
    if (!filter_.MayContain(tokens[i].hash)) return {};
    auto it = by_first_.find(tokens[i].hash);
    if (it == by_first_.end()) return {};
    for (const Entry& entry : it->second) {
      if (i + entry.tokens.size() > end ||
          (entry.tokens.size() > 1 && tokens[i + 1].hash != entry.second_hash)) {
        continue;
      }
      bool equal = tokens[i].lower == entry.tokens[0];
      for (size_t k = 1; k < entry.tokens.size() && equal; ++k) {
        equal = tokens[i + k].lower == entry.tokens[k];
      }
      if (equal) return {entry.tokens.size(), &entry.value};
    }
    return {};
  }

  bool empty() const { return by_first_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> tokens;
    // The hash of the second token, when there is one: most entries that
    // share a first word ("San", "New") differ at once, without reading
    // their strings.
    uint64_t second_hash;
    Value value;
  };

  // The value slot of `phrase` and whether it is new; {null, false} for an
  // empty phrase. A new entry goes after the entries of its length or
  // longer, keeping the longest first.
  std::pair<Value*, bool> Insert(absl::string_view phrase) {
    std::vector<std::string> tokens = LowerTokens(phrase);
    if (tokens.empty()) return {nullptr, false};
    const uint64_t hash = TokenHash(tokens.front());
    filter_.Add(hash);
    std::vector<Entry>& entries = by_first_[hash];
    for (Entry& entry : entries) {
      if (entry.tokens == tokens) return {&entry.value, false};
    }
    auto at = std::find_if(entries.begin(), entries.end(), [&](const Entry& entry) {
      return entry.tokens.size() < tokens.size();
    });
    const uint64_t second_hash = tokens.size() > 1 ? TokenHash(tokens[1]) : 0;
    at = entries.insert(at, Entry{std::move(tokens), second_hash, Value()});
    return {&at->value, true};
  }
  HashFilter<kFilterLogBits> filter_;
  // By the hash of the first token; entries longest first.
  absl::flat_hash_map<uint64_t, std::vector<Entry>> by_first_;
};

}  // namespace summit::reference

#endif  // SUMMIT_REFERENCE_PHRASE_TABLE_H_
