#include "delivery/letter_channel.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace proaktiv::delivery {

Result<std::unique_ptr<LetterChannel>> LetterChannel::Create(LetterChannelConfig config,
                                                             const Clock& clock) {
  LetterStyle style;
  style.font_family = config.font_family;
  if (!config.logo_png_path.empty()) {
    std::ifstream in(config.logo_png_path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    style.logo_png = bytes.str();
    static constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
    if (!in || style.logo_png.compare(0, kPngSignature.size(), kPngSignature) != 0) {
      return InvalidArgument(fmt::format("letter logo_png_path '{}' is not a readable PNG file",
                                         config.logo_png_path));
    }
  }
  std::error_code error;
  std::filesystem::create_directories(config.batch_root, error);
  if (error) {
    return Unavailable(
        fmt::format("letter batch_root '{}': {}", config.batch_root.string(), error.message()));
  }
  return std::unique_ptr<LetterChannel>(
      new LetterChannel(std::move(style), std::move(config.batch_root), clock));
}

Result<SendReceipt> LetterChannel::Send(const OutgoingMessage& message) {
  if (!IsBatchKey(message.idempotency_key)) {
    return InvalidArgument(
        fmt::format("message {}: idempotency_key '{}' is not a batch file name (A-Z a-z 0-9 . _ -)",
                    message.message_id, message.idempotency_key.substr(0, 140)));
  }
  const CivilDate today = clock_->TodayInNorway();
  PROAKTIV_ASSIGN_OR_RETURN(LetterPdf pdf, RenderLetterPdf(message, today, style_));
  PROAKTIV_ASSIGN_OR_RETURN(PrintBatchEntry entry,
                            batch_.Write(today, PrintLetter{.key = message.idempotency_key,
                                                            .pdf = std::move(pdf.bytes),
                                                            .pages = pdf.pages,
                                                            .sender = message.kommune_name,
                                                            .address = message.address}));
  return SendReceipt{.provider_id = entry.provider_id, .awaiting_receipt = false};
}

}  // namespace proaktiv::delivery
