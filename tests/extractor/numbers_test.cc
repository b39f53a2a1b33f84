// Number helpers: values of digits and words, ordinals, singulars.
#include "extractor/numbers.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace summit::extractor {

using reference::Token;
using reference::Tokenize;

namespace {

// The only token of `text`.
Token One(const std::string& text) {
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(tokens.size(), 1u) << text;
  return tokens.empty() ? Token() : tokens[0];
}

double Value(const std::string& text) { return NumberValue(One(text), Lexicon::Get()); }

TEST(NumbersTest, DigitsWithSeparatorsAndScaleSuffixes) {
  EXPECT_DOUBLE_EQ(Value("125"), 125);
  EXPECT_DOUBLE_EQ(Value("1,000"), 1000);
  EXPECT_DOUBLE_EQ(Value("14.7"), 14.7);
  EXPECT_DOUBLE_EQ(Value("5bn"), 5e9);
  EXPECT_DOUBLE_EQ(Value("2.5m"), 2.5e6);
  EXPECT_DOUBLE_EQ(Value("3tn"), 3e12);
  EXPECT_DOUBLE_EQ(Value("2lakh"), 2e5);
  EXPECT_DOUBLE_EQ(Value("7crore"), 7e7);
  EXPECT_DOUBLE_EQ(Value("5xyz"), 0);
}

TEST(NumbersTest, NumberWordsAndCompounds) {
  EXPECT_DOUBLE_EQ(Value("twelve"), 12);
  EXPECT_DOUBLE_EQ(Value("dozen"), 12);
  EXPECT_DOUBLE_EQ(Value("Forty-two"), 42);
  EXPECT_DOUBLE_EQ(Value("sixty-four"), 64);
  EXPECT_DOUBLE_EQ(Value("seventy-five"), 75);
  // Units after the dash must be 1..9, tens before it 20 or more.
  EXPECT_DOUBLE_EQ(Value("forty-twelve"), 0);
  EXPECT_DOUBLE_EQ(Value("twelve-two"), 0);
  EXPECT_DOUBLE_EQ(Value("summit"), 0);
  EXPECT_DOUBLE_EQ(NumberWordValue(One("twenty-one"), Lexicon::Get()), 21);
  EXPECT_DOUBLE_EQ(NumberWordValue(One("21"), Lexicon::Get()), 0);
}

TEST(NumbersTest, OrdinalsAreNoNumbers) {
  EXPECT_DOUBLE_EQ(Value("32nd"), 0);
  EXPECT_DOUBLE_EQ(Value("1st"), 0);
  EXPECT_TRUE(IsOrdinal("1st"));
  EXPECT_TRUE(IsOrdinal("32nd"));
  EXPECT_TRUE(IsOrdinal("3rd"));
  EXPECT_TRUE(IsOrdinal("10th"));
  EXPECT_FALSE(IsOrdinal("st"));
  EXPECT_FALSE(IsOrdinal("first"));
  EXPECT_FALSE(IsOrdinal("2025"));
  EXPECT_FALSE(IsOrdinal("5bn"));
}

TEST(NumbersTest, OrdinalValuesInDigitsAndWords) {
  const Lexicon& lexicon = Lexicon::Get();
  EXPECT_EQ(OrdinalValue("fifth", lexicon), 5);
  EXPECT_EQ(OrdinalValue("32nd", lexicon), 32);
  EXPECT_EQ(OrdinalValue("forty-ninth", lexicon), 49);
  EXPECT_EQ(OrdinalValue("twenty-first", lexicon), 21);
  EXPECT_EQ(OrdinalValue("twelve-first", lexicon), 0);
  EXPECT_EQ(OrdinalValue("summit", lexicon), 0);
  EXPECT_EQ(OrdinalValue("32", lexicon), 0);
}

// The money of an amount with `value` in `currency`, as "units nanos", or
// "none".
std::string Money(double value, const std::string& currency) {
  v1::Amount amount;
  amount.set_value(value);
  amount.set_currency_code(currency);
  SetExactMoney(amount);
  if (!amount.has_money()) return "none";
  EXPECT_EQ(amount.money().currency_code(), currency);
  return absl::StrCat(amount.money().units(), " ", amount.money().nanos());
}

TEST(NumbersTest, MoneyIsTheDecimalTheTextWrote) {
  EXPECT_EQ(Money(14.7 * 1e9, "USD"), "14700000000 0");
  EXPECT_EQ(Money(2.3 * 1e6, "EUR"), "2300000 0");
  EXPECT_EQ(Money(0.35, "USD"), "0 350000000");
  EXPECT_EQ(Money(1.05 * 1e3, "GBP"), "1050 0");
  EXPECT_EQ(Money(125, "CAD"), "125 0");
  EXPECT_EQ(Money(1.2 * 1e12, "USD"), "1200000000000 0");
  EXPECT_EQ(Money(-1, "USD"), "none");
  EXPECT_EQ(Money(1e19, "USD"), "none");  // Past int64 units.
  EXPECT_EQ(Money(125, ""), "none");      // Not money.

  v1::Amount given;
  given.set_value(5);
  given.set_currency_code("USD");
  given.mutable_money()->set_currency_code("USD");
  given.mutable_money()->set_units(5);
  given.mutable_money()->set_nanos(1);
  SetExactMoney(given);  // Money already set stays.
  EXPECT_EQ(given.money().nanos(), 1);
}

TEST(NumbersTest, SingularOfPlurals) {
  EXPECT_EQ(Singular("agreements"), "agreement");
  EXPECT_EQ(Singular("batteries"), "battery");
  EXPECT_EQ(Singular("memoranda"), "memorandum");
  EXPECT_EQ(Singular("businesses"), "business");
  EXPECT_EQ(Singular("churches"), "church");
  EXPECT_EQ(Singular("taxes"), "tax");
  EXPECT_EQ(Singular("ties"), "tie");
  EXPECT_EQ(Singular("companies"), "company");
}

TEST(NumbersTest, SingularLeavesOtherWordsAlone) {
  EXPECT_EQ(Singular("people"), "people");
  EXPECT_EQ(Singular("class"), "class");
  EXPECT_EQ(Singular("gas"), "gas");
  EXPECT_EQ(Singular("oil"), "oil");
  EXPECT_EQ(Singular(""), "");
}

}  // namespace
}  // namespace summit::extractor
