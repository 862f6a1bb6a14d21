#pragma once

// An RFC 5322 e-mail message as the SMTP channel sends it: ASCII headers (non-ASCII words as
// RFC 2047 UTF-8 encoded-words, so Norwegian æøå survive any relay), one text/plain part in
// UTF-8, quoted-printable, CRLF line ends.
//
//   From: =?UTF-8?B?QsOmcnVtIGtvbW11bmU=?= <post@baerum.kommune.no>
//   To: kari@example.no
//   Subject: =?UTF-8?B?...?=
//   Date: Wed, 12 Mar 2025 09:30:00 +0000
//   Message-ID: <offer-17.email.initial@baerum.kommune.no>
//   MIME-Version: 1.0
//   Content-Type: text/plain; charset=utf-8
//   Content-Transfer-Encoding: quoted-printable
//   Content-Language: nb
//   Auto-Submitted: auto-generated
//
// The Message-ID is made from the idempotency key, so a message sent again after a crash is
// the same message to every mail client (they show one Message-ID once).
//
// Stateless functions; thread-safe.

#include <chrono>
#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::delivery {

struct EmailParts {
  std::string from_name{};     // display name (the kommune), any UTF-8
  std::string from_address{};  // addr-spec
  std::string to{};            // addr-spec
  std::string subject{};       // any UTF-8; line breaks become spaces
  std::string body{};          // UTF-8 text, any line ends
  std::string message_id{};    // id-left@id-right, without angle brackets
  std::string language{};      // Content-Language ("nb", "nn", "en"); "" leaves it out
  std::chrono::system_clock::time_point date{};
};

// The whole message (headers, blank line, body), CRLF line ends. kInvalidArgument naming the
// field when an address is not a plain ASCII addr-spec (local@domain, no spaces, angle
// brackets or line breaks) or the Message-ID has characters RFC 5322 does not allow there.
Result<std::string> BuildEmail(const EmailParts& parts);

// True when `address` is a plain ASCII addr-spec as above.
bool IsPlainAddress(std::string_view address);

// `text` as a header value: unchanged when it is printable ASCII without "=?" and short enough
// to stay on one line, otherwise RFC 2047 "B" encoded-words in UTF-8 (each at most 75
// characters, never splitting a UTF-8 sequence), folded with CRLF + space.
std::string EncodeHeaderText(std::string_view text);

// `text` in quoted-printable (RFC 2045): line ends become CRLF, lines at most 76 characters
// with soft breaks, trailing white space encoded.
std::string QuotedPrintable(std::string_view text);

// RFC 5322 date-time in UTC: "Wed, 12 Mar 2025 09:30:00 +0000".
std::string Rfc5322Date(std::chrono::system_clock::time_point time);

}  // namespace proaktiv::delivery
