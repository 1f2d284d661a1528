# The map and the events for other sites: the builder (/en/embed) and the framed pages
# (/en/embedded, /en/embedded/events).
embed-footer-link = Embed the map in your website
embed-builder-title = Embed the map in your website
embed-builder-intro = For the websites of municipalities, associations and the spaces themselves: choose what to show, look at the preview and copy the code into your page. It updates itself when the spaces change.
embed-privacy-note = The embedded map uses no cookies, stores nothing in the browser and collects no data about its viewers: your site needs no banner for it. The map tiles come from OpenStreetMap.
embed-choices = Your choices
embed-what = What to show
embed-what-map = The map of the spaces
embed-what-events = The Forum's upcoming events
embed-kinds = Kinds of space
embed-kinds-hint = If you choose none, all of them.
embed-municipalities = Municipalities
embed-municipalities-hint = If you choose none, the whole metropolitan area. The municipalities with at least one space are listed.
embed-map-only = For the map of the spaces only.
embed-list = Show the list of the spaces beside the map
embed-list-hint = On phones the list goes under the map. Without JavaScript it always shows.
embed-height = Height
embed-height-option = { $px } pixels
embed-language = Language
embed-update = Update the preview
embed-preview = Preview
embed-preview-hint = This is exactly what the visitors of your website will see.
embed-code = The code to paste
embed-code-hint = Paste it into your page in HTML mode (in WordPress: the "Custom HTML" block; in municipal websites: the "embed code" or "iframe" field).
embed-link = Or a plain link
embed-link-hint = For a newsletter or a social network: it leads to the map with the same choices.
embed-oembed-hint = If your website recognises embeddable links (oEmbed, as WordPress does), pasting the address of a Spazi page is enough.
embed-map-frame-title = Map of the innovation spaces of the metropolitan city of Bologna
embed-events-frame-title = Upcoming events of the Forum of the innovation spaces
embed-map-heading = Innovation spaces
embed-events-heading = The Forum's upcoming events
embed-events-none = No events are planned for now.
embed-all-events = All events
embed-more-spaces = { $n ->
    [1] And one more space: open the full map
   *[other] And { $n } more spaces: open the full map
}
embed-credit = Metropolitan Forum of the innovation spaces · Metropolitan City of Bologna
embed-open-full-map = Open the full map
embed-new-tab = Links open in a new tab.
embed-data-licence = Data CC BY 4.0
embed-open-space = Open the space's page
embed-open-event = Go to the event
embed-updated = Preview, code and link updated.
embed-copy-code = Copy the code
embed-copy-link = Copy the link
embed-copied = Copied: now paste it into your page.
embed-copy-failed = The browser did not allow copying: the text is selected, copy it by hand (Ctrl+C, or press and hold on a phone).
embed-no-spaces = There are no spaces of the network here yet.
embed-skip-preview = Skip the preview: go to the code
