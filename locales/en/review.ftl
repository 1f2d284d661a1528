# The staff review of join requests, and the survey pages.

review-nav = Requests
review-to-review-short = to review
review-title = Requests to join
review-intro = Requests sent with the “Join the Forum” form. The space appears on the map only once approved; you can correct its details before deciding.
review-none = No requests yet.
review-reference = Code
review-space = Space
review-submitted = Sent
review-state = State
review-waiting = to review
review-decision-approved = approved
review-decision-changes = changes requested
review-decision-rejected = rejected
review-request-title = Request { $r }
review-duplicates-title = Possible duplicates
review-duplicates-none = No similar space in the same municipality.
review-duplicate-at = { $m } m away
review-section-space = The space
review-section-organisation = The organisation
review-section-contact = The contact person (not published)
review-section-survey = The survey
review-consent-contact-yes = Agrees to be contacted about Forum activities.
review-consent-contact-no = Did not agree to be contacted about Forum activities.
review-edit-space = Correct the space's details
review-decide-title = Decision
review-decide-hint = The person who sent the request gets an e-mail with the outcome. Asking for changes or rejecting needs a reason, which is included in the e-mail.
review-stale = Someone else changed this request after you opened the page: nothing was done. Check its current outcome above; what you wrote is still in the form.
review-confirm-title = Are you sure? The space is published
review-confirm-effect = The request is already approved and the space is on the map. This decision takes the space off the map and out of the open data, and { $to } will get an e-mail with the reason.
review-confirm-button = Yes, take the space off the map and send the e-mail
review-confirm-back = No, back to the request
review-approve = Approve and publish
review-ask-changes = Ask for changes
review-reject = Reject
review-decided = Outcome: { $what } ({ $when }).
review-saved = Decision recorded; the e-mail is on its way.
review-space-corrected = The space's details are corrected and saved: you can now decide on the request.
review-survey-nav = Survey
review-survey-title = The Forum survey
review-survey-responses = { $n ->
    [one] 1 response (rejected requests are not counted).
   *[other] { $n } responses (rejected requests are not counted).
}
review-survey-needs = What the spaces need
review-survey-count = Responses
review-survey-other = Other needs
review-survey-visions = Visions for the network
review-survey-export = Export the answers (CSV for Excel)
review-survey-empty = No responses yet.
review-not-given = —
