#pragma once
// What leaves a new card batch with its PINs in clear, once: a printable sheet of cards (PDF)
// and a PIN file for the card printer. Both are written while the batch's transaction is open,
// so a batch whose PINs could not be written is never created.
#include "reports/table_writer.h"
#include "services/card_service.h"

#include <string>
#include <vector>

namespace md::report {

// card_number, pin, face_value, bonus, batch, expires_on: one row per card.
void write_pin_file(TableWriter& writer, const CardBatch& batch, const std::vector<IssuedCard>& cards);

// A4, ten cards a page (two columns of five), each with the programme's name, face value,
// number in groups of four, PIN and last activation day; a header with the batch and page N of M.
// Bilingual (Chinese and English) so one sheet serves every counter. StorageError names the file.
void write_card_sheet_pdf(const std::string& path, const CardBatch& batch, const std::vector<IssuedCard>& cards);

}  // namespace md::report
