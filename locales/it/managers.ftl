# The space managers' area (/il-mio-spazio), its sign-in e-mail, and the staff's list of a
# space's managers.
managers-footer-link = Gestisci il tuo spazio
managers-title = Il mio spazio
managers-intro = Gestisci uno spazio della rete? Scrivi il tuo indirizzo e-mail: ti mandiamo un link per entrare, senza password.
managers-who = Gestisce uno spazio chi ne ha chiesto l'adesione al Forum, una volta approvata, e chi lo staff del Forum ha indicato. Se gestisci uno spazio ma il tuo indirizzo non è tra questi, scrivi allo staff del Forum.
managers-email-label = Indirizzo e-mail
managers-email-hint = L'indirizzo con cui hai chiesto l'adesione, o quello che hai dato allo staff del Forum.
managers-ask = Mandami il link
managers-sent = Se questo indirizzo gestisce uno spazio della rete, tra poco riceverai un'e-mail con un link per entrare: vale 30 minuti e funziona una volta sola. Non la trovi? Guarda nella posta indesiderata. Per proteggere la tua casella mandiamo pochi link per volta: se ne hai chiesti diversi, usa l'ultimo arrivato o riprova più tardi.
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
managers-propose-link = Proponi modifiche
managers-edit-title = { $name }: modifiche alla scheda
managers-edit-intro = Correggi o completa la scheda del tuo spazio. Le modifiche vanno allo staff del Forum, che le controlla prima di pubblicarle: fino ad allora la pagina pubblica resta com'è.
managers-edit-intro-trusted = Le modifiche che invii sono pubblicate subito sulla pagina pubblica del tuo spazio: lo staff del Forum le vede comunque.
managers-edit-submit-trusted = Pubblica le modifiche
managers-edit-waiting = Hai proposto modifiche il { $date }: sono in attesa dello staff e le trovi qui sotto. Se le cambi e le invii di nuovo, sostituiscono le precedenti.
managers-edit-submit = Invia le modifiche allo staff
managers-edit-nothing = Non hai cambiato nulla rispetto alla scheda pubblicata.
managers-edit-back = Torna ai tuoi spazi
managers-proposal-sent = Modifiche inviate: lo staff del Forum le controllerà e ti scriverà per e-mail.
managers-proposal-published = Modifiche pubblicate: la pagina pubblica del tuo spazio le mostra già.
managers-draft-kept = La sessione era scaduta, o eri uscito in un'altra scheda: le modifiche che stavi inviando non sono andate perse. Le teniamo su questo dispositivo per un giorno: chiedi qui sotto un nuovo link, entra e le ritroverai nel modulo, da inviare. Se avevi scelto una foto, sceglila di nuovo.
managers-edit-from-rejected = Qui sotto ci sono le modifiche che avevi proposto e che lo staff non ha approvato (motivo: { $reason }): correggi quello che serve e inviale di nuovo.
managers-edit-afresh = Ricomincia dalla scheda pubblicata
managers-draft-restored = Queste sono le modifiche che stavi inviando quando la sessione era finita: non sono ancora state inviate. Controllale e premi «Invia le modifiche allo staff».
managers-proposal-pending = Modifiche proposte il { $date }, in attesa dello staff.
managers-proposal-approved = Modifiche approvate il { $date }.
managers-proposal-rejected = Modifiche non approvate il { $date }.
managers-reason-label = Motivo
managers-mail-approved-subject = Le modifiche al tuo spazio sono state approvate
managers-mail-approved =
    lo staff del Forum ha approvato le modifiche che hai proposto a «{ $space }»: sono già sulla pagina pubblica.
    { $link }
managers-mail-approved-corrected =
    lo staff del Forum ha approvato le modifiche che hai proposto a «{ $space }», con qualche correzione: le trovi sulla pagina pubblica.
    { $link }
managers-mail-rejected-subject = Le modifiche al tuo spazio non sono state approvate
managers-mail-rejected =
    lo staff del Forum non ha approvato le modifiche che hai proposto a «{ $space }».

    Motivo: { $reason }

    Puoi proporne di nuove da «Il mio spazio»:
    { $link }
