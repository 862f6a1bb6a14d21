#pragma once

// A delivery channel: the adapter that hands one rendered message to an outside system (an SMTP
// server, an SMS gateway, a digital-mailbox provider, the print provider's daily batch). The
// dispatcher (outbox) owns retries, back-off and the dead-letter state; a channel makes exactly
// one attempt per Send() call.
//
// Exactly-once effect: every message carries an idempotency key derived from (offer, channel,
// attempt kind), stable across retries and restarts. A channel passes it to the receiver in the
// receiver's own de-duplication field (SMTP Message-ID, the gateway's Idempotency-Key header,
// the letter's id in the print batch), so a message sent again after a crash between send and
// record is recognised by the receiver and not shown twice.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::delivery {

enum class ChannelKind { kDigitalMailbox, kSms, kEmail, kLetter };

std::string_view Name(ChannelKind kind);  // "mailbox", "sms", "email", "letter"
Result<ChannelKind> ParseChannelKind(std::string_view name);

// The postal address for a letter; for a protected address (strengt fortrolig) only what the
// print provider needs on the envelope, never printed in the letter body.
struct PostalAddress {
  std::string name;
  std::string street;
  std::string postal_code;
  std::string city;
  bool protected_address = false;
};

// One rendered message, ready for a channel.
struct OutgoingMessage {
  int64_t message_id = 0;       // the outbox row
  std::string idempotency_key;  // see above; at most 128 ASCII characters
  ChannelKind channel = ChannelKind::kEmail;
  std::string language;  // "nb", "nn", "en"
  std::string to;  // e-mail address, mobile number (+47…), mailbox address; empty for letters
  std::string mailbox_provider;  // "digipost", "eboks" for the digital mailbox
  PostalAddress address;         // letters only
  std::string kommune_name;      // the sender
  std::string subject;
  std::string body;  // plain text
  std::string link;  // short link to the offer in the portal
};

// What the receiver said: its own id for the message, and whether delivery is already final
// (SMTP accepted) or will be confirmed later by a receipt callback (gateways).
struct SendReceipt {
  std::string provider_id;
  bool awaiting_receipt = false;
};

// Thread-safety: implementations state their own; the dispatcher calls Send from one thread
// per channel.
class Channel {
 public:
  virtual ~Channel() = default;
  virtual ChannelKind kind() const = 0;
  // One attempt. kUnavailable for a failure that may pass (connection refused, 5xx, timeout);
  // kInvalidArgument for one that will not (address rejected, 4xx other than 429).
  virtual Result<SendReceipt> Send(const OutgoingMessage& message) = 0;
};

}  // namespace proaktiv::delivery
