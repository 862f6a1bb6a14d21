#include "store/sqlite/sqlite_settings_store.h"

#include <fmt/format.h>

#include "registry/person_codec.h"

namespace proaktiv::store::sqlite {
namespace {

constexpr std::string_view kSettingsColumns =
    "kommunenummer, service, enabled, parameters, updated_at, updated_by";

// The uptake funnel (see SettingsStore::Uptake). offers has no index on kommunenummer (no
// migration may be added for it), so this reads the offers table once; the per-offer EXISTS
// subqueries use offer_transitions_by_offer.
constexpr std::string_view kUptakeSql = R"sql(
SELECT service, month, COUNT(*) AS eligible,
       SUM(state <> 'withdrawn' OR delivered) AS offered,
       SUM(delivered), SUM(opened), SUM(state = 'accepted')
FROM (
  SELECT o.service AS service, o.state AS state,
         strftime('%Y-%m', o.decided_day * 86400, 'unixepoch') AS month,
         EXISTS (SELECT 1 FROM offer_transitions t WHERE t.offer_id = o.id
                 AND t.to_state IN ('sent', 'opened', 'accepted', 'declined')) AS delivered,
         EXISTS (SELECT 1 FROM offer_transitions t WHERE t.offer_id = o.id
                 AND t.to_state IN ('opened', 'accepted', 'declined')) AS opened
  FROM offers o
  WHERE o.kommunenummer = ?1 AND o.kind = 'offer' AND (?2 = '' OR o.service = ?2)
)
GROUP BY service, month
ORDER BY service, month
)sql";

// Reads a row selected with kSettingsColumns.
ServiceSettingsRow SettingsAt(const Statement& s) {
  ServiceSettingsRow r;
  r.kommunenummer = std::string(s.ColumnText(0));
  r.service = std::string(s.ColumnText(1));
  if (!s.ColumnIsNull(2)) r.enabled = s.ColumnInt(2) != 0;
  r.parameters_json = std::string(s.ColumnText(3));
  r.updated_at = std::string(s.ColumnText(4));
  r.updated_by = std::string(s.ColumnText(5));
  return r;
}

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(Database& db) : db_(db) {}

  Result<std::vector<ServiceSettingsRow>> AllSettings() override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement s, db_.Prepare(fmt::format("SELECT {} FROM kommune_service_settings ORDER BY "
                                             "kommunenummer, service",
                                             kSettingsColumns)));
    return ReadRows(s, SettingsAt);
  }

  Result<std::vector<ServiceSettingsRow>> SettingsOf(std::string_view kommunenummer) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement s, db_.Prepare(fmt::format("SELECT {} FROM kommune_service_settings WHERE "
                                             "kommunenummer = ? ORDER BY service",
                                             kSettingsColumns)));
    s.Bind(1, kommunenummer);
    return ReadRows(s, SettingsAt);
  }

  Status PutSettings(const ServiceSettingsRow& row) override {
    for (std::string_view table : {"kommune_service_settings", "kommune_service_settings_log"}) {
      const bool log = table.ends_with("_log");
      PROAKTIV_ASSIGN_OR_RETURN(
          Statement s,
          db_.Prepare(fmt::format("{} INTO {} ({}) VALUES (?,?,?,?,?,?)",
                                  log ? "INSERT" : "INSERT OR REPLACE", table, kSettingsColumns)));
      s.Bind(1, row.kommunenummer).Bind(2, row.service);
      if (row.enabled) {
        s.Bind(3, int64_t{*row.enabled ? 1 : 0});
      } else {
        s.BindNull(3);
      }
      s.Bind(4, row.parameters_json).Bind(5, row.updated_at).Bind(6, row.updated_by);
      PROAKTIV_RETURN_IF_ERROR(s.Run());
    }
    return {};
  }

  Result<std::vector<ServiceSettingsRow>> SettingsLog(std::string_view kommunenummer,
                                                      std::string_view service) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement s, db_.Prepare(fmt::format("SELECT {} FROM kommune_service_settings_log WHERE "
                                             "kommunenummer = ? AND service = ? ORDER BY id",
                                             kSettingsColumns)));
    s.Bind(1, kommunenummer).Bind(2, service);
    return ReadRows(s, SettingsAt);
  }

  Result<std::vector<UptakeCount>> Uptake(std::string_view kommunenummer,
                                          std::string_view service) override {
    PROAKTIV_ASSIGN_OR_RETURN(Statement s, db_.Prepare(kUptakeSql));
    s.Bind(1, kommunenummer).Bind(2, service);
    return ReadRows(s, [](const Statement& row) {
      UptakeCount c;
      c.service = std::string(row.ColumnText(0));
      c.month = std::string(row.ColumnText(1));
      c.eligible = row.ColumnInt(2);
      c.offered = row.ColumnInt(3);
      c.delivered = row.ColumnInt(4);
      c.opened = row.ColumnInt(5);
      c.accepted = row.ColumnInt(6);
      return c;
    });
  }

  Result<std::vector<SatisfactionCounts>> Satisfaction(std::string_view kommunenummer) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement s,
        db_.Prepare("SELECT service, satisfaction, COUNT(*) FROM offer_feedback WHERE "
                    "kommunenummer = ? GROUP BY service, satisfaction ORDER BY service"));
    s.Bind(1, kommunenummer);
    std::vector<SatisfactionCounts> out;
    PROAKTIV_RETURN_IF_ERROR(ForEachRow(s, [&](const Statement& row) {
      if (out.empty() || out.back().service != row.ColumnText(0)) {
        out.push_back(SatisfactionCounts{std::string(row.ColumnText(0)), {}});
      }
      const int64_t value = row.ColumnInt(1);  // 1 … 5 by the table's CHECK
      if (value >= 1 && value <= 5)
        out.back().counts[static_cast<size_t>(value - 1)] += row.ColumnInt(2);
      return true;
    }));
    return out;
  }

  Status ForEachPersonIn(std::string_view kommunenummer,
                         const std::function<bool(int64_t, registry::Person&&)>& visit) override {
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement s,
        db_.Prepare("SELECT key, doc FROM persons WHERE kommunenummer = ? ORDER BY key"));
    s.Bind(1, kommunenummer);
    return ForEachRow(s, [&](const Statement& row) -> Result<bool> {
      const int64_t key = row.ColumnInt(0);
      auto person = registry::DecodePerson(row.ColumnBlob(1));
      if (!person) return tl::unexpected(person.error().WithContext(fmt::format("person {}", key)));
      return visit(key, std::move(*person));
    });
  }

 private:
  Database& db_;
};

}  // namespace

Result<std::unique_ptr<SettingsStore>> MakeSqliteSettingsStore(Database& db) {
  return std::make_unique<SqliteSettingsStore>(db);
}

}  // namespace proaktiv::store::sqlite
