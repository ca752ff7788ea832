#pragma once
// The composition root both faces use: one open database and every service over it.
#include "db/database.h"
#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/backup_service.h"
#include "services/card_service.h"
#include "services/database_service.h"
#include "services/demo_service.h"
#include "services/birthday_benefits.h"
#include "services/campaign_results.h"
#include "services/campaign_service.h"
#include "services/complaint_service.h"
#include "services/ledger_batch.h"
#include "services/ledger_service.h"
#include "services/opening_balances.h"
#include "services/lifecycle_service.h"
#include "services/member_import.h"
#include "services/member_merge_service.h"
#include "services/member_service.h"
#include "services/program_service.h"
#include "services/tier_service.h"
#include "services/tier_simulator.h"
#include "services/user_service.h"

#include <memory>

namespace md {

class Services {
public:
    explicit Services(std::unique_ptr<Database> db, Clock clock = &now_utc);
    Database& database() { return *db_; }

private:
    std::unique_ptr<Database> db_;

public:
    AuthService auth;
    UserService users;
    AuditService audit;
    DatabaseService database_admin;
    BackupService backups;
    ProgramService program;
    MemberService members;
    LifecycleService lifecycle;
    MemberMergeService merges;
    MemberImportService imports;
    LedgerService ledger;
    LedgerBatch ledger_batches;
    OpeningBalanceImport openings;
    CampaignService campaigns;
    CampaignResultsService campaign_results;
    ComplaintService complaints;
    BirthdayBenefits birthdays;
    CardService cards;
    TierService tiers;
    TierSimulator simulator;
    DemoService demo;
};

}  // namespace md
