# The public site: the layout, the map and its filters, the list, a space's page, open data.

site-site-name = Spazi per l'innovazione
site-forum-name = Forum metropolitano degli spazi per l'innovazione
site-owner = Città metropolitana di Bologna
site-skip-to-content = Vai al contenuto principale
site-breadcrumb = Percorso di navigazione
site-nav-main = Menu principale
site-menu = Menu
site-form-too-large = Il modulo inviato è troppo grande: accorcia i testi e invialo di nuovo, oppure scrivi a progimpresa@cittametropolitana.bo.it.
site-nav-map = Mappa degli spazi
site-switch-language = English
site-home-title = Mappa degli spazi per l'innovazione
site-home-intro = Coworking, fab lab e makerspace, incubatori e acceleratori nei 55 comuni della Città metropolitana di Bologna: la rete del Forum metropolitano degli spazi per l'innovazione.
site-home-description = La mappa degli spazi collaborativi per l'innovazione della Città metropolitana di Bologna: coworking, fab lab, incubatori e acceleratori.
site-filters-heading = Filtra gli spazi
site-filter-kind = Tipo di spazio
site-filter-all-kinds = Tutti i tipi
site-filter-municipality = Comune
site-filter-all-municipalities = Tutti i comuni
site-filter-search = Cerca
site-filter-search-hint = Nome, indirizzo, organizzazione…
site-filter-apply = Applica i filtri
site-filter-clear = Azzera i filtri
site-results = { $n ->
    [0] Nessuno spazio trovato
    [1] 1 spazio trovato
   *[other] { $n } spazi trovati
}
site-no-results = Nessuno spazio corrisponde ai filtri scelti. Prova ad azzerarli.
site-list-heading = Elenco degli spazi
site-pagination-label = Pagine dell'elenco
site-page-of = Pagina { $n } di { $m }
site-page-previous = Pagina precedente
site-page-next = Pagina successiva
site-page-n = Pagina { $n }
site-legend = Legenda
site-map-needs-js = La mappa interattiva richiede JavaScript. L'elenco qui sotto contiene tutti gli spazi trovati.
site-address = Indirizzo
site-municipality = Comune
site-kinds = Tipo di spazio
site-contacts = Contatti
site-website = Sito web
site-email = Email
site-phone = Telefono
site-no-contacts = Nessun contatto pubblico disponibile.
site-organisation = Organizzazione
site-run-by = Gestito da
site-organisation-kind = Tipo di organizzazione
site-position = Posizione
site-data-source = Fonte dei dati
site-source-join-form = la richiesta di adesione dello spazio
site-source-staff = la redazione del Forum
site-confirmed-on = Informazioni confermate il { $date }
site-confirmed-stale = Informazioni confermate il { $date }: potrebbero non essere più aggiornate
site-not-confirmed = Informazioni non ancora confermate
site-back-to-map = Torna alla mappa
site-share = Condividi
site-share-email = Per email
site-share-link = L'indirizzo di questa pagina:
site-not-found-title = Pagina non trovata
site-not-found-text = La pagina che cerchi non esiste o non è più pubblica.
site-error-title = Si è verificato un errore
site-error-text = Non è stato possibile completare la richiesta. Riprova tra qualche minuto.
site-footer-service = Un servizio di Progetti d'impresa – Città metropolitana di Bologna, con la Fondazione per l'Innovazione Urbana.
site-footer-contact = Contatti
site-nav-open-data = Dati aperti
site-open-data-title = Dati aperti
site-open-data-intro = L'elenco degli spazi pubblicati sulla mappa è un dato aperto, con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): puoi riutilizzarlo liberamente citando la fonte «Città metropolitana di Bologna – Forum metropolitano degli spazi per l'innovazione».
site-open-data-formats = Formati
site-open-data-geojson = GeoJSON (RFC 7946), per mappe e sistemi GIS: un punto per ogni spazio.
site-open-data-csv = CSV (RFC 4180, UTF-8, separato da virgole), per programmi e analisi.
site-open-data-csv-excel = CSV per fogli di calcolo in italiano (separato da punto e virgola, si apre in Excel con le lettere accentate corrette).
site-open-data-filters = Gli stessi filtri della mappa valgono come parametri: tipo (coworking, fablab, incubator-accelerator), comune (codice ISTAT del comune) e q (testo libero). Per esempio, i fab lab di Pieve di Cento:
site-open-data-example = Esempio
site-open-data-fields = Campi
site-open-data-precision = Il campo position_precision indica quanto è precisa la posizione: exact (sull'edificio), approximate (indicata per via, con un margine di qualche centinaio di metri) o municipality (indirizzo non noto: lo spazio è al centro del comune).
site-open-data-confirmed = Il campo updated è il giorno dell'ultima modifica; il campo confirmed è il giorno in cui le informazioni sono state confermate l'ultima volta, dal gestore dello spazio o dallo staff (vuoto se non sono mai state confermate).
site-open-data-cache = Le risposte si possono tenere in cache per cinque minuti e portano un ETag, per scaricare di nuovo solo quando i dati cambiano.
site-download-filtered = Scarica questi dati
site-footer-data = Dati della mappa © contributori di OpenStreetMap.

## The kinds of organisation that run a space.
site-organisation-kind-company = Impresa
site-organisation-kind-association = Associazione
site-organisation-kind-cooperative = Cooperativa
site-organisation-kind-public-body = Ente pubblico
site-organisation-kind-university = Università
site-organisation-kind-foundation = Fondazione
site-organisation-kind-other = Altro

## The kinds of space (filters, list, pages, the map's popups).
site-kind-coworking = Coworking
site-kind-fablab = Fab lab e makerspace
site-kind-incubator-accelerator = Incubatore e acceleratore

## The warning on a space's page when its position is not exact.
site-precision-note-approximate = Posizione approssimativa: indicata per via, con un margine di qualche centinaio di metri.
site-precision-note-municipality = Posizione approssimativa: sulla mappa lo spazio è indicato al centro del comune.
site-directions = Indicazioni stradali (OpenStreetMap)
site-open-in-maps = Apri nell'app di mappe
site-search-address = Cerca l'indirizzo su OpenStreetMap
site-position-by-address = Il punto preciso non è sulla mappa: fa fede l'indirizzo.
# Its short form, on cards and the map's popups.
site-precision-short = Posizione approssimativa
