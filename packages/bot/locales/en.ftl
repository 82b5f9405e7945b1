# English. Labels of the official format are not here: they come from the domain catalog.

help =
    <b>Disclosure application register bot</b>
    /new or 登记: register a new application, e.g. <code>/new 自然人 2026-11-20</code>
    /close or 办结: record the outcome, e.g. <code>/close 12 予以公开</code>
    /more number: correction, consultation, extension, fees
    /edit number: add or correct the subject or the applicant, e.g. <code>/edit 12 申请人 张三</code>
    /undo: withdraw your own last record (within 24 hours)
    /summary [year] or 统计: year to date
    /report [year] or 年报: section 3 of the annual report and its findings
    /pending or 在办: open applications and their due dates
    /agency or 机关: when you keep several agencies' registers, choose the one to act in
    /lang zh|en: change the language
    /cancel: drop what you were doing
    /web: a one-time sign-in link to the web console

not-linked =
    Hello! This bot is for registered staff only, and your account is not linked yet.
    Ask your agency's administrator for an invite code, then send <code>/start CODE</code>.
not-linked-short = Your account is not linked: send /start with your invite code first.
linked = ✅ Linked: { $name }, { $agency } ({ $role }).
welcome-back = Welcome back, { $name } ({ $agency }).
role-clerk = clerk
role-manager = manager
role-admin = administrator

awaiting-hint = (send /cancel to drop what you were doing)
cancelled = Cancelled; nothing was recorded.
btn-cancel = ✖ Cancel
btn-back = ‹ Back
btn-skip = Skip
btn-confirm-new = ✅ Register
btn-confirm-close = ✅ Conclude
btn-confirm-more = ✅ Record
btn-confirm-undo = ✅ Withdraw
day-today = Today
day-yesterday = Yesterday
day-before-yesterday = 2 days ago
channel-none = not given

new-ask-type = New application: choose the applicant type.
new-ask-date = Applicant: { $type }. Choose the day it was received, or type a date (2026-11-20, 11月20日).
new-ask-channel = Applicant: { $type }, received { $date }. Choose the channel (optional).
new-ask-channel-first = Applicant: { $type }. Choose the channel (optional): the day of receipt depends on it (Art. 31).
new-ask-date-rule =
    Applicant: { $type }, channel: { $channel }.
    <b>{ $question }</b>
    { $basis }
    Choose, or type a date (2026-11-20, 11月20日).
new-card-rule = ℹ️ { $basis } If the date is wrong, press another below or type it.
new-done-rule = Day of receipt: { $rule }
new-card =
    <b>Please check</b>
    Agency: { $agency }
    Applicant type: { $type }
    Received: { $date }
    Channel: { $channel }
    Subject: { $subject }
    Applicant: { $applicant }
new-done = ✅ Registered <b>{ $title }</b>: { $type }, received { $date }. Reply due by <b>{ $dueDate }</b>.

close-usage = Usage: <code>/close NUMBER</code> or <code>/close 12 予以公开</code>.
close-none-open = Your agency has no open applications.
close-ask-application = { $count } open applications ({ $shown } shown): choose the one to conclude.
close-ask-group = No. { $number }: choose the outcome.
close-ask-outcome = No. { $number } · { $group }: choose the case.
close-ambiguous = No. { $number }: what you typed could mean any of these; choose one:
close-unknown-outcome = ⚠️ That outcome was not recognised; choose it below.
close-card =
    <b>Please check</b>
    Agency: { $agency }
    Application: { $title }
    Outcome: { $outcome }
    Concluded on: { $date }
    (type another date to change it, e.g. 2026-11-20)
close-done = ✅ { $title } concluded: { $outcome } ({ $date }).
ytd-line = 📊 { $year } so far: carried over { $carriedOver } · received { $received } · concluded { $concluded } · open { $open } · overdue { $overdue }
no-such-application = ⚠️ Your agency has no application No. { $number }; check the number (/pending lists the open ones).
application-concluded = ⚠️ { $title } was concluded on { $date }; nothing more can be recorded.

more-usage = Usage: <code>/more NUMBER</code>, e.g. <code>/more 12</code>.
more-ask-application = { $count } open applications ({ $shown } shown): choose one.
more-ask-event = No. { $number }: what happened?
more-ask-amount = No. { $number }: type the amount of the fee notice in yuan, e.g. <code>120</code> or <code>35.50</code>.
more-bad-amount = ⚠️ "{ $text }" is not an amount: type a number such as 120 or 35.50.
more-card =
    <b>Please check</b>
    Agency: { $agency }
    Application: { $title }
    Event: { $event } { $amount }
    Date: { $date }
    (type another date to change it)
more-done = ✅ { $title }: { $event } recorded ({ $date }). Reply now due by { $dueDate }.
event-correctionRequested = Correction requested
event-correctionReceived = Correction received
event-consultationStartedThirdParty = Third party consulted
event-consultationStartedAgency = Other agency consulted
event-consultationEnded = Consultation ended
event-extended = Extension
event-extended-days = Extension ({ $days } working days)
more-extension-hint = (type the working days to change them, e.g. 15个工作日; at most { $max }, Art. 33(2))
event-feeNoticeIssued = Fee notice issued
event-feePaid = Fee paid

undo-nothing = You have no record to withdraw.
undo-too-old = ⚠️ Your last record ({ $what }) is more than 24 hours old; ask an administrator to correct it.
undo-ask-reason = Withdraw: { $what }. Why?
undo-reason-mistake = Entered wrongly
undo-reason-duplicate = Entered twice
undo-reason-wrongApplication = Wrong application
undo-card =
    <b>Please confirm</b>
    Record: { $what }
    Reason: { $reason }
    (the register keeps both the record and its withdrawal; nothing is deleted)
