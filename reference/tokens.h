// Tokens of English text with UTF-8 byte offsets: the unit the phrase
// tables and the extractor match on.
#ifndef SUMMIT_REFERENCE_TOKENS_H_
#define SUMMIT_REFERENCE_TOKENS_H_

#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace summit::reference {

struct Token {
  enum class Kind { kWord, kNumber, kPunct };
  uint32_t start = 0;  // Byte offset of the first byte.
  uint32_t end = 0;    // Byte offset one past the last byte.
  Kind kind = Kind::kPunct;
  // Lower case, with typographic apostrophes as "'" and "’s" split off as
  // its own token "'s".
  std::string lower;
  // TokenHash(lower), computed once: lookups in phrase tables and word sets
  // use it instead of hashing the text again.
  uint64_t hash = 0;
  // Starts with an upper-case letter.
  bool capitalized = false;
  int sentence = 0;
};

// Whether `token` is `word` (lower case). Compares lengths first: the cheap
// test hot loops want.
inline bool Is(const Token& token, absl::string_view word) {
  return token.lower.size() == word.size() && absl::string_view(token.lower) == word;
}

// The hash tokens carry of their lower-case text.
uint64_t TokenHash(absl::string_view lower);

// A two-bit Bloom filter of 2^kLogBits bits over token hashes: most tokens
// are in no table, and this turns them away without a hash-table probe.
// 4096 bits suit tables of a few hundred words; the gazetteer's 24,000
// names need more.
template <int kLogBits = 12>
class HashFilter final {
 public:
  void Add(uint64_t hash) {
    bits_.set(hash & kMask);
    bits_.set((hash >> 32) & kMask);
  }
  bool MayContain(uint64_t hash) const {
    return bits_.test(hash & kMask) && bits_.test((hash >> 32) & kMask);
  }

 private:
  static constexpr uint64_t kMask = (uint64_t{1} << kLogBits) - 1;
  std::bitset<(size_t{1} << kLogBits)> bits_;
};

// A set of lower-case words, looked up by a token's precomputed hash.
class TokenSet final {
 public:
  TokenSet(std::initializer_list<const char*> words);
  // The words of any range of strings (a vector, a repeated proto field).
  template <typename Range>
  explicit TokenSet(const Range& words) {
    for (const auto& word : words) Add(word);
  }
  bool contains(const Token& token) const {
    if (!filter_.MayContain(token.hash)) return false;
    auto it = words_.find(token.hash);
    return it != words_.end() && it->second == token.lower;
  }

 private:
  void Add(absl::string_view word);

  HashFilter<> filter_;
  absl::flat_hash_map<uint64_t, std::string> words_;
};

// Cuts `text` into tokens. Words keep inner apostrophes, hyphens and the
// dots of acronyms ("U.S."); numbers keep inner separators ("1,000", "14.7")
// and ordinal suffixes ("32nd"); "$"-prefixes merge with the letters before
// them ("US$", "C$"). Sentence indexes are left 0.
std::vector<Token> Tokenize(absl::string_view text);

// Lower-cases a phrase the way tokens are, token by token: the phrase tables
// are keyed by these.
std::vector<std::string> LowerTokens(absl::string_view phrase);

}  // namespace summit::reference

#endif  // SUMMIT_REFERENCE_TOKENS_H_
