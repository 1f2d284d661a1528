# The public site: the layout, the map and its filters, the list, a space's page, open data.

site-site-name = Innovation spaces
site-forum-name = Metropolitan Forum of Innovation Spaces
site-owner = Città metropolitana di Bologna
site-skip-to-content = Skip to main content
site-breadcrumb = Breadcrumb
site-nav-main = Main menu
site-menu = Menu
site-form-too-large = The form sent is too large: shorten the texts and send it again, or write to progimpresa@cittametropolitana.bo.it.
site-nav-map = Map of the spaces
site-switch-language = Italiano
site-home-title = Map of innovation spaces
site-home-intro = Coworking spaces, fab labs and makerspaces, incubators and accelerators across the 55 municipalities of the Città metropolitana di Bologna: the network of the Metropolitan Forum of Innovation Spaces.
site-home-description = The map of collaborative innovation spaces of the Città metropolitana di Bologna: coworking spaces, fab labs, incubators and accelerators.
site-filters-heading = Filter the spaces
site-filter-kind = Kind of space
site-filter-all-kinds = All kinds
site-filter-municipality = Municipality
site-filter-all-municipalities = All municipalities
site-filter-search = Search
site-filter-search-hint = Name, address, organisation…
site-filter-apply = Apply filters
site-filter-clear = Clear filters
site-results = { $n ->
    [0] No spaces found
    [1] 1 space found
   *[other] { $n } spaces found
}
site-no-results = No space matches these filters. Try clearing them.
site-list-heading = List of spaces
site-pagination-label = Pages of the list
site-page-of = Page { $n } of { $m }
site-page-previous = Previous page
site-page-next = Next page
site-page-n = Page { $n }
site-legend = Legend
site-map-needs-js = The interactive map needs JavaScript. The list below contains every space found.
site-address = Address
site-municipality = Municipality
site-kinds = Kind of space
site-contacts = Contacts
site-website = Website
site-email = Email
site-phone = Phone
site-no-contacts = No public contact details available.
site-organisation = Organisation
site-run-by = Run by
site-organisation-kind = Kind of organisation
site-position = Position
site-data-source = Data source
site-source-join-form = the space's request to join
site-source-staff = the Forum's editors
site-confirmed-on = Information confirmed on { $date }
site-confirmed-stale = Information confirmed on { $date }: it may be out of date
site-not-confirmed = Information not confirmed yet
site-back-to-map = Back to the map
site-share = Share
site-share-email = By e-mail
site-share-link = This page's address:
site-not-found-title = Page not found
site-not-found-text = The page you are looking for does not exist or is no longer public.
site-error-title = Something went wrong
site-error-text = The request could not be completed. Please try again in a few minutes.
site-footer-service = A service of Progetti d'impresa – Città metropolitana di Bologna, with the Fondazione per l'Innovazione Urbana.
site-footer-contact = Contact
site-nav-open-data = Open data
site-open-data-title = Open data
site-open-data-intro = The list of spaces published on the map is open data, under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): reuse it freely, crediting «Città metropolitana di Bologna – Forum metropolitano degli spazi per l'innovazione».
site-open-data-formats = Formats
site-open-data-geojson = GeoJSON (RFC 7946), for maps and GIS: one point per space.
site-open-data-csv = CSV (RFC 4180, UTF-8, comma-separated), for programs and analysis.
site-open-data-csv-excel = CSV for spreadsheets set to Italian (semicolon-separated; opens in Excel with accents intact).
site-open-data-filters = The filters of the map work as parameters: tipo (coworking, fablab, incubator-accelerator), comune (the municipality's ISTAT code) and q (free text). For example, the fab labs of Pieve di Cento:
site-open-data-example = Example
site-open-data-fields = Fields
site-open-data-precision = The position_precision field says how precise the position is: exact (on the building), approximate (placed by street, within a few hundred metres) or municipality (address unknown: the space is at the centre of its municipality).
site-open-data-confirmed = The updated field is the day of the last change; the confirmed field is the day the information was last confirmed, by the space's manager or by staff (empty if it never was).
site-open-data-cache = Responses may be cached for five minutes and carry an ETag, so clients download again only when the data changes.
site-download-filtered = Download this data
site-footer-data = Map data © OpenStreetMap contributors.

## The kinds of organisation that run a space.
site-organisation-kind-company = Company
site-organisation-kind-association = Association
site-organisation-kind-cooperative = Cooperative
site-organisation-kind-public-body = Public body
site-organisation-kind-university = University
site-organisation-kind-foundation = Foundation
site-organisation-kind-other = Other

## The kinds of space (filters, list, pages, the map's popups).
site-kind-coworking = Coworking
site-kind-fablab = Fab lab and makerspace
site-kind-incubator-accelerator = Incubator and accelerator

## The warning on a space's page when its position is not exact.
site-precision-note-approximate = Approximate position: placed by street, accurate to a few hundred metres.
site-precision-note-municipality = Approximate position: on the map the space is shown at the centre of its municipality.
site-directions = Directions (OpenStreetMap)
site-open-in-maps = Open in your maps app
site-search-address = Find the address on OpenStreetMap
site-position-by-address = The exact spot is not on the map: go by the address.
# Its short form, on cards and the map's popups.
site-precision-short = Approximate position
