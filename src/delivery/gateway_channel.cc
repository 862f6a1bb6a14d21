#include "delivery/gateway_channel.h"

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::delivery {
namespace {

size_t CollectBody(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t n = size * count;
  if (body->size() + n > (1u << 20)) return 0;  // an answer over 1 MiB aborts the transfer
  body->append(data, n);
  return n;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool IsHeaderSafe(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

std::string Shortened(std::string_view text) {
  std::string out(text.substr(0, 200));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<GatewayChannel>> GatewayChannel::Create(GatewayConfig config) {
  if (config.kind != ChannelKind::kSms && config.kind != ChannelKind::kDigitalMailbox) {
    return InvalidArgument("gateway kind must be the SMS or the digital-mailbox channel");
  }
  if (!StartsWith(config.base_url, "http://") && !StartsWith(config.base_url, "https://")) {
    return InvalidArgument(
        fmt::format("gateway base_url '{}' must start with http:// or https://", config.base_url));
  }
  if (config.auth != GatewayAuth::kNone &&
      (config.credential.empty() || !IsHeaderSafe(config.credential))) {
    return InvalidArgument("gateway credential must be set (one line) when auth is used");
  }
  if (config.auth == GatewayAuth::kApiKey &&
      (config.api_key_header.empty() || !IsHeaderSafe(config.api_key_header) ||
       config.api_key_header.find(':') != std::string::npos)) {
    return InvalidArgument(
        fmt::format("gateway api_key_header '{}' is not a header name", config.api_key_header));
  }
  PROAKTIV_ASSIGN_OR_RETURN(CurlEasy easy, CurlEasy::Create());
  return std::unique_ptr<GatewayChannel>(new GatewayChannel(std::move(config), std::move(easy)));
}

GatewayChannel::GatewayChannel(GatewayConfig config, CurlEasy easy)
    : config_(std::move(config)), easy_(std::move(easy)) {
  messages_url_ = config_.base_url;
  while (!messages_url_.empty() && messages_url_.back() == '/') messages_url_.pop_back();
  messages_url_ += "/messages";
}

std::string GatewayChannel::RequestBody(const OutgoingMessage& message) const {
  boost::json::object body;
  body["to"] = message.to;
  if (config_.kind == ChannelKind::kSms) {
    std::string text = message.body;
    if (!message.link.empty() && text.find(message.link) == std::string::npos) {
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      text += "\n" + message.link;
    }
    body["text"] = text;
  } else {
    body["provider"] = message.mailbox_provider;
    body["subject"] = message.subject;
    body["body"] = message.body;
  }
  body["sender"] = config_.sender.empty() ? message.kommune_name : config_.sender;
  body["language"] = message.language;
  body["link"] = message.link;
  body["callback_url"] = config_.callback_url;
  body["reference"] = message.idempotency_key;
  return boost::json::serialize(body);
}

Result<SendReceipt> GatewayChannel::Send(const OutgoingMessage& message) {
  if (message.to.empty()) {
    return InvalidArgument(fmt::format("message {}: to is empty", message.message_id));
  }
  if (message.idempotency_key.empty() || message.idempotency_key.size() > 128 ||
      !IsHeaderSafe(message.idempotency_key)) {
    return InvalidArgument(fmt::format(
        "message {}: idempotency_key must be 1 to 128 printable characters", message.message_id));
  }
  const std::string request_body = RequestBody(message);
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Accept: application/json");
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  headers = curl_slist_append(headers, ("Idempotency-Key: " + message.idempotency_key).c_str());
  if (config_.auth == GatewayAuth::kBearer) {
    headers = curl_slist_append(headers, ("Authorization: Bearer " + config_.credential).c_str());
  } else if (config_.auth == GatewayAuth::kApiKey) {
    headers =
        curl_slist_append(headers, (config_.api_key_header + ": " + config_.credential).c_str());
  }

  std::lock_guard lock(mutex_);
  CURL* curl = easy_.get();
  easy_.ClearError();
  std::string answer;
  curl_easy_setopt(curl, CURLOPT_URL, messages_url_.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request_body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request_body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, CollectBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  if (!config_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, config_.ca_file.c_str());
  SetCurlTimeouts(curl, config_.connect_timeout, config_.timeout);
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  curl_slist_free_all(headers);
  const std::string what =
      fmt::format("gateway POST {} for message {}", messages_url_, message.message_id);
  if (code != CURLE_OK) return Unavailable(CurlFailure(what, code, easy_.error_text()));

  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (status == 408 || status == 429 || status >= 500) {
    return Unavailable(fmt::format("{}: status {}: {}", what, status, Shortened(answer)));
  }
  if (status < 200 || status >= 300) {
    return InvalidArgument(fmt::format("{}: status {}: {}", what, status, Shortened(answer)));
  }
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(answer, error);
  const boost::json::object* object = error ? nullptr : parsed.if_object();
  const boost::json::value* id = object != nullptr ? object->if_contains("id") : nullptr;
  if (id == nullptr || !id->is_string() || id->as_string().empty()) {
    return Unavailable(fmt::format("{}: status {} without a string \"id\" in the answer: {}", what,
                                   status, Shortened(answer)));
  }
  return SendReceipt{.provider_id = std::string(id->as_string()),
                     .awaiting_receipt = !config_.callback_url.empty()};
}

}  // namespace proaktiv::delivery
