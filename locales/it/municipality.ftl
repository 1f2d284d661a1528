# The municipalities' pages (/comuni, /comuni/{slug}).
municipality-index-title = I comuni della città metropolitana
municipality-index-intro = I 55 comuni della città metropolitana di Bologna: per ciascuno, i suoi spazi per l'innovazione, i prossimi eventi e la mappa da mettere sul sito del Comune.
municipality-spaces-count = { $n ->
    [0] nessuno spazio ancora
    [1] 1 spazio
   *[other] { $n } spazi
}
municipality-intro = { $n ->
    [0] A { $name } non c'è ancora uno spazio per l'innovazione nella rete del Forum.
    [1] Uno spazio per l'innovazione della rete del Forum è a { $name }.
   *[other] { $n } spazi per l'innovazione della rete del Forum sono a { $name }.
}
municipality-outline = Confini del comune di { $name }, con i suoi spazi
municipality-outline-credit = Confini comunali: ISTAT (CC BY 4.0), via openpolis
municipality-spaces = Gli spazi
municipality-no-spaces = Gestisci uno spazio per l'innovazione qui?
municipality-join = Chiedi di entrare nella rete
municipality-events = Prossimi eventi
municipality-no-events = Nessun evento in programma qui per ora.
municipality-all-events = Tutti gli eventi del Forum
municipality-embed = La mappa di questi spazi sul sito del Comune
municipality-embed-hint = Copia questo codice nella pagina del sito del Comune: mostra la mappa e l'elenco degli spazi di { $name }, sempre aggiornati, senza cookie.
municipality-embed-builder = Scegli altre opzioni (altezza, lingua, altri comuni)
municipality-on-map = Vedi sulla mappa completa
municipality-link = Tutto su { $name }: spazi, eventi, mappa da incorporare
municipality-all = Tutti i comuni
