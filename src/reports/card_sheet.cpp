#include "reports/card_sheet.h"

#include "models/errors.h"
#include "models/translate.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace md::report {
namespace {

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 in points
constexpr double kMargin = 36, kHeader = 40;
constexpr int kColumns = 2, kRows = 5, kPerPage = kColumns * kRows;
const char* kFont = "WenQuanYi Micro Hei, Noto Sans CJK SC, Sans";

void text(cairo_t* cr, double x, double y, const std::string& utf8, int points, bool bold = false) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string(kFont);
    pango_font_description_set_size(font, points * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, utf8.c_str(), -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(font);
    g_object_unref(layout);
}

[[noreturn]] void refuse(const std::string& path, cairo_status_t status) {
    throw StorageError(subst(tr("card sheet: {0} could not be written ({1})"), {path, cairo_status_to_string(status)}));
}

}  // namespace

void write_pin_file(TableWriter& writer, const CardBatch& batch, const std::vector<IssuedCard>& cards) {
    writer.begin({{"card_number", tr("Card number"), ColumnType::Text},
                  {"pin", tr("PIN"), ColumnType::Text},
                  {"face_value", tr("Face value"), ColumnType::Money},
                  {"bonus", tr("Bonus"), ColumnType::Money},
                  {"batch", tr("Batch"), ColumnType::Text},
                  {"expires_on", tr("Last activation day"), ColumnType::Date}});
    for (const IssuedCard& c : cards)
        writer.row({c.number, c.pin, batch.face_value, batch.bonus, batch.code,
                    batch.expires_on ? Cell{*batch.expires_on} : Cell{}});
    writer.finish();
}

void write_card_sheet_pdf(const std::string& path, const CardBatch& batch, const std::vector<IssuedCard>& cards) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const cairo_status_t status = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        refuse(path, status);
    }
    cairo_t* cr = cairo_create(surface);
    const int pages = static_cast<int>((cards.size() + kPerPage - 1) / kPerPage);
    const double card_w = (kPageWidth - 2 * kMargin - 18) / kColumns;
    const double card_h = (kPageHeight - 2 * kMargin - kHeader - 4 * 12) / kRows;
    const std::string expiry = batch.expires_on ? format_date(*batch.expires_on) : "不限 no limit";
    for (int page = 0; page < pages; ++page) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, kMargin, kMargin - 14,
             "储值卡批次 Prepaid card batch " + batch.code + "   面值 Face value " + batch.face_value.to_display() +
                 "   共 " + std::to_string(cards.size()) + " 张 cards",
             10, true);
        text(cr, kMargin, kMargin + 2,
             "第 " + std::to_string(page + 1) + " / " + std::to_string(pages) + " 页 Page " + std::to_string(page + 1) +
                 " of " + std::to_string(pages) + "   保密：密码只在此打印一次 Confidential: PINs are printed only once",
             8);
        for (int slot = 0; slot < kPerPage; ++slot) {
            const std::size_t i = static_cast<std::size_t>(page) * kPerPage + slot;
            if (i >= cards.size()) break;
            const double x = kMargin + (slot % kColumns) * (card_w + 18);
            const double y = kMargin + kHeader + (slot / kColumns) * (card_h + 12);
            cairo_set_source_rgb(cr, 0.13, 0.45, 0.25);
            cairo_set_line_width(cr, 1.2);
            cairo_rectangle(cr, x, y, card_w, card_h);
            cairo_stroke(cr);
            cairo_set_source_rgb(cr, 0.13, 0.45, 0.25);
            text(cr, x + 12, y + 10, "会员储值卡", 12, true);
            text(cr, x + 12, y + 28, "Member prepaid card", 8);
            cairo_set_source_rgb(cr, 0, 0, 0);
            text(cr, x + 12, y + 46, batch.face_value.to_display(), 20, true);
            if (batch.bonus.fen() > 0)
                text(cr, x + card_w - 120, y + 54, "赠 Bonus " + batch.bonus.to_display(), 9);
            text(cr, x + 12, y + 82, "卡号 Card  " + group_card_number(cards[i].number), 11);
            text(cr, x + 12, y + 102, "密码 PIN  " + cards[i].pin.substr(0, 4) + " " + cards[i].pin.substr(4), 11, true);
            text(cr, x + 12, y + 124, "激活截止 Activate by " + expiry + "   批次 Batch " + batch.code, 7);
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) refuse(path, status);
}

}  // namespace md::report
