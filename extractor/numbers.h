// Numbers as reports write them: digits ("1,000", "14.7", "5bn"), words
// ("twenty five", "forty-two", "a dozen") and ordinals ("32nd", "fifth").
#ifndef SUMMIT_EXTRACTOR_NUMBERS_H_
#define SUMMIT_EXTRACTOR_NUMBERS_H_

#include <string>

#include "extractor/lexicon.h"
#include "reference/tokens.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

// The value of one number word, hyphenated tens-and-units compounds
// included ("forty-two"); 0 when `token` is none.
double NumberWordValue(const reference::Token& token, const Lexicon& lexicon);

// The value of the number `token` writes: digits with separators and an
// optional scale suffix ("5bn" = 5e9), or a number word. 0 when it is none;
// ordinals ("32nd") are not numbers here.
double NumberValue(const reference::Token& token, const Lexicon& lexicon);

// Sets `amount.money` when the amount is money (has a currency_code) and
// has none: its value as the decimal with at most 15 significant digits
// nearest to it, which is the number the text wrote ("14.7" times a
// billion is 14700000000 units, where the double may be a hair off), in
// units and non-negative nanos. Leaves it unset when the value is
// negative, not finite, or more units than int64 holds.
void SetExactMoney(v1::Amount& amount);

// Whether `word` is a digit ordinal ("1st", "32nd", "4th").
bool IsOrdinal(const std::string& word);

// The value of an ordinal, in digits or words ("fifth", "forty-ninth");
// 0 when `word` is none.
int OrdinalValue(const std::string& word, const Lexicon& lexicon);

// The singular of an English plural noun ("agreements" -> "agreement",
// "batteries" -> "battery", "memoranda" -> "memorandum"); other words as
// they are.
std::string Singular(std::string word);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_NUMBERS_H_
