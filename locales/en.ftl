## Tổ Dân Bot — English

## General
## What the ward calls its units ($wardUnit) and their heads ($headTitle), set per ward (/donvi).
## Messages naming the unit or the head use these; a unit's own name (“Khu phố 5”) already says the unit: do not repeat it.
ward-unit = { $wardUnit ->
        [to-dan-pho] residential group
        [thon] village
        [ap] hamlet
        [ban] village
       *[khu-pho] quarter
    }
ward-units = { $wardUnit ->
        [to-dan-pho] residential groups
        [thon] villages
        [ap] hamlets
        [ban] villages
       *[khu-pho] quarters
    }
ward-unit-cap = { $wardUnit ->
        [to-dan-pho] Residential group
        [thon] Village
        [ap] Hamlet
        [ban] Village
       *[khu-pho] Quarter
    }
ward-units-cap = { $wardUnit ->
        [to-dan-pho] Residential groups
        [thon] Villages
        [ap] Hamlets
        [ban] Villages
       *[khu-pho] Quarters
    }
ward-unit-vi = { $wardUnit ->
        [to-dan-pho] Tổ dân phố
        [thon] Thôn
        [ap] Ấp
        [ban] Bản
       *[khu-pho] Khu phố
    }
ward-head = { ward-unit } head
ward-heads = { ward-unit } heads
ward-head-cap = { $wardUnit ->
        [to-dan-pho] Residential group head
        [thon] Village head
        [ap] Hamlet head
        [ban] Village head
       *[khu-pho] Quarter head
    }
ward-head-title = { ward-head-cap } (“{ $headTitle ->
        [truong-khu-pho] Trưởng khu phố
        [to-truong-to-dan-pho] Tổ trưởng tổ dân phố
        [truong-thon] Trưởng thôn
        [truong-ap] Trưởng ấp
        [truong-ban] Trưởng bản
       *[khu-pho-truong] Khu phố trưởng
    }”)
ward-deputy = deputy { ward-unit } head
ward-deputy-cap = Deputy { ward-unit } head
btn-tip = 🛡 Send an anonymous tip
btn-cancel = ✖️ Cancel
btn-back = ↩️ Back
welcome =
    Hello! This is where you can report <b>drug crime</b> to { $ward } as part of the drug-free ward programme.

    🔒 Tips are <b>anonymous</b>: the bot does not keep your name, account or phone number, and officers only see what you write.

    { word-tap-below } or type /tip to send a tip. Type /help for help.
help-resident =
    <b>Help</b>
    /tip — send an anonymous tip (what, { ward-unit }, place, when, description, photos)
    /status — follow a tip and add information with its receipt code
    /cancel — cancel the tip you are writing
    /family (or /giupnguoithan) — help for a family member who uses drugs: rehab, methadone, legal aid
    /lang — change language (Tiếng Việt / English)
    Vietnamese names work too: /baotin, /theodoi, /huy, /trogiup, /ngonngu.

    After sending you get a <b>receipt code</b>. Keep it secret: it is the only way to follow your tip, and nobody (officers included) knows you sent it.
help-staff =
    <b>Staff commands</b>
    /tips — open tips (filter by priority, { ward-unit }); /tip REF — one tip
    /invite — create an officer invite link (admins only); /officers — the staff list
    /invitehead N [deputy] — invite the { ward-head } (or a deputy) of { ward-unit } N; /heads [N] — list them, step one down (admins only)
    /ten NAME — change the name shown for you (officers, { ward-heads }, agency contacts)
    /donvi — what the ward calls its { ward-units } and their heads in the bot's messages: see, change (admins only)
    /opencheckin [N] (or /mobaocao) — open this week's check-in now for every { ward-unit } (or { ward-unit } N)
    /bindgroup — send in the ward police group to receive tips there (admins only)
    /checkinschedule, /holiday — weekly check-in schedule, days off (admins only)
    /agencies — agencies that report; /inviteagency N — invite an agency's contact
    /addagency NAME, /removeagency N — add or remove an agency; /contacts N — an agency's contacts, take one off (admins only)
    /deadline — set an ad-hoc report deadline; /deadlines — who submitted, who is late
    /report [2026-03|2026-Q1|2026-H1|2026] — month, quarter, half-year or year report (Excel workbook and a Word draft)
    /quarterstatus N, /roadmap, /target YEAR N — the drug-free roadmap
    /audit REF — a tip's history (admins only)
    /wardcontact (or /lienhephuong) — the ward police's hotline and address that residents see (admins only)
    /familypage (or /trangnguoithan) — the ward's own "Help a family member" pages (admins only)
    /tukhoa — the ward's own slang for ranking tips: list, add, remove
    On a tip card: 🙋 I'll take it, ⚖️ Priority, 🔁 Duplicate, ❓ Ask, ✅ Close; once closed as confirmed: 📋 Outcomes (case opened, administrative penalty, point dismantled, plants destroyed…).
