#include "delivery/smtp_channel.h"

#include <cstring>

#include <fmt/format.h>

#include "delivery/email_message.h"

namespace proaktiv::delivery {
namespace {

struct Upload {
  std::string_view data;
  size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The body as the recipient reads it: the text, then the link to the portal on its own line
// unless the text already holds it.
std::string BodyWithLink(const OutgoingMessage& message) {
  std::string body = message.body;
  if (!message.link.empty() && body.find(message.link) == std::string::npos) {
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
    body += "\n\n" + message.link + "\n";
  }
  return body;
}

}  // namespace

Result<std::unique_ptr<SmtpChannel>> SmtpChannel::Create(SmtpConfig config, const Clock& clock) {
  if (!StartsWith(config.url, "smtp://") && !StartsWith(config.url, "smtps://")) {
    return InvalidArgument(
        fmt::format("smtp url '{}' must start with smtp:// or smtps://", config.url));
  }
  if (!IsPlainAddress(config.from_address)) {
    return InvalidArgument(
        fmt::format("smtp from_address '{}' is not a plain e-mail address", config.from_address));
  }
  if (config.message_id_domain.empty()) {
    config.message_id_domain = config.from_address.substr(config.from_address.rfind('@') + 1);
  }
  PROAKTIV_ASSIGN_OR_RETURN(CurlEasy easy, CurlEasy::Create());
  return std::unique_ptr<SmtpChannel>(new SmtpChannel(std::move(config), clock, std::move(easy)));
}

SmtpChannel::SmtpChannel(SmtpConfig config, const Clock& clock, CurlEasy easy)
    : config_(std::move(config)), clock_(&clock), easy_(std::move(easy)) {}

std::string SmtpChannel::MessageIdFor(const std::string& idempotency_key) const {
  return idempotency_key + "@" + config_.message_id_domain;
}

Result<SendReceipt> SmtpChannel::Send(const OutgoingMessage& message) {
  if (message.idempotency_key.empty() || message.idempotency_key.size() > 128) {
    return InvalidArgument(fmt::format("idempotency_key of message {} must be 1 to 128 characters",
                                       message.message_id));
  }
  EmailParts parts{
      .from_name = config_.from_name.empty() ? message.kommune_name : config_.from_name,
      .from_address = config_.from_address,
      .to = message.to,
      .subject = message.subject,
      .body = BodyWithLink(message),
      .message_id = MessageIdFor(message.idempotency_key),
      .language = message.language,
      .date = clock_->Now(),
  };
  PROAKTIV_ASSIGN_OR_RETURN(const std::string text, BuildEmail(parts));

  std::lock_guard lock(mutex_);
  CURL* curl = easy_.get();
  easy_.ClearError();
  Upload upload{text};
  const std::string mail_from = "<" + config_.from_address + ">";
  const std::string rcpt = "<" + message.to + ">";
  curl_slist* recipients = curl_slist_append(nullptr, rcpt.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.size()));
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   config_.require_starttls ? static_cast<long>(CURLUSESSL_ALL)
                                            : static_cast<long>(CURLUSESSL_NONE));
  if (!config_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, config_.ca_file.c_str());
  if (!config_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
  }
  SetCurlTimeouts(curl, config_.connect_timeout, config_.timeout);
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_slist_free_all(recipients);
  if (code == CURLE_OK) {
    return SendReceipt{.provider_id = parts.message_id, .awaiting_receipt = false};
  }
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  const std::string what = fmt::format("smtp {} for message {}", config_.url, message.message_id);
  if (reply >= 500 && reply < 600) {
    return InvalidArgument(
        CurlFailure(fmt::format("{}: refused with {}", what, reply), code, easy_.error_text()));
  }
  if (reply >= 400 && reply < 500) {
    return Unavailable(
        CurlFailure(fmt::format("{}: deferred with {}", what, reply), code, easy_.error_text()));
  }
  return Unavailable(CurlFailure(what, code, easy_.error_text()));
}

}  // namespace proaktiv::delivery
