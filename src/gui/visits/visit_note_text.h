#pragma once
// Visit notes (issue 11) in words for the Visits and Review pages: states, the note's content as a read-only
// page of HTML, the customer's contacts. Personal data (the person met, the place) is shown only to those who
// may see the note, and never leaves the screen.
#include "app/contacts/contact_service.h"
#include "app/visits/visit_note_service.h"
#include "gui/cases/case_timeline_text.h"  // contactChannelText, contactOutcomeText
#include "gui/shared/staff_names.h"

#include <QString>
#include <map>
#include <string>

namespace doorstep::gui {

QString noteStateText(NoteState state);
QString staffText(const StaffNames& names, const std::string& username);  // the display name, else the user name

// The content as a reader sees it: who, where, when, the checklist, the situation, promises and next steps.
QString noteContentHtml(const VisitNoteContent& content, const StaffNames& names);
// Every version (who, when, the addendum's text) and every review decision with its comment, oldest first.
QString noteHistoryHtml(const VisitNote& note, const StaffNames& names);

}  // namespace doorstep::gui
