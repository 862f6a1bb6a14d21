#pragma once

// The consent receipt the citizen downloads (GET /api/v1/me/consents/{id}/receipt): the
// consent record in the information structure of ISO/IEC TS 27560:2023 (consent record
// information structure), as JSON with the standard's element names in snake case:
//
//   {"schema": "ISO/IEC TS 27560:2023", "schema_version": "1.0", "record_id": <consent id>,
//    "language": "nb",
//    "pii_principal_id": "010190*****",         data subject: masked identity number, name
//    "pii_principal_name": "Kari Nordmann",
//    "pii_controllers": [{"name": …}],           controller: who holds the data and records
//    "recipient_third_parties": [{"name": …, "organisation_number": …}],   the consumer
//    "purposes": [{"purpose_id": …, "purpose": <text>, "lawful_basis": "consent", …,
//                  "pii_information": [{"id": <item>, "description": …, "source": …}],
//                  "retention_period": …}],
//    "notice": <the consumer's message>,
//    "duration": {"from": …, "to": …, "single_use": …},
//    "state": <current state>,
//    "events": [{"event_time": …, "event_type": "created" | "opened" | …,
//                "event_state": <state after>, "event_by": "citizen" | <consumer> | "proaktiv"}]}
//
// The identity number is masked: a receipt is a file that travels. Pure; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "catalog/catalog.h"
#include "registry/person.h"
#include "store/consent_store.h"

namespace proaktiv::consent {

struct ReceiptParties {
  std::string controller_name;  // "Bergen kommune" / the operator of this proaktiv
  const store::ConsumerRecord* consumer = nullptr;  // nullptr: only the org number is known
};

boost::json::object ConsentReceipt(const store::ConsentRecord& consent,
                                   const std::vector<store::ConsentEventRecord>& events,
                                   const registry::Person& subject, const ReceiptParties& parties,
                                   const catalog::Catalog& catalog, std::string_view language);

// The consumer's message in `language`, else in nb, nn, en (the first given).
const std::string& MessageIn(const store::ConsentRecord& consent, std::string_view language);

}  // namespace proaktiv::consent