help-super-admin =
    <b>Deployment administrator</b>
    /wards — the wards of this deployment (counts, residents' links)
    /newward — add a ward (you get a one-time admin code)
    /wardcode WARD-ID — a new admin code for a ward that has no admin yet
    /rollup [period] — every ward's figures side by side (Excel, counts only)
not-super-admin = ⛔ Only the deployment's administrators can use this command.
not-super-admin-button = ⛔ Only the deployment's administrators can use this button.
newward-usage =
    Usage: first line <code>/newward ward-id Ward name</code>, then one { ward-unit }'s name per line (or just a number N for “{ ward-unit-vi } 1” … “{ ward-unit-vi } N”, or a number and a unit in Vietnamese, e.g. “12 { ward-unit-vi }”; units: { $units }). Example:
    <code>/newward nhon-binh Phường Nhơn Bình
    { ward-unit-vi } 1
    { ward-unit-vi } 2</code>
    Ward id: 2–40 characters a-z, 0-9 and hyphens; names must differ. The unit follows the names (when they all start with the same one), else it is the { ward-unit }; the ward's admin can change it with /donvi.
newward-created =
    ✅ Created { $ward } with { $quarters } { ward-units } (heads: { ward-heads }; the ward's admin can change this with /donvi).
    One-time admin code: <code>{ $code }</code> (expires in { $hours } hours) — give it privately to the ward's administrator, who sends <code>/admin { $code }</code> to the bot.
    Residents' link for tips: { $link }
newward-exists = The ward id “{ $slug }” exists. See /wards, or /wardcode { $slug } if it has no admin yet.
wardcode-usage = Usage: /wardcode WARD-ID (see the ids with /wards).
wardcode-issued = New admin code for “{ $slug }” (the previous one no longer works; this one expires in { $hours } hours): { $code }
wardcode-has-admin = “{ $slug }” already has an admin; no new code. The admin invites others with /invite.
wardcode-unknown = No ward has the id “{ $slug }”.
wards-list =
    <b>Wards ({ $count })</b>

    { $lines }
wards-line =
    <b>{ $ward }</b> (<code>{ $slug }</code>) — { $quarters } { ward-units }, { $admins } admins, { $officers } officers, { $tips } tips, police group: { $group }
    { $link }
lang-choose = Chọn ngôn ngữ / Choose a language:
lang-set = Switched to English.
lang-only-officers = ⛔ Only registered ward police officers can change this group's language.
unknown-command = Sorry, I didn't get that. Type /tip to send a tip or /help for help.
error-generic = Sorry, something went wrong. Please try again in a few minutes.
nothing-to-cancel = There is nothing to cancel.

## Categories, timing, priority
category-dealing = Drug dealing
category-use_venue = A place where people gather to use drugs
category-plant_growing = Growing drug plants
category-school = Drugs near a school or involving pupils
category-person_using = A person using drugs, addicted or in psychosis
category-other = Other signs
timing-now = Happening now
timing-today = Today
timing-this_week = This week
timing-earlier = Earlier
timing-ongoing = Ongoing, regularly
priority-urgent = Urgent
priority-high = High
priority-normal = Normal
priority-low = Low
reason-category_school = About a school or pupils
reason-category_person_using = A person using or addicted
reason-category_dealing = Drug dealing
reason-category_use_venue = A place where people use drugs
reason-happening_now = Happening now
reason-happening_today = Today
reason-ongoing = Goes on regularly
reason-children = Children or pupils involved
reason-psychosis = Signs of drug psychosis
reason-violence_or_weapon = A weapon or violence
reason-drug_terms = Drug words
reason-no_drug_terms_low_detail = Little detail, no drug word
reason-long_ago = Long ago
reason-person_harmed = A person in danger (unconscious, overdose, self-harm)
reason-ward_terms = A word from the ward's own list
reason-hearsay = Hearsay, not seen first-hand
reason-denied = The resident says there are no drugs
reason-over_and_done = Over and done (arrested, stopped)
reason-not_about_drugs = Not about drugs
reason-online_only = Online only, no place given
reason-no_place = No place given
quarter-unknown = Not sure

## Tip flow
tip-intro = 🔒 You are sending an <b>anonymous</b> tip. Type /cancel at any time to stop.
tip-ask-ward = Which <b>ward</b> is this tip for? Choose below, or type the ward's name.
tip-ask-ward-type = Which <b>ward</b> is this tip for? Type its name (with or without diacritics), e.g. <i>Quy Nhơn Đông</i>.
tip-ask-ward-matches = Several wards match what you typed. Choose yours, or type more of the name.
tip-ward-not-found = No ward is called “{ $typed }”. Type the ward's name again, or /cancel to stop.
hint-ward = Please choose the ward { word-choices-above }, or type its name.
welcome-any =
    Hello! This is where you can report <b>drug crime</b> to your ward as part of the drug-free ward programme.

    🔒 Tips are <b>anonymous</b>: the bot does not keep your name, account or phone number, and officers only see what you write.

    { word-tap-below } or type /tip to send a tip; the bot will ask for your ward. Type /help for help.
ward-link-unknown = This link does not lead to any ward (perhaps mistyped). Type /tip to send a tip and choose the ward.
tip-ask-category = <b>Step 1/6.</b> What do you want to report?
tip-ask-quarter = <b>Step 2/6.</b> Which { ward-unit } is it in?
tip-ask-place =
    <b>Step 3/6.</b> Where exactly? Type an address or landmark (e.g. “alley 12 Tran Phu, the karaoke bar next to the market”).{ $channel ->
        [zalo] {""}
       *[other] {" "}Or point at it on the map: tap 📎 → “Location”, move the map so the pin sits on the place, then tap “Send selected location”.
    ⚠️ Do not send your “current location” from home: that would send where you live.
    }
    If you'd rather not say, { word-tap } “{ $skip }”.
btn-skip = ⏭ Skip
tip-pin-received = 📍 Location received.
tip-pin-which = Is this the place you are reporting, or where you are standing now?
btn-pin-spot = 📍 The place I am reporting
btn-pin-here = 🧍 Where I am now
btn-pin-drop = 🗑 Remove this location
tip-place-pin = 📍 pin on the map (the reported place)
tip-place-pin-approximate = 📍 area on the map (rounded to about { $meters } m)
tip-ask-timing = <b>Step 4/6.</b> When does it happen?
tip-ask-description =
    <b>Step 5/6.</b> Describe what you saw: who (appearance, no real names needed), what, when, vehicles…
    ⚠️ Don't write anything that could reveal who you are.
tip-description-no-words = Thank you. Please add a few words so the officers understand what is happening: who, doing what, where, when (emoji alone are not enough to act on).
tip-ask-photos = <b>Step 6/6.</b> Any photos? Send up to { $max }, then { word-tap } “{ $done }”. If not, { word-tap } “{ $skip }”.
btn-photos-done = ✅ Done
tip-photo-received = Photo { $count }/{ $max } received. Send more or { word-tap } “{ $done }”.
tip-photo-limit = That's { $max } photos already. { word-Tap } “{ $done }” to continue.
tip-photo-not-image = That file is not a picture, so it cannot be taken. Please send a photo (JPG, PNG…).
tip-photo-too-big = That picture is over 20 MB, so it cannot be taken. Please send it as a normal photo (not a file).
tip-photo-busy = ⏳ Many pictures are being processed right now. Please wait a minute, then send this one again.
tip-review =
    <b>Review your tip</b>
    To: { $ward }
    What: { $category }
    Area: { $quarter }
    Place: { $place }
    When: { $timing }
    Photos: { $photos }
    Description:
    { $description }

    🔔 Notifications: if on, the bot keeps this chat's address (encrypted, apart from the tip) to tell you when officers ask a question or have dealt with it, and deletes it when the tip closes. Off: the bot keeps nothing.

    Send this tip?
tip-place-none = (not given)
btn-submit = 📨 Send
btn-edit = ✏️ Edit
tip-edit-which = What do you want to change?
edit-category = What
edit-quarter = Area
edit-place = Place
edit-timing = When
edit-description = Description
edit-photos = Photos
tip-submitted =
    ✅ <b>Your tip was sent.</b> Thank you for helping keep the ward drug-free.

    Your receipt code: <code>{ $receipt }</code>

    🔐 Keep this code somewhere safe and <b>give it to nobody</b>. It is the only way to follow your tip; we do not store it and cannot issue it again.
    You may delete this chat once you have saved the code.
tip-submit-failed = Sorry, the tip could not be sent because of a system error. Your answers are kept: { word-tap } “{ $submit }” to try again.
tip-filed-before =
    ✅ <b>Your tip had already been sent</b> before the bot was interrupted, so it can no longer be cancelled. No need to send it again.

    Your receipt code: <code>{ $receipt }</code>

    🔐 Keep this code somewhere safe and <b>give it to nobody</b>. It is the only way to follow your tip; we do not store it and cannot issue it again.
tip-cancelled = Cancelled. Nothing was kept.
tip-expired = Your unfinished tip expired and was deleted. Type /tip to start again.
hint-use-buttons = Please choose { word-choices-above }, or type /cancel to stop.
hint-need-text = Please type your answer as text (stickers, voice notes and files are not accepted). Type /cancel to stop.
hint-place = Please type an address, { $channel ->
        [zalo] {""}
       *[other] point at it on the map (📎 → “Location”),{" "}
    }or { word-tap } “{ $skip }”.
hint-photos = Please send photos, or { word-tap } { $buttons }. Videos, voice notes and stickers are not taken.
hint-in-flow = You are writing a tip. Follow the steps, or type /cancel to stop.
error-text-too-long = That is too long ({ $length } characters). At most { $max }.
error-text-empty = This cannot be empty.

## Tip card for the ward police group
card-urgent-banner = 🚨 <b>URGENT</b> — act now
card-body =
    <b>Tip #{ $reference }</b> · Priority: <b>{ $priority }</b>
    What: { $category }
    Area: { $quarter }
    Place: { $place }
    When: { $timing }
    Received: { $createdAt }
    Photos: { $photos }
card-duplicate = 🔁 May duplicate #{ $reference }
card-status-new = Status: 🆕 New, unclaimed
card-status-claimed = Status: 🙋 taken by { $officer }
card-status-closed = Status: ✅ Closed — { $reason }
card-description = Description:
card-photos-unreadable = ⚠️ { $count } of the tipster's pictures could not be read, so they are not attached.
card-place-pin = 📍 map pin below (the tipster confirmed it is the reported place)
card-place-pin-approximate = 📍 approximate area, about { $meters } m (pin below). The tipster did not confirm this is the reported place: it may be where they stood when sending.
close-confirmed = Confirmed
close-unfounded = Unfounded
close-spam = Spam
close-duplicate = Duplicate
btn-claim = 🙋 I'll take it
btn-priority = ⚖️ Priority
btn-duplicate = 🔁 Duplicate
btn-close = ✅ Close
btn-assign = 👤 Assign
card-choose-priority = Choose the new priority:
card-choose-duplicate = Duplicate of which tip?
card-no-duplicates = There are no other recent tips.
card-only-officers = ⛔ Only registered ward police officers can use these buttons.
only-officers-command = ⛔ Only registered ward police officers can use this command.
anonymous-admin = ⛔ You are posting as the group's anonymous admin, so the bot cannot tell who you are. To use the bot's commands in the group, turn off “Remain anonymous” in your admin rights, or message the bot privately.
card-wrong-ward = ⛔ This tip belongs to another ward.
card-done-claimed = You took tip #{ $reference }.
card-done-priority = Priority changed: { $priority }.
card-done-duplicate = Marked as duplicate of #{ $reference }.
card-done-closed = Tip #{ $reference } closed.
card-done-closed-confirmed = Tip #{ $reference } closed as confirmed. Record what came of it with the buttons under the card (if anything).
card-outcomes = 📋 Outcomes: { $list }
card-outcome-case_opened =
    { $shape ->
        [unknown] 1 case opened (people not counted yet)
       *[known] 1 case opened ({ $count } people)
    }
card-outcome-administrative = { $count } people handled administratively
card-outcome-dealing_point_dismantled = { $count } dealing points dismantled
card-outcome-venue_dismantled = { $count } use venues dismantled
card-outcome-plants_destroyed =
    { $shape ->
        [unknown] drug plants destroyed (not counted yet)
       *[known] { $count } drug plants destroyed
    }
card-outcome-premises_inspected = { $count } premises inspected
card-outcome-handed_over = handed to another unit
card-outcome-counting = ➕ { $question }: <b>{ $count }</b> — press a number, or step it up or down and press “Record”.
card-outcome-ask-case_opened = People arrested or prosecuted
card-outcome-ask-administrative = People handled administratively
card-outcome-ask-dealing_point_dismantled = Dealing points dismantled
card-outcome-ask-venue_dismantled = Use venues dismantled
card-outcome-ask-plants_destroyed = Plants destroyed
card-outcome-ask-premises_inspected = Premises inspected
card-outcome-recorded = Recorded: { $outcome }.
card-outcome-removed = Taken back: { $outcome }.
card-outcome-not-confirmed = Outcomes are recorded only for tips closed as confirmed.
card-outcome-invalid = This outcome cannot be recorded (the number is not valid, or the tip has too many outcomes).
btn-outcome-case_opened = 📁 Case opened
btn-outcome-administrative = 📝 Administrative penalty
btn-outcome-dealing_point_dismantled = 🏚 Dealing point dismantled
btn-outcome-venue_dismantled = 🏠 Use venue dismantled
btn-outcome-plants_destroyed = 🌿 Plants destroyed
btn-outcome-premises_inspected = 🏨 Premises inspected
btn-outcome-handed_over = 🤝 Handed to another unit
btn-outcome-done = ✔️ Done
btn-outcome-menu = 📋 Outcomes
btn-outcome-record = ✅ Record { $count }
btn-outcome-unknown = Not known yet
btn-outcome-remove = ❌ { $label }
card-already-claimed = Another officer has already taken this tip.
card-tip-closed = This tip is closed.
card-tip-not-found = Tip not found.
card-admin-only = ⛔ Only the ward's admin can hand a tip to an officer.
card-assign-not-staff = This person is no longer an officer of the ward.
card-tip-changed = The tip has just changed; look at the card again and retry.
card-choose-officer = Hand tip #{ $reference } to which officer?
card-done-assigned = Tip #{ $reference } handed to { $officer }.
card-photos-caption = Photos of tip #{ $reference }
cards-undelivered-admin = ⚠️ The bot cannot post tips to the ward police group of { $ward }: { $reason } The tips are stored in full; the bot will keep trying until they get through. Please check at once that the bot is still in the group and may send messages, photos and locations.
cards-delivered-again-admin = ✅ The bot got the tips through to the ward police group of { $ward } again; none is waiting.
delivery-reason-bot-gone = the bot is no longer in the group (removed, or the group is gone).
delivery-reason-no-right = the bot may not send messages, photos or locations in the group.
delivery-reason-chat-gone = Telegram cannot find the group.
delivery-reason-telegram = Telegram is not taking messages for now (a network or server fault).
delivery-reason-other = Telegram refused (“{ $error }”).

## Administration
admin-usage = Usage: /admin CODE (the one-time admin code the server's operator gave you).
admin-expired = ⛔ This code has expired. Ask the server's operator for a new one (npm run admin-code on the server).
admin-ok = ✅ You are now the admin of { $ward }. Type /invite to invite officers, and send /bindgroup in the ward police group. Review and confirm the yearly drug-free targets: /target. The ward calls its units “{ ward-units }” and their heads “{ ward-head-title }”: change that with /donvi.
ward-words-now = The ward calls its units “{ ward-units }” and their heads “{ ward-head-title }”.
ward-words-usage =
    { ward-words-now }
    To change it (admins only): /donvi N, one of:
    { $choices }
    The bot's messages (invites, weekly check-ins, the roadmap, reports) use these words.
ward-words-choice = { $n }. { ward-units-cap } — { ward-head-title }
ward-words-set = ✅ From now on the bot calls the ward's units “{ ward-units }” and their heads “{ ward-head-title }” (before: { $before }). Each { ward-unit }'s own name stays as it is.
ward-words-same = The ward already uses these words: “{ ward-units }”, “{ ward-head-title }”. Nothing changed.
ward-words-before = “{ ward-units }”, “{ ward-head-title }”
admin-invalid = ⛔ The code is wrong or has been used.
admin-locked = ⛔ Too many wrong codes. Please try again in an hour.
admin-private-only = Please send this command in a private chat with the bot.
invite-created =
    Officer invite link (single use, expires { $expires }):
    { $link }
    Send it privately to the officer you are inviting.
invite-accepted = ✅ Welcome, { $name }! You are registered as an officer of { $ward }. Tips will arrive in the ward police group.
staff-name-offer = ✍️ Your name as other staff see it, on tip cards and in the log: <b>{ $name }</b>. Pick the right way round below, or type /ten and your name (e.g. /ten Nguyễn Văn An). You can change it any time with /ten.
staff-name-set = ✅ Name shown: { $name }. Change it with /ten.
staff-name-usage = Usage: /ten NAME — the name other staff see, e.g. /ten Nguyễn Văn An (2–60 characters, letters, no emoji).
invite-invalid = ⛔ This invite link is not valid.
invite-expired = ⛔ This invite link has expired. Ask the admin for a new one.
invite-used = ⛔ This invite link has already been used.
not-admin = ⛔ Only the ward's admin can use this command.
not-admin-button = ⛔ Only the ward's admin can use this button.
bindgroup-ok = ✅ This group is now the police group of { $ward }. New tips will be posted here.
bindgroup-other-ward = ⛔ This group is already another ward's police group; it cannot be bound to yours. Use a group of your own.
bindgroup-group-only = Send /bindgroup in the ward police group (not in a private chat).
bindgroup-already = This group is already { $ward }'s police group; nothing changed.
bindgroup-confirm = ⚠️ { $ward } receives its tips in another group. Move them to this group? The old group will be told it no longer receives tips.
btn-rebind-confirm = ✅ Move to this group
btn-rebind-cancel = ✖️ Keep the old one
bindgroup-kept = The ward police group stays as it was; nothing changed.
bindgroup-changed = The ward's police group has changed since you were asked; send /bindgroup again if you still want to move it.
bindgroup-moved-notice = ⚠️ This group no longer receives tips of { $ward }; from now on they go to another group, chosen by the admin { $admin }. If this is not right, tell the ward police's leadership at once.
bindgroup-old-group-not-told = The old group could not be told (the bot cannot send there); tell the officers there yourself.
group-not-bound = This group is not bound to a ward. An admin can send /bindgroup to bind it.
no-police-group = ⚠️ The ward has no police group bound: the tip is stored but has not reached officers.

## Heads of the ward's { ward-units }, weekly check-in
head-invite-usage = Usage: /invitehead N [deputy] — N is the { ward-unit }'s number, e.g. /invitehead 5 ({ ward-head }) or /invitehead 5 deputy ({ ward-deputy }).
head-invite-created =
    Invite link for the { $role } of { $quarter } (single use, expires { $expires }):
    { $link }
role-head = { ward-head }
role-deputy = { ward-deputy }
head-invite-confirm = You are invited to be the <b>{ $role }</b> of <b>{ $quarter }</b>, { $ward }. Every week the bot will ask about drugs in your { ward-unit }. Confirm?
btn-confirm = ✅ Confirm
btn-not-me = ✖️ Not me
head-registered = ✅ You are registered as { $role } of { $quarter }. The weekly check-in opens { $when }. Type /away when you are away so the { ward-deputy } answers instead.
head-registered-open = ✅ You are registered as { $role } of { $quarter }. The check-in for week { $week } is open: please answer the message just below. Type /away when you are away so the { ward-deputy } answers instead.
checkin-opened-one = ✅ Opened the check-in for week { $week } for <b>{ $quarter }</b>: its { ward-head } and { ward-deputy } have been messaged.
checkin-opened-all = ✅ Opened the check-in for week { $week } for { $count } { ward-units }: { $quarters }. Nobody already asked is asked again.
checkin-open-no-head = { $quarter } has no { ward-head } or { ward-deputy } yet: type /invitehead { $n } to invite one.
checkin-open-no-heads = No { ward-unit } has a { ward-head } or { ward-deputy } yet: type /invitehead N (the { ward-unit }'s number) to invite one.
checkin-open-no-quarter = There is no { ward-unit } number { $n }.
checkin-open-holiday = This week is a holiday week: no check-in is opened.
checkin-open-usage = Usage: /opencheckin (or /mobaocao) to open this week's check-in for every { ward-unit }, or /opencheckin 5 for { ward-unit } number 5 only.
head-invite-declined = Cancelled. The link has not been used.
ci-prompt =
    📋 <b>Weekly check-in { $week }</b> — { $quarter }
    Please tell the ward police how things are in your { ward-unit } this week. Deadline: { $closes }.
ci-reminder = ⏰ <b>Reminder { $n }:</b> { $quarter } has not answered the check-in for { $week }. Deadline: { $closes }.
btn-ci-start = 📝 Start the weekly check-in
btn-ci-nothing = 👌 Nothing new
ci-nothing-saved = ✅ Recorded: nothing new in { $quarter } for { $week }. Thank you! You can change it until { $closes }.
btn-ci-edit = ✏️ Edit the check-in
ci-stocks-confirm =
    👥 <b>People under management in { $quarter }</b> (counts only, no names):
    • Addicted to drugs: <b>{ $addicts }</b>
    • Using drugs illegally: <b>{ $users }</b>
    • After rehab: <b>{ $postRehab }</b>
    Last confirmed on { $date }. Are these still right?
btn-ci-stocks-keep = ✅ Still right
btn-ci-stocks-edit = ✏️ Something changed
ci-stocks-edit = Please give today's numbers (counts only, no names). Keep the old number where nothing changed.
ci-stocks-unknown = 👥 There are no numbers yet for the people under management in <b>{ $quarter }</b>. Please give today's numbers (counts only, no names); next week just confirm them if nothing changed.
ci-stock-q-addicts = How many people <b>addicted to drugs</b> are under management?
ci-stock-q-users = How many people <b>using drugs illegally</b> (not found addicted) are under management?
ci-stock-q-postRehab = How many people <b>after rehab</b> are under management?
btn-ci-keep = Keep ({ $n })
ci-stocks-kept = People under management unchanged: addicted { $addicts }, using { $users }, after rehab { $postRehab }.
ci-stocks-none-yet = No numbers yet for the people under management: { word-tap } “{ $edit }” to give them.
ci-q-peopleChanged = This week, is anyone <b>newly</b> suspected of using drugs, newly back from rehab or from prison, relapsed, or moved away?
ci-q-newSuspectedUsers = How many people are <b>newly</b> suspected of using drugs?
ci-q-backFromRehab = How many people are newly <b>back from rehab</b>?
ci-q-backFromPrison = How many people are newly <b>back from prison</b>?
ci-q-relapsed = How many people after rehab have <b>relapsed</b>?
ci-q-movedAway = How many people under management have <b>moved away</b>?
ci-q-incidents = How many <b>incidents</b> did people using drugs cause this week (disturbances, theft, fights…)?
ci-q-newSigns = Any new signs of drug dealing or places where people gather to use this week?
ci-q-dealingPoints = How many <b>suspected dealing points</b>?
ci-q-useVenues = How many <b>suspected places where people are organised or harboured to use</b>?
ci-q-plantGrowing = Any plants containing narcotics (cannabis, opium poppy…) seen growing?
ci-q-plantSites = In how many <b>places</b> (gardens, fields, pots…)?
ci-q-suspiciousBusinesses = Any suspicious businesses (karaoke, guesthouses, rented rooms)?
ci-q-awarenessSessions = How many drug-awareness sessions were held this week?
ci-q-awarenessParticipants = About how many <b>people attended</b> them in all?
ci-q-urgent = Anything <b>urgent</b> the ward police must act on now?
ci-q-note = Any other note? Type it or { word-tap } “{ $skip }”.
ci-ask-detail = Where, and what exactly? (briefly, or { word-tap } “{ $skip }”)
ci-count-hint = { $channel ->
    [zalo] Reply with a number (0, 1, 2…).
   *[other] Tap a number or type one (0, 1, 2…).
}
ci-count-invalid = Please type a number, for example 0, 2 or 15 (none: type 0).
btn-yes = Yes
btn-no = No
btn-more = Other…
ci-type-number = Type the number:
ci-review =
    <b>Weekly check-in { $week } — { $quarter }</b>
    { $lines }

    Send this check-in?
ci-review-stocks = • Under management: addicted <b>{ $addicts }</b>, using <b>{ $users }</b>, after rehab <b>{ $postRehab }</b>
ci-review-no-flows = No new people, incidents, places or awareness sessions
ci-review-note = Note
ci-sign-newSigns = Signs of dealing or use venues
ci-sign-plantGrowing = Plants containing narcotics
ci-sign-suspiciousBusinesses = Suspicious businesses
ci-sign-urgent = Urgent matter
btn-ci-restart = 🔁 Start over
ci-submitted = ✅ Check-in { $week } for { $quarter } sent. Thank you! You can change it until { $closes }.
ci-submitted-urgent = 🚨 The urgent matter went to the ward police at once.
ci-cancelled = Check-in cancelled. You can start again from the button in the reminder.
ci-window-closed = ⛔ This week's check-in is closed.
ci-not-head = ⛔ You are not the { ward-head } or { ward-deputy } of this { ward-unit }.
ci-escalation =
    ⚠️ <b>Weekly check-in { $week }</b>: { $count } { ward-units } did not answer:
    { $quarters }
ci-urgent-card =
    🚨 <b>URGENT from the weekly check-in</b> — { $quarter } ({ $week })
    Reported by: { $head }
    Details: { $detail }
ci-summary =
    📊 <b>Weekly check-in summary { $week }</b>
    Answered: { $answered }/{ $expected } { ward-units } ({ $rate }%)
    { ward-units-cap } with signs: { $signs }
    This week: newly suspected { $newUsers }{ $newUsersChange }; back from rehab { $backFromRehab }, from prison { $backFromPrison }; relapsed { $relapsed }; moved away { $moved }; incidents { $incidents }
    Found: suspected dealing points { $dealingPoints }, suspected use venues { $useVenues }, places growing narcotic plants { $plantSites }
    Awareness: { $awareness } sessions, { $participants } attendances
    Under management (latest figures the { ward-units } confirmed, { $known }/{ $quarters } { ward-units } have them): addicted { $addicts }, using { $users }, after rehab { $postRehab }
    Not answered: { $missing }
ci-none = none
ci-chart-title = Weekly check-in { $week } — answered { $answered }/{ $expected }
ci-grid-title = The { ward-units }' weekly check-ins — last { $weeks } weeks
ci-grid-week = week { $n }
ci-legend-nothing = Answered: nothing new
ci-legend-signs = Answered: signs
ci-legend-urgent = Something urgent
ci-legend-missing = No answer
ci-legend-noHead = No { ward-head } yet
ci-legend-holiday = Holiday (not asked)
ci-legend-notOpen = Check-in not open yet
ci-legend-byDeputy = { ward-deputy-cap } answered ({ ward-head } away)
stock-addicts = People addicted to drugs under management
stock-users = People using drugs illegally under management
stock-postRehab = People after rehab under management
flow-newSuspectedUsers = People newly suspected of using drugs
flow-backFromRehab = People newly back from rehab
flow-backFromPrison = People newly back from prison
flow-relapsed = People who relapsed
flow-movedAway = People under management who moved away
flow-incidents = Incidents caused by people using drugs
flow-dealingPoints = Suspected dealing points found
flow-useVenues = Suspected use venues found
flow-plantSites = Places growing narcotic plants found
flow-awarenessSessions = Drug-awareness sessions
flow-awarenessParticipants = Awareness session attendances
away-on = Noted that you are away: the { ward-deputy } will get the check-in reminders. Type /back when you return.
away-off = Welcome back! You will get the check-in reminders again.
away-not-head = This command is for { ward-heads } and their deputies.
holiday-usage = Usage: /holiday START END NAME — e.g. /holiday 2027-02-05 2027-02-11 Tet
holiday-added = ✅ Holiday “{ $name }” ({ $from } → { $to }) added: a week whose check-in would open then is skipped.
schedule-usage = Usage: /checkinschedule WEEKDAY HOUR HOURS_OPEN REMINDERS — e.g. /checkinschedule 5 8 72 24,48 (Friday 08:00, open 72 hours, reminders after 24 and 48 hours). Weekday: 1 = Monday … 7 = Sunday.
schedule-current = Weekly check-in: { $weekday } at { $hour }:00, open { $window } hours, reminders after { $reminders } hours.
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## Following a tip with the receipt code
btn-follow = 🔎 Follow my tip
btn-add-info = ➕ Add information
btn-done = ✔️ Done
follow-ask-code = Type your receipt code (TB-XXXX-XXXX):
follow-not-found = No tip matches this code: it is wrong, or the tip was closed long ago and no longer exists. Please check it (the letter O and the digit 0 never appear in codes).
follow-too-many = Too many wrong codes. Please try again in an hour.
follow-status =
    <b>Your tip's status:</b> { $status }
    Sent: { $when }
    Information added: { $addenda } times
follow-status-new = 📥 Received, waiting for an officer
follow-status-claimed = 🔍 Being verified
follow-status-handled = ✅ Handled
follow-status-closed = 📁 Closed
follow-ask-info = Type the new information and/or send up to { $max } photos, then { word-tap } “{ $send }”.
follow-text-kept = Noted. Send more or { word-tap } “{ $send }”.
follow-text-full = Additions are limited to { $max } characters, so that last message was not added. { $left } characters are left: type something shorter, or { word-tap } “{ $send }” to send what was kept.
follow-added = ✅ Your information reached the officers, still anonymous. Thank you!
follow-closed-now = This tip is closed; nothing more can be added.
follow-bye = Done. Keep your receipt code secret.
card-addendum =
    ➕ <b>More information for tip #{ $reference }</b> (from the tipster, anonymous)
    { $text }
    Photos: { $photos }
audit-usage = Usage: /audit TIP_CODE (e.g. /audit A7K3). Admins only.
audit-resident = the tipster (anonymous)
audit-history =
    <b>History of tip #{ $reference }</b>
    { $lines }
card-unclaimed = ⏰ Tip #{ $reference } ({ $priority }) has not been taken after { $minutes } minutes. Officers: { $officers }
btn-notify-off = 🔕 Notifications: off (choose to turn on)
btn-notify-on = 🔔 Notifications: on (choose to turn off)
tip-notify-on = 🔔 The bot will message you when officers have a question or when the tip is closed (only the bot knows where to write; this is encrypted and deleted when the tip closes).
tip-call-113 = { line-call-113 } Officers see tips soon, but this bot is not an emergency line.
btn-ask = ❓ Ask more
card-ask-prompt = ❓ Question for the tipster of #{ $reference }: <b>reply to this message</b> with your question. The tipster will not learn who asks.
card-ask-hint = Reply to the bot's message with your question.
card-ask-sent = ✅ Question passed on to the tipster of #{ $reference }.
card-answer =
    💬 <b>The tipster of #{ $reference } answers</b>
    Q: { $question }
    A: { $answer }
notify-question = ❓ Officers have a question about your tip. Type /status and your receipt code to read and answer it.
notify-closed = 📁 Your tip has been dealt with and closed. Thank you! (The bot will not write about this tip again.)
btn-answer = ✍️ Answer the question
follow-questions = <b>Officers ask:</b>
follow-ask-answer = Question: <i>{ $question }</i>
    Type your answer:
follow-answer-sent = ✅ Your answer reached the officers, still anonymous. Thank you!
officers-list =
    <b>The ward's staff</b>
    { $list }
    Tap ❌ to remove an officer (takes effect at once).
role-admin = admin
role-officer = officer
officer-removed = { $name } was removed.
officer-claims-released = { $count } tip(s) { $name } had taken are new again, waiting for another officer; their cards in the group say so.
officer-left-group = { $name } has been taken out of the ward police group. A group admin can still invite them back later if needed.
officer-group-removal-failed = ⚠️ The bot could not take { $name } out of the ward police group: { $reason } They have lost their rights over tips, but still read new messages in the group — remove them from the group yourself.
group-removal-no-right = the bot lacks the “Ban users” right in the group (group settings: Administrators → the bot → turn on “Ban users”).
group-removal-owner = this person owns the group.
group-removal-group-admin = this person is an administrator of the group, whom the bot cannot remove (take their group admin rights away first).
group-removal-bot-gone = the bot is no longer in the group.
group-removal-other = Telegram refused (“{ $error }”).
heads-usage = Usage: /heads (every { ward-unit }) or /heads N ({ ward-unit } N) — active { ward-heads } and deputies; press ❌ to step one down.
heads-none = No active { ward-heads } or deputies.
heads-list =
    <b>Active { ward-heads } and deputies</b>
    { $list }

    Press ❌ to step someone down: they get no more reminders and can no longer answer for the { ward-unit }.
heads-more = … and { $more } more: see one { ward-unit } at a time with /heads N.
head-removed = Stepped down: <b>{ $name }</b> ({ $quarter }).
ag-contacts-usage = Usage: /contacts N — the contacts of agency N in /agencies; press ❌ to take one off.
ag-contacts-none = <b>{ $agency }</b> has no active contacts.
ag-contacts-list =
    <b>Contacts of { $agency }</b>
    { $list }

    Press ❌ to take someone off: they get no more reminders and can no longer confirm for the agency.
ag-contact-removed = Taken off: <b>{ $name }</b> ({ $agency }).
person-already-removed = This person has already been removed, or is not in your ward.
tips-list =
    <b>Open tips: { $total }</b> (filter: { $filter }; page { $page }/{ $pages })
    { $lines }
tips-all = All
tips-none = (none)
btn-verifying = 🔍 Verifying
btn-acted = 🤝 Handed over / acted
card-status-verifying = Status: 🔍 { $officer } is verifying
card-status-acted = Status: 🤝 Handed over / acted on ({ $officer })
follow-status-acted = 🤝 Handed over / acted on
btn-notify-stop = 🔕 Stop notifications
follow-notify-stopped = 🔕 Notifications stopped: the bot deleted how to reach you about this tip.
tips-new = 🆕 Not taken
tips-taken = 🙋 Taken
tip-limit-hour = You have sent many tips in the last hour. Please try again later. If someone is in danger right now, call 113.
tip-limit-day = You have sent many tips today. Please try again tomorrow. If someone is in danger right now, call 113.
flood-slow-down = You are sending too fast. Please slow down; the last messages were ignored.
qs-invalid = ⛔ Unknown { ward-unit }, or a decision date that is in the future.
qs-usage = Usage: /quarterstatus N [DATE] [DECISION NUMBER] [ISSUING BODY] — N is the { ward-unit }'s number, e.g. /quarterstatus 5 12/11/2026 Decision No. 15/QĐ-UBND of the ward People's Committee, then pick the status the decision sets. Criteria: Decision 28/2025/QĐ-TTg; procedure and competent authority: guidance 37/HD-BCA-C04. The date cannot be after today.
qs-choose = { $quarter }: which status does the decision of { $date } set?
qs-no-decision = <i>No decision number or issuing body given: type them after the date, e.g. /quarterstatus { $n } 12/11/2026 Decision No. 15/QĐ-UBND of the ward People's Committee.</i>
qs-drug_free = ✅ Drug-free
qs-building = 🔨 Building towards it
qs-at_risk = 🟠 At risk of becoming complex
qs-hotspot = 🔴 Complex hotspot
qs-unassessed = ⚪ Not assessed
qs-recorded = Recorded: { $quarter } — { $status }, by the decision of { $date }.
target-usage = Usage: /target YEAR N — N drug-free { ward-units }, e.g. /target 2026 10 (admins only; at most the ward's number of { ward-units }). Type /target to see each year's target and where it came from.
target-set = ✅ Target for { $year }: { $count } drug-free { ward-units } (set by the ward).
target-list =
    🎯 <b>Drug-free { ward-units } by the end of each year — { $ward }</b> ({ $quarters } { ward-units })
    { $lines }

    Admins set or confirm: /target YEAR N, e.g. /target 2025 9. Targets taken from Quy Nhơn Đông's plan are only a suggestion: each ward follows its own plan.
target-line-ward = • { $year }: <b>{ $count }</b> { ward-units } ({ $percent }%) — confirmed by the ward on { $date }
target-line-ward-undated = • { $year }: <b>{ $count }</b> { ward-units } ({ $percent }%) — set by the ward
target-line-plan = • { $year }: <b>{ $count }</b> { ward-units } — from the plan of Quy Nhơn Đông ward's People's Committee: { $planCount } of 19 ({ $planPercent }%), scaled to this ward's { $quarters } { ward-units }; <i>not confirmed</i>
target-line-plan-share = • { $year }: <b>{ $count }</b> { ward-units } — Quy Nhơn Đông's plan says { $planPercent }%, scaled to this ward's { $quarters } { ward-units }; but the plan's own arithmetic (keep 2025's and build at least one more to reach 10 of 19 in 2026) gives { $implied } of 19, that is { $scaledImplied } { ward-units }. <i>Please confirm</i>: /target { $year } N
roadmap-target = target
roadmap-actual = Drug-free { ward-units } (actual)
roadmap-text =
    🗺 <b>Drug-free roadmap — { $ward }</b>
    { $lines }
    { $behind }
roadmap-behind = Behind this year; { ward-units } not yet recognised: { $quarters }
roadmap-unconfirmed = not confirmed
roadmap-unconfirmed-note = <i>Targets “not confirmed” come from Quy Nhơn Đông's plan, scaled to the number of { ward-units }: see where they came from and confirm them with /target.</i>
roadmap-chart-title = Drug-free roadmap — { $ward }

## Agencies, report deadlines, half-year / year report
ag-contacts = { $count } { $count ->
    [one] contact
   *[other] contacts
}
ag-list =
    🏢 <b>Results of the plan: reported to the ward People's Committee through the ward police</b>
    { $collector }

    <b>Agencies that report</b> (before 15 June and before 15 December each year, or when asked):
    { $lines }

    Invite a contact: /inviteagency N. For a { ward-unit }, its { ward-head } and deputies can confirm too.
ag-collector =
    👮 <b>{ $name }</b>: receives the agencies' reports, compiles them with its own results and reports to the ward People's Committee. It owes no report to itself.
    <i>Duties: { $duty }</i>
ag-collector-none = 👮 The ward police receive and compile the reports.
ag-duty-line = <i>   Duties: { $duty }</i>
ag-quarters-duty = 🏘 <i>{ ward-units-cap } — duties: { $duty }</i>
ag-duty-police = Leads the plan and advises the People's Committee; reviews areas, registers the yearly roadmap and applies the criteria of Decision 28/2025/QĐ-TTg; awareness work and at least one lasting model; manages people after rehab against reoffending; guides, urges and checks the agencies; compiles and reports the results.
ag-duty-health = Staff and equipment to determine addiction; helps find people addicted in time and apply rehab measures; trains health workers in assessing and treating addiction.
ag-duty-economy = Advises the People's Committee on the budget for the plan.
ag-duty-culture = With the police, reviews and manages people addicted, using, or after rehab; every school meets the “drug-free school” criteria, with awareness for staff, teachers and pupils; the ward radio's warnings; job and loan support for people after rehab.
ag-duty-front = Rallies residents to find and report drug crime (including through the VNeID app); the “Whole people against drugs” movement; encourages rehab and substitution treatment; helps people after rehab rejoin the community; honours good examples.
ag-duty-quarter = Know the area and tell the ward police at once; keep track of people using, addicted or after rehab; rally residents to report; help identify complex and drug-free { ward-units }.
ag-invite-usage = Usage: /inviteagency N — the agency's number in /agencies.
ag-invite-created =
    Invite link for a contact of { $agency } (single use, expires { $expires }):
    { $link }
ag-invite-confirm = You are invited to report for <b>{ $agency }</b> ({ $ward }). You will get deadline reminders and confirm submissions here.
ag-registered = ✅ You report for <b>{ $agency }</b> ({ $ward }). The bot will remind you before each deadline.
ag-added = Agency <b>{ $agency }</b> added. Invite its contact with /inviteagency.
ag-add-usage = Usage: /addagency AGENCY NAME (2–80 characters).
ag-remove-usage = Usage: /removeagency N — the agency's number in /agencies.
ag-removed = Agency <b>{ $agency }</b> removed: no more deadline reminders.
dl-date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
dl-due = { $rule ->
    [before] before { $date }
   *[on_or_before] on or before { $date }
}
dl-due-note = { $rule ->
    [before] handing in on { $date } is late
   *[on_or_before] handing in on { $date } is still on time
}
dl-new =
    📋 <b>Report requested — { $agency }</b>
    { $title }
    Due: <b>{ $due }</b> ({ $days ->
        [0] today is the last day
        [one] { $days } day left
       *[other] { $days } days left
    }).
    Reports go to the ward People's Committee through the ward police: tap “✅ Submitted” once you have, or send the report file here.
dl-remind-before =
    ⏰ <b>Report deadline reminder — { $agency }</b>
    { $title }
    Due: <b>{ $due }</b> — { $days ->
        [one] { $days } day left after today.
       *[other] { $days } days left after today.
    }
dl-remind-today =
    ⏰ <b>Today is the last day to hand in on time — { $agency }</b>
    { $title }
    Due: <b>{ $due }</b>.
dl-remind-overdue =
    ⚠️ <b>{ $days } days overdue — { $agency }</b>
    { $title }
    It was due { $due }. Please send the report soon.
btn-dl-done = ✅ Submitted
btn-dl-file = 📎 Send the report file
dl-done-toast = Recorded
dl-done = ✅ Recorded: { $agency } submitted “{ $title }” on { $date }. You can attach the report file.
dl-not-contact = You are not a contact of this agency.
dl-not-found = This deadline was not found.
dl-group-submitted = ✅ <b>{ $agency }</b> submitted “{ $title }” on { $date } ({ $by }).
dl-group-submitted-late = ✅ <b>{ $agency }</b> submitted “{ $title }” on { $date } ({ $by }) — { $days } days late.
dl-file-ask = Send <b>{ $agency }</b>'s report file for “{ $title }”: Word, Excel, PDF or a photo.
dl-file-hint = Please send the report as a file or a photo, or { word-tap } “{ $cancel }”.
dl-file-received = 📎 Received “{ $name }” from <b>{ $agency }</b> for “{ $title }” and passed it to the ward police.
dl-file-cancelled = File sending cancelled. Press “📎 Send the report file” again when ready.
dl-private-only = Please use /deadline in a private chat with the bot.
dl-ask-title = Step 1/3: Which report is due? (e.g. <i>Ad-hoc report on drugs over Tết</i>, at most { $max } characters)
dl-ask-date = Step 2/3: Due date? Type e.g. <b>before { $example }</b> (like the plan's “before 15 June”: handing in on { $example } is late) or <b>by { $example }</b> (handing in on { $example } is still on time). A date alone means “before”.
dl-date-invalid = That date does not work. Type a date within the next year, e.g. “before 15/6/2027” or “by 15/6/2027”; a “before” date must be after today.
dl-ask-agencies = Step 3/3: Which agencies must submit?
btn-dl-all = All ({ $count })
btn-dl-offices = Offices ({ $count })
btn-dl-quarters = { ward-units-cap } ({ $count })
btn-dl-pick = Choose by number
dl-ask-numbers =
    Type the agencies' numbers, e.g. <b>1,3,5-7</b>:
    { $list }
dl-numbers-invalid = Not quite. Type numbers from 1 to { $max }, separated by commas, e.g. 1,3,5-7.
dl-review =
    <b>Review</b>
    Report: { $title }
    Due: { $due } ({ dl-due-note })
    { $count } agencies: { $agencies }
btn-dl-create = ✅ Create and send the request
dl-created = Deadline “{ $title }” ({ $due }) created and sent to { $count } agencies. Track it with /deadlines
dl-cancelled = Cancelled; no deadline was created.
dl-board =
    📊 <b>{ $title }</b> — due { $due }
    { $ward }: submitted { $submitted }/{ $total }, overdue { $overdue }
    { $lines }
dl-board-on-time = ✅ { $agency } — submitted { $date }{ $file }
dl-board-late = 🟡 { $agency } — submitted { $date }, { $days } days late{ $file }
dl-board-overdue = ❌ { $agency } — not submitted, { $days } days overdue
dl-board-pending = ⏳ { $agency } — not submitted, { $days ->
    [0] today is the last day
    [one] { $days } day left after today
   *[other] { $days } days left after today
}
dl-board-none = No report deadlines around this time.
rp-usage = Usage: /report then pick a period, or name it: /report 2026-03 (March 2026), /report 2026-Q1 (Q1 2026), /report 2026-H1 (first half of 2026), /report 2026 (the year 2026). Each period's figures run from the 15th of the month before to the 14th (Decree 09/2019/NĐ-CP).
rp-working = ⏳ Building the report…
rp-auto = 📅 The { $period } report is due { $due }: here are the figures so far.
rp-period-half = the first half of { $year }
rp-period-year = the year { $year }
rp-caption = Report for { $period } — figures to { $asOf }
rp-caption-docx = 📝 Draft report for { $period } (Word): fill in the number, the date and the assessment, then have it signed.
rp-choose = 📑 Pick the report period (each period's figures run from the 15th of the month before to the 14th):
btn-rp-month = { $month }/{ $year }
btn-rp-quarter = Q{ $quarter } { $year }
btn-rp-half = First half of { $year }
btn-rp-year = Year { $year }
rollup-usage = Usage: /rollup then pick a period, or name it: /rollup 2026-03, /rollup 2026-Q1, /rollup 2026-H1, /rollup 2026.
rollup-caption = Roll-up for { $period } across { $wards } wards — counts only, no tip and no person.
rollup-none = No ward yet.
rp-summary =
    📑 <b>Report for { $period } — { $ward }</b>
    Period: { $from } – { $to } (figures to { $asOf })
    • Tips received: <b>{ $tips }</b> ({ $urgent } urgent); confirmed { $confirmed }, unfounded { $unfounded }, spam { $spam }; being verified { $open }, handed over { $acted }
    • From confirmed tips: { $cases } cases opened ({ $people } people), { $administrative } people handled administratively, { $points } points dismantled
    • Weekly check-ins: { $answered }/{ $expected } ({ $rate }%), { $signs } with signs; newly suspected users in the period: { $newUsers }
    • Under management at the period's end: addicted { $addicts }, using { $users }, after rehab { $postRehab }
    • Report deadlines: on time { $onTime }, late { $late }, overdue { $overdue }, not yet due { $pending }
    • Drug-free { $units }: { $drugFree }/{ $quarters } (target for { $year }: { $target })
rp-sheet-summary = Summary
rp-sheet-tips = Tips
rp-sheet-checkins = Weekly check-ins
rp-sheet-deadlines = Deadlines
rp-sheet-roadmap = Roadmap
rp-title = DRUG-FREE WARD PROGRAMME REPORT — { $period }
rp-range = Period: { $from } – { $to }; figures to { $asOf }
rp-col-item = Item
rp-col-value = Figure
rp-col-category = Tip category
rp-col-total = Total
rp-col-weeks = Weeks
rp-col-answered = Answered
rp-col-rate = Rate (%)
rp-col-signs = With signs
rp-col-urgent = Urgent
rp-col-deadline = Deadline
rp-col-due = Due
rp-col-agency = Agency
rp-col-state = State
rp-col-submitted = Submitted
rp-col-days = Days
rp-col-file = File
rp-state-on_time = On time
rp-state-late = Late
rp-state-overdue = Overdue
rp-state-pending = Not yet due
rp-roadmap-line = { $year }: { $actual }/{ $total } { $units } drug-free (target { $target })
rp-col-status = Status
rp-col-note = Decision (number, issuing body), note
rp-col-decided = Decided on
rp-qs-drug_free = Drug-free
rp-qs-building = Building towards it
rp-qs-at_risk = At risk of becoming complex
rp-qs-hotspot = Complex hotspot
rp-qs-unassessed = Not assessed
rp-period-month = { $month }/{ $year }
rp-period-quarter = Q{ $quarter } { $year }
rp-unit = { ward-unit }
rp-units = { ward-units }
rp-and = and
rp-sheet-sentences = Sentences
rp-sheet-outcomes = Outcomes
rp-col-number = No.
rp-col-sentences = Ready-made sentences (copy into the report)
rp-col-ward = Ward
rp-not-collected = “—”: no { $unit } has given this figure yet (period-end figures add only the { $units } that gave one).
rp-sec-tips = I. DRUG TIPS (THROUGH THE ANONYMOUS TIP CHANNEL)
rp-fig-tips-total = Tips received
rp-fig-result-open = Being verified
rp-fig-result-acted = Handed over
rp-fig-result-confirmed = Confirmed
rp-fig-result-unfounded = Unfounded
rp-fig-result-spam = Spam
rp-fig-result-duplicate = Duplicate
rp-fig-priority = Priority: { $label }
rp-fig-category = Category: { $label }
rp-sec-outcomes = II. OUTCOMES OF CONFIRMED TIPS
rp-fig-out-tips = Tips with an outcome
rp-fig-out-cases = Cases opened
rp-fig-out-case-people = People arrested or prosecuted
rp-fig-out-case-unknown = Cases without a count of people
rp-fig-out-administrative = People handled administratively
rp-fig-out-dealing-points = Dealing points dismantled
rp-fig-out-venues = Drug-use venues dismantled
rp-fig-out-plant-sites = Sites where drug plants were destroyed
rp-fig-out-plants = Drug plants destroyed
rp-fig-out-premises = Premises inspected
rp-fig-out-handed-over = Tips handed to another unit
rp-sec-checkins = III. WEEKLY CHECK-INS OF THE { $UNITS }
rp-fig-ci-expected = Weekly check-ins due
rp-fig-ci-answered = Weekly check-ins answered
rp-fig-ci-rate = Check-in response rate (%)
rp-fig-ci-signs = Check-ins reporting drug-related signs
rp-fig-ci-urgent = Check-ins reporting something urgent
rp-fig-stock = { $label } (at { $asOf }; { $known }/{ $quarters } { $units } reported)
rp-col-stock = { $label } (at { $asOf })
rp-sheet-flows = Changes in the period
rp-sec-roadmap = IV. DRUG-FREE { $UNITS }
rp-fig-roadmap-actual = { $Units } recorded as drug-free (at { $asOf })
rp-fig-roadmap-target = Target for { $year }
rp-fig-roadmap-total = { $Units } in the ward
rp-sec-deadlines = V. AGENCIES' REPORTS
rp-fig-dl-on_time = Reports on time
rp-fig-dl-late = Reports late
rp-fig-dl-overdue = Reports overdue
rp-fig-dl-pending = Reports not yet due
rp-say-sec-tips = Tips received and verified
rp-say-sec-outcomes = Outcomes of tips
rp-say-sec-checkins = In the { $units }
rp-say-sec-awareness = Awareness
rp-say-sec-roadmap = Drug-free { $units }
rp-say-sec-deadlines = Agencies' reports
rp-say-tips =
    { $total ->
        [0] In the period, the ward received no drug tips through the anonymous tip channel.
       *[other] In the period, the ward received { $total } drug tips through the anonymous tip channel ({ $urgent } urgent); { $confirmed } were confirmed and { $unfounded } unfounded; { $spam } were spam and { $duplicate } duplicates; { $acted } were handed over and { $open } are being verified.
    }
rp-say-categories = By content: { $list }.
rp-say-cat-dealing = { $count } about dealing
rp-say-cat-use_venue = { $count } about drug-use venues
rp-say-cat-plant_growing = { $count } about drug plants
rp-say-cat-school = { $count } about schools and pupils
rp-say-cat-person_using = { $count } about people using drugs
rp-say-cat-other = { $count } about other signs
rp-say-outcomes = In the period, confirmed tips led to: { $list }.
rp-say-outcomes-none = In the period, no outcome of a confirmed tip was recorded.
rp-say-out-case_opened =
    { $shape ->
        [unknown] { $times } cases opened (people not counted)
        [some] { $times } cases opened with { $count } people ({ $unknown } cases without a count)
       *[known] { $times } cases opened with { $count } people
    }
rp-say-out-administrative = { $count } people handled administratively
rp-say-out-dealing_point_dismantled = { $count } dealing points dismantled
rp-say-out-venue_dismantled = { $count } drug-use venues dismantled
rp-say-out-plants_destroyed =
    { $shape ->
        [unknown] drug plants destroyed at { $times } sites
        [some] drug plants destroyed at { $times } sites (at least { $count } plants)
       *[known] { $count } drug plants destroyed at { $times } sites
    }
rp-say-out-premises_inspected = { $count } premises inspected
rp-say-out-handed_over = { $times } tips handed to another unit
rp-say-checkins-none = No weekly check-in of the { $units } in the period.
rp-say-checkins = The { $units } answered { $answered }/{ $expected } weekly check-ins ({ $rate }%); { $signs } reported drug-related signs and { $urgent } something urgent.
rp-say-stocks = At { $asOf }, according to the { $units }, { $addicts } addicts, { $users } other drug users and { $postRehab } people after rehab are under the ward's management.
rp-say-flows = In the period, the { $units } reported { $newSuspectedUsers } newly suspected users; { $backFromRehab } back from rehab and { $backFromPrison } back from prison; { $relapsed } relapsed; { $movedAway } under management moved away; { $incidents } incidents caused by drug users.
rp-say-found = Through the { $units }' reports, { $dealingPoints } suspected dealing points, { $venues } suspected drug-use venues and { $plantSites } drug plant sites were found.
rp-say-awareness =
    { $sessions ->
        [0] In the period, the { $units } reported no awareness session.
       *[other] The { $units } held { $sessions } awareness sessions with { $participants } participants.
    }
rp-say-roadmap =
    { $short ->
        [0] At { $asOf }, { $actual }/{ $total } { $units } are recorded as drug-free, meeting the { $year } target ({ $target }).
       *[other] At { $asOf }, { $actual }/{ $total } { $units } are recorded as drug-free; the { $year } target is { $target }, { $short } short.
    }
rp-say-deadlines-none = No agency report was due in the period.
rp-say-deadlines =
    { $pending ->
        [0] { $total } agency reports were due in the period: { $onTime } on time, { $late } late, { $overdue } overdue.
       *[other] { $total } agency reports were due in the period: { $onTime } on time, { $late } late, { $overdue } overdue, { $pending } not yet due.
    }
rp-doc-parent = PROVINCIAL POLICE …………
rp-doc-issuer = POLICE OF { $WARD }
rp-doc-number = No.: …/BC-…
rp-doc-nation = SOCIALIST REPUBLIC OF VIETNAM
rp-doc-motto = Independence - Freedom - Happiness
rp-doc-place-date = { $place }, …… …… { $year }
rp-doc-kind = REPORT
rp-doc-title = Results of the drug-free ward plan, { $period }
rp-doc-range = (Figures from { $from } to { $to }; compiled on { $asOf })
rp-doc-sec-results = I. RESULTS
rp-doc-figures = The period's figures
rp-doc-sec-assessment = II. ASSESSMENT
rp-doc-strengths = 1. Strengths: ……………………………………………
rp-doc-weaknesses = 2. Weaknesses and causes: ……………………………………
rp-doc-sec-next = III. NEXT STEPS
rp-doc-sec-proposals = IV. PROPOSALS
rp-doc-fill = ……………………………………………………………
rp-doc-closing = This is the report of the police of { $ward } on the drug-free ward plan, { $period }./.
rp-doc-recipients-title = To:
rp-doc-recipients =
    - Ward People's Committee (to report);
    - Ward Party Committee (to report);
    - Archive.
rp-doc-signer = HEAD OF THE WARD POLICE
rp-doc-sign-hint = (Signature, full name, seal)
rp-doc-signer-name = ……………………
rp-rollup-title = DRUG-FREE WARDS, ROLL-UP — { $period }
rp-rollup-range = Period: { $from } – { $to }; { $wards } wards (counts only)

## Zalo (no buttons: choices are listed, people reply with a number or the words)
zalo-choose-number = 👉 Reply with a number (1–{ $max }) to choose.
zalo-choose-word = 👉 Reply { $words } to choose.
staff-telegram-only = Ward police officers use the bot on Telegram (the ward police group). On Zalo the bot takes residents' tips and { ward-heads }' check-ins.
invite-zalo-line = On Zalo: send “{ $code }” to the ward's Zalo bot.

## Wording by channel: Telegram has buttons to tap, on Zalo choices are typed.
word-tap = { $channel ->
    [zalo] reply
   *[other] tap
}
word-Tap = { $channel ->
    [zalo] Reply
   *[other] Tap
}
word-tap-below = { $channel ->
    [zalo] Reply with the number of a choice below
   *[other] Tap the button below
}
word-choices-above = { $channel ->
    [zalo] by replying with the number of a choice above
   *[other] with the buttons above
}

## Leaving a flow midway (ask.ts): /start, /help, /lang, /status, /tip, a receipt code
flow-left-tip = ↩️ You left the tip you were writing: it was not sent, and nothing was kept.
flow-left-follow = ↩️ You left following your tip. Anything added but not sent was not passed on.
flow-left-checkin = ↩️ You left the weekly check-in: it was not sent. You can start again from the check-in message.
flow-left-deadline = ↩️ You left: the report deadline was not created.
flow-left-file = ↩️ You left: no report file was sent.
flow-doing-tip = writing a tip
flow-doing-follow = following a tip
flow-doing-checkin = answering the weekly check-in
flow-doing-deadline = setting a report deadline
flow-doing-file = sending a report file
flow-command-refused = The command { $command } does not work while { $doing }. Answer the question above, or type /cancel to leave. /start, /help, /lang, /status and /tip work at any time.
button-quoted = “{ $label }”
button-list-separator = {" "}/{" "}
follow-photo-received = Photo { $count }/{ $max } received. Send more or { word-tap } “{ $send }”.
follow-photo-limit = That's { $max } photos already. { word-Tap } “{ $send }” to send what you added.
hint-follow-info = Please type the information or send photos, then { word-tap } “{ $send }”. Videos, voice notes and stickers are not taken.

## /tukhoa: the ward's own words for triage
lex-kind-drug = Drug
lex-kind-now = Happening now
lex-kind-child = Children, pupils
lex-kind-danger = Danger
lex-list-header = 📖 <b>The ward's own words</b> (added to the bot's when it ranks new tips):
lex-list-empty = No words yet.
lex-default-note = The bot's built-in word list stays the default; the ward's words are added to it, regardless of accents and capitals.
lex-usage =
    Add: <code>/tukhoa them KIND phrase</code> — KIND is <code>matuy</code> (drug), <code>dangdienra</code> (now), <code>treem</code> (child) or <code>nguyhiem</code> (danger); the English names work too. Example: <code>/tukhoa them drug kẹo bay</code>
    Remove: <code>/tukhoa xoa phrase</code> (the admin, or the officer who added it)
lex-added = ✅ Added “{ $phrase }” ({ $kind }). New tips with this word are ranked with it.
lex-changed = ✅ “{ $phrase }” was there already; its kind is now: { $kind }.
lex-already = “{ $phrase }” is already on the list ({ $kind }).
lex-removed = 🗑 Removed “{ $phrase }” ({ $kind }).
lex-not-found = The ward has no such word. Send /tukhoa to see the list.
lex-not-owner = ⛔ Only the admin or the officer who added this word can remove it.
lex-invalid = A phrase needs letters, at most 5 words and 60 characters. Send /tukhoa to see how.

## Feedback from officers' priority changes (/triage, the card's "why")
card-done-priority-why = Priority changed: { $priority }. Why not the bot's? Pick a reason below if you like.
card-reason-recorded = Reason noted: { $reason }.
card-reason-not-changed = This tip still has the bot's priority: no reason needed.
override-reason-happening_now = Happening now
override-reason-children = Children involved
override-reason-danger = Someone in danger
override-reason-stale_or_unclear = Old or unclear
override-reason-duplicate = Duplicate
override-reason-other = Other
tr-header = 📊 <b>The bot's priorities, kept or changed by officers — { $period }</b> ({ $from } – { $to })
tr-no-tips = No tips in this period yet.
tr-tips = Tips in the period: { $tips }
tr-kept = Officers kept the bot's priority: { $kept }/{ $tips } tips ({ $rate } %)
tr-changed = Officers changed the priority: { $changed } tips ({ $raised } raised, { $lowered } lowered)
tr-none-changed = Officers changed no tip's priority in the period.
tr-line = • { $label }: { $count }
tr-note = Every priority change on a tip card is counted here. Teach the bot words it does not know with /tukhoa.
tr-usage = Usage: /triage (this year), or a period as /report takes it: /triage 2026-03 (March 2026), /triage 2026-Q1 (Q1 2026), /triage 2026-H1, /triage 2026. /phanloai works too.
tr-sec-agreement = The bot's priority and officers' changes
tr-sec-corrections = Most common changes (bot → officer)
tr-sec-reasons = Reasons officers gave
tr-sec-signals = Signals the bot saw in the changed tips
tr-fig-tips = Tips in the period
tr-fig-kept = Officers kept the bot's priority
tr-fig-rate = Agreement (%)
tr-fig-changed = Officers changed the priority
tr-fig-raised = Raised
tr-fig-lowered = Lowered
tr-without-reason = No reason given
rp-sheet-triage = Triage

## The ward police's own lines (set by the admin with /lienhephuong), other official channels
line-call-113 = 🚨 If anyone is in danger, <b>call 113 now</b>.
contacts-ward-title = <b>Police of { $ward }</b>
contacts-hotline = 📞 Hotline: { $hotline }
contacts-address = 📍 Office: { $address }
contacts-channels = 📮 You can also report through the <b>VNeID</b> app (“Tố giác tội phạm”) or the ward's <b>tip mailbox</b> (hòm thư tố giác).
wardcontact-usage =
    <b>The ward police's contacts for residents</b> (shown in the welcome, /help and tip receipts)
    /lienhephuong sdt NUMBER — the hotline, e.g. /lienhephuong sdt 0256 3822 113
    /lienhephuong diachi ADDRESS — the office, e.g. /lienhephuong diachi 12 Trần Phú
    /lienhephuong xoa [sdt|diachi] — clear (nothing after it: both)
wardcontact-current =
    <b>Residents now see:</b>
    { $lines }
wardcontact-none = No hotline or address set: residents see only 113 and the national channels.
wardcontact-saved = ✅ Saved. Residents will see:
wardcontact-cleared = ✅ Cleared.
wardcontact-invalid-hotline = ⚠️ “{ $value }” is not a Vietnamese phone number. For example: 0256 3822 113, 0912 345 678, 069 234 5678.
wardcontact-invalid-address = ⚠️ The address needs 5 to 200 characters, on one line.

## Help for a family member (/giupnguoithan): information only, nothing kept about who reads it
btn-family = 👪 Help a family member
family-btn-rehab = 🏠 Rehab at home, in the community
family-btn-assess = 🩺 Addiction assessment
family-btn-methadone = 💊 Methadone treatment
family-btn-legal = ⚖️ Free legal aid
family-btn-talk = 💬 Talking with your child
family-btn-contacts = 📞 Ward police contacts
family-btn-back = ↩️ Other topics
family-intro =
    <b>👪 Help a family member</b>
    Someone in your family uses drugs? You are not alone.
    Rehab is treatment. The State offers several kinds of help.
    { $channel ->
        [zalo] Here is what families need to know.
       *[other] Tap a topic below.
    }
    🔒 The bot keeps nothing about who reads this.
family-rehab =
    <b>🏠 Voluntary rehab at home or in the community</b>
    • A person with an addiction can choose to go through rehab at home or in the community.
    • The family registers with the ward People's Committee (ask your { ward-head } or the ward police).
    • Health and ward staff follow and support them during rehab.
    • Voluntary rehab in a rehab centre is possible too.
family-assess =
    <b>🩺 Addiction assessment</b>
    • Take your family member to the <b>ward health station</b> (trạm y tế phường).
    • A doctor examines them and determines whether they are addicted.
    • The result helps choose the right kind of rehab.
    • Bring an identity document.
family-methadone =
    <b>💊 Methadone treatment</b>
    • For people addicted to heroin and other opioids.
    • A daily dose at a treatment clinic, with a doctor following them.
    • Patients keep working and living with their family.
    • Methadone does not treat methamphetamine (“đá”) addiction.
    • Ask the ward health station where the nearest clinic is.
family-legal =
    <b>⚖️ Free legal aid</b>
    • Your family member was arrested or is being dealt with? The family can ask for legal aid.
    • Free for those the law covers: poor households, children, people with merit to the nation…
    • Contact the provincial State Legal Aid Centre, or ask the ward People's Committee.
family-talk =
    <b>💬 Talking with your child</b>
    • Pick a calm moment and talk in private.
    • Do not scold. Ask and listen first.
    • Say it plainly: you worry about them and want to help.
    • Do not carry it alone: ask the health station or ward staff for advice.
family-contacts-title = <b>📞 Contacts</b>

## /trangnguoithan: the ward's own "Help a family member" pages (admins only)
familypage-usage =
    <b>The ward's own "Help a family member" pages</b> (instead of the national text, for the ward's residents)
    /trangnguoithan TOPIC TEXT — the text may go on over several lines, e.g.:
    <code>/trangnguoithan methadone
    • Methadone clinic: 15 Lê Lợi, Monday–Saturday mornings.</code>
    /trangnguoithan TOPIC xoa — back to the national text
    TOPIC: <code>cainghien</code> (rehab), <code>xacdinh</code> (assessment), <code>methadone</code>, <code>phaply</code> (legal aid), <code>noichuyen</code> (talking with a child). The contacts page comes from /lienhephuong.
familypage-list =
    <b>The ward's "Help a family member" pages</b>
    { $lines }
familypage-own = the ward's own
familypage-default = national text
familypage-saved = ✅ Saved. The ward's residents will see:
familypage-reset = ✅ “{ $topic }” is back to the national text.
familypage-reset-none = “{ $topic }” already shows the national text.
familypage-invalid = ⚠️ The text needs 10 to 1,200 characters.
