#include "views/campaign_labels.h"

#include "models/translate.h"

namespace md::views {

const std::vector<Labelled<CampaignType>>& campaign_type_labels() {
    static const std::vector<Labelled<CampaignType>> t = {
        {CampaignType::MemberDay, tr_noop("Member day")},
        {CampaignType::Birthday, tr_noop("Birthday")},
        {CampaignType::FlashSale, tr_noop("Flash sale")},
        {CampaignType::DoublePoints, tr_noop("Double points")},
        {CampaignType::Referral, tr_noop("Referral")},
        {CampaignType::ClubEvent, tr_noop("Club event")},
        {CampaignType::PartnerEvent, tr_noop("Partner event")},
        {CampaignType::StoryContest, tr_noop("Story contest")},
        {CampaignType::Other, tr_noop("Other")},
    };
    return t;
}

const std::vector<Labelled<CampaignStatus>>& campaign_status_labels() {
    static const std::vector<Labelled<CampaignStatus>> t = {
        {CampaignStatus::Draft, tr_noop("Draft")},
        {CampaignStatus::Submitted, tr_noop("Submitted")},
        {CampaignStatus::Approved, tr_noop("Approved")},
        {CampaignStatus::Running, tr_noop("Running")},
        {CampaignStatus::Finished, tr_noop("Finished")},
        {CampaignStatus::Cancelled, tr_noop("Cancelled")},
    };
    return t;
}

const std::vector<Labelled<RecurrenceKind>>& recurrence_kind_labels() {
    static const std::vector<Labelled<RecurrenceKind>> t = {
        {RecurrenceKind::None, tr_noop("Does not repeat")},
        {RecurrenceKind::MonthlyOnDay, tr_noop("Every month on a day")},
        {RecurrenceKind::NthWeekday, tr_noop("Every month on the Nth weekday")},
        {RecurrenceKind::LastWeekday, tr_noop("Every month on the last weekday")},
        {RecurrenceKind::Weekly, tr_noop("Every week on given days")},
        {RecurrenceKind::Yearly, tr_noop("Every year on a date")},
        {RecurrenceKind::BirthdayMonth, tr_noop("Each member's birthday month")},
    };
    return t;
}

}  // namespace md::views
