#include "delivery/letter_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstring>
#include <memory>
#include <vector>

#include <fmt/format.h>

namespace proaktiv::delivery {
namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double Mm(double mm) { return mm * kPtPerMm; }

// The layout of letter_pdf.h, in millimetres.
constexpr double kPageWidth = 210, kPageHeight = 297;
constexpr double kSenderX = 20, kSenderY = 15;
constexpr double kLogoX = 150, kLogoY = 12, kLogoWidth = 40, kLogoHeight = 20;
constexpr double kWindowX = 20, kWindowY = 45, kWindowWidth = 90, kWindowHeight = 40;
constexpr double kAddressInset = 4, kAddressTop = 50;
constexpr double kDateRight = 190, kDateY = 50;
constexpr double kTextX = 25, kTextWidth = 160, kSubjectY = 95, kSubjectGap = 8;
constexpr double kNextPageTop = 25, kTextBottom = 272, kFooterY = 282;

struct Labels {
  const char* date;
  const char* reply;
  const char* page;  // fmt: page, pages
};

Labels LabelsFor(const std::string& language) {
  if (language == "en") return {"Date", "Reply online:", "Page {} of {}"};
  return {"Dato", "Svar på nett:", "Side {} av {}"};  // nb and nn alike
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct PngSource {
  std::string_view bytes;
  size_t offset = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
  auto* source = static_cast<PngSource*>(closure);
  if (source->bytes.size() - source->offset < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, source->bytes.data() + source->offset, length);
  source->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

LayoutPtr MakeLayout(cairo_t* cr, const LetterStyle& style, double size_pt, bool bold,
                     double width_mm, const std::string& text) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.font_family.c_str());
  pango_font_description_set_size(font, static_cast<int>(size_pt * PANGO_SCALE));
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  if (width_mm > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(Mm(width_mm) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  return layout;
}

void ShowAt(cairo_t* cr, PangoLayout* layout, double x_pt, double y_pt) {
  cairo_move_to(cr, x_pt, y_pt);
  pango_cairo_show_layout(cr, layout);
}

// Paragraphs separated by one blank line; CRLF to LF; no trailing blank lines.
std::string NormaliseBody(std::string_view body) {
  std::string out;
  int newlines = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\r') continue;
    if (c == '\n') {
      if (++newlines <= 2) out += '\n';
      continue;
    }
    newlines = 0;
    out += c;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

Status CheckText(std::string_view field, const std::string& text) {
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    return InvalidArgument(fmt::format("letter {} is not valid UTF-8", field));
  }
  return {};
}

Status CheckMessage(const OutgoingMessage& m) {
  const PostalAddress& a = m.address;
  if (a.name.empty()) return InvalidArgument("letter address.name is empty");
  if (a.postal_code.empty()) return InvalidArgument("letter address.postal_code is empty");
  for (const auto& [field, text] :
       {std::pair<std::string_view, const std::string*>{"kommune_name", &m.kommune_name},
        {"subject", &m.subject},
        {"body", &m.body},
        {"link", &m.link},
        {"address.name", &a.name},
        {"address.street", &a.street},
        {"address.postal_code", &a.postal_code},
        {"address.city", &a.city}}) {
    PROAKTIV_RETURN_IF_ERROR(CheckText(field, *text));
  }
  if (a.protected_address && !a.street.empty()) {
    for (const auto& [field, text] :
         {std::pair<std::string_view, const std::string*>{"subject", &m.subject},
          {"body", &m.body},
          {"link", &m.link}}) {
      if (text->find(a.street) != std::string::npos) {
        return InvalidArgument(fmt::format("letter {} of message {} contains the protected address",
                                           field, m.message_id));
      }
    }
  }
  return {};
}

Status DrawLogo(cairo_t* cr, const LetterStyle& style) {
  if (style.logo_png.empty()) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.3);
    cairo_rectangle(cr, Mm(kLogoX), Mm(kLogoY), Mm(kLogoWidth), Mm(kLogoHeight));
    cairo_stroke(cr);
    cairo_restore(cr);
    return {};
  }
  PngSource source{style.logo_png};
  SurfacePtr logo(cairo_image_surface_create_from_png_stream(ReadPng, &source));
  if (cairo_surface_status(logo.get()) != CAIRO_STATUS_SUCCESS) {
    return InvalidArgument("letter logo is not a PNG image");
  }
  const double width = cairo_image_surface_get_width(logo.get());
  const double height = cairo_image_surface_get_height(logo.get());
  if (width <= 0 || height <= 0) return InvalidArgument("letter logo is an empty image");
  const double scale = std::min(Mm(kLogoWidth) / width, Mm(kLogoHeight) / height);
  cairo_save(cr);
  // Right-aligned in the slot, top edge on the slot's top.
  cairo_translate(cr, Mm(kLogoX + kLogoWidth) - width * scale, Mm(kLogoY));
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, logo.get(), 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  return {};
}

void DrawAddressWindow(cairo_t* cr, const LetterStyle& style, const PostalAddress& address) {
  std::string text = address.name;
  if (!address.street.empty()) text += "\n" + address.street;
  text += "\n" + address.postal_code;
  if (!address.city.empty()) text += " " + address.city;
  LayoutPtr layout = MakeLayout(cr, style, style.font_size_pt + 0.5, false,
                                kWindowWidth - 2 * kAddressInset, text);
  cairo_save(cr);
  cairo_rectangle(cr, Mm(kWindowX), Mm(kWindowY), Mm(kWindowWidth), Mm(kWindowHeight));
  cairo_clip(cr);
  ShowAt(cr, layout.get(), Mm(kWindowX + kAddressInset), Mm(kAddressTop));
  cairo_restore(cr);
}

struct PlacedLine {
  PangoLayoutLine* line;
  int page;
  double baseline_pt;
};

// Places the body's lines on pages: the first page from `first_top_pt`, later pages from
// kNextPageTop, none below kTextBottom; an empty line that would open a page is dropped.
std::vector<PlacedLine> Paginate(PangoLayout* body, double first_top_pt) {
  std::vector<PlacedLine> placed;
  PangoLayoutIter* iter = pango_layout_get_iter(body);
  int page = 0;
  double top = first_top_pt;
  int offset = 0;           // the layout's y (pango units) at `top` on this page
  bool fresh_page = false;  // no line placed yet on this (later) page
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(iter, &y0, &y1);
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    if (top + static_cast<double>(y1 - offset) / PANGO_SCALE > Mm(kTextBottom)) {
      ++page;
      top = Mm(kNextPageTop);
      offset = y0;
      fresh_page = true;
    }
    if (fresh_page) {
      if (line->length == 0) continue;  // no blank line at the top of a page
      offset = y0;
      fresh_page = false;
    }
    const int baseline = pango_layout_iter_get_baseline(iter);
    placed.push_back({line, page, top + static_cast<double>(baseline - offset) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return placed;
}

}  // namespace

Result<LetterPdf> RenderLetterPdf(const OutgoingMessage& message, CivilDate date,
                                  const LetterStyle& style) {
  PROAKTIV_RETURN_IF_ERROR(CheckMessage(message));
  const Labels labels = LabelsFor(message.language);
  LetterPdf pdf;
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(AppendToString, &pdf.bytes, Mm(kPageWidth),
                                                         Mm(kPageHeight)));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, message.subject.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "proaktiv");
  ContextPtr context(cairo_create(surface.get()));
  cairo_t* cr = context.get();
  cairo_set_source_rgb(cr, 0, 0, 0);