managers-colleagues-link = Gestori
managers-colleagues-title = Chi gestisce { $name }
managers-colleagues-intro = Chi inviti qui entra da «Il mio spazio» con il proprio indirizzo e può proporre modifiche alla scheda, come te. Per togliere qualcuno, scrivi allo staff del Forum.
managers-invite-label = Indirizzo e-mail della persona da invitare
managers-invite-submit = Invita
managers-invited = { $email } ora gestisce lo spazio con te: gli abbiamo scritto per e-mail.
managers-mail-invited-subject = Sei tra i gestori di uno spazio della rete
managers-mail-invited =
    { $inviter } ti ha aggiunto tra i gestori di «{ $space }» sulla mappa degli spazi per l'innovazione della Città metropolitana di Bologna.

    Da «Il mio spazio» puoi proporre modifiche alla scheda. Apri questa pagina e scrivi il tuo indirizzo e-mail: riceverai un link per entrare, senza password.
    { $link }

    Se non conosci chi ti ha invitato, scrivi allo staff del Forum: ti toglierà.
managers-mail-added =
    lo staff del Forum metropolitano degli spazi per l'innovazione ti ha aggiunto tra i gestori di «{ $space }» sulla mappa degli spazi per l'innovazione della Città metropolitana di Bologna.

    Da «Il mio spazio» puoi proporre modifiche alla scheda e, una volta l'anno, confermare che è ancora giusta. Apri questa pagina e scrivi il tuo indirizzo e-mail: riceverai un link per entrare, senza password.
    { $link }

    Se pensi che sia un errore, scrivi allo staff del Forum: ti toglierà.
managers-confirm-title = Le informazioni del tuo spazio sono ancora giuste?
managers-confirm-intro = Ecco come «{ $space }» appare sulla mappa degli spazi per l'innovazione. Se è tutto giusto, confermalo con un clic.
managers-confirm-photo = Foto
managers-confirm-not-given = non indicato
managers-confirm-answered-title = Risposta ricevuta
managers-confirm-already = Le informazioni risultano già confermate il { $date }, forse da un altro gestore o dallo staff: puoi confermarle di nuovo o aggiornarle.
managers-confirm-see-page = Vedi la pagina dello spazio come la vede il pubblico
managers-confirm-update-old = Per sicurezza, un link ricevuto da più di 7 giorni non apre la modifica della scheda: scrivi qui il tuo indirizzo e ricevi un link per entrare. Il link dell'e-mail vale ancora per confermare o per dirci che lo spazio ha chiuso.
managers-confirm-yes = Sì, è tutto giusto
managers-confirm-update = Voglio aggiornare qualcosa
managers-confirm-closed = Lo spazio ha chiuso
managers-confirm-closed-hint = Lo staff del Forum controllerà e lo toglierà dalla mappa.
managers-confirm-dead = Questo link non funziona più: è già stato usato, o è scaduto. Puoi sempre entrare da «Il mio spazio».
managers-confirm-done = Grazie! Le informazioni del tuo spazio risultano confermate da oggi.
managers-confirm-closed-done = Grazie per avercelo detto: lo staff del Forum controllerà e toglierà lo spazio dalla mappa.
managers-mail-confirm-subject = Le informazioni del tuo spazio sono ancora giuste?
managers-mail-remind-subject = Promemoria: le informazioni del tuo spazio sono ancora giuste?
managers-mail-confirm =
    le informazioni di «{ $space }» sulla mappa degli spazi per l'innovazione sono state confermate l'ultima volta il { $date }. Sono ancora giuste?

    Apri questo link (vale 90 giorni) e scegli: confermarle con un clic, aggiornarle, o dirci che lo spazio ha chiuso.
    { $link }
managers-mail-confirm-never =
    le informazioni di «{ $space }» sulla mappa degli spazi per l'innovazione non sono ancora state confermate da chi gestisce lo spazio. Sono giuste?

    Apri questo link (vale 90 giorni) e scegli: confermarle con un clic, aggiornarle, o dirci che lo spazio ha chiuso.
    { $link }
