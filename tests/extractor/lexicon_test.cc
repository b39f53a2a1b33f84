// Lexicon: the embedded words load, and the lists hold what the rules need.
#include "extractor/lexicon.h"

#include <string>

#include "gtest/gtest.h"

namespace summit::extractor {

using reference::Token;
using reference::TokenHash;
using reference::Tokenize;

namespace {

Token One(const std::string& word) { return Tokenize(word).at(0); }

TEST(LexiconTest, LoadsOnceAndEveryListHasWords) {
  const Lexicon& lexicon = Lexicon::Get();
  EXPECT_EQ(&lexicon, &Lexicon::Get());
  EXPECT_FALSE(lexicon.agreement_nouns.empty());
  EXPECT_FALSE(lexicon.amount_qualifiers.empty());
  EXPECT_FALSE(lexicon.reporting_verbs.empty());
  EXPECT_FALSE(lexicon.scale_words.empty());
}

TEST(LexiconTest, CueWords) {
  const Lexicon& lexicon = Lexicon::Get();
  EXPECT_TRUE(lexicon.meeting_words.contains(One("met")));
  EXPECT_TRUE(lexicon.meeting_words.contains(One("talks")));
  EXPECT_TRUE(lexicon.meeting_words.contains(One("Summit")));  // Tokens are lower case.
  EXPECT_FALSE(lexicon.meeting_words.contains(One("said")));
  EXPECT_TRUE(lexicon.phone_words.contains(One("telephone")));
  EXPECT_TRUE(lexicon.video_words.contains(One("virtual")));
  EXPECT_TRUE(lexicon.visit_words.contains(One("visit")));
  EXPECT_TRUE(lexicon.state_visit_modifiers.contains(One("state")));
  EXPECT_TRUE(lexicon.negation_words.contains(One("not")));
  EXPECT_TRUE(lexicon.event_heads.contains(One("forum")));
  EXPECT_TRUE(lexicon.event_name_stops.contains(One("the")));
}

TEST(LexiconTest, EveryPhoneWordIsAMeetingWord) {
  // FindCues looks at phone words only among meeting words.
  const Lexicon& lexicon = Lexicon::Get();
  for (const char* word : {"phone", "telephone"}) {
    EXPECT_TRUE(lexicon.phone_words.contains(One(word))) << word;
    EXPECT_TRUE(lexicon.meeting_words.contains(One(word))) << word;
  }
}

TEST(LexiconTest, ReportingVerbsMapToLemmas) {
  const auto& verbs = Lexicon::Get().reporting_verbs;
  EXPECT_EQ(verbs.at("said"), "say");
  EXPECT_EQ(verbs.at("emphasised"), "emphasize");
  EXPECT_EQ(verbs.at("called"), "call for");
  EXPECT_FALSE(verbs.contains("met"));
}

TEST(LexiconTest, AgreementNounsAndQualifiersAreLongestMatches) {
  const Lexicon& lexicon = Lexicon::Get();
  const std::vector<Token> tokens =
      Tokenize("memorandum of understanding joint statement");
  auto mou = lexicon.agreement_nouns.Find(tokens, 0, tokens.size());
  ASSERT_EQ(mou.length, 3u);
  EXPECT_EQ(*mou.value, v1::AGREEMENT_KIND_MEMORANDUM_OF_UNDERSTANDING);
  auto statement = lexicon.agreement_nouns.Find(tokens, 3, tokens.size());
  ASSERT_EQ(statement.length, 2u);
  EXPECT_EQ(*statement.value, v1::AGREEMENT_KIND_JOINT_STATEMENT);

  const std::vector<Token> qualifiers = Tokenize("more than up to");
  auto at_least = lexicon.amount_qualifiers.Find(qualifiers, 0, qualifiers.size());
  ASSERT_EQ(at_least.length, 2u);
  EXPECT_EQ(*at_least.value, v1::AMOUNT_QUALIFIER_AT_LEAST);
  auto at_most = lexicon.amount_qualifiers.Find(qualifiers, 2, qualifiers.size());
  ASSERT_EQ(at_most.length, 2u);
  EXPECT_EQ(*at_most.value, v1::AMOUNT_QUALIFIER_AT_MOST);
}

TEST(LexiconTest, NumberScaleAndOrdinalWords) {
  const Lexicon& lexicon = Lexicon::Get();
  EXPECT_DOUBLE_EQ(lexicon.number_words.Value("dozen"), 12);
  EXPECT_DOUBLE_EQ(lexicon.number_words.Value(One("Ninety")), 90);
  EXPECT_DOUBLE_EQ(lexicon.number_words.Value("zillion"), 0);
  EXPECT_DOUBLE_EQ(lexicon.scale_words.at("bn"), 1e9);
  EXPECT_DOUBLE_EQ(lexicon.scale_words.at("crore"), 1e7);
  EXPECT_DOUBLE_EQ(lexicon.ordinal_words.Value("fifth"), 5);
}

TEST(LexiconTest, TokenValuesComparesTheWordNotOnlyItsHash) {
  TokenValues values;
  values.Add("alpha", 3);
  EXPECT_DOUBLE_EQ(values.Value("alpha"), 3);
  EXPECT_DOUBLE_EQ(values.Value(One("Alpha")), 3);
  EXPECT_DOUBLE_EQ(values.Value("beta"), 0);
  // A token whose hash matches but whose text does not.
  Token forged = One("beta");
  forged.hash = TokenHash("alpha");
  EXPECT_DOUBLE_EQ(values.Value(forged), 0);
}

}  // namespace
}  // namespace summit::extractor
