# The municipalities' pages (/en/municipalities, /en/municipalities/{slug}).
municipality-index-title = The municipalities of the metropolitan city
municipality-index-intro = The 55 municipalities of the metropolitan city of Bologna: for each, its innovation spaces, the upcoming events and the map to put on the municipality's website.
municipality-spaces-count = { $n ->
    [0] no spaces yet
    [1] 1 space
   *[other] { $n } spaces
}
municipality-intro = { $n ->
    [0] There is no innovation space of the Forum's network in { $name } yet.
    [1] One innovation space of the Forum's network is in { $name }.
   *[other] { $n } innovation spaces of the Forum's network are in { $name }.
}
municipality-outline = Boundary of the municipality of { $name }, with its spaces
municipality-outline-credit = Municipal boundaries: ISTAT (CC BY 4.0), via openpolis
municipality-spaces = The spaces
municipality-no-spaces = Do you run an innovation space here?
municipality-join = Ask to join the network
municipality-events = Upcoming events
municipality-no-events = No events are planned here for now.
municipality-all-events = All the Forum's events
municipality-embed = The map of these spaces on the municipality's website
municipality-embed-hint = Copy this code into a page of the municipality's website: it shows the map and the list of the spaces of { $name }, always up to date, with no cookies.
municipality-embed-builder = Choose other options (height, language, other municipalities)
municipality-on-map = See on the full map
municipality-link = All about { $name }: spaces, events, map to embed
municipality-all = All municipalities
