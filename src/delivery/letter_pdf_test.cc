// Letters as PDF: a valid file, the expected text (read back with poppler's pdftotext), page
// numbers when the text runs over, and a protected address only in the envelope window.

#include "delivery/letter_pdf.h"

#include <cairo.h>

#include <fstream>
#include <string_view>

#include <gtest/gtest.h>

#include "delivery/testing/receiver_process.h"

namespace proaktiv::delivery {
namespace {

constexpr double kPt = 72.0 / 25.4;  // points per millimetre

OutgoingMessage Letter() {
  OutgoingMessage m;
  m.message_id = 31;
  m.idempotency_key = "offer-31.letter.initial";
  m.channel = ChannelKind::kLetter;
  m.language = "nb";
  m.address = {
      .name = "Kari Nordmann", .street = "Løvstien 42B", .postal_code = "1337", .city = "SANDVIKA"};
  m.kommune_name = "Bærum kommune";
  m.subject = "Tilbud om barnehageplass";
  m.body =
      "Hei Kari,\n\nBarnet ditt har rett til barnehageplass fra august. Vi har "
      "funnet en plass i Østerås barnehage.\n\nSvar innen 1. mai.";
  m.link = "https://baerum.proaktiv.no/t/Xy7kQ2";
  return m;
}

// Writes `pdf` to a file and returns the text pdftotext reads from it (with `options`).
std::string PdfText(const std::string& pdf, std::vector<std::string> options = {}) {
  const std::string path = testing::MakeTempDirectory("proaktiv-letter") + "/letter.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  std::vector<std::string> argv = {"pdftotext"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back(path);
  argv.push_back("-");
  auto text = testing::RunForOutput(argv);
  EXPECT_TRUE(text) << text.error().message << " (pdftotext is in poppler-utils)";
  return text ? *text : "";
}

struct Word {
  double x_min, y_min, x_max, y_max;
  std::string text;
};

// The value of attribute `name` in the tag `tag` ("" when absent).
std::string Attribute(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const size_t start = tag.find(key);
  if (start == std::string_view::npos) return "";
  const size_t value = start + key.size();
  return std::string(tag.substr(value, tag.find('"', value) - value));
}

// The words of `pdf` with their boxes in points from the page's top-left corner
// (pdftotext -bbox: <word xMin=".." yMin=".." xMax=".." yMax="..">text</word>).
std::vector<Word> Words(const std::string& pdf) {
  const std::string html = PdfText(pdf, {"-bbox"});
  std::vector<Word> words;
  for (size_t at = html.find("<word "); at != std::string::npos; at = html.find("<word ", at)) {
    const size_t tag_end = html.find('>', at);
    const size_t text_end = html.find("</word>", tag_end);
    if (tag_end == std::string::npos || text_end == std::string::npos) break;
    const std::string_view tag(html.data() + at, tag_end - at);
    words.push_back({std::stod(Attribute(tag, "xMin")), std::stod(Attribute(tag, "yMin")),
                     std::stod(Attribute(tag, "xMax")), std::stod(Attribute(tag, "yMax")),
                     html.substr(tag_end + 1, text_end - tag_end - 1)});
    at = text_end;
  }
  return words;
}

TEST(LetterPdf, IsAValidA4PdfWithTheLettersText) {
  auto pdf = RenderLetterPdf(Letter(), CivilDate::FromYmd(2025, 3, 12).value(), {});
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->pages, 1);
  ASSERT_GT(pdf->bytes.size(), 1000u);
  EXPECT_EQ(pdf->bytes.substr(0, 5), "%PDF-");
  std::string tail = pdf->bytes.substr(pdf->bytes.size() - 8);
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r')) tail.pop_back();
  EXPECT_EQ(tail.substr(tail.size() - 5), "%%EOF");

