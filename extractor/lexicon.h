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
  double Value(const reference::Token& token) const;
  double Value(const std::string& word) const;

 private:
  reference::HashFilter<> filter_;
  absl::flat_hash_map<uint64_t, std::pair<std::string, double>> values_;
};

// See proto/summit/data/v1/reference_data.proto (ExtractorWords) for what
// each list holds.
struct Lexicon {
  // The embedded lexicon, parsed on first use. Thread-safe. Aborts the
  // program if the embedded file does not parse or names an unknown enum
  // value, which the extractor's tests rule out.
  static const Lexicon& Get();

  reference::TokenSet meeting_words{};
  reference::TokenSet phone_words{};
  reference::TokenSet video_words{};
  reference::TokenSet visit_words{};
  reference::TokenSet state_visit_modifiers{};
  reference::TokenSet negation_words{};
  absl::flat_hash_map<std::string, std::string> reporting_verbs;  // word -> lemma
  reference::TokenSet signing_verbs{};
  reference::PhraseTable<v1::AgreementKind> agreement_nouns;
  reference::TokenSet event_heads{};
  reference::TokenSet event_name_stops{};
  TokenValues number_words;
  absl::flat_hash_map<std::string, double> scale_words;
  TokenValues ordinal_words;
  reference::PhraseTable<v1::AmountQualifier> amount_qualifiers;
  reference::TokenSet ignored_units{};
  reference::TokenSet count_adjectives{};
  reference::TokenSet action_verbs{};
  reference::TokenSet action_name_stops{};
  reference::TokenSet past_meeting_auxiliaries{};
  reference::TokenSet past_meeting_name_stops{};
  TokenValues month_names;
  TokenValues weekday_names;
  TokenValues date_count_words;
  reference::TokenSet relative_date_openers{};
  reference::TokenSet future_words{};
  reference::TokenSet intention_verbs{};
  reference::TokenSet name_particles{};
  reference::TokenSet non_name_words{};
  reference::TokenSet possessives{};
  reference::TokenSet month_abbreviations{};
  reference::TokenSet sequence_words{};
  reference::PhraseTable<bool> attendance_phrases;
  reference::TokenSet sector_heads{};
  reference::TokenSet function_words{};
  reference::TokenSet sector_verbs{};
  reference::TokenSet verb_markers{};
  reference::TokenSet determiners{};
  reference::TokenSet institution_words{};
  reference::TokenSet past_words{};
  reference::TokenSet place_nouns{};
  reference::TokenSet venue_heads{};
};

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_LEXICON_H_
