#include "delivery/delivery_receipt.h"

#include <sodium.h>

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::delivery {
namespace {

// An optional string member; an error naming it when present with another type.
Result<std::string> OptionalString(const boost::json::object& object, std::string_view name) {
  const boost::json::value* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) return std::string();
  if (!value->is_string()) return InvalidArgument(fmt::format("receipt {} must be a string", name));
  return std::string(value->as_string());
}

std::string Printable(std::string_view text) {
  std::string out(text.substr(0, 40));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

}  // namespace

Result<DeliveryReceipt> ParseDeliveryReceipt(std::string_view json) {
  boost::system::error_code error;
  const boost::json::value value = boost::json::parse(json, error);
  if (error) {
    return InvalidArgument(fmt::format("receipt body is not JSON: {}", error.message()));
  }
  const boost::json::object* object = value.if_object();
  if (object == nullptr) return InvalidArgument("receipt body must be a JSON object");
  DeliveryReceipt receipt;
  const boost::json::value* id = object->if_contains("id");
  if (id == nullptr) return InvalidArgument("receipt id is missing");
  if (!id->is_string() || id->as_string().empty() || id->as_string().size() > 256) {
    return InvalidArgument("receipt id must be a string of 1 to 256 characters");
  }
  receipt.provider_id = std::string(id->as_string());
  const boost::json::value* status = object->if_contains("status");
  if (status == nullptr) return InvalidArgument("receipt status is missing");
  if (!status->is_string()) return InvalidArgument("receipt status must be a string");
  if (status->as_string() == "delivered") {
    receipt.delivered = true;
  } else if (status->as_string() == "failed") {
    receipt.delivered = false;
  } else {
    return InvalidArgument(fmt::format("receipt status '{}' is not 'delivered' or 'failed'",
                                       Printable(status->as_string())));
  }
  PROAKTIV_ASSIGN_OR_RETURN(receipt.time, OptionalString(*object, "time"));
  PROAKTIV_ASSIGN_OR_RETURN(receipt.detail, OptionalString(*object, "detail"));
  PROAKTIV_ASSIGN_OR_RETURN(receipt.idempotency_key, OptionalString(*object, "idempotency_key"));
  if (receipt.detail.size() > 1000) receipt.detail.resize(1000);
  return receipt;
}

Result<ChannelKind> ReceiptChannel(std::string_view name) {
  if (name == "sms") return ChannelKind::kSms;
  if (name == "mailbox") return ChannelKind::kDigitalMailbox;
  return NotFound(
      fmt::format("channel '{}' sends no delivery receipts (sms, mailbox do)", Printable(name)));
}

std::string SignReceipt(std::string_view secret, std::string_view body) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return "sha256=" + std::string(hex);
}

bool VerifyReceiptSignature(std::string_view secret, std::string_view body,
                            std::string_view signature) {
  if (secret.empty()) return false;
  const std::string expected = SignReceipt(secret, body);
  if (signature.size() != expected.size()) return false;
  return sodium_memcmp(expected.data(), signature.data(), expected.size()) == 0;
}

}  // namespace proaktiv::delivery
