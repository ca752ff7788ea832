#include "views/recent_databases.h"

#include "db/database_url.h"
#include "views/wx_text.h"

#include <algorithm>
#include <wx/config.h>

namespace md::views {
namespace {

const char* const kGroup = "/RecentDatabases/";

}  // namespace

std::vector<std::string> with_recent(std::vector<std::string> list, const std::string& url) {
    list.erase(std::remove(list.begin(), list.end(), url), list.end());
    list.insert(list.begin(), url);
    if (list.size() > kMaxRecentDatabases) list.resize(kMaxRecentDatabases);
    return list;
}

std::vector<std::string> recent_databases() {
    std::vector<std::string> list;
    wxConfigBase* config = wxConfigBase::Get();
    for (std::size_t i = 1; i <= kMaxRecentDatabases; ++i) {
        wxString url;
        if (config->Read(wxString(kGroup) << i, &url) && !url.empty()) list.push_back(to_utf8(url));
    }
    return list;
}

void remember_database(const std::string& url) {
    const std::vector<std::string> list = with_recent(recent_databases(), url_without_password(url));
    wxConfigBase* config = wxConfigBase::Get();
    config->DeleteGroup("/RecentDatabases");
    for (std::size_t i = 0; i < list.size(); ++i) config->Write(wxString(kGroup) << (i + 1), to_wx(list[i]));
    config->Flush();
}

}  // namespace md::views
