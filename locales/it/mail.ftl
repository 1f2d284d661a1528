# The e-mails about join requests and staff accounts. Each e-mail is: the greeting, the
# message, the signature. Variables: $r is a request's reference code, $space a space's name.

mail-greeting = Buongiorno,
mail-greeting-to = Buongiorno { $name },
mail-signature =
    Progetti d'impresa – Città metropolitana di Bologna
    progimpresa@cittametropolitana.bo.it
mail-new-request-subject = Nuova adesione al Forum ({ $r })
mail-new-request-intro = una nuova richiesta di adesione aspetta la revisione.
mail-new-request-space = Spazio
mail-new-request-organisation = Organizzazione
mail-new-request-contact = Referente
mail-new-request-reference = Riferimento
mail-new-request-review = Revisione
mail-new-request-duplicates = Attenzione, potrebbe essere un doppione di: { $names }. Controlla prima di decidere: dalla richiesta puoi unirla alla scheda esistente.
mail-approved-subject = Adesione al Forum: lo spazio è ora sulla mappa ({ $r })
mail-approved =
    la richiesta di adesione di «{ $space }» è stata approvata: lo spazio è ora sulla mappa degli spazi per l'innovazione.

    { $link }

    Grazie per far parte del Forum!
mail-changes-subject = Adesione al Forum: servono alcune modifiche ({ $r })
mail-changes =
    grazie per la richiesta di adesione di «{ $space }». Prima di pubblicarla abbiamo bisogno di alcune modifiche:

    { $reason }

    Rispondi a questa email (o scrivi a progimpresa@cittametropolitana.bo.it) citando il codice { $r }.
mail-rejected-subject = Adesione al Forum: esito della richiesta ({ $r })
mail-rejected =
    abbiamo esaminato la richiesta di adesione di «{ $space }» e non possiamo accoglierla, per questo motivo:

    { $reason }

    Per chiarimenti scrivi a progimpresa@cittametropolitana.bo.it citando il codice { $r }.
mail-invitation-subject = Accesso all'area riservata di Spazi per l'innovazione
mail-invitation =
    { $admin } ti ha dato accesso all'area riservata di Spazi per l'innovazione (Forum metropolitano degli spazi per l'innovazione, Città metropolitana di Bologna).

    Per scegliere la tua password apri questo link entro 7 giorni (funziona una sola volta):
    { $link }

    Se non ti aspettavi questo messaggio, puoi ignorarlo.
mail-reset-subject = Nuova password per l'area riservata di Spazi per l'innovazione
mail-reset =
    Qualcuno (speriamo tu) ha chiesto di scegliere una nuova password per il tuo account dell'area riservata di Spazi per l'innovazione.

    Per sceglierla apri questo link entro 2 ore (funziona una sola volta):
    { $link }

    Se non l'hai chiesto tu, ignora questo messaggio: la tua password resta quella di prima.
mail-digest-subject = { $n ->
    [one] Spazi: novità su un evento che segui
   *[other] Spazi: novità su { $n } eventi che segui
}
mail-digest-intro = ecco le iscrizioni e gli annullamenti arrivati dall'ultimo riepilogo per gli eventi che segui.
mail-digest-event = { $title } ({ $date })
mail-digest-new = { $n ->
    [one] 1 nuova iscrizione: { $names }
   *[other] { $n } nuove iscrizioni: { $names }
}
mail-digest-cancelled = { $n ->
    [one] 1 annullata: { $names }
   *[other] { $n } annullate: { $names }
}
mail-digest-more = { $n ->
    [one] {" "}e un'altra persona
   *[other] {" "}e altre { $n } persone
}
mail-digest-footer = Ricevi questo riepilogo perché segui questi eventi. Per smettere, apri la pagina dell'evento nell'area riservata e scegli «Non seguire più».
mail-merged-subject = Richiesta di adesione { $r }: lo spazio era già sulla mappa
mail-merged =
    la tua richiesta di adesione riguardava uno spazio che è già sulla mappa degli spazi per l'innovazione: «{ $space }». Abbiamo aggiornato la sua scheda con i dati che ci hai inviato:
    { $link }

    Se qualcosa non va, rispondi a questa email.
