# Events: their pages, the RSVP form and its e-mails, the staff pages, the check-in screen.

events-nav = Events
events-title = Forum events
events-intro = The meetings of the Metropolitan Forum of Innovation Spaces: register from your phone in a minute, get the confirmation by e-mail and cancel whenever you like.
events-upcoming = Upcoming events
events-past = Past events
events-none-upcoming = No events planned for now: come back soon.
events-none-past = No past events.
events-all-events = All events
events-when = When
events-where = Where
events-programme = Programme
events-organiser = Organised by
events-contact = Contact
events-seats = Seats
events-seats-left = { $left } of { $total } seats available
events-full = Fully booked: you can join the waiting list.
events-zone-note = Bologna time, { $abbr }
events-venue-on-map = The space on the map
events-add-to-calendar = Add to calendar
events-calendar-file = .ics file (Apple, Outlook, Thunderbird…)
events-took-place = This event took place on { $date }.
events-cancelled = This event has been cancelled.
events-not-yet-open = Registration opens on { $date }.
events-closed = Registration is closed.
events-closes = Registration open until { $date }.
events-rsvp-title = Register
events-rsvp-intro = All it takes is your name and e-mail. You will get a confirmation with a link to view or cancel your registration.
events-rsvp-waiting-intro = The event is fully booked: by registering you join the waiting list, and we write to you as soon as a seat frees up.
events-submit = Register
events-submit-waiting = Join the waiting list
events-affiliation-hint = Pick one of the spaces on the map or type the name of your organisation (optional).
events-role-hint = For example: coordinator, member, student (optional).
events-accessibility-hint = For example step-free access, sign language interpreting, dietary needs (optional).
events-email-hint = We send the confirmation here.
events-already-registered = This e-mail address is already registered for the event: we have sent the confirmation again, with the link to manage the registration.
events-not-open-error = Registration for this event is not open.
events-read-more = Details and registration
events-your-rsvp = Your registration
events-status-confirmed = Registration confirmed: see you there!
events-status-waiting = You are on the waiting list, number { $n }. We will write to you as soon as a seat frees up.
events-status-cancelled = Registration cancelled.
events-just-registered = Thank you! We have sent you a confirmation e-mail with the link to this page: keep it to view or cancel your registration.
events-just-cancelled = You have cancelled your registration: your seat goes to the first person on the waiting list. Thank you for letting us know.
events-your-details = Your details
events-name = Name
events-cancel-title = Can't come any more?
events-cancel-hint = Cancel your registration: your seat will go to the first person on the waiting list.
events-cancel-hint-waiting = Cancel your registration: you will leave the waiting list.
events-cancel-button = Cancel my registration
events-cannot-cancel = The event has started or no longer takes place: the registration can no longer be changed.
events-register-again = Register again
events-keep-link = This page is personal: anyone with the link can view and cancel the registration.
events-link-not-found = This link does not match any registration. Check that you copied all of it from the e-mail.
events-mail-subject-confirmed = Registration confirmed: { $t }
events-mail-subject-waiting = You are on the waiting list: { $t }
events-mail-subject-promoted = A seat freed up: you are registered for { $t }
events-mail-subject-reminder = See you tomorrow: { $t }
events-mail-subject-cancelled = Event cancelled: { $t }
events-mail-subject-rsvp-cancelled = Registration cancelled: { $t }
events-mail-reminder = a reminder of tomorrow's meeting. If you can no longer come, cancel your registration with the link below: the seat will go to the waiting list.
events-mail-cancelled = we are sorry: the event has been cancelled and your registration is no longer valid. We will write to you about the next Forum meetings.
events-mail-rsvp-cancelled = the Forum's staff have cancelled your registration. If you think this is a mistake, or if you change your mind, you can register again from the event's page while there are seats.
events-mail-greeting = Hello { $name },
events-mail-confirmed = your registration is confirmed. See you there!
events-mail-waiting = the event is fully booked: you are on the waiting list, number { $n }. If a seat frees up we register you and write to you at once.
events-mail-promoted = a seat has freed up and your registration is now confirmed. See you there!
events-mail-resent = you asked to register again with this address: here is your confirmation, with the link to manage it.
events-mail-link = To view or cancel your registration (the link is personal, do not forward it):
events-mail-link-cancelled = To view your registration (the link is personal, do not forward it):
events-mail-calendar = The attached file adds the event to your calendar.
events-mail-door = At the door, show the QR code on your registration page (the link above).
events-door-title = At the door
events-door-hint = Show this QR code to the staff: they scan it with their phone and check you in at once.
events-door-code = Code
events-mail-questions = For any question write to { $email }.
events-mail-footer =
    Metropolitan Forum of Innovation Spaces
    Città metropolitana di Bologna – Progetti d'impresa
