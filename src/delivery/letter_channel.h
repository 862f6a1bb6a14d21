#pragma once

// The paper-letter channel: renders the message as a print-ready PDF (delivery/letter_pdf.h),
// dated today in Norway, and adds it to today's batch for the print provider
// (delivery/print_batch.h). The receipt's provider_id is "<day>/<idempotency key>"; handing
// the letter to the batch is final (awaiting_receipt = false).
//
// Exactly-once effect: the batch is keyed by the idempotency key, so a letter sent again after
// a crash replaces itself in today's batch, and one already committed to an earlier day's batch
// is not written again.
//
// Errors of one attempt: kInvalidArgument for a letter that cannot be made (no name or postal
// code, text that is not UTF-8, a protected address in the text, a key that is not a safe file
// name); kUnavailable when the batch cannot be written; kDataLoss for a corrupt manifest.
//
// Thread-safety: Send may be called from several threads (rendering is independent, the batch
// serialises its writes). The Clock must outlive the channel.

#include <filesystem>
#include <memory>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "delivery/channel.h"
#include "delivery/letter_pdf.h"
#include "delivery/print_batch.h"

namespace proaktiv::delivery {

struct LetterChannelConfig {
  std::filesystem::path batch_root{};  // where the daily batches go
  std::string logo_png_path{};         // the kommune's logo (PNG); "" draws a placeholder frame
  std::string font_family = "DejaVu Sans";
};

class LetterChannel final : public Channel {
 public:
  // kInvalidArgument naming logo_png_path when it cannot be read or is not a PNG;
  // kUnavailable when batch_root cannot be created.
  static Result<std::unique_ptr<LetterChannel>> Create(LetterChannelConfig config,
                                                       const Clock& clock);

  ChannelKind kind() const override { return ChannelKind::kLetter; }
  Result<SendReceipt> Send(const OutgoingMessage& message) override;

  const PrintBatch& batch() const { return batch_; }

 private:
  LetterChannel(LetterStyle style, std::filesystem::path root, const Clock& clock)
      : style_(std::move(style)), batch_(std::move(root)), clock_(&clock) {}

  LetterStyle style_;
  PrintBatch batch_;
  const Clock* clock_;
};

}  // namespace proaktiv::delivery
