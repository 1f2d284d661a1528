# The interactive maps: the directory's map and its clusters, the pin on the forms, "use my
# location". { $n } is a number of spaces (always two or more).

map-label = Interactive map of the spaces
map-open-space = Open the page
map-cluster-zoom = { $n } spaces: zoom in
map-cluster-here = { $n } spaces at this spot
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-close-popup = Close
map-pin-label = Map to set the position
map-pin-hint = Drag the pin or tap the map: latitude and longitude follow. With a keyboard: move the pin with the arrow keys, or the map and then “Put the pin at the centre of the map”.
map-pin-marker = Pin: move it with the arrow keys
map-pin-centre = Put the pin at the centre of the map
map-use-location = Use my location
map-locating = Finding your location…
map-located = Location found: if needed, drag the pin to the exact spot.
map-not-located = Location not available: tap the map to mark the spot.
