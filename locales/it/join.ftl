# The join form, its confirmation page and e-mail, the needs of the survey, the privacy notice.

join-nav = Aderisci al Forum
join-title = Aderisci al Forum
join-intro = Il Forum metropolitano degli spazi per l'innovazione riunisce coworking, fab lab e makerspace, incubatori e acceleratori dei 55 comuni della Città metropolitana di Bologna. Se gestite uno spazio che non è ancora sulla mappa, presentatelo qui: lo staff di Progetti d'impresa controllerà i dati prima di pubblicarlo.
join-time-needed = Servono circa 10 minuti.
join-required-note = I campi con * sono obbligatori.
join-section-space = Lo spazio
join-section-position = Dove si trova
join-position-hint = Tocca la mappa o trascina il segnaposto sul punto esatto. Se non indichi la posizione, lo spazio sarà collocato al centro del comune finché lo staff non la corregge.
join-section-contacts = Contatti pubblici
join-section-contacts-hint = Saranno mostrati sulla pagina dello spazio.
join-section-organisation = L'organizzazione che lo gestisce
join-section-person = La persona di riferimento
join-section-person-hint = Solo per lo staff: questi dati non vengono pubblicati.
join-section-survey = Il questionario del Forum
join-section-survey-hint = Le risposte aiutano la Città metropolitana a costruire il Forum insieme agli spazi.
join-section-privacy = Privacy
join-consent-privacy = Ho letto l'informativa sulla privacy
join-privacy-link = Leggi l'informativa sulla privacy
join-consent-contact = Acconsento a essere contattato o contattata per le attività del Forum (facoltativo)
join-submit = Invia la richiesta
join-choose = Scegli…
join-honeypot = Non compilare questo campo
join-sent-title = Richiesta inviata
join-sent-reference = Codice di riferimento
join-sent-body = Grazie! La richiesta di adesione di «{ $space }» ({ $municipality }) è arrivata. Ti abbiamo scritto un'email di conferma con il riepilogo.
join-sent-next = Lo staff di Progetti d'impresa controllerà i dati e ti scriverà: lo spazio comparirà sulla mappa dopo l'approvazione. Per qualsiasi domanda scrivi a progimpresa@cittametropolitana.bo.it citando il codice di riferimento.
join-sent-back = Torna alla mappa
join-summary-space = Spazio
join-summary-address = Indirizzo
join-summary-organisation = Organizzazione
join-summary-contact = Referente
join-summary-website = Web
join-mail-subject = Adesione al Forum ricevuta ({ $r })
join-mail-body =
    abbiamo ricevuto la richiesta di adesione di «{ $space }» al Forum metropolitano degli spazi per l'innovazione. Il codice di riferimento è { $r }. Lo staff di Progetti d'impresa controllerà i dati e ti scriverà; lo spazio comparirà sulla mappa dopo l'approvazione.

    Ecco il riepilogo:
join-privacy-title = Informativa sulla privacy
join-privacy-controller-heading = Titolare del trattamento
join-privacy-controller = Città metropolitana di Bologna, via Zamboni 13, 40126 Bologna. Il servizio Progetti d'impresa gestisce questo sito con la Fondazione per l'Innovazione Urbana. Contatto: progimpresa@cittametropolitana.bo.it.
join-privacy-data-heading = Quali dati
join-privacy-data = I dati dello spazio e dell'organizzazione che lo gestisce (pubblicati sulla mappa dopo la revisione, tranne partita IVA o codice fiscale); i dati della persona di riferimento (nome, ruolo, email, telefono: non pubblicati); le risposte al questionario; per gli eventi, i dati dell'iscrizione; per chi gestisce uno spazio, l'indirizzo email con cui entra in «Il mio spazio» (non pubblicato).
join-privacy-why-heading = Perché
join-privacy-why = Per costruire e gestire la rete degli spazi per l'innovazione e il Forum, pubblicare la mappa degli spazi, organizzare gli eventi e, solo con il consenso facoltativo, contattarti per le attività del Forum. Base giuridica: l'esecuzione di compiti di interesse pubblico dell'ente (art. 6.1.e GDPR) e, per i contatti facoltativi, il consenso (art. 6.1.a).
join-privacy-retention-heading = Per quanto tempo
join-privacy-retention = I dati pubblicati, e l'indirizzo di chi gestisce lo spazio, restano finché lo spazio fa parte della rete (o finché chi lo gestisce non chiede di toglierlo). Le iscrizioni agli eventi sono rese anonime { $days ->
    [one] un giorno
   *[other] { $days } giorni
} dopo la fine dell'evento (restano solo i conteggi); le richieste di adesione non approvate e le email inviate sono cancellate { $days ->
    [one] un giorno
   *[other] { $days } giorni
} dopo.
join-privacy-rights-heading = I tuoi diritti
join-privacy-rights = Puoi chiedere l'accesso, la rettifica, la cancellazione o la limitazione dei tuoi dati, opporti al trattamento e revocare il consenso in ogni momento, scrivendo a progimpresa@cittametropolitana.bo.it. Puoi anche presentare reclamo al Garante per la protezione dei dati personali.
join-privacy-dpo-heading = Responsabile della protezione dei dati
join-privacy-dpo = Il Responsabile della protezione dei dati (DPO) della Città metropolitana di Bologna: { $contact }.
join-privacy-dpo-unset = Il Responsabile della protezione dei dati (DPO) della Città metropolitana di Bologna si può contattare tramite il titolare, all'indirizzo indicato sopra.
join-privacy-cookies-heading = Cookie
join-privacy-cookies = Il sito usa solo cookie tecnici: la lingua scelta e la sessione di accesso (dello staff e di chi gestisce uno spazio). Nessun cookie di profilazione o di terze parti.
join-need-visibility = Visibilità e comunicazione
join-need-networking = Rete e collaborazioni con gli altri spazi
join-need-funding = Informazioni su bandi e finanziamenti
join-need-training = Formazione e competenze
join-need-premises = Sedi, locali e attrezzature
join-need-bureaucracy = Procedure amministrative più semplici
join-need-events = Eventi e iniziative comuni
join-need-businesses = Contatti con imprese, startup e università
