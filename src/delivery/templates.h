#pragma once

// Delivery templates: the text of each kind of message (offer, reminder, change) in two forms,
// in bokmål, nynorsk and English:
//   notice — SMS and e-mail: a short notice with a link to the portal, no content beyond the
//            citizen's name, the service and the municipality;
//   full   — digital mailbox and paper letter: the service's own message in full.
// The file (default services/_delivery/templates.yaml):
//   offer:
//     notice: {subject: {nb: …, nn: …, en: …}, body: {nb: …, nn: …, en: …}}
//     full:   {subject: …, body: …}
//   reminder: …
//   change: …
// Placeholders: {name} (the recipient), {service}, {kommune}, {deadline} (the offer's, or
// empty), {link} (to the offer in the portal), {subject} and {body} (the service's own message
// for the offer, rendered when it was made; empty for reminders and changes). "{{" and "}}" are
// literal braces. Loading refuses, naming the file, line, template and language: an unknown
// placeholder, a missing kind, form or language, and any other key. No placeholder can carry
// an address, so a protected address never reaches a text through a template.
//
// Immutable after loading; thread-safe.

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "catalog/localized_text.h"
#include "common/result.h"
#include "delivery/channel.h"
#include "store/outbox_store.h"

namespace proaktiv::delivery {

using TemplateValues = std::map<std::string, std::string, std::less<>>;

struct RenderedText {
  std::string subject;
  std::string body;
};

class Templates {
 public:
  static Result<Templates> LoadFile(const std::string& path);
  // `source` names the text in messages.
  static Result<Templates> LoadString(std::string_view yaml, const std::string& source);

  // The message of `kind` for `channel` in `language` (nb, nn, en).
  Result<RenderedText> Render(store::MessageKind kind, ChannelKind channel,
                              std::string_view language, const TemplateValues& values) const;

 private:
  struct Form {
    catalog::LocalizedText subject;
    catalog::LocalizedText body;
  };
  // [kind][0 = notice, 1 = full]
  std::map<store::MessageKind, std::array<Form, 2>> forms_;
};

}  // namespace proaktiv::delivery
