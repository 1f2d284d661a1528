# The interactive maps: the directory's map and its clusters, the pin on the forms, "use my
# location". { $n } is a number of spaces (always two or more).

map-label = Mappa interattiva degli spazi
map-open-space = Apri la scheda
map-cluster-zoom = { $n } spazi: ingrandisci la mappa
map-cluster-here = { $n } spazi in questo punto
map-zoom-in = Ingrandisci la mappa
map-zoom-out = Riduci la mappa
map-close-popup = Chiudi
map-pin-label = Mappa per indicare la posizione
map-pin-hint = Trascina il segnaposto o tocca la mappa: latitudine e longitudine si aggiornano da sole. Con la tastiera: sposta il segnaposto con le frecce, o la mappa e poi «Metti il segnaposto al centro della mappa».
map-pin-marker = Segnaposto: spostalo con le frecce
map-pin-centre = Metti il segnaposto al centro della mappa
map-use-location = Usa la mia posizione
map-locating = Sto cercando la tua posizione…
map-located = Posizione trovata: se serve, sposta il segnaposto sul punto esatto.
map-not-located = Posizione non disponibile: tocca la mappa per indicare il punto.
