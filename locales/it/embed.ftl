# The map and the events for other sites: the builder (/incorpora) and the framed pages
# (/incorporata, /incorporata/eventi).
embed-footer-link = Incorpora la mappa nel tuo sito
embed-builder-title = Incorpora la mappa nel tuo sito
embed-builder-intro = Per i siti dei Comuni, delle associazioni e degli spazi: scegli cosa mostrare, guarda l'anteprima e copia il codice nella tua pagina. Si aggiorna da sé quando gli spazi cambiano.
embed-privacy-note = La mappa incorporata non usa cookie, non conserva nulla nel browser e non raccoglie dati di chi la guarda: al tuo sito non serve un banner per lei. Le tessere della mappa vengono da OpenStreetMap.
embed-choices = Le tue scelte
embed-what = Cosa mostrare
embed-what-map = La mappa degli spazi
embed-what-events = I prossimi eventi del Forum
embed-kinds = Tipologie di spazio
embed-kinds-hint = Se non ne scegli nessuna, tutte.
embed-municipalities = Comuni
embed-municipalities-hint = Se non ne scegli nessuno, tutta la città metropolitana. Sono elencati i comuni con almeno uno spazio.
embed-map-only = Solo per la mappa degli spazi.
embed-list = Mostra l'elenco degli spazi accanto alla mappa
embed-list-hint = Sui telefoni l'elenco va sotto la mappa. Senza JavaScript si vede sempre.
embed-height = Altezza
embed-height-option = { $px } pixel
embed-language = Lingua
embed-update = Aggiorna l'anteprima
embed-preview = Anteprima
embed-preview-hint = Ecco esattamente quello che vedranno i visitatori del tuo sito.
embed-code = Il codice da incollare
embed-code-hint = Incollalo nella tua pagina in modalità HTML (in WordPress: il blocco «HTML personalizzato»; nei siti dei Comuni: il campo «codice incorporato» o «iframe»).
embed-link = Oppure un semplice link
embed-link-hint = Per una newsletter o un social network: porta alla mappa con le stesse scelte.
embed-oembed-hint = Se il tuo sito riconosce i link incorporabili (oEmbed, come WordPress), basta incollare l'indirizzo di una pagina di Spazi.
embed-map-frame-title = Mappa degli spazi per l'innovazione della città metropolitana di Bologna
embed-events-frame-title = Prossimi eventi del Forum degli spazi per l'innovazione
embed-map-heading = Spazi per l'innovazione
embed-events-heading = Prossimi eventi del Forum
embed-events-none = Nessun evento in programma per ora.
embed-all-events = Tutti gli eventi
embed-more-spaces = { $n ->
    [1] E un altro spazio: apri la mappa completa
   *[other] E altri { $n } spazi: apri la mappa completa
}
embed-credit = Forum metropolitano degli spazi per l'innovazione · Città metropolitana di Bologna
embed-open-full-map = Apri la mappa completa
embed-new-tab = I link si aprono in una nuova scheda.
embed-data-licence = Dati CC BY 4.0
embed-open-space = Apri la scheda dello spazio
embed-open-event = Vai all'evento
embed-updated = Anteprima, codice e link aggiornati.
embed-copy-code = Copia il codice
embed-copy-link = Copia il link
embed-copied = Copiato: ora incollalo nella tua pagina.
embed-copy-failed = Il browser non ha permesso di copiare: il testo è selezionato, copialo a mano (Ctrl+C, o tieni premuto sul telefono).
embed-no-spaces = Qui non ci sono ancora spazi della rete.
embed-skip-preview = Salta l'anteprima: vai al codice
