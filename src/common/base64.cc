#include "common/base64.h"

#include <array>
#include <cstdint>

#include <fmt/format.h>

namespace proaktiv {
namespace {

struct Variant {
  std::string_view name;
  std::string_view alphabet;
  bool padded;
};

constexpr Variant kStandard{
    "base64", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", true};
constexpr Variant kUrl{"base64url",
                       "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", false};

using Reverse = std::array<int8_t, 256>;

constexpr Reverse MakeReverse(std::string_view alphabet) {
  Reverse table{};
  for (auto& v : table) v = -1;
  for (size_t i = 0; i < alphabet.size(); ++i) {
    table[static_cast<uint8_t>(alphabet[i])] = static_cast<int8_t>(i);
  }
  return table;
}

constexpr Reverse kStandardReverse = MakeReverse(kStandard.alphabet);
constexpr Reverse kUrlReverse = MakeReverse(kUrl.alphabet);

std::string Encode(std::string_view bytes, const Variant& variant) {
  const std::string_view a = variant.alphabet;
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) |
                       (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                       static_cast<uint8_t>(bytes[i + 2]);
    out += a[(v >> 18) & 63];
    out += a[(v >> 12) & 63];
    out += a[(v >> 6) & 63];
    out += a[v & 63];
  }
  const size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
  if (rest == 2) v |= static_cast<uint8_t>(bytes[i + 1]) << 8;
  out += a[(v >> 18) & 63];
  out += a[(v >> 12) & 63];
  if (rest == 2) out += a[(v >> 6) & 63];
  if (variant.padded) out.append(3 - rest, '=');
  return out;
}

Result<std::string> Decode(std::string_view text, const Variant& variant, const Reverse& reverse) {
  if (variant.padded) {
    if (text.size() % 4 != 0) {
      return InvalidArgument(fmt::format("{} text of {} characters is not a multiple of 4",
                                         variant.name, text.size()));
    }
    const size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
    text.remove_suffix(padding);
  } else if (text.size() % 4 == 1) {
    return InvalidArgument(fmt::format("{} text of {} characters has an impossible length",
                                       variant.name, text.size()));
  }
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const int8_t v = reverse[static_cast<uint8_t>(text[i])];
    if (v < 0) {
      return InvalidArgument(fmt::format(
          "{} text has a character outside the alphabet at position {}", variant.name, i));
    }
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  if (bits >= 6) {  // a lone character after the last whole group: impossible
    return InvalidArgument(fmt::format("{} text has an impossible length", variant.name));
  }
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) {
    return InvalidArgument(
        fmt::format("{} text has non-zero padding bits in its last character", variant.name));
  }
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) { return Encode(bytes, kStandard); }
Result<std::string> Base64Decode(std::string_view text) {
  return Decode(text, kStandard, kStandardReverse);
}

std::string Base64UrlEncode(std::string_view bytes) { return Encode(bytes, kUrl); }
Result<std::string> Base64UrlDecode(std::string_view text) {
  return Decode(text, kUrl, kUrlReverse);
}

}  // namespace proaktiv
