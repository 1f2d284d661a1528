# The space managers' area (/en/my-space), its sign-in e-mail, and the staff's list of a
# space's managers.
managers-footer-link = Manage your space
managers-title = My space
managers-intro = Do you manage a space of the network? Type your e-mail address: we will send you a link to sign in, no password needed.
managers-who = A space is managed by whoever asked for it to join the Forum, once approved, and by whoever the Forum's staff named. If you manage a space but your address is not among them, write to the Forum's staff.
managers-email-label = E-mail address
managers-email-hint = The address you asked to join with, or the one you gave the Forum's staff.
managers-ask = Send me the link
managers-sent = If this address manages a space of the network, you will soon get an e-mail with a link to sign in: it works for 30 minutes, and only once. Can't find it? Look in your spam folder. To protect your inbox we send a few links at a time: if you asked for several, use the latest one or try again later.
managers-ask-again = Ask for another link
managers-link-title = Sign in to your space
managers-link-intro = You are signing in as { $email }.
managers-link-button = Sign in
managers-link-dead = This link no longer works: it was used already, or more than 30 minutes have passed. Ask for a new one below.
managers-signed-in-as = You are signed in as { $email }.
managers-sign-out = Sign out
managers-signed-out = You have signed out.
managers-spaces-title = Your spaces
managers-none = This address no longer manages any space. If you think this is a mistake, write to the Forum's staff.
managers-public-page = Public page
managers-status-published = On the map
managers-status-pending = Being reviewed by the staff
managers-status-archived = Archived, not on the map
managers-mail-subject = Your link to sign in to Spazi per l'innovazione
managers-mail-body =
    To sign in to the space managers' area, open this link within 30 minutes (it works only once):
    { $link }

    If you did not ask for it, ignore this message: without the link nobody can sign in.
managers-propose-link = Propose changes
managers-edit-title = Changes to { $name }
managers-edit-intro = Correct or complete your space's listing. Your changes go to the Forum's staff, who check them before publishing them: until then the public page stays as it is.
managers-edit-intro-trusted = The changes you send are published at once on your space's public page: the Forum's staff still see them.
managers-edit-submit-trusted = Publish the changes
managers-edit-waiting = You proposed changes on { $date }: they are waiting for the staff, and you find them below. If you change them and send them again, they replace the earlier ones.
managers-edit-submit = Send the changes to the staff
managers-edit-nothing = You have not changed anything from the published listing.
managers-edit-back = Back to your spaces
managers-proposal-sent = Changes sent: the Forum's staff will check them and write to you by e-mail.
managers-proposal-published = Changes published: your space's public page already shows them.
managers-draft-kept = Your session had ended, or you had signed out in another tab: the changes you were sending are not lost. We keep them on this device for a day: ask for a new link below, sign in and you will find them in the form, ready to send. If you had chosen a photo, choose it again.
managers-edit-from-rejected = Below are the changes you proposed that the staff did not approve (reason: { $reason }): correct what is needed and send them again.
managers-edit-afresh = Start again from the published listing
managers-draft-restored = These are the changes you were sending when your session ended: they have not been sent yet. Check them and press "Send the changes to the staff".
managers-proposal-pending = Changes proposed on { $date }, waiting for the staff.
managers-proposal-approved = Changes approved on { $date }.
managers-proposal-rejected = Changes not approved on { $date }.
managers-reason-label = Reason
managers-mail-approved-subject = The changes to your space were approved
managers-mail-approved =
    the Forum's staff approved the changes you proposed to "{ $space }": they are already on the public page.
    { $link }
managers-mail-approved-corrected =
    the Forum's staff approved the changes you proposed to "{ $space }", with a few corrections: you will find them on the public page.
    { $link }
managers-mail-rejected-subject = The changes to your space were not approved
managers-mail-rejected =
    the Forum's staff did not approve the changes you proposed to "{ $space }".

    Reason: { $reason }

    You can propose new ones from "My space":
    { $link }
