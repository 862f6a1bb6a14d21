#include "delivery/email_message.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <ctime>

#include <fmt/format.h>

namespace proaktiv::delivery {
namespace {

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// RFC 5322 atext: the characters of a dot-atom besides '.'.
bool IsAtext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool IsDotAtom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  char previous = 0;
  for (char c : text) {
    if (c == '.' && previous == '.') return false;
    if (c != '.' && !IsAtext(c)) return false;
    previous = c;
  }
  return true;
}

bool IsPrintableAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// Line breaks and other control characters in a header text become spaces (no header
// injection, whatever the text).
std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

// The display name as a phrase: a quoted-string when it is printable ASCII, else encoded-words.
std::string DisplayName(std::string_view name) {
  const std::string line = OneLine(name);
  if (IsPrintableAscii(line) && line.find("=?") == std::string::npos && line.size() < 60) {
    std::string quoted = "\"";
    for (char c : line) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\"";
  }
  return EncodeHeaderText(line);
}

}  // namespace

bool IsPlainAddress(std::string_view address) {
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos || address.size() > 254) return false;
  return IsDotAtom(address.substr(0, at)) && IsDotAtom(address.substr(at + 1));
}

std::string EncodeHeaderText(std::string_view text) {
  const std::string line = OneLine(text);
  if (IsPrintableAscii(line) && line.find("=?") == std::string::npos && line.size() <= 66) {
    return line;
  }
  // "=?UTF-8?B?" + base64 + "?=" is at most 75 characters when the base64 is at most 60
  // characters, i.e. at most 45 bytes of text per word.
  constexpr size_t kMaxBytes = 45;
  std::string out;
  size_t start = 0;
  while (start < line.size()) {
    size_t end = std::min(line.size(), start + kMaxBytes);
    // Never split a UTF-8 sequence: back up over continuation bytes.
    while (end < line.size() && end > start + 1 &&
           (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(std::string_view(line).substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string QuotedPrintable(std::string_view text) {
  constexpr size_t kMaxLine = 76;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 16);
  size_t line_length = 0;
  auto emit = [&](std::string_view token) {
    // Leave room for the soft break's '='.
    if (line_length + token.size() > kMaxLine - 1) {
      out += "=\r\n";
      line_length = 0;
    }
    out += token;
    line_length += token.size();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\r\n";
      line_length = 0;
      continue;
    }
    const bool at_line_end = i + 1 == text.size() || text[i + 1] == '\r' || text[i + 1] == '\n';
    const auto byte = static_cast<unsigned char>(c);
    const bool literal =
        (byte >= 33 && byte <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_line_end);
    if (literal) {
      emit(std::string_view(&c, 1));
    } else {
      const char encoded[3] = {'=', kHex[byte >> 4], kHex[byte & 0x0F]};
      emit(std::string_view(encoded, 3));
    }
  }
  return out;
}

std::string Rfc5322Date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays[utc.tm_wday], utc.tm_mday,
                     kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

Result<std::string> BuildEmail(const EmailParts& parts) {
  if (!IsPlainAddress(parts.from_address)) {
    return InvalidArgument(fmt::format("from_address '{}' is not a plain e-mail address",
                                       OneLine(parts.from_address)));
  }
  if (!IsPlainAddress(parts.to)) {
    return InvalidArgument(fmt::format("to '{}' is not a plain e-mail address", OneLine(parts.to)));
  }
  const size_t at = parts.message_id.rfind('@');
  if (at == std::string::npos || !IsDotAtom(parts.message_id.substr(0, at)) ||
      !IsDotAtom(parts.message_id.substr(at + 1))) {
    return InvalidArgument(fmt::format(
        "message_id '{}' is not id-left@id-right of RFC 5322 dot-atoms (the idempotency key "
        "may hold letters, digits and !#$%&'*+-/=?^_`{{|}}~ and single dots)",
        OneLine(parts.message_id)));
  }
  std::string message;
  message.reserve(parts.body.size() * 11 / 10 + 512);
  const std::string from = parts.from_name.empty()
                               ? parts.from_address
                               : DisplayName(parts.from_name) + " <" + parts.from_address + ">";
  message += "From: " + from + "\r\n";
  message += "To: " + parts.to + "\r\n";
  message += "Subject: " + EncodeHeaderText(parts.subject) + "\r\n";
  message += "Date: " + Rfc5322Date(parts.date) + "\r\n";
  message += "Message-ID: <" + parts.message_id + ">\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=utf-8\r\n";
  message += "Content-Transfer-Encoding: quoted-printable\r\n";
  if (!parts.language.empty() && IsDotAtom(parts.language)) {
    message += "Content-Language: " + parts.language + "\r\n";
  }
  message += "Auto-Submitted: auto-generated\r\n";
  message += "\r\n";
  message += QuotedPrintable(parts.body);
  if (message.size() < 2 || message.compare(message.size() - 2, 2, "\r\n") != 0) {
    message += "\r\n";
  }
  return message;
}

}  // namespace proaktiv::delivery
