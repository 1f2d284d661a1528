# What the forms' helper says in the browser (the join and RSVP forms).

forms-sending = Sending…
forms-draft-restored = We have brought back what you had typed on this device.
# A long text's characters left, as people type.
forms-chars-left = { $left } of { $max } characters left
# A text's characters past its limit (never cut: said).
forms-chars-over = { $over ->
    [one] { $over } character too many: the limit is { $max }
   *[other] { $over } characters too many: the limit is { $max }
}
