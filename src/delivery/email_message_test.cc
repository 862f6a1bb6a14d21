// The e-mail message format: headers, RFC 2047 encoded-words, quoted-printable, dates.

#include "delivery/email_message.h"

#include <gtest/gtest.h>

namespace proaktiv::delivery {
namespace {

using std::chrono::system_clock;

EmailParts Parts() {
  return EmailParts{.from_name = "Bærum kommune",
                    .from_address = "post@baerum.kommune.no",
                    .to = "kari@example.no",
                    .subject = "Tilbud om barnehageplass",
                    .body = "Hei Kari,\n\nDu kan få plass.\n",
                    .message_id = "offer-17.email.initial@baerum.kommune.no",
                    .language = "nb",
                    .date = system_clock::from_time_t(1741771800)};  // 2025-03-12 09:30 UTC
}

TEST(EmailMessage, HasTheHeadersOfRfc5322AndMime) {
  auto text = BuildEmail(Parts());
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_NE(text->find("From: =?UTF-8?B?"), std::string::npos) << *text;
  EXPECT_NE(text->find("?= <post@baerum.kommune.no>\r\n"), std::string::npos);
  EXPECT_NE(text->find("\r\nTo: kari@example.no\r\n"), std::string::npos);
  EXPECT_NE(text->find("\r\nSubject: Tilbud om barnehageplass\r\n"), std::string::npos);
  EXPECT_NE(text->find("\r\nDate: Wed, 12 Mar 2025 09:30:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(text->find("\r\nMessage-ID: <offer-17.email.initial@baerum.kommune.no>\r\n"),
            std::string::npos);
  EXPECT_NE(text->find("\r\nContent-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(text->find("\r\nContent-Transfer-Encoding: quoted-printable\r\n"), std::string::npos);
  EXPECT_NE(text->find("\r\n\r\nHei Kari,\r\n\r\nDu kan f=C3=A5 plass.\r\n"), std::string::npos)
      << *text;
  for (char c : *text) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << "8-bit byte in message";
}

TEST(EmailMessage, AsciiDisplayNameIsQuoted) {
  EmailParts parts = Parts();
  parts.from_name = "Nordre Follo \"kommune\"";
  auto text = BuildEmail(parts);
  ASSERT_TRUE(text);
  EXPECT_EQ(text->substr(0, text->find("\r\n")),
            "From: \"Nordre Follo \\\"kommune\\\"\" <post@baerum.kommune.no>");
}

TEST(EmailMessage, EncodesNorwegianLettersAsUtf8EncodedWords) {
  EXPECT_EQ(EncodeHeaderText("Søknad om plass"), "=?UTF-8?B?U8O4a25hZCBvbSBwbGFzcw==?=");
  // A long subject becomes several words, each at most 75 characters, folded, never cutting a
  // two-byte letter in half.
  const std::string long_subject =
      "Tilbud om barnehageplass for barnet ditt i Bærum kommune fra august – svar innen fristen "
      "æøå ÆØÅ";
  const std::string encoded = EncodeHeaderText(long_subject);
  size_t start = 0;
  int words = 0;
  while (start < encoded.size()) {
    size_t end = encoded.find("\r\n ", start);
    if (end == std::string::npos) end = encoded.size();
    const std::string word = encoded.substr(start, end - start);
    EXPECT_LE(word.size(), 75u) << word;
    EXPECT_EQ(word.rfind("=?UTF-8?B?", 0), 0u) << word;
    ++words;
    start = end == encoded.size() ? end : end + 3;
  }
  EXPECT_GE(words, 3);
}

TEST(EmailMessage, HeaderTextCannotInjectHeaders) {
  EmailParts parts = Parts();
  parts.subject = "Hei\r\nBcc: eve@example.no";
  auto text = BuildEmail(parts);
  ASSERT_TRUE(text);
  EXPECT_EQ(text->find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(text->find("Subject: Hei  Bcc: eve@example.no\r\n"), std::string::npos);
}

TEST(EmailMessage, QuotedPrintableKeepsLinesShortAndEncodesTrailingSpace) {
  EXPECT_EQ(QuotedPrintable("a=b \nc\t"), "a=3Db=20\r\nc=09");
  const std::string long_line(200, 'x');
  const std::string encoded = QuotedPrintable(long_line + "\n" + "æ");
  size_t start = 0;
  while (start < encoded.size()) {
    size_t end = encoded.find("\r\n", start);
    if (end == std::string::npos) end = encoded.size();
    EXPECT_LE(end - start, 76u);
    start = end + 2;
  }
  EXPECT_NE(encoded.find("=\r\n"), std::string::npos);
  EXPECT_EQ(encoded.substr(encoded.size() - 6), "=C3=A6");
}

TEST(EmailMessage, RejectsAddressesAndIdsThatAreNotPlain) {
  EmailParts parts = Parts();
  parts.to = "kari@example.no>\r\nRCPT TO:<eve@example.no";
  auto bad_to = BuildEmail(parts);
  ASSERT_FALSE(bad_to);
  EXPECT_EQ(bad_to.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad_to.error().message.find("to '"), std::string::npos);

  parts = Parts();
  parts.to = "";
  EXPECT_FALSE(BuildEmail(parts));
  parts = Parts();
  parts.message_id = "offer 17@x";
  auto bad_id = BuildEmail(parts);
  ASSERT_FALSE(bad_id);
  EXPECT_NE(bad_id.error().message.find("message_id"), std::string::npos);
  EXPECT_TRUE(IsPlainAddress("ola.nordmann+tilbud@post.kommune.no"));
  EXPECT_FALSE(IsPlainAddress("ola..nordmann@kommune.no"));
  EXPECT_FALSE(IsPlainAddress("øla@kommune.no"));
}

}  // namespace
}  // namespace proaktiv::delivery
