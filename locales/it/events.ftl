# Events: their pages, the RSVP form and its e-mails, the staff pages, the check-in screen.

events-nav = Eventi
events-title = Eventi del Forum
events-intro = Gli incontri del Forum metropolitano degli spazi per l'innovazione: iscriviti dal telefono in un minuto, ricevi la conferma via email e annulla quando vuoi.
events-upcoming = Prossimi eventi
events-past = Eventi passati
events-none-upcoming = Nessun evento in programma per ora: torna a trovarci.
events-none-past = Nessun evento passato.
events-all-events = Tutti gli eventi
events-when = Quando
events-where = Dove
events-rsvp-jump = Iscriviti
events-link-gone-title = Questo link di iscrizione non è più valido
events-link-gone-text = Può succedere quando l'indirizzo email dell'iscrizione è stato corretto (il link nuovo è arrivato al nuovo indirizzo) o quando i dati delle iscrizioni di un evento passato sono stati cancellati. Se ti sei iscritto di nuovo, usa il link dell'email più recente; altrimenti puoi iscriverti dalla pagina dell'evento.
events-programme = Programma
events-getting-there = Come arrivare
events-venue-access = Accessibilità del luogo
events-organiser = Organizzato da
events-contact = Contatti
events-seats = Posti
events-seats-left = { $left ->
    [one] { $left } posto disponibile su { $total }
   *[other] { $left } posti disponibili su { $total }
}
events-full = Posti esauriti: puoi iscriverti alla lista d'attesa.
events-zone-note = ora di Bologna, { $abbr }
events-venue-on-map = Lo spazio sulla mappa
events-add-to-calendar = Aggiungi al calendario
events-calendar-file = File .ics (Apple, Outlook, Thunderbird…)
events-took-place = Questo evento si è svolto { $date }.
events-cancelled = Questo evento è stato annullato.
events-not-yet-open = Le iscrizioni aprono { $date }.
events-closed = Le iscrizioni sono chiuse.
events-closes = Iscrizioni aperte fino a { $date }.
events-rsvp-title = Iscriviti
events-question = Quanto fa { $a } più { $b }? Scrivi il risultato in cifre.
events-rsvp-intro = Bastano nome, cognome ed email. Riceverai la conferma con il link per vedere o annullare l'iscrizione.
events-rsvp-waiting-intro = L'evento è al completo: iscrivendoti entri in lista d'attesa e ti scriviamo appena si libera un posto.
events-submit = Iscriviti
events-submit-waiting = Entra in lista d'attesa
events-affiliation-hint = Scegli uno degli spazi della mappa o scrivi il nome della tua organizzazione (facoltativo).
events-role-hint = Per esempio: coordinatrice, socio, studente (facoltativo).
events-accessibility-hint = Per esempio accesso senza gradini, interprete LIS, esigenze alimentari (facoltativo).
events-email-hint = Qui ti inviamo la conferma.
events-already-registered = Questo indirizzo email è già iscritto all'evento: ti abbiamo inviato di nuovo la conferma con il link per gestire l'iscrizione.
events-not-open-error = Le iscrizioni a questo evento non sono aperte.
events-read-more = Dettagli e iscrizione
events-your-rsvp = La tua iscrizione
events-status-confirmed = Iscrizione confermata: ti aspettiamo!
events-status-waiting = Sei in lista d'attesa, in posizione { $n }. Ti scriviamo appena si libera un posto.
events-status-cancelled = Iscrizione annullata.
events-just-registered = Grazie! Ti abbiamo inviato un'email di conferma con il link a questa pagina: conservalo per vedere o annullare l'iscrizione.
events-just-cancelled = Hai annullato l'iscrizione: il tuo posto passa a chi è in lista d'attesa. Grazie per avercelo fatto sapere.
events-your-details = I tuoi dati
events-name = Nome e cognome
events-cancel-title = Non puoi più venire?
events-cancel-hint = Annulla l'iscrizione: il tuo posto andrà al primo della lista d'attesa.
events-cancel-hint-free = Annulla l'iscrizione: il tuo posto tornerà disponibile per altre persone.
events-cancel-hint-waiting = Annulla l'iscrizione: uscirai dalla lista d'attesa.
events-cancel-button = Annulla l'iscrizione
events-cancel-confirm-question = Vuoi davvero annullare l'iscrizione?
events-cancel-confirm = Sì, annulla l'iscrizione
events-cancel-keep = No, tienila
events-just-cancelled-free = Hai annullato l'iscrizione: il tuo posto torna disponibile per altre persone. Grazie per avercelo fatto sapere.
events-just-cancelled-waiting = Non sei più in lista d'attesa. Grazie per avercelo fatto sapere.
events-cannot-cancel = L'evento è iniziato o non si svolge più: l'iscrizione non si può più modificare.
events-register-again = Iscriviti di nuovo
events-register-again-hint = Con gli stessi dati di prima: ricevi una nuova email di conferma.
events-register-again-hint-full = L'evento ora è al completo: entri in lista d'attesa, con gli stessi dati di prima, e ricevi una nuova email.
events-register-again-other = Iscriviti con altri dati
events-keep-link = Questa pagina è personale: chi ha il link può vedere e annullare l'iscrizione.
events-link-not-found = Questo link non corrisponde a nessuna iscrizione. Controlla di averlo copiato per intero dall'email.
events-mail-subject-confirmed = Iscrizione confermata: { $t }
events-mail-subject-waiting = Sei in lista d'attesa: { $t }
events-mail-subject-promoted = Si è liberato un posto: sei iscritto/a a { $t }
events-mail-subject-reminder = Ci vediamo domani: { $t }
events-mail-subject-cancelled = Evento annullato: { $t }
events-mail-subject-rsvp-cancelled = Iscrizione annullata: { $t }
events-mail-reminder = ti ricordiamo l'appuntamento di domani. Se non puoi più venire, annulla l'iscrizione dal link qui sotto: il posto andrà a chi è in lista d'attesa.
events-mail-cancelled = ci dispiace: l'evento è stato annullato e la tua iscrizione non è più valida. Ti scriveremo per i prossimi incontri del Forum.
events-mail-rsvp-cancelled = lo staff del Forum ha annullato la tua iscrizione. Se pensi che sia un errore, o se cambi idea, puoi iscriverti di nuovo dalla pagina dell'evento finché ci sono posti.
events-mail-left = hai annullato la tua iscrizione: grazie per avercelo fatto sapere. Il file del calendario allegato toglie l'evento dal tuo calendario. Se cambi idea, puoi iscriverti di nuovo dalla pagina della tua iscrizione finché ci sono posti.
events-mail-left-waiting = non sei più in lista d'attesa: grazie per avercelo fatto sapere. Se cambi idea, puoi iscriverti di nuovo dalla pagina della tua iscrizione.
events-mail-greeting = Ciao { $name },
events-mail-confirmed = la tua iscrizione è confermata. Ti aspettiamo!
events-mail-waiting = l'evento è al completo: sei in lista d'attesa, in posizione { $n }. Se si libera un posto ti iscriviamo e ti scriviamo subito.
events-mail-promoted = si è liberato un posto e ora la tua iscrizione è confermata. Ti aspettiamo!
events-mail-resent = ci hai chiesto di nuovo l'iscrizione con questo indirizzo: eccoti la conferma, con il link per gestirla.
events-mail-link = Per vedere o annullare l'iscrizione (il link è personale, non inoltrarlo):
events-mail-link-cancelled = Per vedere la tua iscrizione (il link è personale, non inoltrarlo):
events-mail-calendar = In allegato il file per aggiungere l'evento al tuo calendario.
events-mail-door = All'ingresso mostra il codice QR della tua pagina di iscrizione (il link qui sopra).
events-door-title = All'ingresso
events-door-hint = Mostra questo codice QR allo staff: lo inquadra con il telefono e ti registra in un attimo.
events-door-code = Codice
events-mail-questions = Per qualsiasi domanda scrivi a { $email }.
events-mail-footer =
    Forum metropolitano degli spazi per l'innovazione
    Città metropolitana di Bologna – Progetti d'impresa
