# The join form, its confirmation page and e-mail, the needs of the survey, the privacy notice.

join-nav = Join the Forum
join-title = Join the Forum
join-intro = The Metropolitan Forum of Innovation Spaces (Forum metropolitano degli spazi per l'innovazione) brings together the coworking spaces, fab labs and makerspaces, incubators and accelerators of the 55 municipalities of the Città metropolitana di Bologna. If you run a space that is not on the map yet, present it here: the Progetti d'impresa staff will check the details before publishing it.
join-time-needed = It takes about 10 minutes.
join-required-note = Fields marked * are required.
join-section-space = The space
join-section-position = Where it is
join-position-hint = Tap the map or drag the pin to the exact spot. Without a position, the space is placed at the centre of its municipality until staff correct it.
join-section-contacts = Public contacts
join-section-contacts-hint = Shown on the space's page.
join-section-organisation = The organisation that runs it
join-section-person = The contact person
join-section-person-hint = For staff only: these details are not published.
join-section-survey = The Forum survey
join-section-survey-hint = The answers help the Città metropolitana build the Forum together with the spaces.
join-section-privacy = Privacy
join-consent-privacy = I have read the privacy notice
join-privacy-link = Read the privacy notice
join-consent-contact = I agree to be contacted about Forum activities (optional)
join-submit = Send the request
join-choose = Choose…
join-honeypot = Do not fill in this field
join-sent-title = Request sent
join-sent-reference = Reference code
join-sent-body = Thank you! The request for “{ $space }” ({ $municipality }) to join has arrived. We have sent you a confirmation e-mail with a summary.
join-sent-next = The Progetti d'impresa staff will check the details and write to you: the space appears on the map once approved. For any question write to progimpresa@cittametropolitana.bo.it quoting the reference code.
join-sent-back = Back to the map
join-summary-space = Space
join-summary-address = Address
join-summary-organisation = Organisation
join-summary-contact = Contact person
join-summary-website = Web
join-mail-subject = Request to join the Forum received ({ $r })
join-mail-body =
    we have received the request for “{ $space }” to join the Metropolitan Forum of Innovation Spaces. The reference code is { $r }. The Progetti d'impresa staff will check the details and write to you; the space appears on the map once approved.

    Here is the summary:
join-privacy-title = Privacy notice
join-privacy-controller-heading = Data controller
join-privacy-controller = Città metropolitana di Bologna, via Zamboni 13, 40126 Bologna. The Progetti d'impresa service runs this site with the Fondazione per l'Innovazione Urbana. Contact: progimpresa@cittametropolitana.bo.it.
join-privacy-data-heading = Which data
join-privacy-data = The details of the space and of the organisation that runs it (published on the map after review, except the VAT number or tax code); the contact person's details (name, role, e-mail, phone: not published); the survey answers; for events, the registration details; for whoever manages a space, the e-mail address they sign in to "My space" with (not published).
join-privacy-why-heading = Why
join-privacy-why = To build and run the network of innovation spaces and the Forum, publish the map of the spaces, organise events and, only with the optional consent, contact you about Forum activities. Legal basis: tasks carried out in the public interest (art. 6.1.e GDPR) and, for the optional contacts, consent (art. 6.1.a).
join-privacy-retention-heading = For how long
join-privacy-retention = Published data, and the address of whoever manages the space, stays while the space is part of the network (or until its manager asks for it to be removed). Event registrations are anonymised { $days ->
    [one] one day
   *[other] { $days } days
} after the event ends (only the counts remain); requests to join that were not approved and the e-mails sent are erased { $days ->
    [one] one day
   *[other] { $days } days
} later.
join-privacy-rights-heading = Your rights
join-privacy-rights = You can ask to access, correct, erase or restrict your data, object to its processing and withdraw your consent at any time by writing to progimpresa@cittametropolitana.bo.it. You can also lodge a complaint with the Garante per la protezione dei dati personali.
join-privacy-dpo-heading = Data protection officer
join-privacy-dpo = The data protection officer (DPO) of the Città metropolitana di Bologna: { $contact }.
join-privacy-dpo-unset = The data protection officer (DPO) of the Città metropolitana di Bologna can be reached through the controller, at the address above.
join-privacy-cookies-heading = Cookies
join-privacy-cookies = The site only uses technical cookies: the chosen language and the sign-in session (of staff and of space managers). No profiling or third-party cookies.
join-need-visibility = Visibility and communication
join-need-networking = Networking and collaboration with other spaces
join-need-funding = Information on calls and funding
join-need-training = Training and skills
join-need-premises = Premises and equipment
join-need-bureaucracy = Simpler administrative procedures
join-need-events = Joint events and initiatives
join-need-businesses = Contacts with businesses, startups and universities
