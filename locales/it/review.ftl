# The staff review of join requests, and the survey pages.

review-nav = Adesioni
review-to-review-short = da esaminare
review-title = Richieste di adesione
review-intro = Le richieste inviate con il modulo «Aderisci al Forum». Lo spazio compare sulla mappa solo dopo l'approvazione; puoi correggerne i dati prima di decidere.
review-none = Nessuna richiesta per ora.
review-reference = Codice
review-space = Spazio
review-submitted = Inviata
review-state = Stato
review-waiting = da esaminare
review-decision-approved = approvata
review-decision-changes = modifiche richieste
review-decision-rejected = respinta
review-request-title = Richiesta { $r }
review-duplicates-title = Possibili doppioni
review-duplicates-none = Nessuno spazio simile nello stesso comune.
review-duplicate-at = a { $m } m
review-section-space = Lo spazio
review-section-organisation = L'organizzazione
review-section-contact = La persona di riferimento (non pubblicata)
review-section-survey = Il questionario
review-consent-contact-yes = Acconsente a essere contattata per le attività del Forum.
review-consent-contact-no = Non ha dato il consenso a essere contattata per le attività del Forum.
review-edit-space = Correggi i dati dello spazio
review-decide-title = Decisione
review-decide-hint = Chi ha inviato la richiesta riceve un'email con l'esito. Per chiedere modifiche o respingere serve un motivo, che sarà incluso nell'email.
review-stale = Qualcun altro ha cambiato questa richiesta dopo che hai aperto la pagina: non è stato fatto nulla. Controlla l'esito attuale qui sopra; quello che avevi scritto è ancora nel modulo.
review-confirm-title = Confermi? Lo spazio è pubblicato
review-confirm-effect = La richiesta è già approvata e lo spazio è sulla mappa. Con questa decisione lo spazio sarà tolto dalla mappa e dai dati aperti, e { $to } riceverà un'email con il motivo.
review-confirm-button = Sì, togli lo spazio dalla mappa e invia l'email
review-confirm-back = No, torna alla richiesta
review-approve = Approva e pubblica
review-ask-changes = Chiedi modifiche
review-reject = Respingi
review-decided = Esito: { $what } ({ $when }).
review-saved = Decisione registrata; l'email è in invio.
review-space-corrected = Dati dello spazio corretti e salvati: ora puoi decidere sulla richiesta.
review-survey-nav = Questionario
review-survey-title = Il questionario del Forum
review-survey-responses = { $n ->
    [one] 1 risposta (le richieste respinte non sono contate).
   *[other] { $n } risposte (le richieste respinte non sono contate).
}
review-survey-needs = Di cosa hanno bisogno gli spazi
review-survey-count = Risposte
review-survey-other = Altri bisogni
review-survey-visions = Visioni per la rete
review-survey-export = Esporta le risposte (CSV per Excel)
review-survey-empty = Nessuna risposta ancora.
review-not-given = —