managers-colleagues-link = Managers
managers-colleagues-title = Who manages { $name }
managers-colleagues-intro = Whoever you invite here signs in from "My space" with their own address and can propose changes to the listing, as you can. To remove someone, write to the Forum's staff.
managers-invite-label = E-mail address of the person to invite
managers-invite-submit = Invite
managers-invited = { $email } now manages the space with you: we have written to them.
managers-mail-invited-subject = You are among the managers of a space of the network
managers-mail-invited =
    { $inviter } added you among the managers of "{ $space }" on the map of innovation spaces of the Città metropolitana di Bologna.

    From "My space" you can propose changes to the listing. Open this page and type your e-mail address: you will get a link to sign in, no password needed.
    { $link }

    If you do not know who invited you, write to the Forum's staff: they will remove you.
managers-mail-added =
    the staff of the Forum of innovation spaces added you among the managers of "{ $space }" on the map of innovation spaces of the Città metropolitana di Bologna.

    From "My space" you can propose changes to the listing and, once a year, confirm that it is still right. Open this page and type your e-mail address: you will get a link to sign in, no password needed.
    { $link }

    If you think this is a mistake, write to the Forum's staff: they will remove you.
managers-confirm-title = Is your space's information still right?
managers-confirm-intro = This is how "{ $space }" appears on the map of innovation spaces. If everything is right, confirm it with one click.
managers-confirm-photo = Photo
managers-confirm-not-given = not given
managers-confirm-answered-title = Answer received
managers-confirm-already = The information was already confirmed on { $date }, perhaps by another manager or by staff: you can confirm it again or update it.
managers-confirm-see-page = See the space's page as the public sees it
managers-confirm-update-old = For your safety, a link received more than 7 days ago does not open the listing for editing: type your address here and get a link to sign in. The e-mail's link still works to confirm, or to tell us the space has closed.
managers-confirm-yes = Yes, everything is right
managers-confirm-update = I want to update something
managers-confirm-closed = The space has closed
managers-confirm-closed-hint = The Forum's staff will check and take it off the map.
managers-confirm-dead = This link no longer works: it was used already, or it has expired. You can always sign in from "My space".
managers-confirm-done = Thank you! Your space's information is confirmed as of today.
managers-confirm-closed-done = Thank you for telling us: the Forum's staff will check and take the space off the map.
managers-mail-confirm-subject = Is your space's information still right?
managers-mail-remind-subject = Reminder: is your space's information still right?
managers-mail-confirm =
    the information about "{ $space }" on the map of innovation spaces was last confirmed on { $date }. Is it still right?

    Open this link (it works for 90 days) and choose: confirm it with one click, update it, or tell us the space has closed.
    { $link }
managers-mail-confirm-never =
    the information about "{ $space }" on the map of innovation spaces has not been confirmed by its managers yet. Is it right?

    Open this link (it works for 90 days) and choose: confirm it with one click, update it, or tell us the space has closed.
    { $link }
managers-mail-closed-subject = A space of the network reported it has closed
managers-mail-closed =
    { $email } reported that "{ $space }" has closed. Check and, if so, archive its listing:
    { $link }
