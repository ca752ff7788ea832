#pragma once
// `demo generate`: a new database filled with a realistic member base and its history, for
// benchmarks, training and trying the reports at scale. Everything goes in through the product's
// own services, as staff would have put it in, with the clock moved through the period:
//   - the demo users and programme (DemoService::seed), approved on the period's first day;
//   - campaigns proposed by marketing and approved through the maker-checker workflow;
//   - card batches created by finance, cards sold and activated at the counter;
//   - the members imported through the member import (validation, normalisation, dedupe), the
//     existing base on the first day and each month's joiners at the month's start;
//   - every recharge, purchase, refund, redemption, package subscription and delivery posted by
//     LedgerService, so balances, coins, tiers, tier facts and the audit trail follow as in use;
//   - complaints opened and resolved by the service desk.
// The people come from models/demo_population (deterministic per seed). Service calls run in
// batches: one transaction holds many calls, each a savepoint of it (see Transaction), so the
// generator pays one commit per batch instead of one per call.
#include "db/database.h"
#include "services/actor.h"
#include "services/demo_service.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace md {

struct DemoGenerateOptions {
    long long members = 1000;
    int months = 24;
    std::uint64_t seed = 1;
    Date last_day;                 // the period's last day (the CLI gives today)
    int calls_per_transaction = 2000;
    // The member files as they are imported, as one CSV: the header comes with the first call.
    std::function<void(const std::string& csv_text)> members_csv;
    std::function<void(const std::string& stage, long long done, long long total)> progress;
};

struct DemoGenerateResult {
    std::vector<DemoUser> users;
    Date first_day, last_day;
    long long members = 0;
    long long postings = 0;        // ledger requests posted (recharges, purchases, ...)
    long long refused = 0;         // calls the services refused (a generator bug if not 0)
    std::string first_refusal;     // the first refusal's message, to find the bug
    long long cards = 0;
    long long complaints = 0;
    long long campaigns = 0;
};

// ConflictError if the database already has users (as demo seed).
DemoGenerateResult generate_demo(Database& db, const DemoGenerateOptions& options);

}  // namespace md
