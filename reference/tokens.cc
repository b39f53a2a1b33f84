#include "reference/tokens.h"

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace summit::reference {
namespace {

// The code point at `i`, and the index after it; U+FFFD for bad bytes.
UChar32 Next(absl::string_view text, size_t& i) {
  UChar32 c;
  int32_t index = static_cast<int32_t>(i);
  U8_NEXT(text.data(), index, static_cast<int32_t>(text.size()), c);
  i = static_cast<size_t>(index);
  return c < 0 ? 0xFFFD : c;
}

UChar32 Peek(absl::string_view text, size_t i) {
  return i < text.size() ? Next(text, i) : 0;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
bool IsLetter(UChar32 c) { return c < 0x80 ? absl::ascii_isalpha(c) : u_isalpha(c); }
bool IsDigit(UChar32 c) { return c >= '0' && c <= '9'; }

void AppendLower(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out.push_back(absl::ascii_tolower(static_cast<char>(c)));
    return;
  }
  if (IsApostrophe(c)) {
    out.push_back('\'');
    return;
  }
  char buffer[4];
  int32_t length = 0;
  UBool unused_error = false;
  U8_APPEND(buffer, length, 4, u_tolower(c), unused_error);
  (void)unused_error;
  out.append(buffer, length);
}

}  // namespace

uint64_t TokenHash(absl::string_view lower) {
  return absl::Hash<absl::string_view>{}(lower);
}

TokenSet::TokenSet(std::initializer_list<const char*> words) {
  for (const char* word : words) Add(word);
}

void TokenSet::Add(absl::string_view word) {
  const uint64_t hash = TokenHash(word);
  words_[hash] = std::string(word);
  filter_.Add(hash);
}

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);  // English averages ~6 bytes a token.
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    if (text[i] == ' ' || text[i] == '\n') {
      ++i;
      continue;
    }
    const UChar32 c = Next(text, i);
    if (c < 0x80 ? absl::ascii_isspace(static_cast<unsigned char>(c))
                 : u_isUWhiteSpace(c)) {
      continue;
    }
    Token token;
    token.start = static_cast<uint32_t>(start);
    if (IsLetter(c)) {
      token.kind = Token::Kind::kWord;
      token.capitalized = c < 0x80 ? absl::ascii_isupper(c) : u_isupper(c);
      AppendLower(token.lower, c);
      while (i < text.size()) {
        // ASCII letters and digits, the bulk of English text, directly.
        const char ascii = text[i];
        if (absl::ascii_isalnum(ascii)) {
          token.lower.push_back(absl::ascii_tolower(ascii));
          ++i;
          continue;
        }
        size_t j = i;
        UChar32 d = Next(text, j);
        if (IsLetter(d) || IsDigit(d)) {
          AppendLower(token.lower, d);
          i = j;
          continue;
        }
        // "’s" and "s’" end the word; other inner apostrophes and hyphens
        // join letters ("O'Brien", "Asia-Pacific").
        size_t k = j;
        UChar32 after = Peek(text, k);
        if (IsApostrophe(d) && IsLetter(after)) {
          size_t m = k;
          Next(text, m);
          const bool possessive =
              (after == 's' || after == 'S') && !IsLetter(Peek(text, m));
          if (possessive) break;
          AppendLower(token.lower, d);
          i = j;
          continue;
        }
        if (d == '-' && (IsLetter(after) || IsDigit(after))) {
          token.lower.push_back('-');
          i = j;
          continue;
        }
        // Acronyms with dots: "U.S.", "U.K.".
        if (d == '.' && token.lower.size() == 1 && IsLetter(after)) {
          size_t m = k;
          Next(text, m);
          if (Peek(text, m) == '.') {
            token.lower.push_back('.');
            i = j;
            continue;
          }
        }
        if (d == '.' && token.lower.find('.') != std::string::npos) {
          token.lower.push_back('.');
          i = j;
          break;
        }
        if (d == '$') {  // "US$", "C$"
          token.lower.push_back('$');
          token.kind = Token::Kind::kPunct;
          i = j;
        }
        break;
      }
    } else if (IsDigit(c)) {
      token.kind = Token::Kind::kNumber;
      token.lower.push_back(static_cast<char>(c));
      while (i < text.size()) {
        size_t j = i;
        UChar32 d = Next(text, j);
        if (IsDigit(d) || ((d == ',' || d == '.') && IsDigit(Peek(text, j)))) {
          token.lower.push_back(static_cast<char>(d));
          i = j;
        } else if (IsLetter(d) && d < 0x80) {
          // Ordinal or scale suffix: "32nd", "8th", "5bn".
          token.lower.push_back(absl::ascii_tolower(static_cast<char>(d)));
          i = j;
        } else {
          break;
        }
      }
    } else if (IsApostrophe(c) && (Peek(text, i) == 's' || Peek(text, i) == 'S') &&
               !tokens.empty() && tokens.back().end == start) {
      size_t j = i;
      Next(text, j);
      if (!IsLetter(Peek(text, j))) {
        token.kind = Token::Kind::kWord;
        token.lower = "'s";
        i = j;
      } else {
        token.lower = "'";
      }
    } else {
      AppendLower(token.lower, c);
    }
    token.end = static_cast<uint32_t>(i);
    token.hash = TokenHash(token.lower);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::vector<std::string> LowerTokens(absl::string_view phrase) {
  std::vector<std::string> out;
  for (Token& token : Tokenize(phrase)) out.push_back(std::move(token.lower));
  return out;
}

}  // namespace summit::reference
