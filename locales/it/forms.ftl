# What the forms' helper says in the browser (the join and RSVP forms).

forms-sending = Invio in corso…
forms-draft-restored = Abbiamo ripreso i dati che avevi inserito su questo dispositivo.
# A long text's characters left, as people type.
forms-chars-left = { $left ->
    [one] { $left } carattere disponibile su { $max }
   *[other] { $left } caratteri disponibili su { $max }
}
# A text's characters past its limit (never cut: said).
forms-chars-over = { $over ->
    [one] { $over } carattere di troppo: il massimo è { $max }
   *[other] { $over } caratteri di troppo: il massimo è { $max }
}
