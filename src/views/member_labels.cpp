#include "views/member_labels.h"

#include "models/translate.h"
#include "views/wx_text.h"

namespace md::views {

const std::vector<Labelled<Gender>>& gender_labels() {
    static const std::vector<Labelled<Gender>> t = {
        {Gender::Unknown, tr_noop("Not given")},
        {Gender::Female, tr_noop("Female")},
        {Gender::Male, tr_noop("Male")},
    };
    return t;
}

const std::vector<Labelled<MemberType>>& member_type_labels() {
    static const std::vector<Labelled<MemberType>> t = {
        {MemberType::Individual, tr_noop("Individual")},
        {MemberType::Group, tr_noop("Group / corporate")},
    };
    return t;
}

const std::vector<Labelled<Channel>>& channel_labels() {
    static const std::vector<Labelled<Channel>> t = {
        {Channel::Store, tr_noop("Store")},
        {Channel::Web, tr_noop("Web")},
        {Channel::App, tr_noop("App")},
    };
    return t;
}

const std::vector<Labelled<LifecycleState>>& lifecycle_labels() {
    // domain.md §2 names the states 注册 / 充值 / 激活 / 沉睡 / 消亡.
    static const std::vector<Labelled<LifecycleState>> t = {
        {LifecycleState::Registered, tr_noop("Registered")},
        {LifecycleState::Recharged, tr_noop("Recharged")},
        {LifecycleState::Activated, tr_noop("Activated")},
        {LifecycleState::Dormant, tr_noop("Dormant")},
        {LifecycleState::Lapsed, tr_noop("Lapsed")},
    };
    return t;
}

const std::vector<CodeLabel>& matched_by_labels() {
    static const std::vector<CodeLabel> t = {
        {"number", tr_noop("member number")},
        {"mobile", tr_noop("mobile")},
        {"mobile_tail", tr_noop("last 4 digits")},
        {"card", tr_noop("card number")},
        {"email", tr_noop("e-mail")},
        {"name", tr_noop("name")},
        {"initials", tr_noop("pinyin initials")},
        {"pinyin", tr_noop("pinyin")},
    };
    return t;
}

wxString mobile_text(const Member& member, bool masked) {
    if (masked || member.mobile.empty()) return to_wx(member.mobile);
    return to_wx(display_mobile(member.mobile));
}

}  // namespace md::views
