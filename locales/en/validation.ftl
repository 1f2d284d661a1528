# What is wrong with a field, shown beside it: by the server, and in the browser as people
# leave a field (the join and RSVP forms). { $max } and the like are numbers the code fills in.

validation-required = This field is required.
validation-too-long = The text is too long: at most { $max } characters.
validation-control-characters = The text contains characters that are not allowed.
validation-choose-at-least-one = Choose at least one option.
validation-unknown-choice = Choose one of the options in the list.
validation-not-a-number = Write a number, with a point or a comma for decimals (for example 44.4949 or 11.3426).
validation-outside-area = The position is outside the Città metropolitana di Bologna.
validation-outside-municipality = The position is outside the chosen municipality: move the pin inside its boundary, or check the municipality.
validation-invalid-url = Write a valid web address, for example https://www.example.org.
validation-invalid-email = Write a valid email address, for example name@example.org.
validation-invalid-phone = Write a valid phone number, for example +39 051 123 4567.
validation-too-short = Too short: at least { $min } characters. A phrase is easier to remember.
validation-guessable = This password is among the most used or is easy to guess: choose a phrase of your own, of words that do not belong together.
validation-ambiguous-match = The name fits { $count } spaces of this municipality (listed beside it): add a slug column to the file with the identifier of the one to update, which is the end of its page's address (for example dumbo in /spazi/dumbo).
validation-under-review = The space has a join request under review: the import does not change it. Decide on the request first.
validation-not-updatable = The space is archived or rejected: the import does not change it (for archived ones, choose to include them when uploading).
validation-mismatch = The two passwords do not match.
validation-duplicate-row = The same space is already on line { $line } of the file.
validation-invalid-tax-code = This is not a valid Italian VAT number (11 digits) or tax code (16 characters): check the digits.
validation-must-accept = To send the request you need to confirm you have read the privacy notice.
validation-too-fast = The form was sent too quickly. Check the details, wait a few seconds and send it again.
validation-too-many = Too many requests sent from this connection. Try again in an hour, or write to progimpresa@cittametropolitana.bo.it.
validation-invalid-date = Write a date and time, for example 2022-06-06 17:00.
validation-end-before-start = Check the dates: the end must come after the start.
validation-after-the-end = Registration must close before the event ends.
validation-invalid-slug = Use only lower-case letters, digits and hyphens (3 to 80 characters).
validation-out-of-range = Write a whole number between { $min } and { $max }.
validation-below-taken = { $taken ->
    [one] { $taken } registration is already confirmed: the seats cannot be fewer.
   *[other] { $taken } registrations are already confirmed: the seats cannot be fewer.
}
validation-registration-closed = Registration for this event is not open at the moment.
validation-refused = The form could not be sent. Try again, or write to progimpresa@cittametropolitana.bo.it.
validation-taken = An account with this address already exists.
validation-already-registered = This address is already registered for the event: look it up in the list of registrations.
validation-event-full = { $capacity ->
    [one] The event is full ({ $capacity } seat). To add this person anyway, tick the box.
   *[other] The event is full ({ $capacity } seats). To add this person anyway, tick the box.
}
validation-wrong-password = That is not your current password.
validation-unknown-municipality = Not one of the 55 municipalities of the Città metropolitana di Bologna: check the name or the ISTAT code.
validation-unknown-kind = Kind not recognised: write coworking, fablab or incubator (several kinds separated by commas or semicolons; the help above lists every spelling accepted).
validation-same-as-current = That is the password you have: choose a new one.
validation-same-name = Someone of this name is registered already: look them up in the list. If it is another person, tick the box.
validation-question-needed = Many registrations came from this network in the last hour: to go on, answer the question below. It stops automated sending.
validation-wrong-answer = That answer is not right, or the e-mail address changed after the question: answer the new question.
validation-not-a-photo = The file is not a JPEG, PNG or WebP photo, or it is damaged: choose another one.
validation-photo-too-large = The file is too large: at most { $max } MB. Make the photo smaller and choose the file again.
validation-photo-dimensions = The photo must be at least 300 × 200 pixels and at most 50 megapixels.
validation-photo-missing = The uploaded photo is no longer available: choose the file again.
