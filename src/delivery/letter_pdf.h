#pragma once

// A paper letter as a print-ready PDF (cairo + pango): A4 portrait, for a C5 (folded once) or
// C4 window envelope with the window on the left, as Posten Norge's guidance for window
// envelopes places it. All measures from the page's top-left corner, in millimetres:
//
//   sender block     x 20, y 15: the kommune's name (bold, 14 pt)
//   logo slot        x 150–190, y 12–32 (40 × 20): the kommune's PNG logo scaled to fit, or a
//                    thin placeholder frame when none is configured
//   address window   x 20–110, y 45–85 (90 × 40): the recipient's name, street lines and
//                    "postal code city", set from x 24, y 50, clipped to the window
//   date             right-aligned at x 190, y 50 ("Dato: 12.03.2025")
//   subject          x 25, y 95, bold 13 pt, wrapped to 160 mm
//   body             x 25, 160 mm wide, from 8 mm below the subject; later pages from y 25;
//                    nothing below y 272
//   page numbers     centred at y 282 ("Side 1 av 2"), only when the letter runs over a page
//
// The body is plain text: a blank line separates paragraphs, pango wraps the lines. The short
// link to the portal follows as the last paragraph ("Svar på nett: https://…"), as text (no QR
// code). Labels follow the message's language (nb, nn, en; others as nb).
//
// Protected address (strengt fortrolig): the address is printed only inside the window block.
// It is never in the PDF's metadata, and RenderLetterPdf refuses (kInvalidArgument) a letter to
// a protected address whose subject, body or link contain its street.
//
// Stateless; thread-safe (each call has its own cairo surface and pango layouts).

#include <string>

#include "common/civil_date.h"
#include "common/result.h"
#include "delivery/channel.h"

namespace proaktiv::delivery {

struct LetterStyle {
  std::string logo_png{};  // the logo as PNG bytes; "" draws the placeholder frame
  std::string font_family = "DejaVu Sans";
  double font_size_pt = 10.5;
};

struct LetterPdf {
  std::string bytes{};  // the PDF file
  int pages = 0;
};

// The letter for `message` (kommune_name, address, subject, body, link, language) dated `date`.
// kInvalidArgument naming the field when the address has no name or postal code, or as above;
// kInternal when cairo fails; kInvalidArgument when the logo is not a PNG.
Result<LetterPdf> RenderLetterPdf(const OutgoingMessage& message, CivilDate date,
                                  const LetterStyle& style);

}  // namespace proaktiv::delivery
