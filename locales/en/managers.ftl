# The space managers' area (/en/my-space), its sign-in e-mail, and the staff's list of a
# space's managers.
managers-footer-link = Manage your space
managers-title = My space
managers-intro = Do you manage a space of the network? Type your e-mail address: we will send you a link to sign in, no password needed.
managers-who = A space is managed by whoever asked for it to join the Forum, once approved, and by whoever the Forum's staff named. If you manage a space but your address is not among them, write to the Forum's staff.
managers-email-label = E-mail address
managers-email-hint = The address you asked to join with, or the one you gave the Forum's staff.
managers-ask = Send me the link
managers-sent = If this address manages a space of the network, you will soon get an e-mail with a link to sign in: it works for 30 minutes, and only once. Can't find it? Look in your spam folder.
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
managers-staff-added = { $email } now manages the space.
managers-staff-removed = { $email } no longer manages the space.
managers-staff-already = { $email } already manages the space.
managers-action-added = manager added
managers-action-removed = manager removed