undo-done = ✅ Withdrawn: { $what }.
stale-undo = ⚠️ This button is for a record that is no longer your last one: send /undo again.

summary-head = 📊 <b>{ $title }</b> · { $year } year to date (as of { $asOf })
summary-counts = Carried over { $carriedOver } · received { $received } · concluded { $concluded } · open { $open } · overdue { $overdue }
summary-groups = Concluded: { $groups }
summary-balanced = ✅ The balance holds: { $carriedOver } + { $received } = { $concluded } + { $open }
summary-unbalanced = ⚠️ The balance does not hold: { $carriedOver } + { $received } ≠ { $concluded } + { $open }
summary-region = Region { $code } total
summary-agency-line = { $mark } { $name }: received { $received } · concluded { $concluded } · open { $open } · overdue { $overdue }
year-in-future = ⚠️ { $year } has not begun yet.

report-head = 📄 <b>{ $agency }</b> annual report { $year } · 3. Applications received and handled
report-no-findings = ✅ No findings.
report-findings = { $count } findings:
report-document = Annual report { $year } (HTML)
report-file-docx = 📝 Word file
report-file-pdf = 📕 PDF file
report-file-docx-caption = Annual report { $year } (Word, editable)
report-file-pdf-caption = Annual report { $year } (PDF)
report-region-button = 📊 Region { $code }: the sum of its agencies
report-region-name = Region { $code } (sum)
report-region-none = Only a manager of an agency with agencies under it can read the region's sum.

pending-none = Your agency has no open applications.
pending-head = 📋 { $agency }: { $count } open applications, { $overdue } overdue:
pending-line = { $title } · { $type } · received { $received } · due { $due } ({ $days } working days left)
pending-line-overdue = ⚠️ { $title } · { $type } · received { $received } · due { $due } ({ $late } working days overdue)
pending-more = …and { $more } more.

agency-only = You are linked in { $agency } only.
agency-ask = Acting in { $agency } now. Choose the agency to act in:
agency-set = ✅ From now on you record and read in { $agency }.
agency-gone = You are no longer linked in that agency: send /agency again.

lang-ask = 请选择语言 / Choose a language:
lang-set = ✅ Language set to English.

unknown-command = Unknown command /{ $command }. Send /help for the list.
unknown-text = Sorry, I did not understand. Send /new to register an application, /close to record an outcome, /help for more.

stale-malformed = This button is not recognised: send the command again.
stale-forged = This button's data failed its check; nothing was recorded. Send the command again.
stale-version = This button comes from an older version of the bot: send the command again.
stale-expired = This button has expired: send the command again.

error-api-down = ⚠️ The register cannot be reached right now; please try again later (the problem has been logged). If you were confirming, press the same confirm button again later: it will not be recorded twice.
error-internal = ⚠️ The bot failed; what you asked may not be done. The problem has been logged; try again later or ask an administrator.

btn-edit-subject = ✏️ Subject
btn-edit-applicant = ✏️ Applicant
ask-subject = Type the subject (the information asked for), e.g. <code>2025年部门预算</code>.
ask-applicant = Type the applicant's name, optionally with a telephone number, e.g. <code>张三 13800000000</code>.
new-draft-gone = ⚠️ This registration card has expired; nothing was recorded. Send /new again.
due-none = none yet (not computed)
due-none-waiting = none for now: waiting for the applicant's correction; counted again once it arrives
due-none-paused = paused: time spent on a consultation or waiting for a fee is not counted
due-none-concluded = concluded, no deadline
reading-note = 🗣 You wrote "{ $text }"; read as:
undo-hint = If this is wrong, send /undo to withdraw it.
pending-provisional-note = (provisional): that year's holiday arrangement is not published yet; the date is counted with the statutory holidays and may change once it is.
pending-none-overdue = No application of this agency is overdue.
pending-head-overdue = ⚠️ { $agency }: { $count } open applications, { $overdue } of them overdue:
application-concluded-undo = It is your last record of the past 24 hours: send /undo to withdraw it if it is wrong.
application-concluded-admin = To correct it, ask your agency's administrator.
btn-confirm-edit = ✅ Correct
edit-usage = Usage: <code>/edit number</code>, or say it at once, e.g. <code>更正 12 申请人 张三</code>, <code>补充 12 内容 2025年预算</code>.
edit-choose = { $title }: choose what to add or correct.
edit-ask = { $title }:
edit-empty = ⚠️ Nothing was read; type it again (or /cancel).
edit-card =
    <b>Please check the correction</b>
    Application: { $title }
    Subject: { $subjectWas } → { $subject }
    Applicant: { $applicantWas } → { $applicant }
    (what was recorded stays in the register's log; nothing is deleted)
edit-done = ✅ Corrected: { $title }.
close-outcome-read = Outcome: { $outcome } (check it on the card once you choose the application)
close-note-withdrawn = Note: the applicant withdrew; counted under (6) 3. Other.
close-note-referral = Note: not this agency's; the applicant is told to apply to { $to } (counted as "information not held").
close-referral-unnamed = the competent body
summary-answer-received = Received in { $year }: <b>{ $n }</b>.
summary-answer-concluded = Concluded in { $year }: <b>{ $n }</b>.
summary-answer-open = Open now: <b>{ $n }</b>.
summary-answer-overdue = Overdue now: <b>{ $n }</b>.
summary-answer-outcome = Concluded in { $year } as "{ $what }": <b>{ $n }</b>.

web-link = 🔗 <a href="{ $url }">Sign in to the web console</a>
    The link works once, for { $minutes } minutes (until { $until }). Do not forward it.
web-unavailable = No web console link can be given now.