events-staff-intro = Gli eventi del Forum: crea una bozza, pubblicala quando è pronta, segui le iscrizioni e registra le presenze all'ingresso.
events-new-event = Nuovo evento
events-create-event = Crea l'evento
events-col-event = Evento
events-col-status = Stato
events-col-registrations = Iscrizioni
events-event-draft = bozza
events-event-published = pubblicato
events-event-cancelled = annullato
events-publish = Pubblica
events-cancel-event = Annulla l'evento
events-cancel-event-step = Annulla l'evento…
events-cancel-event-effect = { $n ->
    [0] L'evento resterà pubblico come «annullato» e non accetterà più iscrizioni. Nessuno è iscritto: nessuna e-mail sarà inviata.
    [1] L'evento resterà pubblico come «annullato» e non accetterà più iscrizioni. La persona iscritta riceverà un'e-mail. Non si può tornare indietro.
   *[other] L'evento resterà pubblico come «annullato» e non accetterà più iscrizioni. Le { $n } persone iscritte (confermate e in lista d'attesa) riceveranno un'e-mail. Non si può tornare indietro.
}
events-cancel-event-confirm = Sì, annulla l'evento e avvisa gli iscritti
events-cancelled-report = { $n ->
    [0] Evento annullato. Non c'erano iscritti da avvisare.
    [1] Evento annullato. È stata inviata un'e-mail alla persona iscritta.
   *[other] Evento annullato. Sono state inviate e-mail a { $n } persone iscritte.
}
events-discard-draft = Elimina la bozza…
events-discard-draft-effect = La bozza non è mai stata pubblicata: sarà eliminata (resta traccia nella cronologia dello staff). Non si può tornare indietro.
events-discard-draft-confirm = Sì, elimina la bozza
events-draft-discarded = Bozza eliminata.
events-conflict-title = Qualcun altro ha salvato questo evento mentre lo modificavi
events-stale = L'evento è stato modificato da qualcun altro dopo che hai aperto questa pagina: non è cambiato nulla. Controlla la versione attuale e riprova.
events-cancel-event-hint = Annullare l'evento invia un'email a tutte le persone iscritte o in lista d'attesa. Non si può tornare indietro.
events-created = Evento creato come bozza: pubblicalo quando è pronto.
events-saved = Modifiche salvate.
events-promoted = { $n ->
    [one] { $n } persona è passata dalla lista d'attesa ai posti confermati (ha ricevuto un'email).
   *[other] { $n } persone passate dalla lista d'attesa ai posti confermati (hanno ricevuto un'email).
}
events-section-texts = Testi
events-section-when = Data e ora
events-section-venue = Luogo
events-section-rsvp = Posti e iscrizioni
events-venue-fill-hint = Scelto uno spazio della mappa, nome e indirizzo del luogo si possono lasciare vuoti: si usano i suoi.
events-travel-hint = Per esempio: linee di autobus e fermata, stazione più vicina, rastrelliere per le bici, parcheggi. Compare sulla pagina dell'evento sotto l'indirizzo.
events-access-hint = Per esempio: ingresso senza gradini, ascensore, bagno accessibile, posti riservati, anello a induzione. Compare sulla pagina dell'evento.
events-venue-imprecise = La posizione di «{ $name }» sulla mappa non è precisa: la pagina dell'evento e i calendari indicano solo l'indirizzo, senza mappa né indicazioni stradali.
events-venue-imprecise-fix = Correggi la posizione dello spazio
events-venue-none = — nessuno (un altro luogo) —
events-window-hint = Lascia vuoto per aprire le iscrizioni alla pubblicazione e chiuderle all'inizio dell'evento.
events-times-hint = Ora di Bologna, per esempio 2022-06-06 17:00.
events-slug-hint = Lascia vuoto per ricavarlo dal titolo. Non cambiarlo dopo la pubblicazione: i link già inviati smetterebbero di funzionare.
events-rsvps-link = Iscrizioni
events-checkin-link = Ingresso (check-in)
events-public-page = Pagina pubblica
events-counts = { $confirmed ->
        [one] { $confirmed } confermato
       *[other] { $confirmed } confermati
    } su { $capacity ->
        [one] { $capacity } posto
       *[other] { $capacity } posti
    } · { $waiting } in lista d'attesa · { $cancelled ->
        [one] { $cancelled } annullata
       *[other] { $cancelled } annullate
    } · { $present ->
        [one] { $present } presente
       *[other] { $present } presenti
    }
