#include "delivery/file_channel.h"

#include <fstream>

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::delivery {

Result<std::unique_ptr<FileChannel>> FileChannel::Open(ChannelKind kind, const std::string& path) {
  std::unique_ptr<FileChannel> c(new FileChannel(kind, path));
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(line, ec);
    if (ec || !v.is_object()) continue;  // a line cut off by a crash
    const auto* key = v.get_object().if_contains("idempotency_key");
    const auto* id = v.get_object().if_contains("provider_id");
    if (key && key->is_string() && id && id->is_string()) {
      c->seen_[std::string(key->get_string())] = std::string(id->get_string());
    }
  }
  return c;
}

Result<SendReceipt> FileChannel::Send(const OutgoingMessage& m) {
  std::lock_guard lock(mu_);
  if (auto it = seen_.find(m.idempotency_key); it != seen_.end()) {
    return SendReceipt{it->second, false};
  }
  const std::string provider_id = fmt::format("{}-{}", Name(kind_), seen_.size() + 1);
  boost::json::object o{{"idempotency_key", m.idempotency_key},
                        {"provider_id", provider_id},
                        {"channel", Name(m.channel)},
                        {"language", m.language},
                        {"to", m.to},
                        {"subject", m.subject},
                        {"body", m.body},
                        {"link", m.link}};
  if (m.channel == ChannelKind::kDigitalMailbox) o["mailbox_provider"] = m.mailbox_provider;
  if (m.channel == ChannelKind::kLetter) {
    o["envelope"] = boost::json::object{{"name", m.address.name},
                                        {"street", m.address.street},
                                        {"postal_code", m.address.postal_code},
                                        {"city", m.address.city},
                                        {"protected_address", m.address.protected_address}};
  }
  std::ofstream out(path_, std::ios::app | std::ios::binary);
  out << boost::json::serialize(o) << '\n';
  out.flush();
  if (!out) return Unavailable(fmt::format("{}: cannot append the message", path_));
  seen_[m.idempotency_key] = provider_id;
  return SendReceipt{provider_id, false};
}

}  // namespace proaktiv::delivery
