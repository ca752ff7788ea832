#include "views/member_fields.h"

#include "models/errors.h"
#include "views/error_dialog.h"
#include "views/member_labels.h"
#include "views/wx_text.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

std::string trimmed(const wxTextCtrl* field) { return to_utf8(field->GetValue().Strip(wxString::both)); }

// Tags are typed "vip, 孕妈"; a Chinese keyboard gives "，", so both separate.
std::vector<std::string> split_tags(const std::string& text) {
    wxString all = to_wx(text);
    all.Replace(wxString::FromUTF8("，"), ",");
    std::vector<std::string> tags;
    for (wxString tag : wxSplit(all, ',', '\0')) {
        tag = tag.Strip(wxString::both);
        if (!tag.empty()) tags.push_back(to_utf8(tag));
    }
    return tags;
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string text;
    for (const std::string& tag : tags) text += (text.empty() ? "" : ", ") + tag;
    return text;
}

// "Birthday:" / "生日：" as a field name inside a sentence.
wxString without_colon(wxString caption) {
    caption.Trim();
    if (caption.EndsWith(":") || caption.EndsWith(wxString::FromUTF8("："))) caption.RemoveLast();
    return caption;
}

template <class E>
std::string chosen_code(const wxChoice* choice, const std::vector<Labelled<E>>& table, std::string (*code)(E)) {
    return code(chosen(choice, table));
}

}  // namespace

MemberFields::MemberFields(wxWindow* parent, bool with_referrer) : wxPanel(parent) {
    auto* grid = new wxFlexGridSizer(4, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1, 1);
    grid->AddGrowableCol(3, 1);
    auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    auto text = [&](const wxString& caption, const wxString& hint = wxString()) {
        label(caption);
        auto* field = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(200, -1)));
        if (!hint.empty()) field->SetHint(hint);
        grid->Add(field, 1, wxEXPAND);
        labels_.emplace_back(field, caption);
        return field;
    };
    auto choice = [&](const wxString& caption) {
        label(caption);
        auto* field = new wxChoice(this, wxID_ANY);
        grid->Add(field, 1, wxEXPAND);
        labels_.emplace_back(field, caption);
        return field;
    };

    name_ = text(_("Name:"));
    mobile_ = text(_("Mobile:"), _("e.g. 138 0013 8000"));
    email_ = text(_("E-mail:"));
    birthday_ = text(_("Birthday:"), "YYYY-MM-DD");
    gender_ = choice(_("Gender:"));
    type_ = choice(_("Type:"));
    company_ = text(_("Company:"), _("group members only"));
    channel_ = choice(_("Channel:"));
    home_store_ = text(_("Home store:"));
    tags_ = text(_("Tags:"), _("comma-separated"));
    if (with_referrer) referrer_ = text(_("Referrer:"), _("member number, optional"));

    label(_("Consent:"));
    auto* consent = new wxBoxSizer(wxHORIZONTAL);
    consent_sms_ = new wxCheckBox(this, wxID_ANY, _("SMS marketing"));
    consent_email_ = new wxCheckBox(this, wxID_ANY, _("E-mail marketing"));
    consent->Add(consent_sms_, 0, wxRIGHT, FromDIP(16));
    consent->Add(consent_email_);
    grid->Add(consent, 0, wxALIGN_CENTER_VERTICAL);
    if (with_referrer) grid->AddSpacer(0), grid->AddSpacer(0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxEXPAND);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Notes:")), 0, wxTOP | wxBOTTOM, FromDIP(6));
    notes_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 70)), wxTE_MULTILINE);
    labels_.emplace_back(notes_, _("Notes:"));
    sizer->Add(notes_, 1, wxEXPAND);
    SetSizer(sizer);

    fill_choice(gender_, gender_labels(), Gender::Unknown);
    fill_choice(type_, member_type_labels(), MemberType::Individual);
    fill_choice(channel_, channel_labels(), Channel::Store);
    filled_ = read();
}

MemberFields::Values MemberFields::read() const {
    Values v;
    v.name = trimmed(name_);
    v.mobile = trimmed(mobile_);
    v.email = trimmed(email_);
    v.birthday = trimmed(birthday_);
    v.gender = chosen_code(gender_, gender_labels(), &gender_code);
    v.type = chosen_code(type_, member_type_labels(), &member_type_code);
    v.company = trimmed(company_);
    v.channel = chosen_code(channel_, channel_labels(), &channel_code);
    v.home_store = trimmed(home_store_);
    if (referrer_) v.referrer = trimmed(referrer_);
    v.tags = join_tags(split_tags(to_utf8(tags_->GetValue())));
    v.notes = to_utf8(notes_->GetValue());
    v.consent_sms = consent_sms_->GetValue();
    v.consent_email = consent_email_->GetValue();
    return v;
}

void MemberFields::write(const Values& v) {
    name_->ChangeValue(to_wx(v.name));
    mobile_->ChangeValue(to_wx(v.mobile));
    email_->ChangeValue(to_wx(v.email));
    birthday_->ChangeValue(to_wx(v.birthday));
    fill_choice(gender_, gender_labels(), parse_gender(v.gender, "gender"));
    fill_choice(type_, member_type_labels(), parse_member_type(v.type, "type"));
    company_->ChangeValue(to_wx(v.company));
    fill_choice(channel_, channel_labels(), parse_channel(v.channel, "channel"));
    home_store_->ChangeValue(to_wx(v.home_store));
    if (referrer_) referrer_->ChangeValue(to_wx(v.referrer));
    tags_->ChangeValue(to_wx(v.tags));
    notes_->ChangeValue(to_wx(v.notes));
    consent_sms_->SetValue(v.consent_sms);
    consent_email_->SetValue(v.consent_email);
}