managers-staff-title = Managers
managers-staff-intro = Whoever manages the space signs in from "My space" with a link they get by e-mail.
managers-staff-none = This space has no managers.
managers-staff-edit = Add or remove managers
managers-staff-manager = Manager
managers-staff-source-request = from the join request
managers-staff-source-staff = added by the staff
managers-staff-source-import = from an import
managers-staff-source-manager = invited by another manager
managers-staff-since = since { $when }
managers-staff-add-label = Add a manager (e-mail address)
managers-staff-add = Add
managers-staff-remove = Remove { $email }
managers-staff-added = { $email } now manages the space: we have written to them.
managers-staff-not-manager = { $email } was not among this space's managers: nothing changed.
managers-staff-trust-unchanged = Nothing changed: it was already so (perhaps a colleague did it).
managers-staff-removed = { $email } no longer manages the space.
managers-staff-already = { $email } already manages the space.
managers-action-added = manager added
managers-action-removed = manager removed
managers-action-proposed = changes proposed by the manager
managers-action-approved = manager's changes approved
managers-action-rejected = manager's changes not approved
managers-revisions-nav = Proposed changes
managers-revisions-title = Changes proposed by managers
managers-revisions-intro = The changes managers propose to their spaces' listings. The public listing changes only when you approve them.
managers-revisions-none = No changes waiting.
managers-col-space = Space
managers-col-by = Proposed by
managers-col-when = Sent on
managers-revision-title = Changes proposed to { $name }
managers-revision-by = Proposed by { $email } on { $when }.
managers-revision-changes = What would change in the public listing
managers-col-field = Field
managers-col-now = Now
managers-col-proposed = Proposed
managers-revision-same = The proposed changes are all in the listing already: approving them changes nothing.
managers-revision-invalid = Over today's listing these changes do not pass the checks (for example the pin is no longer in the municipality named). Do not approve them, saying why, or correct the listing by hand.
managers-revision-approve = Approve and publish
managers-revision-reject = Do not approve
managers-revision-reject-hint = The reason reaches the manager by e-mail.
managers-revision-approved = Changes to { $name } approved and published: the manager gets an e-mail.
managers-revision-rejected = Changes to { $name } not approved: the manager gets an e-mail with the reason.
managers-revision-stale = The listing changed while you were looking: below is what would change now. Check and approve again.
managers-revision-was-approved = This proposal was approved on { $when }.
managers-revision-was-rejected = This proposal was not approved, on { $when }.
managers-revision-corrections-unsaved = A colleague decided this proposal while you were correcting it: your corrections were not saved. Here they are, to carry over to the space's listing if they still apply:
managers-revision-photo-now = Current photo
managers-revision-photo-proposed = Proposed photo
managers-revision-decided = This proposal was decided already, or a manager sent a newer one.
managers-revision-open-space = Open the space's listing
managers-action-confirmed = information confirmed by the manager
managers-action-closure = closure reported by the manager
managers-action-update = the manager wants to update the listing
managers-action-asked = managers asked to confirm
managers-staff-ask-now = Ask the managers to confirm now
managers-staff-trust-title = Publishing changes
managers-staff-trusted-now = Changes by this space's managers are published at once, without waiting for staff; you still find them under "Proposed changes" and in the history.
managers-staff-untrusted-now = Changes by this space's managers wait for staff approval.
managers-staff-trust = Publish the managers' changes at once
managers-staff-untrust = Have staff approve the managers' changes again
managers-staff-trusted-on = From now on the managers' changes are published at once.
managers-staff-trusted-off = From now on the managers' changes wait for staff approval.
managers-staff-add-title = Add a manager
managers-action-published = Changes published by the manager
managers-action-trusted = Managers' changes published directly
managers-revisions-published-title = Published by managers (last 30 days)
managers-revisions-published-none = No changes published directly by managers in the last 30 days.
managers-revision-edit = Edit before approving
managers-revision-edit-intro = The listing with the manager's changes: correct what needs it and approve. The manager gets the approval e-mail; the space's history records the values published.
managers-revision-edit-approve = Approve with the corrections and publish
managers-staff-asked = { $n ->
    [one] The one manager was asked to confirm the listing: they get an e-mail.
   *[other] The { $n } managers were asked to confirm the listing: they get an e-mail.
}
managers-fresh-title = Listings and confirmations
managers-fresh-confirmed = Confirmed
managers-fresh-due = To be confirmed
managers-fresh-overdue = Overdue (no answer after the reminder)
managers-fresh-no-manager = Without a manager
managers-fresh-closed = Reported as closed
managers-fresh-filtered = Filter: "{ $group }" (published spaces only).
managers-fresh-all = Show all
