// The extractor's cue words, read from reference/data/words.json (embedded
// at build time, parsed once, like the rest of the reference data). Rules
// live in the finders; which words trigger them lives here.
#ifndef SUMMIT_EXTRACTOR_LEXICON_H_
#define SUMMIT_EXTRACTOR_LEXICON_H_

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "reference/phrase_table.h"
#include "reference/tokens.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

// Words with a number each, looked up by a token's precomputed hash.
class TokenValues final {
 public:
  void Add(const std::string& word, double value);
  // The value of `word`; 0 when it is not in the table.
  double Value(const Token& token) const;
  double Value(const std::string& word) const;

 private:
  absl::flat_hash_map<uint64_t, std::pair<std::string, double>> values_;
};

// See proto/summit/data/v1/reference_data.proto (ExtractorWords) for what
// each list holds.
struct Lexicon {
  // The embedded lexicon, parsed on first use. Thread-safe. Aborts the
  // program if the embedded file does not parse or names an unknown enum
  // value, which the extractor's tests rule out.
  static const Lexicon& Get();

  TokenSet meeting_words{};
  TokenSet phone_words{};
  TokenSet video_words{};
  TokenSet visit_words{};
  TokenSet state_visit_modifiers{};
  TokenSet negation_words{};
  absl::flat_hash_map<std::string, std::string> reporting_verbs;  // word -> lemma
  TokenSet signing_verbs{};
  PhraseTable<v1::AgreementKind> agreement_nouns;
  TokenSet event_heads{};
  TokenSet event_name_stops{};
  TokenValues number_words;
  absl::flat_hash_map<std::string, double> scale_words;
  TokenValues ordinal_words;
  PhraseTable<v1::AmountQualifier> amount_qualifiers;
  TokenSet ignored_units{};
  TokenSet count_adjectives{};
  TokenSet source_nouns{};
  TokenSet action_verbs{};
  TokenSet action_name_stops{};
  TokenSet past_meeting_auxiliaries{};
  TokenSet past_meeting_name_stops{};
  TokenValues month_names;
  TokenValues weekday_names;
  TokenValues date_count_words;
  TokenSet relative_date_openers{};
  TokenSet future_words{};
  TokenSet intention_verbs{};
  TokenSet name_particles{};
  TokenSet non_name_words{};
  TokenSet possessives{};
  TokenSet month_abbreviations{};
};

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_LEXICON_H_