events-staff-intro = The Forum's events: create a draft, publish it when ready, follow the registrations and record attendance at the door.
events-new-event = New event
events-create-event = Create the event
events-col-event = Event
events-col-status = Status
events-col-registrations = Registrations
events-event-draft = draft
events-event-published = published
events-event-cancelled = cancelled
events-publish = Publish
events-cancel-event = Cancel the event
events-cancel-event-step = Cancel the event…
events-cancel-event-effect = { $n ->
    [0] The event will stay public as “cancelled” and take no more registrations. Nobody is registered: no e-mail will be sent.
    [1] The event will stay public as “cancelled” and take no more registrations. The person registered will be e-mailed. This cannot be undone.
   *[other] The event will stay public as “cancelled” and take no more registrations. The { $n } people registered (confirmed and on the waiting list) will be e-mailed. This cannot be undone.
}
events-cancel-event-confirm = Yes, cancel the event and tell the people registered
events-cancelled-report = { $n ->
    [0] Event cancelled. There was nobody registered to tell.
    [1] Event cancelled. The person registered was e-mailed.
   *[other] Event cancelled. { $n } people registered were e-mailed.
}
events-discard-draft = Discard the draft…
events-discard-draft-effect = The draft was never published: it will be deleted (the staff history keeps a record). This cannot be undone.
events-discard-draft-confirm = Yes, discard the draft
events-draft-discarded = Draft discarded.
events-conflict-title = Someone else saved this event while you were editing it
events-stale = The event was changed by someone else after you opened this page: nothing changed. Check the current version and try again.
events-cancel-event-hint = Cancelling the event e-mails everyone registered or on the waiting list. It cannot be undone.
events-created = Event created as a draft: publish it when it is ready.
events-saved = Changes saved.
events-promoted = { $n ->
    [one] { $n } person moved from the waiting list to a confirmed seat (they were e-mailed).
   *[other] { $n } people moved from the waiting list to confirmed seats (they were e-mailed).
}
events-section-texts = Texts
events-section-when = Date and time
events-section-venue = Venue
events-section-rsvp = Seats and registration
events-venue-fill-hint = With a space of the map chosen, the venue's name and address can be left empty: its own are used.
events-venue-none = — none (another place) —
events-window-hint = Leave empty to open registration on publication and close it when the event starts.
events-times-hint = Bologna time, for example 2022-06-06 17:00.
events-slug-hint = Leave empty to derive it from the title. Do not change it after publication: links already sent would stop working.
events-rsvps-link = Registrations
events-checkin-link = Door (check-in)
events-public-page = Public page
events-counts = { $confirmed } confirmed of { $capacity ->
        [one] { $capacity } seat
       *[other] { $capacity } seats
    } · { $waiting } waiting · { $cancelled } cancelled · { $present } present
events-rsvps-title = Registrations: { $t }
events-search-label = Search by name, e-mail or organisation
events-search = Search
events-export-csv = Export registrations (CSV)
events-col-name = Name
events-col-affiliation = Organisation or space
events-col-registered = Registered
events-col-present = Attendance
events-rsvp-confirmed = confirmed
events-rsvp-waiting = waiting
events-rsvp-cancelled = cancelled
events-mark-present = Mark present
events-undo-present = Undo
events-present-since = Present since { $t }
events-checkin-title = Door: { $t }
events-cancel-rsvp = Cancel registration
events-cancel-rsvp-title = Cancel { $name }'s registration?
events-cancel-rsvp-mail = { $name } will get an e-mail confirming the cancellation.
events-cancel-rsvp-seat = The freed seat will go to the first on the waiting list, who will get an e-mail.
events-cancel-rsvp-confirm = Yes, cancel the registration
events-back-to-rsvps = Back to the registrations
events-back-to-door = Back to the door
events-already-cancelled = { $name }'s registration is already cancelled
events-rsvp-cancelled-done = { $name }'s registration is cancelled: they will get an e-mail.
events-cancel-rsvp-no-mail = { $name } left no e-mail address: no e-mail is sent.
events-rsvp-cancelled-done-no-mail = { $name }'s registration is cancelled.
events-add-rsvp = Add a registration
events-add-rsvp-title = Add a registration: { $t }
events-add-rsvp-intro = For someone who registers by phone or turns up at the door without registering. The registration is confirmed at once.
events-add-rsvp-email-hint = Optional. With an e-mail address the person gets the confirmation and the link to cancel; without one, no e-mails.
events-add-rsvp-full = The event is full (seats: { $capacity }). Tick the box to add a seat for this person.
events-add-rsvp-submit = Add the registration
events-rsvp-added = { $name }'s registration is added.
events-rsvp-added-mail = { $name }'s registration is added: they will get a confirmation e-mail.
events-edit-rsvp = Correct the details
events-edit-rsvp-title = Correct { $name }'s details
events-edit-rsvp-intro = For a misspelt name, a wrong e-mail address, accessibility needs told later. The registration stays as it is: seat, waiting list and personal link do not change.
events-edit-rsvp-email-hint = Optional. A new address gets the confirmation and the personal link; without an address, no e-mails.
events-edit-rsvp-submit = Save the details
events-rsvp-edited = { $name }'s details are saved.
events-rsvp-edited-mail = { $name }'s details are saved: the new address gets the confirmation with the personal link.
events-rsvp-unchanged = Nothing changed in { $name }'s details.
events-edit-rsvp-clash = A colleague corrected this registration while you were editing it. The fields hold what you typed; below, the values they saved. Check and save again.
events-no-email = no e-mail
events-follow = Follow the event
events-unfollow = Stop following
events-follow-note = Whoever follows the event gets an e-mail each morning with the new registrations and cancellations.
events-following-note = You follow this event: each morning you get an e-mail with the new registrations and cancellations.
events-followed = You now follow this event: tomorrow morning you will get the digest, if there is news.
events-unfollowed = You no longer follow this event.
events-checkin-hint = Search for the person by name or e-mail and tap “Mark present”.
events-door-list = Door list, to print
events-door-list-title = Door list: { $t }
events-waiting-position = Waiting list, number { $n }
events-no-rsvps = No registrations found.
events-no-events = No events yet.
