# The staff area: signing in, the spaces, imports, accounts, the audit trail.

staff-area = Staff area
staff-sign-in-title = Staff sign-in
staff-sign-in-intro = For the staff of Progetti d'impresa, Città metropolitana di Bologna.
staff-email = Email
staff-password = Password
staff-sign-in = Sign in
staff-signed-out = You have signed out.
staff-wrong-credentials = Wrong email or password. Please check and try again.
staff-locked = { $m ->
    [one] Too many failed sign-in attempts: sign-in is locked for safety. Try again in { $m } minute.
   *[other] Too many failed sign-in attempts: sign-in is locked for safety. Try again in { $m } minutes.
}
staff-unavailable = The service is unavailable right now. Please try again in a few minutes.
staff-sign-out = Sign out
staff-signed-in-as = Signed in as { $name } ({ $role }).
staff-role-admin = administrator
staff-role-editor = editor
staff-spaces-heading = Spaces
staff-status = Status
staff-all-statuses = All statuses
staff-status-pending = Pending
staff-status-published = Published
staff-status-rejected = Rejected
staff-status-archived = Archived
staff-name = Name
staff-municipality = Municipality
staff-updated = Updated
staff-search = Search
staff-filter = Filter
staff-count = { $n ->
    [one] 1 space
   *[other] { $n } spaces
}
staff-edit = Edit
staff-publish = Publish
staff-unpublish = Back to pending
staff-archive = Archive
staff-public-page = See the public page
staff-saved = Changes saved.
staff-save = Save changes
staff-history = History of changes
staff-no-history = No changes recorded.
staff-when = When
staff-who = Who
staff-what = Action
staff-changes = Changes
staff-fix-errors = Please correct these fields
staff-choose = Choose…
staff-not-given = Not given
staff-section-space = The space
staff-section-position = Where it is
staff-section-contacts = Public contacts
staff-section-photo = Photo
staff-photo-hint = A photo of the space as JPEG, PNG or WebP, up to 10 MB. We publish it cropped to 3:2, without the data hidden in the file (such as the GPS position and the phone's model).
staff-photo-alt-hint = Say in a few words what it shows, for those who cannot see the photo. Required with a photo.
staff-photo-choose = Choose a photo
staff-photo-replace = Replace the photo
staff-photo-remove = Remove the photo
staff-photo-uploaded = Photo uploaded: it will be saved with the rest of the form.
staff-section-organisation = Organisation
staff-precision-exact = Exact (on the building)
staff-precision-approximate = Approximate (by street)
staff-precision-municipality = Municipality only
staff-max-chars-fmt = At most { $m } characters.
staff-new-space = New space
staff-new-space-intro = The space is created as pending: publish it from its page when it is ready. Fields marked * are required.
staff-create = Create the space
staff-export-all = Export every space (all statuses)
staff-import-link = Import from a file (CSV or GeoJSON)
staff-import-title = Import spaces from a file
staff-import-intro = Upload a CSV file (saved from Excel is fine) or a GeoJSON file: you first see a preview of what would change — spaces to create, to update, rows with errors — and nothing changes until you confirm. Importing the same file again changes nothing.
staff-import-columns-title = Which columns are needed
staff-import-columns = Required: the name, the municipality (or its ISTAT code), lat and lon (or the coordinates of a GeoJSON file); the others are optional. The table below lists each column with the header names accepted (case and accents do not matter) and, where it matters, the values accepted. The staff exports already have these columns. An existing space is recognised by its slug, else by name and municipality (a name that fits several spaces is reported: add the slug). Filled cells replace the stored values; empty cells and missing columns leave them as they were; to clear a value write [empty]. The managers' column (manager_email, one or more addresses separated by commas) adds managers and never removes one: to remove a manager use the space's "Managers" page. Spaces with a join request under review, rejected ones and (unless you choose otherwise) archived ones are never changed. An Excel file (.xlsx) must first be saved as CSV: in Excel, File › Save As › “CSV UTF-8 (Comma delimited)”.
staff-import-col-what = Column
staff-import-col-headers = Headers accepted
staff-import-col-values = Values accepted
staff-import-col-slug = Slug (the end of the address of the space's page)
staff-import-col-istat = The municipality's ISTAT code
staff-import-col-required = required
staff-import-col-separated = several kinds separated by { $s }
staff-import-file = File
staff-import-file-hint = CSV or GeoJSON, at most 5 MB and 10,000 rows.
staff-import-new-status = Status of new spaces
staff-import-preview-button = Upload and preview
staff-import-recent = Recent imports
staff-import-done = applied
staff-import-not-applied = not applied
staff-import-preview = Preview
staff-import-to-create = To create: { $n }
staff-import-to-update = To update: { $n }
staff-import-unchanged = Unchanged: { $n }
staff-import-with-errors = With errors (not imported): { $n }
staff-import-created = Created: { $n }
staff-import-updated = Updated: { $n }
staff-import-ignored = Columns ignored
staff-import-errors-skipped = Rows with errors are not imported: correct the file and upload it again (rows already imported will stay unchanged).
staff-import-new-status-note = New spaces will have the status “{ $s }”.
staff-import-confirm = { $n ->
    [one] Confirm and import (1 space)
   *[other] Confirm and import ({ $n } spaces)
}
staff-import-nothing = There is nothing to import: every row is already as in the file, or has errors.
staff-import-line = Line
staff-import-outcome = Outcome
staff-import-details = Details
staff-import-more-rows = …and { $n } more rows not shown.
staff-import-running = Import in progress
staff-import-progress = { $d } of { $t } rows
staff-import-stalled = The import stopped (the server restarted, for example). You can resume it: rows already imported will not be repeated.
staff-import-resume = Resume the import
staff-import-done-title = Import complete
staff-import-done-before-revert = What the import had done
staff-import-back = Back to the list of spaces
staff-import-another = Import another file
staff-import-uploaded = Uploaded on { $w }.
staff-import-action-create = new
staff-import-action-update = update
staff-import-action-unchanged = unchanged
staff-import-action-error = error
staff-import-no-file = Choose a file to upload.
staff-import-stale-form = The form was no longer valid (your session changed): choose the file again and upload it.
staff-import-busy = The file was not saved: the server is busy. Try again in a moment.
staff-import-empty = The file has no rows to import.
staff-import-too-large = The file is too large: at most { $mb } MB.
staff-import-not-recognised = The file is not a readable CSV or GeoJSON (FeatureCollection).
staff-import-spreadsheet = This is an Excel file (or another spreadsheet's), which the import does not read: open it in Excel, choose File › Save As › “CSV UTF-8 (Comma delimited)” and upload the .csv file.
staff-import-missing-column = A required column is missing: { $c }.
staff-import-too-many-rows = The file has too many rows: at most { $n }. Split it into several files.
staff-import-include-archived = Also update archived spaces (otherwise the rows about them are reported and left aside)
staff-import-changed-notice = Some spaces changed after the preview you were looking at: this is the updated preview. Check it and confirm again.
staff-import-matched = Existing space
staff-import-by-slug = recognised by its slug
staff-import-by-name = recognised by name and municipality
staff-import-undoes = undoes a correction staff made by hand
staff-import-undo-warning = { $n ->
    [one] One change would undo a correction staff made by hand: it is marked in the table.
   *[other] { $n } changes would undo corrections staff made by hand: they are marked in the table.
}
staff-import-none-value = (empty)
staff-import-conflicts = Left as they were because they changed after the preview: { $n }
staff-import-manager-added = { $email } will become a manager of the space.
staff-import-managers = { $n ->
    [one] One address became a manager of its space.
   *[other] { $n } addresses became managers of their spaces.
}
staff-import-revert-title = Reverting the import
staff-import-revert-effects = Reverting it deletes the spaces the import created ({ $remove }) and puts the spaces it updated ({ $restore }) back to their earlier values.
staff-import-revert-changed = These spaces were changed after the import (or a created space is an event's venue): reverting leaves them alone.
staff-import-revert-leave = Revert the rest and leave these spaces as they are now
staff-import-revert-button = Revert the import…
staff-import-revert-confirm-title = Revert the import?
staff-import-revert-confirm-button = Yes, revert the import
staff-import-revert-back = No, back to the report
staff-import-revert-blocked = Some spaces were changed after the import: nothing was reverted. Choose whether to revert the rest and leave them as they are.
staff-import-reverted = { $left ->
    [0] Import reverted on { $when }: the spaces are back as they were.
    [1] Import reverted on { $when }, except one space changed after the import, left as it was.
   *[other] Import reverted on { $when }, except { $left } spaces changed after the import, left as they were.
}
staff-import-reverted-short = reverted
staff-import-deleted-space = (space deleted)
staff-import-line-of = line { $n }
staff-conflict-title = Someone else saved this space while you were editing it
staff-conflict-body = Your changes were not saved: they are still in the form below, together with your colleague's changes to the fields you had not touched. Below is the saved value of every field where the form differs. Check, then save again.
staff-conflict-saved-value = Saved value now:
staff-status-stale = The space was changed by someone else after you opened this page: nothing changed. Check the current version and try again.
staff-from-request = Join request
staff-archive-step = Archive…
staff-archive-effect = Archived, the space stays in the staff register but is no longer public, and imports do not change it. You can publish it again.
staff-archive-confirm = Yes, archive the space
staff-unpublish-step = Put back to pending…
staff-unpublish-effect = The space goes back to pending review; if it came from a join request already decided, the request goes back to the queue. No e-mail is sent.
staff-unpublish-confirm = Yes, put it back to pending
staff-off-map-effect = The space will disappear from the map, the list and the open data; its public page will no longer be reachable.
staff-disable-step = Disable…
staff-disable-effect = { $name } will no longer be able to sign in: their open sessions and unused access links stop working at once. You can enable the account again.
staff-disable-confirm = Yes, disable
staff-account-stale = The account was changed by another administrator after you opened this page: nothing changed. Check its current state and try again.
staff-last-admin = Nothing changed: at least one enabled administrator must remain (and whoever acts must still be one).
staff-publish-approves = Publishing the space approves join request { $r }: the person who sent it will be e-mailed.
staff-role-confirm = Yes, change the role
staff-session-ended = Your session had ended before the form arrived, and nothing was saved. Sign in again: you will find the form with what you had written.
staff-resumed = Here is the form with what you wrote before your session ended: it is not saved yet. Check it and save.
staff-staff-link = Staff accounts
staff-import-short = Import
staff-last-sign-in = Last sign-in
staff-forbidden-title = Not allowed
staff-forbidden = Your role does not allow you to see this page. If you need it, ask a staff administrator.
staff-staff-title = Staff accounts
staff-link-for = Access link for { $name }
staff-link-explain = They also get the link by e-mail; if it does not arrive, copy it and send it yourself. With it they choose their password. It is valid for 7 days and works once. It will not be shown here again.
staff-link-label = Access link
staff-role-heading = Role
staff-account-state = State
staff-actions = Actions
staff-invite-heading = Invite a colleague
staff-invite-intro = The account is created without a password: they choose one with the link you will get here.
staff-invite = Invite
staff-recent-changes = Recent changes to accounts
staff-account = Account
staff-account-disabled = disabled
staff-account-invited = invited (link not used yet)
staff-account-active = active
staff-you = (you)
staff-make-admin = Make administrator
staff-make-editor = Make editor
staff-role-admin-explain = also manages staff accounts
staff-role-editor-explain = manages spaces, submissions and events
staff-enable = Enable
staff-disable = Disable
staff-new-link = New access link
staff-invitation-title = Choose your password
staff-welcome = Welcome, { $name }
staff-invitation-intro = Choose the password for the staff area of Spazi per l'innovazione.
staff-set-password = Save the password
staff-password-hint-fmt = At least { $min } characters. A phrase of several words is safe and easy to remember.
staff-invitation-dead-title = This link no longer works
staff-invitation-dead = This link has already been used or has expired. You can ask for a new one with “Forgotten your password?” on the sign-in page, or ask a staff administrator (progimpresa@cittametropolitana.bo.it).
staff-new-password-title = Choose a new password
staff-new-password-intro = { $name }, choose the new password for the staff area of Spazi per l'innovazione. The old one will no longer work.
staff-password-set = Password saved. You can sign in now.
staff-forgot-link = Forgotten your password?
staff-forgot-title = Forgotten password
staff-forgot-intro = Type your account's e-mail address: we will send you a link to choose a new password. The link works for 2 hours, once.
staff-forgot-submit = Send me the link
staff-forgot-sent = If the address belongs to an active account, in a few minutes you will get an e-mail with the link to choose a new password. If it does not arrive, look in your spam folder or write to progimpresa@cittametropolitana.bo.it.
staff-back-to-sign-in = Back to sign-in
staff-my-password = My password
staff-change-password-title = Change your password
staff-change-password-intro = For safety your current password is needed. After the change, your account's other sessions (on another computer, say) are closed.
staff-change-password-submit = Change the password
staff-password-changed = Password changed. Your account's other sessions have been closed.
staff-action-create = created
staff-action-update = edited
staff-action-status = status changed
staff-action-import = imported
staff-action-invite = invited
staff-action-access-link = new access link
staff-action-set-password = password chosen
staff-action-password-reset = link for a new password asked for
staff-action-password-change = password changed
staff-action-disable = disabled
staff-action-enable = enabled
staff-action-role = role changed
staff-action-sign-in = signed in
staff-action-sign-out = signed out
staff-action-rsvp-cancel = registration cancelled by staff
staff-action-rsvp-add = registration added by staff
staff-action-rsvp-edit = registration corrected by staff
staff-action-merge = join request merged into the listing
staff-action-seat-added = seat added for a registration beyond the seats
staff-action-discard = draft discarded
staff-action-revert = import reverted
staff-action-reopened = request reopened
staff-action-approved = request approved
staff-action-changes-requested = changes asked for
staff-action-rejected = request rejected
staff-action-check-in = marked present
staff-action-check-in-undone = presence undone
staff-merged-requests = Join requests merged into this listing
staff-search-label = Search everywhere
staff-search-button = Search everywhere
staff-search-title = Search
staff-search-results = Results for “{ $q }”
staff-search-hint = Spaces (by name, address, organisation, municipality, e-mail, phone or website), join requests (by reference, space or contact), registrations (by name or e-mail, in every event) and events.
staff-search-short = Type at least 2 characters.
staff-search-none = Nothing found. Try fewer words, or the beginning of a name.
staff-search-spaces = Spaces ({ $n })
staff-search-requests = Join requests ({ $n })
staff-search-registrations = Registrations ({ $n })
staff-search-events = Events ({ $n })
staff-search-more = The first { $shown } of { $total } are shown: add a word to narrow the search.
staff-actor-public = anyone, from the sign-in page
staff-actor-cli = the server's command line
staff-actor-join-form = the join form (public)
staff-audit-reason = Reason
staff-audit-emailed = E-mails sent
staff-yes = yes
staff-no = no
staff-approximate-filter = Approximate positions only (to correct)
staff-todo-heading = To do
staff-todo-requests = { $n ->
    [one] 1 join request to review
   *[other] { $n } join requests to review
}
staff-todo-no-requests = No join request to review.
staff-todo-events = Events in the next seven days
staff-todo-no-events = No event in the next seven days.
staff-approximate-count = { $n ->
    [one] 1 space has an approximate position to correct
   *[other] { $n } spaces have an approximate position to correct
}
staff-outside-filter = Pins outside their municipality only (to correct)
staff-outside-tag = Outside its municipality
staff-outside-count = { $n ->
    [one] 1 space has its pin outside the municipality it names: to correct
   *[other] { $n } spaces have their pin outside the municipality they name: to correct
}
