# What is wrong with a field, shown beside it: by the server, and in the browser as people
# leave a field (the join and RSVP forms). { $max } and the like are numbers the code fills in.

validation-required = Questo campo è obbligatorio.
validation-too-long = Il testo è troppo lungo: al massimo { $max } caratteri.
validation-control-characters = Il testo contiene caratteri non ammessi.
validation-choose-at-least-one = Scegli almeno un'opzione.
validation-unknown-choice = Scegli una delle opzioni dell'elenco.
validation-not-a-number = Scrivi un numero, con la virgola o il punto per i decimali (per esempio 44,4949 o 11,3426).
validation-outside-area = La posizione è fuori dalla Città metropolitana di Bologna.
validation-outside-municipality = La posizione è fuori dal comune scelto: sposta il segnaposto dentro i suoi confini, o controlla il comune.
validation-invalid-url = Scrivi un indirizzo web valido, per esempio https://www.esempio.it.
validation-invalid-email = Scrivi un indirizzo email valido, per esempio nome@esempio.it.
validation-invalid-phone = Scrivi un numero di telefono valido, per esempio 051 123 4567.
validation-too-short = Troppo corta: almeno { $min } caratteri. Una frase è più facile da ricordare.
validation-guessable = Questa password è tra quelle più usate o si indovina facilmente: scegli una frase tua, di parole che non stanno insieme.
validation-ambiguous-match = Il nome corrisponde a { $count } spazi di questo comune (elencati qui accanto): aggiungi al file la colonna slug con l'identificativo di quello da aggiornare, che è la fine dell'indirizzo della sua pagina (per esempio dumbo in /spazi/dumbo).
validation-under-review = Lo spazio ha una richiesta di adesione in revisione: l'importazione non lo modifica. Decidi prima sulla richiesta.
validation-not-updatable = Lo spazio è archiviato o respinto: l'importazione non lo modifica (per gli archiviati, scegli di includerli al caricamento).
validation-mismatch = Le due password non coincidono.
validation-duplicate-row = Lo stesso spazio è già alla riga { $line } del file.
validation-invalid-tax-code = Non è una partita IVA (11 cifre) o un codice fiscale (16 caratteri) valido: controlla le cifre.
validation-must-accept = Per inviare la richiesta occorre dichiarare di aver letto l'informativa sulla privacy.
validation-too-fast = Il modulo è stato inviato troppo in fretta. Controlla i dati, aspetta qualche secondo e invialo di nuovo.
validation-too-many = Troppe richieste inviate da questa connessione. Riprova tra un'ora, oppure scrivi a progimpresa@cittametropolitana.bo.it.
validation-invalid-date = Scrivi data e ora, per esempio 2022-06-06 17:00.
validation-end-before-start = Controlla le date: la fine deve venire dopo l'inizio.
validation-after-the-end = Le iscrizioni devono chiudersi prima della fine dell'evento.
validation-invalid-slug = Usa solo lettere minuscole, cifre e trattini (da 3 a 80 caratteri).
validation-out-of-range = Scrivi un numero intero tra { $min } e { $max }.
validation-below-taken = { $taken ->
    [one] C'è già { $taken } iscrizione confermata: i posti non possono essere meno.
   *[other] Ci sono già { $taken } iscrizioni confermate: i posti non possono essere meno.
}
validation-registration-closed = Le iscrizioni a questo evento non sono aperte in questo momento.
validation-refused = Non è stato possibile inviare il modulo. Riprova, oppure scrivi a progimpresa@cittametropolitana.bo.it.
validation-taken = Esiste già un account con questo indirizzo.
validation-already-registered = Questo indirizzo è già iscritto all'evento: cercalo nell'elenco delle iscrizioni.
validation-event-full = { $capacity ->
    [one] L'evento è al completo ({ $capacity } posto). Per aggiungere comunque questa persona, spunta la casella.
   *[other] L'evento è al completo ({ $capacity } posti). Per aggiungere comunque questa persona, spunta la casella.
}
validation-wrong-password = Non è la tua password attuale.
validation-unknown-municipality = Non è uno dei 55 comuni della Città metropolitana di Bologna: controlla il nome o il codice ISTAT.
validation-unknown-kind = Tipo non riconosciuto: scrivi coworking, fablab o incubatore (più tipi separati da virgola o punto e virgola; l'aiuto qui sopra elenca ogni grafia accettata).
validation-same-as-current = È la password che hai già: scegline una nuova.
validation-same-name = C'è già un'iscrizione a questo nome: cercala nell'elenco. Se è un'altra persona, spunta la casella.
validation-question-needed = Da questa rete sono arrivate molte iscrizioni nell'ultima ora: per continuare rispondi alla domanda qui sotto. Serve a fermare gli invii automatici.
validation-wrong-answer = La risposta non è giusta, o l'indirizzo email è cambiato dopo la domanda: rispondi alla nuova domanda.
validation-not-a-photo = Il file non è una foto in formato JPEG, PNG o WebP, o è danneggiato: scegline un altro.
validation-photo-too-large = Il file è troppo grande: al massimo { $max } MB. Riduci la foto e scegli di nuovo il file.
validation-photo-dimensions = La foto deve misurare almeno 300 × 200 pixel e al massimo 50 megapixel.
validation-photo-missing = La foto caricata non è più disponibile: scegli di nuovo il file.