managers-mail-closed-subject = Uno spazio della rete ha segnalato la chiusura
managers-mail-closed =
    { $email } ha segnalato che «{ $space }» ha chiuso. Controlla e, se è così, archivia la scheda:
    { $link }
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
managers-staff-added = { $email } ora gestisce lo spazio: gli abbiamo scritto per e-mail.
managers-staff-not-manager = { $email } non era tra i gestori di questo spazio: nessun cambiamento.
managers-staff-trust-unchanged = Nessun cambiamento: era già così (forse l'ha fatto un collega).
managers-staff-removed = { $email } non gestisce più lo spazio.
managers-staff-already = { $email } gestisce già lo spazio.
managers-action-added = gestore aggiunto
managers-action-removed = gestore tolto
managers-action-proposed = modifiche proposte dal gestore
managers-action-approved = modifiche del gestore approvate
managers-action-rejected = modifiche del gestore non approvate
managers-revisions-nav = Modifiche proposte
managers-revisions-title = Modifiche proposte dai gestori
managers-revisions-intro = Le modifiche che i gestori propongono alle schede dei loro spazi. La scheda pubblica cambia solo quando le approvi.
managers-revisions-none = Nessuna modifica in attesa.
managers-col-space = Spazio
managers-col-by = Proposte da
managers-col-when = Inviate il
managers-revision-title = Modifiche proposte a { $name }
managers-revision-by = Proposte da { $email } il { $when }.
managers-revision-changes = Cosa cambierebbe nella scheda pubblica
managers-col-field = Campo
managers-col-now = Ora
managers-col-proposed = Proposto
managers-revision-same = Le modifiche proposte sono già tutte nella scheda: approvandole non cambia nulla.
managers-revision-invalid = Sulla scheda di oggi queste modifiche non passano i controlli (per esempio il punto sulla mappa non è più nel comune indicato). Non approvarle spiegando il motivo, o correggi la scheda a mano.
managers-revision-approve = Approva e pubblica
managers-revision-reject = Non approvare
managers-revision-reject-hint = Il motivo arriva al gestore per e-mail.
managers-revision-approved = { $name }: modifiche approvate e pubblicate. Il gestore riceve un'e-mail.
managers-revision-rejected = { $name }: modifiche non approvate. Il gestore riceve un'e-mail con il motivo.
managers-revision-stale = La scheda è cambiata mentre guardavi: qui sotto cosa cambierebbe adesso. Controlla e approva di nuovo.
managers-revision-was-approved = Questa proposta è stata approvata il { $when }.
managers-revision-was-rejected = Questa proposta non è stata approvata il { $when }.
managers-revision-corrections-unsaved = Un collega ha deciso questa proposta mentre la correggevi: le tue correzioni non sono state salvate. Eccole, da riportare sulla scheda dello spazio se servono ancora:
managers-revision-photo-now = Foto attuale
managers-revision-photo-proposed = Foto proposta
managers-revision-decided = Questa proposta è già stata decisa, o un gestore ne ha mandata una più recente.
managers-revision-open-space = Apri la scheda dello spazio
managers-action-confirmed = informazioni confermate dal gestore
managers-action-closure = chiusura segnalata dal gestore
managers-action-update = il gestore vuole aggiornare la scheda
managers-action-asked = conferma chiesta ai gestori
managers-staff-ask-now = Chiedi ai gestori di confermare ora
managers-staff-trust-title = Pubblicazione delle modifiche
managers-staff-trusted-now = Le modifiche dei gestori di questo spazio sono pubblicate subito, senza attendere lo staff; le trovi comunque in «Modifiche proposte» e nella cronologia.
managers-staff-untrusted-now = Le modifiche dei gestori di questo spazio attendono l'approvazione dello staff.
managers-staff-trust = Pubblica subito le modifiche dei gestori
managers-staff-untrust = Fai di nuovo approvare allo staff le modifiche dei gestori
managers-staff-trusted-on = Da ora le modifiche dei gestori sono pubblicate subito.
managers-staff-trusted-off = Da ora le modifiche dei gestori attendono l'approvazione dello staff.
managers-staff-add-title = Aggiungi un gestore
managers-action-published = Modifiche pubblicate dal gestore
managers-action-trusted = Pubblicazione diretta delle modifiche dei gestori
managers-revisions-published-title = Pubblicate dai gestori (ultimi 30 giorni)
managers-revisions-published-none = Nessuna modifica pubblicata direttamente dai gestori negli ultimi 30 giorni.
managers-revision-edit = Modifica prima di approvare
managers-revision-edit-intro = La scheda con le modifiche del gestore: correggi quello che serve e approva. Al gestore arriva l'e-mail dell'approvazione; la cronologia dello spazio registra i valori pubblicati.
managers-revision-edit-approve = Approva con le correzioni e pubblica
managers-staff-asked = { $n ->
    [one] Chiesto all'unico gestore di confermare la scheda: riceve un'e-mail.
   *[other] Chiesto ai { $n } gestori di confermare la scheda: ricevono un'e-mail.
}
managers-fresh-title = Schede e conferme
managers-fresh-confirmed = Confermate
managers-fresh-due = Da confermare
managers-fresh-overdue = In ritardo (nessuna risposta dopo il promemoria)
managers-fresh-no-manager = Senza gestore
managers-fresh-closed = Segnalate come chiuse
managers-fresh-filtered = Filtro: «{ $group }» (solo spazi pubblicati).
managers-fresh-all = Mostra tutti