events-rsvps-title = Iscrizioni: { $t }
events-search-label = Cerca per nome, email o organizzazione
events-search = Cerca
events-export-csv = Esporta le iscrizioni (CSV)
events-col-name = Nome
events-col-affiliation = Organizzazione o spazio
events-col-registered = Iscrizione
events-col-present = Presenza
events-rsvp-confirmed = confermata
events-rsvp-waiting = in attesa
events-rsvp-cancelled = annullata
events-mark-present = Segna presente
events-undo-present = Annulla presenza
events-present-since = Presente dalle { $t }
events-checkin-title = Ingresso: { $t }
events-cancel-rsvp = Annulla l'iscrizione
events-cancel-rsvp-title = Annullare l'iscrizione di { $name }?
events-cancel-rsvp-mail = { $name } riceverà un'email che conferma l'annullamento.
events-cancel-rsvp-seat = Il posto liberato andrà al primo della lista d'attesa, che riceverà un'email.
events-cancel-rsvp-confirm = Sì, annulla l'iscrizione
events-back-to-rsvps = Torna alle iscrizioni
events-back-to-door = Torna all'ingresso
events-already-cancelled = L'iscrizione di { $name } è già annullata
events-rsvp-cancelled-done = Iscrizione di { $name } annullata: riceverà un'email.
events-cancel-rsvp-no-mail = { $name } non ha lasciato un indirizzo email: non riceverà nessuna email.
events-rsvp-cancelled-done-no-mail = Iscrizione di { $name } annullata.
events-add-rsvp = Aggiungi un'iscrizione
events-add-rsvp-title = Aggiungi un'iscrizione: { $t }
events-add-rsvp-intro = Per chi si iscrive per telefono o arriva all'ingresso senza essersi iscritto. L'iscrizione è confermata subito.
events-add-rsvp-email-hint = Facoltativa. Con l'email la persona riceve la conferma e il link per annullare; senza, nessuna email.
events-add-rsvp-full = L'evento è al completo (posti: { $capacity }). Spunta la casella per aggiungere un posto per questa persona.
events-add-rsvp-submit = Aggiungi l'iscrizione
events-rsvp-added = Iscrizione di { $name } aggiunta.
events-rsvp-added-mail = Iscrizione di { $name } aggiunta: riceverà un'email di conferma.
events-edit-rsvp = Correggi i dati
events-edit-rsvp-title = Correggi i dati di { $name }
events-edit-rsvp-intro = Per un nome scritto male, un indirizzo email sbagliato, esigenze di accessibilità dette dopo. L'iscrizione resta com'è: posto, lista d'attesa e link personale non cambiano.
events-edit-rsvp-email-hint = Facoltativa. A un indirizzo nuovo arrivano la conferma e il link personale; senza indirizzo, nessuna email.
events-edit-rsvp-submit = Salva i dati
events-rsvp-edited = Dati di { $name } salvati.
events-rsvp-edited-mail = Dati di { $name } salvati: al nuovo indirizzo arriva la conferma con il link personale.
events-rsvp-unchanged = Nessuna modifica ai dati di { $name }.
events-edit-rsvp-clash = Un collega ha corretto questa iscrizione mentre la modificavi. Nei campi trovi quello che hai scritto; sotto, i valori salvati da lui. Controlla e salva di nuovo.
events-edit-rsvp-cancelled = Questa iscrizione è annullata: correggere i dati non la riattiva.
events-cancel-rsvp-present = { $name } è già stato segnato presente alle { $t }: annullando l'iscrizione, la presenza non resta.
events-no-email = senza email
events-follow = Segui l'evento
events-unfollow = Non seguire più
events-follow-note = Chi segue l'evento riceve ogni mattina un'email con le nuove iscrizioni e gli annullamenti.
events-following-note = Stai seguendo questo evento: ogni mattina ricevi un'email con le nuove iscrizioni e gli annullamenti.
events-followed = Ora segui questo evento: domattina riceverai il riepilogo, se ci sono novità.
events-unfollowed = Non segui più questo evento.
events-checkin-hint = Cerca la persona per nome o email e tocca «Segna presente».
events-door-list = Lista per l'ingresso, da stampare
events-door-list-title = Lista per l'ingresso: { $t }
events-waiting-position = In lista d'attesa, n. { $n }
events-no-rsvps = Nessuna iscrizione trovata.
events-no-events = Nessun evento per ora.
