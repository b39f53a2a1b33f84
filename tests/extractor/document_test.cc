// Document: sentences, tokens with byte offsets, spans and slugs.
#include "extractor/document.h"

#include <string>

#include "gtest/gtest.h"

namespace summit::extractor {

using reference::Token;

namespace {

TEST(DocumentTest, CutsSentencesAtTheirEnds) {
  const std::string text = "Leaders met in Paris. They signed two deals! Did trade grow?";
  const Document doc(text);
  ASSERT_EQ(doc.sentence_count(), 3);
  const uint32_t second = text.find("They");
  const uint32_t third = text.find("Did");
  EXPECT_EQ(doc.SentenceBytes(0), std::make_pair(0u, second));
  EXPECT_EQ(doc.SentenceBytes(1), std::make_pair(second, third));
  EXPECT_EQ(doc.SentenceBytes(2),
            std::make_pair(third, static_cast<uint32_t>(text.size())));
  // "Leaders met in Paris ." is five tokens, "They signed two deals !" five more.
  EXPECT_EQ(doc.SentenceTokens(0), std::make_pair(size_t{0}, size_t{5}));
  EXPECT_EQ(doc.SentenceTokens(1), std::make_pair(size_t{5}, size_t{10}));
  EXPECT_EQ(doc.SentenceTokens(2), std::make_pair(size_t{10}, doc.tokens().size()));
  EXPECT_EQ(doc.tokens()[5].sentence, 1);
  EXPECT_EQ(doc.tokens().back().sentence, 2);
}

TEST(DocumentTest, AbbreviationsDoNotEndSentences) {
  const Document doc(
      "Mr. Tanaka met Ms. Ruiz on Sept. 7 and Feb. 9 in Lima. Trade came up.");
  EXPECT_EQ(doc.sentence_count(), 2);
}

TEST(DocumentTest, AcronymsAndTitlesBeforeANameDoNotEndSentences) {
  // Known gap (for the real-report work of issue 13): the ICU sentence rules
  // end a sentence after "U.S.", "Dr.", "Gen." or "St." when a capitalized
  // word follows, so "U.S. President Donald Trump" is cut from its country
  // and "St. Louis" in two. The counts below are today's wrong ones; when
  // this test fails, the gap is closed: expect 1 and 1 and drop this note.
  EXPECT_EQ(Document("U.S. President Donald Trump met Chinese President Xi Jinping.")
                .sentence_count(),
            2);
  EXPECT_EQ(Document("Dr. Ruiz met Gen. Lee in St. Louis.").sentence_count(), 4);
}

TEST(DocumentTest, TokensCarryUtf8ByteOffsets) {
  const std::string text = "Erdoğan met Macron’s envoy.";
  const Document doc(text);
  ASSERT_EQ(doc.tokens().size(), 6u);  // erdoğan met macron 's envoy .
  const Token& name = doc.tokens()[0];
  EXPECT_EQ(name.lower, "erdoğan");
  EXPECT_EQ(name.start, 0u);
  EXPECT_EQ(name.end, 8u);  // "ğ" is two bytes.
  EXPECT_TRUE(name.capitalized);
  EXPECT_EQ(doc.tokens()[1].start, 9u);
  EXPECT_EQ(doc.tokens()[2].lower, "macron");
  // The typographic apostrophe (three bytes) is split off as "'s".
  const Token& possessive = doc.tokens()[3];
  EXPECT_EQ(possessive.lower, "'s");
  EXPECT_EQ(text.substr(possessive.start, possessive.end - possessive.start), "’s");
  EXPECT_EQ(doc.tokens()[5].lower, ".");
  EXPECT_EQ(doc.tokens()[5].end, text.size());
}

TEST(DocumentTest, TextOfCoversTheTokensAndWhatIsBetween) {
  const Document doc("Kenya and Ethiopia signed  two deals.");
  EXPECT_EQ(doc.TextOf(0, 3), "Kenya and Ethiopia");
  EXPECT_EQ(doc.TextOf(3, 6), "signed  two deals");
  EXPECT_EQ(doc.TextOf(2, 2), "");
  EXPECT_EQ(doc.TextOf(3, 1), "");
}

TEST(DocumentTest, SpanHasByteOffsetsSentenceAndText) {
  const std::string text = "Talks ended. São Paulo hosted the next round.";
  const Document doc(text);
  // Tokens: talks ended . são paulo hosted ...
  const v1::TextSpan span = doc.Span(3, 5);
  EXPECT_EQ(span.start(), text.find("São"));
  EXPECT_EQ(span.end(), text.find(" hosted"));
  EXPECT_EQ(span.sentence_index(), 1);
  EXPECT_EQ(span.text(), "São Paulo");
  EXPECT_EQ(text.substr(span.start(), span.end() - span.start()), "São Paulo");
  EXPECT_TRUE(span.source_id().empty());
}

TEST(DocumentTest, EmptyTextHasOneEmptySentence) {
  const Document doc("");
  EXPECT_TRUE(doc.tokens().empty());
  EXPECT_EQ(doc.sentence_count(), 1);
  EXPECT_EQ(doc.SentenceTokens(0), std::make_pair(size_t{0}, size_t{0}));
  EXPECT_EQ(doc.SentenceBytes(0), std::make_pair(0u, 0u));
}

TEST(DocumentTest, SlugFoldsDiacriticsAndRunsOfOtherCharacters) {
  EXPECT_EQ(Slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
  EXPECT_EQ(Slug("Luiz Inácio Lula da Silva"), "luiz-inacio-lula-da-silva");
  EXPECT_EQ(Slug("  São Paulo!! "), "sao-paulo");
  EXPECT_EQ(Slug("Abdel Fattah al-Sisi"), "abdel-fattah-al-sisi");
  EXPECT_EQ(Slug("Ho Chi Minh City"), "ho-chi-minh-city");
  EXPECT_EQ(Slug("Путин"), "putin");
  EXPECT_EQ(Slug("---"), "");
  EXPECT_EQ(Slug(""), "");
}

}  // namespace
}  // namespace summit::extractor
