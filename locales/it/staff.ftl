# The staff area: signing in, the spaces, imports, accounts, the audit trail.

staff-area = Area riservata
staff-sign-in-title = Accesso allo staff
staff-sign-in-intro = Area riservata al personale di Progetti d'impresa della Città metropolitana di Bologna.
staff-email = Email
staff-password = Password
staff-sign-in = Accedi
staff-signed-out = Sei uscito dall'area riservata.
staff-wrong-credentials = Email o password non corretti. Controlla e riprova.
staff-locked = { $m ->
    [one] Troppi tentativi di accesso non riusciti: per sicurezza l'accesso è bloccato. Riprova tra { $m } minuto.
   *[other] Troppi tentativi di accesso non riusciti: per sicurezza l'accesso è bloccato. Riprova tra { $m } minuti.
}
staff-unavailable = Il servizio non è disponibile in questo momento. Riprova tra qualche minuto.
staff-sign-out = Esci
staff-signed-in-as = Hai effettuato l'accesso come { $name } ({ $role }).
staff-role-admin = amministratore
staff-role-editor = redattore
staff-spaces-heading = Spazi
staff-status = Stato
staff-all-statuses = Tutti gli stati
staff-status-pending = In attesa
staff-status-published = Pubblicato
staff-status-rejected = Respinto
staff-status-archived = Archiviato
staff-name = Nome
staff-municipality = Comune
staff-updated = Aggiornato
staff-search = Cerca
staff-filter = Filtra
staff-count = { $n ->
    [one] 1 spazio
   *[other] { $n } spazi
}
staff-edit = Modifica
staff-publish = Pubblica
staff-unpublish = Rimetti in attesa
staff-archive = Archivia
staff-public-page = Vedi la pagina pubblica
staff-saved = Modifiche salvate.
staff-save = Salva le modifiche
staff-history = Storico delle modifiche
staff-no-history = Nessuna modifica registrata.
staff-when = Quando
staff-who = Chi
staff-what = Azione
staff-changes = Modifiche
staff-fix-errors = Correggi questi campi
staff-choose = Scegli…
staff-not-given = Non indicato
staff-section-space = Lo spazio
staff-section-position = Dove si trova
staff-section-contacts = Contatti pubblici
staff-section-photo = Foto
staff-photo-hint = Una foto dello spazio in formato JPEG, PNG o WebP, fino a 10 MB. La pubblichiamo ritagliata in formato 3:2, senza i dati nascosti nel file (come la posizione GPS e il modello del telefono).
staff-photo-alt-hint = Descrivi in poche parole che cosa si vede, per chi non può vedere la foto. Obbligatoria se c'è una foto.
staff-photo-choose = Scegli una foto
staff-photo-replace = Sostituisci la foto
staff-photo-remove = Togli la foto
staff-photo-uploaded = Foto caricata: sarà salvata con il resto del modulo.
staff-section-organisation = Organizzazione
staff-precision-exact = Esatta (sull'edificio)
staff-precision-approximate = Approssimativa (per via)
staff-precision-municipality = Solo il comune
staff-max-chars-fmt = Al massimo { $m } caratteri.
staff-new-space = Nuovo spazio
staff-new-space-intro = Lo spazio viene creato «in attesa»: pubblicalo dalla sua pagina quando è pronto. I campi con * sono obbligatori.
staff-create = Crea lo spazio
staff-export-all = Esporta tutti gli spazi (ogni stato)
staff-import-link = Importa da file (CSV o GeoJSON)
staff-import-title = Importa spazi da file
staff-import-intro = Carica un file CSV (anche salvato da Excel) o GeoJSON: vedrai prima un'anteprima di cosa cambierebbe — spazi da creare, da aggiornare, righe con errori — e nulla cambia finché non confermi. Importare di nuovo lo stesso file non cambia nulla.
staff-import-columns-title = Quali colonne servono
staff-import-columns = Obbligatorie: il nome, il comune (o il suo codice ISTAT), lat e lon (o le coordinate di un file GeoJSON); le altre sono facoltative. La tabella qui sotto elenca ogni colonna con i nomi di intestazione accettati (maiuscole e accenti non contano) e, dove servono, i valori accettati. Le esportazioni dello staff hanno già queste colonne. Uno spazio esistente è riconosciuto dallo slug, altrimenti da nome e comune (se il nome corrisponde a più spazi, la riga è segnalata: aggiungi lo slug). Le celle piene sostituiscono i valori salvati; le celle vuote e le colonne assenti li lasciano com'erano; per cancellare un valore scrivi [vuoto]. La colonna dei gestori (manager_email, uno o più indirizzi separati da virgole) aggiunge gestori e non ne toglie: per togliere un gestore usa la pagina «Gestori» dello spazio. Gli spazi con una richiesta di adesione in revisione, quelli respinti e (se non scegli altrimenti) quelli archiviati non vengono mai modificati. Un file Excel (.xlsx) va prima salvato come CSV: in Excel, File › Salva con nome › «CSV UTF-8 (delimitato da virgole)».
staff-import-col-what = Colonna
staff-import-col-headers = Intestazioni accettate
staff-import-col-values = Valori accettati
staff-import-col-slug = Slug (la fine dell'indirizzo della pagina dello spazio)
staff-import-col-istat = Codice ISTAT del comune
staff-import-col-required = obbligatoria
staff-import-col-separated = più tipi separati da { $s }
staff-import-file = File
staff-import-file-hint = CSV o GeoJSON, al massimo 5 MB e 10.000 righe.
staff-import-new-status = Stato degli spazi nuovi
staff-import-preview-button = Carica e mostra l'anteprima
staff-import-recent = Importazioni recenti
staff-import-done = applicata
staff-import-not-applied = non applicata
staff-import-preview = Anteprima
staff-import-to-create = Da creare: { $n }
staff-import-to-update = Da aggiornare: { $n }
staff-import-unchanged = Senza modifiche: { $n }
staff-import-with-errors = Con errori (non importate): { $n }
staff-import-created = Creati: { $n }
staff-import-updated = Aggiornati: { $n }
staff-import-ignored = Colonne ignorate
staff-import-errors-skipped = Le righe con errori non vengono importate: correggi il file e caricalo di nuovo (le righe già importate resteranno senza modifiche).
staff-import-new-status-note = Gli spazi nuovi avranno lo stato «{ $s }».
staff-import-confirm = { $n ->
    [one] Conferma e importa (1 spazio)
   *[other] Conferma e importa ({ $n } spazi)
}
staff-import-nothing = Non c'è nulla da importare: ogni riga è già come nel file, oppure ha errori.
staff-import-line = Riga
staff-import-outcome = Esito
staff-import-details = Dettagli
staff-import-more-rows = …e altre { $n } righe non mostrate.
staff-import-running = Importazione in corso
staff-import-progress = { $d } righe su { $t }
staff-import-stalled = L'importazione si è interrotta (per esempio per un riavvio del server). Puoi riprenderla: le righe già importate non verranno ripetute.
staff-import-resume = Riprendi l'importazione
staff-import-done-title = Importazione completata
staff-import-done-before-revert = Che cosa aveva fatto l'importazione
staff-import-back = Torna all'elenco degli spazi
staff-import-another = Importa un altro file
staff-import-uploaded = Caricato il { $w }.
staff-import-action-create = nuovo
staff-import-action-update = aggiornamento
staff-import-action-unchanged = senza modifiche
staff-import-action-error = errore
staff-import-no-file = Scegli un file da caricare.
staff-import-stale-form = Il modulo non era più valido (la sessione è cambiata): scegli di nuovo il file e caricalo.
staff-import-busy = Il file non è stato salvato: il server è occupato. Riprova tra qualche istante.
staff-import-empty = Il file non contiene righe da importare.
staff-import-too-large = Il file è troppo grande: al massimo { $mb } MB.
staff-import-not-recognised = Il file non è un CSV o un GeoJSON (FeatureCollection) leggibile.
staff-import-spreadsheet = È un file Excel (o di un altro foglio di calcolo), che l'importazione non legge: aprilo in Excel, scegli File › Salva con nome › «CSV UTF-8 (delimitato da virgole)» e carica il file .csv.
staff-import-missing-column = Manca una colonna obbligatoria: { $c }.
staff-import-too-many-rows = Il file ha troppe righe: al massimo { $n }. Dividilo in più file.
staff-import-include-archived = Aggiorna anche gli spazi archiviati (altrimenti le righe che li riguardano sono segnalate e lasciate da parte)
staff-import-changed-notice = Alcuni spazi sono cambiati dopo l'anteprima che avevi davanti: questa è l'anteprima aggiornata. Controllala e conferma di nuovo.
staff-import-matched = Spazio esistente
staff-import-by-slug = riconosciuto dallo slug
staff-import-by-name = riconosciuto da nome e comune
staff-import-undoes = annulla una correzione fatta a mano dallo staff
staff-import-undo-warning = { $n ->
    [one] Una modifica annullerebbe una correzione fatta a mano dallo staff: è segnata nella tabella.
   *[other] { $n } modifiche annullerebbero correzioni fatte a mano dallo staff: sono segnate nella tabella.
}
staff-import-none-value = (vuoto)
staff-import-conflicts = Lasciati com'erano perché modificati dopo l'anteprima: { $n }
staff-import-manager-added = { $email } diventerà gestore dello spazio.
staff-import-managers = { $n ->
    [one] Un indirizzo è diventato gestore del suo spazio.
   *[other] { $n } indirizzi sono diventati gestori dei loro spazi.
}
staff-import-revert-title = Annullare l'importazione
staff-import-revert-effects = Annullandola, gli spazi creati dall'importazione ({ $remove }) saranno eliminati e gli spazi che ha aggiornato ({ $restore }) torneranno ai valori di prima.
staff-import-revert-changed = Questi spazi sono stati modificati dopo l'importazione (o uno spazio creato è il luogo di un evento): l'annullamento non li tocca.
staff-import-revert-leave = Annulla il resto e lascia questi spazi come sono ora
staff-import-revert-button = Annulla l'importazione…
staff-import-revert-confirm-title = Confermi l'annullamento dell'importazione?
staff-import-revert-confirm-button = Sì, annulla l'importazione
staff-import-revert-back = No, torna al resoconto
staff-import-revert-blocked = Alcuni spazi sono stati modificati dopo l'importazione: non è stato annullato nulla. Scegli se annullare il resto lasciandoli come sono.
staff-import-reverted = { $left ->
    [0] Importazione annullata il { $when }: gli spazi sono tornati come prima.
    [1] Importazione annullata il { $when }, tranne uno spazio modificato dopo l'importazione, rimasto com'era.
   *[other] Importazione annullata il { $when }, tranne { $left } spazi modificati dopo l'importazione, rimasti com'erano.
}
staff-import-reverted-short = annullata
staff-import-deleted-space = (spazio eliminato)
staff-import-line-of = riga { $n }
staff-conflict-title = Qualcun altro ha salvato questo spazio mentre lo modificavi
staff-conflict-body = Le tue modifiche non sono state salvate: sono ancora nel modulo qui sotto, insieme a quelle del collega ai campi che non avevi toccato. Qui sotto trovi il valore salvato di ogni campo in cui il modulo è diverso. Controlla, poi salva di nuovo.
staff-conflict-saved-value = Valore salvato ora:
staff-status-stale = Lo spazio è stato modificato da qualcun altro dopo che hai aperto questa pagina: nulla è cambiato. Controlla la versione attuale e riprova.
staff-from-request = Richiesta di adesione
staff-archive-step = Archivia…
staff-archive-effect = Archiviato, lo spazio resta nel registro dello staff ma non è più pubblico, e le importazioni non lo modificano. Potrai pubblicarlo di nuovo.
staff-archive-confirm = Sì, archivia lo spazio
staff-unpublish-step = Rimetti in attesa…
staff-unpublish-effect = Lo spazio torna in attesa di revisione; se è arrivato da una richiesta di adesione già decisa, la richiesta torna in coda. Nessuna e-mail viene inviata.
staff-unpublish-confirm = Sì, rimetti in attesa
staff-off-map-effect = Lo spazio sparirà dalla mappa, dall'elenco e dai dati aperti; la sua pagina pubblica non sarà più raggiungibile.
staff-disable-step = Disattiva…
staff-disable-effect = { $name } non potrà più accedere: le sue sessioni aperte e i link d'accesso non ancora usati smettono di valere subito. Potrai riattivare l'account.
staff-disable-confirm = Sì, disattiva
staff-account-stale = L'account è stato modificato da un altro amministratore dopo che hai aperto questa pagina: non è cambiato nulla. Controlla lo stato attuale e riprova.
staff-last-admin = Non è cambiato nulla: deve restare almeno un amministratore attivo (e chi agisce deve esserlo ancora).
staff-publish-approves = Pubblicando lo spazio approvi la richiesta di adesione { $r }: chi l'ha inviata riceverà un'email.
staff-role-confirm = Sì, cambia il ruolo
staff-session-ended = La sessione è scaduta prima che il modulo arrivasse, e non è stato salvato nulla. Accedi di nuovo: ritroverai il modulo con quello che avevi scritto.
staff-resumed = Ecco il modulo con quello che avevi scritto prima che la sessione scadesse: non è ancora salvato. Controlla e salva.
staff-staff-link = Account dello staff
staff-import-short = Importa
staff-last-sign-in = Ultimo accesso
staff-forbidden-title = Accesso non consentito
staff-forbidden = Il tuo ruolo non permette di vedere questa pagina. Se ti serve, chiedi a un amministratore dello staff.
staff-staff-title = Account dello staff
staff-link-for = Link di accesso per { $name }
staff-link-explain = La persona riceve il link anche per email; se non le arriva, copialo e invialo tu. Con il link sceglie la sua password. Vale 7 giorni e si può usare una volta sola. Qui non verrà mostrato di nuovo.
staff-link-label = Link di accesso
staff-role-heading = Ruolo
staff-account-state = Stato
staff-actions = Azioni
staff-invite-heading = Invita una collega o un collega
staff-invite-intro = L'account viene creato senza password: la persona la sceglie con il link che riceverai qui.
staff-invite = Invita
staff-recent-changes = Modifiche recenti agli account
staff-account = Account
staff-account-disabled = disattivato
staff-account-invited = invitato (link non ancora usato)
staff-account-active = attivo
staff-you = (tu)
staff-make-admin = Rendi amministratore
staff-make-editor = Rendi redattore
staff-role-admin-explain = gestisce anche gli account dello staff
staff-role-editor-explain = gestisce spazi, adesioni ed eventi
staff-enable = Riattiva
staff-disable = Disattiva
staff-new-link = Nuovo link di accesso
staff-invitation-title = Scegli la tua password
staff-welcome = Benvenuta o benvenuto, { $name }
staff-invitation-intro = Scegli la password per accedere all'area riservata di Spazi per l'innovazione.
staff-set-password = Salva la password
staff-password-hint-fmt = Almeno { $min } caratteri. Una frase di più parole è sicura e facile da ricordare.
staff-invitation-dead-title = Link non più valido
staff-invitation-dead = Questo link è già stato usato oppure è scaduto. Puoi chiederne uno nuovo con «Password dimenticata?» nella pagina di accesso, oppure a un amministratore dello staff (progimpresa@cittametropolitana.bo.it).
staff-new-password-title = Scegli una nuova password
staff-new-password-intro = { $name }, scegli la nuova password per accedere all'area riservata di Spazi per l'innovazione. Quella di prima non funzionerà più.
staff-password-set = Password salvata. Ora puoi accedere.
staff-forgot-link = Password dimenticata?
staff-forgot-title = Password dimenticata
staff-forgot-intro = Scrivi l'indirizzo email del tuo account: ti invieremo un link per scegliere una nuova password. Il link vale 2 ore e funziona una sola volta.
staff-forgot-submit = Inviami il link
staff-forgot-sent = Se l'indirizzo corrisponde a un account attivo, tra pochi minuti riceverai un'email con il link per scegliere una nuova password. Se non arriva, controlla la posta indesiderata oppure scrivi a progimpresa@cittametropolitana.bo.it.
staff-back-to-sign-in = Torna all'accesso
staff-my-password = La mia password
staff-change-password-title = Cambia la tua password
staff-change-password-intro = Per sicurezza serve la password attuale. Dopo il cambio, le altre sessioni aperte con il tuo account (per esempio su un altro computer) vengono chiuse.
staff-change-password-submit = Cambia la password
staff-password-changed = Password cambiata. Le altre sessioni aperte con il tuo account sono state chiuse.
staff-action-create = creazione
staff-action-update = modifica
staff-action-status = cambio di stato
staff-action-import = importazione
staff-action-invite = invito
staff-action-access-link = nuovo link di accesso
staff-action-set-password = password scelta
staff-action-password-reset = link per una nuova password chiesto
staff-action-password-change = password cambiata
staff-action-disable = disattivazione
staff-action-enable = riattivazione
staff-action-role = cambio di ruolo
staff-action-sign-in = accesso
staff-action-sign-out = uscita
staff-action-rsvp-cancel = iscrizione annullata dallo staff
staff-action-rsvp-add = iscrizione aggiunta dallo staff
staff-action-rsvp-edit = iscrizione corretta dallo staff
staff-action-merge = richiesta di adesione unita alla scheda
staff-action-seat-added = posto aggiunto per un'iscrizione oltre i posti
staff-action-discard = bozza eliminata
staff-action-revert = importazione annullata
staff-action-reopened = richiesta riaperta
staff-action-approved = richiesta approvata
staff-action-changes-requested = modifiche chieste
staff-action-rejected = richiesta respinta
staff-action-check-in = presenza segnata
staff-action-check-in-undone = presenza tolta
staff-merged-requests = Richieste di adesione unite a questa scheda
staff-search-label = Cerca ovunque
staff-search-button = Cerca ovunque
staff-search-title = Cerca
staff-search-results = Risultati per «{ $q }»
staff-search-hint = Spazi (per nome, indirizzo, organizzazione, comune, email, telefono o sito), richieste di adesione (per codice, spazio o referente), iscrizioni (per nome o email, in ogni evento) ed eventi.
staff-search-short = Scrivi almeno 2 caratteri.
staff-search-none = Nessun risultato. Prova con meno parole, o con l'inizio di un nome.
staff-search-spaces = Spazi ({ $n })
staff-search-requests = Richieste di adesione ({ $n })
staff-search-registrations = Iscrizioni ({ $n })
staff-search-events = Eventi ({ $n })
staff-search-more = Sono mostrati i primi { $shown } di { $total }: aggiungi una parola per restringere la ricerca.
staff-actor-public = chiunque, dalla pagina di accesso
staff-actor-cli = riga di comando del server
staff-actor-join-form = modulo di adesione (pubblico)
staff-audit-reason = Motivo
staff-audit-emailed = Email inviate
staff-yes = sì
staff-no = no
staff-approximate-filter = Solo posizioni approssimative (da correggere)
staff-todo-heading = Da fare
staff-todo-requests = { $n ->
    [one] 1 richiesta di adesione da esaminare
   *[other] { $n } richieste di adesione da esaminare
}
staff-todo-no-requests = Nessuna richiesta di adesione da esaminare.
staff-todo-events = Eventi dei prossimi sette giorni
staff-todo-no-events = Nessun evento nei prossimi sette giorni.
staff-approximate-count = { $n ->
    [one] 1 spazio ha una posizione approssimativa da correggere
   *[other] { $n } spazi hanno una posizione approssimativa da correggere
}
staff-outside-filter = Solo segnaposti fuori dal loro comune (da correggere)
staff-outside-tag = Fuori dal comune
staff-outside-count = { $n ->
    [one] 1 spazio ha il segnaposto fuori dal comune indicato: da correggere
   *[other] { $n } spazi hanno il segnaposto fuori dal comune indicato: da correggere
}
