# The space managers' area (/il-mio-spazio), its sign-in e-mail, and the staff's list of a
# space's managers.
managers-footer-link = Gestisci il tuo spazio
managers-title = Il mio spazio
managers-intro = Gestisci uno spazio della rete? Scrivi il tuo indirizzo e-mail: ti mandiamo un link per entrare, senza password.
managers-who = Gestisce uno spazio chi ne ha chiesto l'adesione al Forum, una volta approvata, e chi lo staff del Forum ha indicato. Se gestisci uno spazio ma il tuo indirizzo non è tra questi, scrivi allo staff del Forum.
managers-email-label = Indirizzo e-mail
managers-email-hint = L'indirizzo con cui hai chiesto l'adesione, o quello che hai dato allo staff del Forum.
managers-ask = Mandami il link
managers-sent = Se questo indirizzo gestisce uno spazio della rete, tra poco riceverai un'e-mail con un link per entrare: vale 30 minuti e funziona una volta sola. Non la trovi? Guarda nella posta indesiderata.
managers-ask-again = Chiedi un altro link
managers-link-title = Entra nel tuo spazio
managers-link-intro = Stai entrando come { $email }.
managers-link-button = Entra
managers-link-dead = Questo link non funziona più: è già stato usato, oppure sono passati più di 30 minuti. Chiedine uno nuovo qui sotto.
managers-signed-in-as = Sei entrato come { $email }.
managers-sign-out = Esci
managers-signed-out = Sei uscito.
managers-spaces-title = I tuoi spazi
managers-none = Questo indirizzo non gestisce più nessuno spazio. Se pensi sia un errore, scrivi allo staff del Forum.
managers-public-page = Pagina pubblica
managers-status-published = Sulla mappa
managers-status-pending = In revisione dallo staff
managers-status-archived = Archiviato, non è sulla mappa
managers-mail-subject = Il tuo link per entrare in Spazi per l'innovazione
managers-mail-body =
    Per entrare nell'area dei gestori degli spazi apri questo link entro 30 minuti (funziona una sola volta):
    { $link }

    Se non l'hai chiesto tu, ignora questo messaggio: senza il link nessuno può entrare.
managers-staff-title = Gestori
managers-staff-intro = Chi gestisce lo spazio entra da «Il mio spazio» con un link che riceve per e-mail.
managers-staff-none = Questo spazio non ha gestori.
managers-staff-edit = Aggiungi o togli gestori
managers-staff-manager = Gestore
managers-staff-source-request = dalla richiesta di adesione
managers-staff-source-staff = aggiunto dallo staff
managers-staff-source-import = da un'importazione
managers-staff-source-manager = invitato da un altro gestore
managers-staff-since = dal { $when }
managers-staff-add-label = Aggiungi un gestore (indirizzo e-mail)
managers-staff-add = Aggiungi
managers-staff-remove = Togli { $email }
managers-staff-added = { $email } ora gestisce lo spazio.
managers-staff-removed = { $email } non gestisce più lo spazio.
managers-staff-already = { $email } gestisce già lo spazio.
managers-action-added = gestore aggiunto
managers-action-removed = gestore tolto
