#include "extractor/lexicon.h"

#include <cstdio>
#include <cstdlib>

#include "google/protobuf/util/json_util.h"
#include "summit/data/v1/reference_data.pb.h"

namespace summit::extractor {

using reference::PhraseTable;
using reference::Token;
using reference::TokenHash;
using reference::TokenSet;

// Defined in the source extractor/CMakeLists.txt generates.
namespace embedded {
extern const char kWords[];
}  // namespace embedded

namespace {

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "embedded reference/data/words.json: %s\n", what.c_str());
  std::abort();
}

// Fills `table` with each phrase and the enum value its `kind` names.
template <typename Enum>
void AddKinds(const google::protobuf::RepeatedPtrField<data::v1::KindPhrase>& phrases,
              bool (*parse)(const std::string&, Enum*), PhraseTable<Enum>& table) {
  for (const data::v1::KindPhrase& phrase : phrases) {
    Enum value{};
    if (!parse(phrase.kind(), &value)) Die("unknown kind " + phrase.kind());
    table.Add(phrase.phrase(), value);
  }
}

void AddValues(const google::protobuf::RepeatedPtrField<data::v1::WordValue>& words,
               TokenValues& values) {
  for (const data::v1::WordValue& word : words) values.Add(word.word(), word.value());
}

Lexicon* Load() {
  data::v1::ExtractorWords words;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  if (auto status =
          google::protobuf::util::JsonStringToMessage(embedded::kWords, &words, options);
      !status.ok()) {
    Die(status.ToString());
  }
  auto* lexicon = new Lexicon();
  lexicon->meeting_words = TokenSet(words.meeting_words());
  lexicon->phone_words = TokenSet(words.phone_words());
  lexicon->video_words = TokenSet(words.video_words());
  lexicon->visit_words = TokenSet(words.visit_words());
  lexicon->state_visit_modifiers = TokenSet(words.state_visit_modifiers());
  lexicon->negation_words = TokenSet(words.negation_words());
  lexicon->signing_verbs = TokenSet(words.signing_verbs());
  lexicon->event_heads = TokenSet(words.event_heads());
  lexicon->event_name_stops = TokenSet(words.event_name_stops());
  lexicon->ignored_units = TokenSet(words.ignored_units());
  lexicon->count_adjectives = TokenSet(words.count_adjectives());
  lexicon->action_verbs = TokenSet(words.action_verbs());
  lexicon->action_name_stops = TokenSet(words.action_name_stops());
  lexicon->past_meeting_auxiliaries = TokenSet(words.past_meeting_auxiliaries());
  lexicon->past_meeting_name_stops = TokenSet(words.past_meeting_name_stops());
  lexicon->relative_date_openers = TokenSet(words.relative_date_openers());
  lexicon->future_words = TokenSet(words.future_words());
  lexicon->intention_verbs = TokenSet(words.intention_verbs());
  lexicon->name_particles = TokenSet(words.name_particles());
  lexicon->non_name_words = TokenSet(words.non_name_words());
  lexicon->possessives = TokenSet(words.possessives());
  lexicon->month_abbreviations = TokenSet(words.month_abbreviations());
  lexicon->sequence_words = TokenSet(words.sequence_words());
  for (const std::string& phrase : words.attendance_phrases()) {
    lexicon->attendance_phrases.Add(phrase, true);
  }
  lexicon->sector_heads = TokenSet(words.sector_heads());
  lexicon->function_words = TokenSet(words.function_words());
  lexicon->sector_verbs = TokenSet(words.sector_verbs());
  lexicon->verb_markers = TokenSet(words.verb_markers());
  lexicon->determiners = TokenSet(words.determiners());
  lexicon->institution_words = TokenSet(words.institution_words());
  lexicon->past_words = TokenSet(words.past_words());
  lexicon->place_nouns = TokenSet(words.place_nouns());
  lexicon->venue_heads = TokenSet(words.venue_heads());
  for (const data::v1::WordLemma& verb : words.reporting_verbs()) {
    lexicon->reporting_verbs[verb.word()] = verb.lemma();
  }
  AddKinds(words.agreement_nouns(), &v1::AgreementKind_Parse, lexicon->agreement_nouns);
  AddKinds(words.amount_qualifiers(), &v1::AmountQualifier_Parse,
           lexicon->amount_qualifiers);
  AddValues(words.number_words(), lexicon->number_words);
  for (const data::v1::WordValue& word : words.scale_words()) {
    lexicon->scale_words[word.word()] = word.value();
  }
  AddValues(words.ordinal_words(), lexicon->ordinal_words);
  AddValues(words.month_names(), lexicon->month_names);
  AddValues(words.weekday_names(), lexicon->weekday_names);
  AddValues(words.date_count_words(), lexicon->date_count_words);
  return lexicon;
}

}  // namespace

void TokenValues::Add(const std::string& word, double value) {
  const uint64_t hash = TokenHash(word);
  values_[hash] = {word, value};
  filter_.Add(hash);
}

double TokenValues::Value(const Token& token) const {
  if (!filter_.MayContain(token.hash)) return 0;
  auto it = values_.find(token.hash);
  return it != values_.end() && it->second.first == token.lower ? it->second.second : 0;
}

double TokenValues::Value(const std::string& word) const {
  const uint64_t hash = TokenHash(word);
  if (!filter_.MayContain(hash)) return 0;
  auto it = values_.find(hash);
  return it != values_.end() && it->second.first == word ? it->second.second : 0;
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* const kLexicon = Load();
  return *kLexicon;
}

}  // namespace summit::extractor
