#include "services/audit_service.h"

#include "db/audit_repository.h"
#include "models/errors.h"
#include "models/translate.h"

namespace md {

std::vector<AuditRecord> AuditService::list(const Actor& actor, const AuditFilter& filter) {
    audit_.require(actor, Action::ViewAudit, "audit");
    if (filter.from && filter.to && *filter.to < *filter.from)
        throw ValidationError("to", format_date(*filter.to),
                              subst(tr("to: {0} is before from: {1}"), {format_date(*filter.to), format_date(*filter.from)}));
    if (filter.limit < 1 || filter.limit > 1000000)
        throw ValidationError("limit", std::to_string(filter.limit),
                              subst(tr("limit: {0} is outside 1–1000000"), {std::to_string(filter.limit)}));
    std::optional<Instant> from, to;
    if (filter.from) from = business_day_start_utc(*filter.from);
    if (filter.to) to = business_day_start_utc(*filter.to + boost::gregorian::days(1));
    return AuditRepository(db_).list(filter, from, to);
}

AuditChainCheck AuditService::verify(const Actor& actor) {
    audit_.require(actor, Action::ViewAudit, "audit");
    return verify_audit_chain(db_);
}

AuditChainCheck verify_audit_chain(Database& db_) {
    constexpr std::size_t kMostProblems = 100;
    AuditChainCheck check;
    auto problem = [&check](std::string text) {
        if (check.problems.size() < kMostProblems) check.problems.push_back(std::move(text));
    };
    Transaction tx(db_, TransactionKind::ReadSnapshot);
    AuditRepository repo(db_);
    const AuditChainHead head = repo.chain_head();
    check.unchained = repo.count_before(head.first_id);
    std::string expected_prev;  // the chain's first record follows nothing
    std::int64_t last_id = 0;
    repo.for_each_from(head.first_id, [&](const StoredAuditRecord& s) {
        const std::string id = std::to_string(s.record.id);
        ++check.chained;
        if (!s.has_hash) {
            problem(subst(tr("audit record {0}: it has no hash, though the chain began at record {1}"),
                          {id, std::to_string(head.first_id)}));
        } else {
            if (s.prev_hash != expected_prev)
                problem(subst(tr("audit record {0}: it does not follow the record before it ({1}): a record between "
                                 "them was deleted, or the two were moved or edited"),
                              {id, last_id ? std::to_string(last_id) : tr("the start of the chain")}));
            if (audit_chain_hash(s.prev_hash, s.record) != s.hash)
                problem(subst(tr("audit record {0}: its content does not match its hash: it was edited"), {id}));
        }
        expected_prev = s.hash;
        last_id = s.record.id;
    });
    if (head.last_id != last_id || head.hash != expected_prev)
        problem(subst(tr("audit chain: its head is record {0}, but the trail ends at record {1}: records at the end "
                         "were deleted or added outside MemberDesk"),
                      {std::to_string(head.last_id), std::to_string(last_id)}));
    check.head_hash = head.hash;
    tx.commit();
    return check;
}

}  // namespace md