  // First page: sender, logo, address window, date, subject.
  LayoutPtr sender = MakeLayout(cr, style, 14, true, 120, message.kommune_name);
  ShowAt(cr, sender.get(), Mm(kSenderX), Mm(kSenderY));
  PROAKTIV_RETURN_IF_ERROR(DrawLogo(cr, style));
  DrawAddressWindow(cr, style, message.address);
  LayoutPtr date_layout = MakeLayout(
      cr, style, style.font_size_pt, false, 0,
      fmt::format("{}: {:02}.{:02}.{}", labels.date, date.day(), date.month(), date.year()));
  int date_width = 0, date_height = 0;
  pango_layout_get_size(date_layout.get(), &date_width, &date_height);
  ShowAt(cr, date_layout.get(), Mm(kDateRight) - static_cast<double>(date_width) / PANGO_SCALE,
         Mm(kDateY));
  LayoutPtr subject = MakeLayout(cr, style, 13, true, kTextWidth, message.subject);
  ShowAt(cr, subject.get(), Mm(kTextX), Mm(kSubjectY));
  int subject_width = 0, subject_height = 0;
  pango_layout_get_size(subject.get(), &subject_width, &subject_height);

  std::string text = NormaliseBody(message.body);
  if (!message.link.empty()) {
    text += fmt::format("{}{} {}", text.empty() ? "" : "\n\n", labels.reply, message.link);
  }
  LayoutPtr body = MakeLayout(cr, style, style.font_size_pt, false, kTextWidth, text);
  const double body_top =
      Mm(kSubjectY + kSubjectGap) + static_cast<double>(subject_height) / PANGO_SCALE;
  const std::vector<PlacedLine> lines = Paginate(body.get(), body_top);
  pdf.pages = lines.empty() ? 1 : lines.back().page + 1;

  size_t next = 0;
  for (int page = 0; page < pdf.pages; ++page) {
    for (; next < lines.size() && lines[next].page == page; ++next) {
      cairo_move_to(cr, Mm(kTextX), lines[next].baseline_pt);
      pango_cairo_show_layout_line(cr, lines[next].line);
    }
    if (pdf.pages > 1) {
      LayoutPtr footer = MakeLayout(cr, style, 9, false, 0,
                                    fmt::format(fmt::runtime(labels.page), page + 1, pdf.pages));
      int width = 0, height = 0;
      pango_layout_get_size(footer.get(), &width, &height);
      ShowAt(cr, footer.get(), Mm(kPageWidth / 2) - static_cast<double>(width) / PANGO_SCALE / 2,
             Mm(kFooterY));
    }
    cairo_show_page(cr);
  }
  context.reset();
  cairo_surface_finish(surface.get());
  if (const cairo_status_t status = cairo_surface_status(surface.get());
      status != CAIRO_STATUS_SUCCESS) {
    return Internal(fmt::format("letter PDF of message {}: cairo: {}", message.message_id,
                                cairo_status_to_string(status)));
  }
  return pdf;
}

}  // namespace proaktiv::delivery