  const std::string text = PdfText(pdf->bytes);
  for (const char* expected :
       {"Bærum kommune", "Kari Nordmann", "Løvstien 42B", "1337 SANDVIKA", "Dato: 12.03.2025",
        "Tilbud om barnehageplass", "Østerås barnehage", "Svar innen 1. mai.",
        "Svar på nett: https://baerum.proaktiv.no/t/Xy7kQ2"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
  }
  EXPECT_EQ(text.find("Side 1"), std::string::npos) << "no page numbers on a one-page letter";

  // The page is A4: 595 × 842 points.
  const std::string info = PdfText(pdf->bytes, {"-bbox"});
  EXPECT_NE(info.find(R"(<page width="595.)"), std::string::npos) << info.substr(0, 400);
  EXPECT_NE(info.find(R"(height="841.)"), std::string::npos);
}

TEST(LetterPdf, TheAddressSitsInTheEnvelopeWindow) {
  auto pdf = RenderLetterPdf(Letter(), CivilDate::FromYmd(2025, 3, 12).value(), {});
  ASSERT_TRUE(pdf);
  int found = 0;
  for (const Word& w : Words(pdf->bytes)) {
    if (w.text != "Nordmann" && w.text != "SANDVIKA") continue;
    ++found;
    EXPECT_GE(w.x_min, 20 * kPt) << w.text;
    EXPECT_LE(w.x_max, 110 * kPt) << w.text;
    EXPECT_GE(w.y_min, 45 * kPt) << w.text;
    EXPECT_LE(w.y_max, 85 * kPt) << w.text;
  }
  EXPECT_EQ(found, 2);
}

TEST(LetterPdf, AProtectedAddressAppearsOnlyInTheWindow) {
  OutgoingMessage message = Letter();
  message.address.protected_address = true;
  // A long letter: the address must not come back on later pages either.
  for (int i = 0; i < 40; ++i) message.body += "\n\nEt avsnitt om barnehagen og opptaket.";
  auto pdf = RenderLetterPdf(message, CivilDate::FromYmd(2025, 3, 12).value(), {});
  ASSERT_TRUE(pdf) << pdf.error().message;
  ASSERT_GE(pdf->pages, 2);
  int in_window = 0;
  for (const Word& w : Words(pdf->bytes)) {
    if (w.text != "Løvstien" && w.text != "42B" && w.text != "1337" && w.text != "SANDVIKA") {
      continue;
    }
    const bool inside =
        w.x_min >= 20 * kPt && w.x_max <= 110 * kPt && w.y_min >= 45 * kPt && w.y_max <= 85 * kPt;
    EXPECT_TRUE(inside) << w.text << " printed outside the window at " << w.x_min << "," << w.y_min;
    in_window += inside;
  }
  EXPECT_EQ(in_window, 4);  // once each, on the first page
  // Nor in the document's metadata.
  const std::string info = PdfText(pdf->bytes, {"-bbox"});
  EXPECT_EQ(info.substr(0, info.find("</head>")).find("Løvstien"), std::string::npos);

  // A text that would print the protected street is refused.
  message.body += "\n\nDu bor i Løvstien 42B.";
  auto refused = RenderLetterPdf(message, CivilDate::FromYmd(2025, 3, 12).value(), {});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("body"), std::string::npos);
  EXPECT_EQ(refused.error().message.find("Løvstien"), std::string::npos);
}

TEST(LetterPdf, ALongLetterRunsOverWithPageNumbersAndTheLinkAtTheEnd) {
  OutgoingMessage message = Letter();
  message.language = "en";
  message.body.clear();
  for (int i = 1; i <= 60; ++i) {
    message.body += "Paragraph " + std::to_string(i) +
                    ": the kindergarten offers a place from August, and this sentence is long "
                    "enough to wrap onto a second line of the letter.\n\n";
  }
  auto pdf = RenderLetterPdf(message, CivilDate::FromYmd(2025, 3, 12).value(), {});
  ASSERT_TRUE(pdf) << pdf.error().message;
  ASSERT_GE(pdf->pages, 3);
  const std::string text = PdfText(pdf->bytes);
  const std::string last =
      "Page " + std::to_string(pdf->pages) + " of " + std::to_string(pdf->pages);
  EXPECT_NE(text.find("Page 1 of " + std::to_string(pdf->pages)), std::string::npos) << text;
  EXPECT_NE(text.find(last), std::string::npos);
  EXPECT_NE(text.find("Date: 12.03.2025"), std::string::npos);
  for (int i = 1; i <= 60; ++i) {
    EXPECT_NE(text.find("Paragraph " + std::to_string(i) + ":"), std::string::npos) << i;
  }
  // The reply link is on the last page, after the last paragraph.
  const size_t last_page = text.rfind('\f', text.size() - 2);
  EXPECT_GT(text.find("Reply online: https://baerum.proaktiv.no/t/Xy7kQ2"),
            text.find("Paragraph 60"));
  EXPECT_NE(text.find("Reply online:", last_page == std::string::npos ? 0 : last_page),
            std::string::npos);
  // No body line below the text area (272 mm) and none above it on later pages (25 mm).
  for (const Word& w : Words(pdf->bytes)) {
    if (w.text.rfind("Page", 0) == 0 || w.text == "of" || std::isdigit(w.text[0])) continue;
    EXPECT_LE(w.y_max, 272 * kPt + 1) << w.text;
  }
}

TEST(LetterPdf, DrawsAPngLogoAndRefusesOneThatIsNot) {
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t* cr = cairo_create(image);
  cairo_set_source_rgb(cr, 0, 0.3, 0.6);
  cairo_paint(cr);
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(
      image,
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  cairo_surface_destroy(image);

  LetterStyle style;
  style.logo_png = png;
  auto with_logo = RenderLetterPdf(Letter(), CivilDate::FromYmd(2025, 3, 12).value(), style);
  ASSERT_TRUE(with_logo) << with_logo.error().message;
  auto without = RenderLetterPdf(Letter(), CivilDate::FromYmd(2025, 3, 12).value(), {});
  ASSERT_TRUE(without);
  EXPECT_NE(with_logo->bytes.find("/Image"), std::string::npos);
  EXPECT_EQ(without->bytes.find("/Image"), std::string::npos);

  style.logo_png = "GIF89a not a png";
  auto refused = RenderLetterPdf(Letter(), CivilDate::FromYmd(2025, 3, 12).value(), style);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("logo"), std::string::npos);
}

TEST(LetterPdf, RefusesALetterWithoutNameOrPostalCode) {
  OutgoingMessage message = Letter();
  message.address.postal_code.clear();
  auto refused = RenderLetterPdf(message, CivilDate::FromYmd(2025, 3, 12).value(), {});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("address.postal_code"), std::string::npos);
  message = Letter();
  message.subject = std::string("bad \xff utf-8");
  auto bad_text = RenderLetterPdf(message, CivilDate::FromYmd(2025, 3, 12).value(), {});
  ASSERT_FALSE(bad_text);
  EXPECT_NE(bad_text.error().message.find("subject"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::delivery
