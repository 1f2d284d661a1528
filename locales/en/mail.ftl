# The e-mails about join requests and staff accounts. Each e-mail is: the greeting, the
# message, the signature. Variables: $r is a request's reference code, $space a space's name.

mail-greeting = Hello,
mail-greeting-to = Hello { $name },
mail-signature =
    Progetti d'impresa – Città metropolitana di Bologna
    progimpresa@cittametropolitana.bo.it
mail-new-request-subject = New request to join the Forum ({ $r })
mail-new-request-intro = a new request to join is waiting for review.
mail-new-request-space = Space
mail-new-request-organisation = Organisation
mail-new-request-contact = Contact
mail-new-request-reference = Reference
mail-new-request-review = Review
mail-new-request-duplicates = Note: it may repeat { $names }. Check before deciding: from the request you can merge it into the existing listing.
mail-approved-subject = Joining the Forum: the space is now on the map ({ $r })
mail-approved =
    the request for “{ $space }” to join has been approved: the space is now on the map of innovation spaces.

    { $link }

    Thank you for being part of the Forum!
mail-changes-subject = Joining the Forum: a few changes needed ({ $r })
mail-changes =
    thank you for the request for “{ $space }” to join. Before publishing it we need a few changes:

    { $reason }

    Reply to this e-mail (or write to progimpresa@cittametropolitana.bo.it) quoting the code { $r }.
mail-rejected-subject = Joining the Forum: the outcome of your request ({ $r })
mail-rejected =
    we have examined the request for “{ $space }” to join and cannot accept it, for this reason:

    { $reason }

    For any question write to progimpresa@cittametropolitana.bo.it quoting the code { $r }.
mail-invitation-subject = Access to the staff area of Spazi per l'innovazione
mail-invitation =
    { $admin } gave you access to the staff area of Spazi per l'innovazione (Metropolitan Forum of Innovation Spaces, Città metropolitana di Bologna).

    To choose your password, open this link within 7 days (it works once):
    { $link }

    If you did not expect this message, you can ignore it.
mail-reset-subject = New password for the staff area of Spazi per l'innovazione
mail-reset =
    Someone (we hope you) asked to choose a new password for your account in the staff area of Spazi per l'innovazione.

    To choose it, open this link within 2 hours (it works once):
    { $link }

    If you did not ask for it, ignore this message: your password stays as it was.
mail-digest-subject = { $n ->
    [one] Spazi: news about an event you follow
   *[other] Spazi: news about { $n } events you follow
}
mail-digest-intro = here are the registrations and cancellations since the last digest for the events you follow.
mail-digest-event = { $title } ({ $date })
mail-digest-new = { $n ->
    [one] 1 new registration: { $names }
   *[other] { $n } new registrations: { $names }
}
mail-digest-cancelled = { $n ->
    [one] 1 cancelled: { $names }
   *[other] { $n } cancelled: { $names }
}
mail-digest-more = { $n ->
    [one] {" "}and one more person
   *[other] {" "}and { $n } more people
}
mail-digest-footer = You get this digest because you follow these events. To stop, open the event's page in the staff area and choose “Stop following”.
mail-merged-subject = Join request { $r }: the space was already on the map
mail-merged =
    your join request was about a space that is already on the map of innovation spaces: “{ $space }”. We have updated its listing with the information you sent us:
    { $link }

    If anything is wrong, reply to this e-mail.