void MemberFields::fill(const MemberRecord& record) {
    const Member& m = record.member;
    Values v;
    v.name = m.name;
    v.mobile = to_utf8(mobile_text(m, record.masked));
    v.email = m.email;
    v.birthday = m.birthday ? format_date(*m.birthday) : "";
    v.gender = gender_code(m.gender);
    v.type = member_type_code(m.type);
    v.company = m.company;
    v.channel = channel_code(m.channel);
    v.home_store = m.home_store;
    v.referrer = m.referrer_number;
    v.tags = join_tags(m.tags);
    v.notes = m.notes;
    v.consent_sms = m.consent_sms;
    v.consent_email = m.consent_email;
    write(v);
    filled_ = v;
}

void MemberFields::show_contact(const MemberRecord& unmasked) {
    const Values now = read();
    const std::string mobile = to_utf8(mobile_text(unmasked.member, unmasked.masked));
    if (now.mobile == filled_.mobile) mobile_->ChangeValue(to_wx(mobile));
    if (now.email == filled_.email) email_->ChangeValue(to_wx(unmasked.member.email));
    // Compared with the full values from now on: leaving them alone still sends nothing.
    filled_.mobile = mobile;
    filled_.email = unmasked.member.email;
}

MemberInput MemberFields::changes() const {
    const Values now = read();
    MemberInput in;
    if (now.name != filled_.name) in.name = now.name;
    if (now.mobile != filled_.mobile) in.mobile = now.mobile;
    if (now.email != filled_.email) in.email = now.email;
    if (now.birthday != filled_.birthday) in.birthday = now.birthday;
    if (now.gender != filled_.gender) in.gender = now.gender;
    if (now.type != filled_.type) in.type = now.type;
    if (now.company != filled_.company) in.company = now.company;
    if (now.channel != filled_.channel) in.channel = now.channel;
    if (now.home_store != filled_.home_store) in.home_store = now.home_store;
    if (referrer_ && now.referrer != filled_.referrer) in.referrer = now.referrer;
    if (now.tags != filled_.tags) in.tags = split_tags(now.tags);
    if (now.notes != filled_.notes) in.notes = now.notes;
    if (now.consent_sms != filled_.consent_sms) in.consent_sms = now.consent_sms;
    if (now.consent_email != filled_.consent_email) in.consent_email = now.consent_email;
    return in;
}

bool MemberFields::changed() const {
    const Values now = read();
    return now.name != filled_.name || now.mobile != filled_.mobile || now.email != filled_.email ||
           now.birthday != filled_.birthday || now.gender != filled_.gender || now.type != filled_.type ||
           now.company != filled_.company || now.channel != filled_.channel || now.home_store != filled_.home_store ||
           now.referrer != filled_.referrer || now.tags != filled_.tags || now.notes != filled_.notes ||
           now.consent_sms != filled_.consent_sms || now.consent_email != filled_.consent_email;
}

MemberInput MemberFields::everything() const {
    const Values now = read();
    MemberInput in;
    in.name = now.name;  // always given: an empty name is refused by name, not as "missing"
    auto given = [](const std::string& text) { return text.empty() ? std::nullopt : std::optional<std::string>(text); };
    in.mobile = given(now.mobile);
    in.email = given(now.email);
    in.birthday = given(now.birthday);
    in.gender = now.gender;
    in.type = now.type;
    in.company = given(now.company);
    in.channel = now.channel;
    in.home_store = given(now.home_store);
    in.referrer = given(now.referrer);
    in.tags = split_tags(now.tags);
    in.notes = given(now.notes);
    in.consent_sms = now.consent_sms;
    in.consent_email = now.consent_email;
    return in;
}

wxString MemberFields::focus_field(const std::string& field) {
    wxWindow* target = nullptr;
    if (field == "name") target = name_;
    else if (field == "mobile") target = mobile_;
    else if (field == "email") target = email_;
    else if (field == "birthday") target = birthday_;
    else if (field == "gender") target = gender_;
    else if (field == "type") target = type_;
    else if (field == "company") target = company_;
    else if (field == "channel") target = channel_;
    else if (field == "home_store") target = home_store_;
    else if (field == "referrer") target = referrer_;
    else if (field == "tags") target = tags_;
    else if (field == "notes") target = notes_;
    if (!target) return wxString();
    target->SetFocus();
    if (auto* text = dynamic_cast<wxTextCtrl*>(target)) text->SelectAll();
    for (const auto& [control, caption] : labels_)
        if (control == target) return without_colon(caption);
    return wxString();
}

void MemberFields::show_invalid(const ValidationError& error) {
    const wxString field = focus_field(error.field());
    show_error(wxGetTopLevelParent(this), error,
               field.empty() ? wxString()
                             : wxString::Format(_("Field: %s. What you typed is kept; correct it and save again."), field));
    focus_field(error.field());  // the message box took the focus
}

void MemberFields::set_editable(bool editable) {
    for (wxTextCtrl* field : {name_, mobile_, email_, birthday_, company_, home_store_, tags_, notes_})
        field->SetEditable(editable);
    if (referrer_) referrer_->SetEditable(editable);
    for (wxWindow* w : std::initializer_list<wxWindow*>{gender_, type_, channel_, consent_sms_, consent_email_})
        w->Enable(editable);
}

}  // namespace md::views
