//! The words the islands say: the map's label, its clusters and popups, the pin picker, the
//! forms' helper and its validation messages. The islands are compiled into the browser's WASM
//! bundle, so everything they can reach goes with it: they take their words from here
//! ([`Lang::islands`]), never from [`Lang::texts`], which reaches every text of the site in both
//! languages. The server's pages use the same words (`Texts`' `kind`, `problem` and
//! `precision_short` read them here).

use super::Lang;
use crate::core::model::{PositionPrecision, SpaceKind};

pub struct IslandTexts {
    pub lang: Lang,
    pub map_label: &'static str,
    pub pin_label: &'static str,
    pub pin_hint: &'static str,
    pub open_space: &'static str,
    /// A cluster of `n` spaces on the map: zoom in to part them / they share one spot (a click
    /// lists them).
    pub cluster_zoom: fn(usize) -> String,
    pub cluster_here: fn(usize) -> String,
    /// The join form's "use my location" and what it says as it works.
    pub use_location: &'static str,
    pub locating: &'static str,
    pub located: &'static str,
    pub not_located: &'static str,
    /// A form's draft was brought back from the device.
    pub draft_restored: &'static str,
    /// A long text's characters left: (left, max).
    pub chars_left: fn(usize, usize) -> String,
}

impl IslandTexts {
    /// What is wrong with a field, in words.
    pub fn problem(&self, problem: crate::core::validate::Problem) -> String {
        use crate::core::validate::Problem::*;
        let it = self.lang == Lang::It;
        match problem {
            Required => if it {
                "Questo campo è obbligatorio."
            } else {
                "This field is required."
            }
            .to_owned(),
            TooLong { max } => {
                if it {
                    format!("Il testo è troppo lungo: al massimo {max} caratteri.")
                } else {
                    format!("The text is too long: at most {max} characters.")
                }
            }
            ControlCharacters => if it {
                "Il testo contiene caratteri non ammessi."
            } else {
                "The text contains characters that are not allowed."
            }
            .to_owned(),
            ChooseAtLeastOne => if it {
                "Scegli almeno un'opzione."
            } else {
                "Choose at least one option."
            }
            .to_owned(),
            UnknownChoice => if it {
                "Scegli una delle opzioni dell'elenco."
            } else {
                "Choose one of the options in the list."
            }
            .to_owned(),
            NotANumber => if it {
                "Scrivi un numero, per esempio 44,4949."
            } else {
                "Write a number, for example 44.4949."
            }
            .to_owned(),
            OutsideArea => if it {
                "La posizione è fuori dalla Città metropolitana di Bologna."
            } else {
                "The position is outside the Città metropolitana di Bologna."
            }
            .to_owned(),
            InvalidUrl => if it {
                "Scrivi un indirizzo web valido, per esempio https://www.esempio.it."
            } else {
                "Write a valid web address, for example https://www.example.org."
            }
            .to_owned(),
            InvalidEmail => if it {
                "Scrivi un indirizzo email valido, per esempio nome@esempio.it."
            } else {
                "Write a valid email address, for example name@example.org."
            }
            .to_owned(),
            InvalidPhone => if it {
                "Scrivi un numero di telefono valido, per esempio 051 123 4567."
            } else {
                "Write a valid phone number, for example +39 051 123 4567."
            }
            .to_owned(),
            TooShort { min } => {
                if it {
                    format!("Troppo corta: almeno {min} caratteri. Una frase è più facile da ricordare.")
                } else {
                    format!("Too short: at least {min} characters. A phrase is easier to remember.")
                }
            }
            Guessable => if it {
                "Questa password è tra quelle più usate o si indovina facilmente: scegli una frase tua, di parole che non stanno insieme."
            } else {
                "This password is among the most used or is easy to guess: choose a phrase of your own, of words that do not belong together."
            }
            .to_owned(),
            AmbiguousMatch { count } => {
                if it {
                    format!("Il nome corrisponde a {count} spazi di questo comune (elencati qui accanto): aggiungi al file la colonna slug con l'identificativo di quello da aggiornare, che è la fine dell'indirizzo della sua pagina (per esempio dumbo in /spazi/dumbo).")
                } else {
                    format!("The name fits {count} spaces of this municipality (listed beside it): add a slug column to the file with the identifier of the one to update, which is the end of its page's address (for example dumbo in /spazi/dumbo).")
                }
            }
            UnderReview => if it {
                "Lo spazio ha una richiesta di adesione in revisione: l'importazione non lo modifica. Decidi prima sulla richiesta."
            } else {
                "The space has a join request under review: the import does not change it. Decide on the request first."
            }
            .to_owned(),
            NotUpdatable => if it {
                "Lo spazio è archiviato o respinto: l'importazione non lo modifica (per gli archiviati, scegli di includerli al caricamento)."
            } else {
                "The space is archived or rejected: the import does not change it (for archived ones, choose to include them when uploading)."
            }
            .to_owned(),
            Mismatch => if it {
                "Le due password non coincidono."
            } else {
                "The two passwords do not match."
            }
            .to_owned(),
            DuplicateRow { line } => {
                if it {
                    format!("Lo stesso spazio è già alla riga {line} del file.")
                } else {
                    format!("The same space is already on line {line} of the file.")
                }
            }
            InvalidTaxCode => if it {
                "Non è una partita IVA (11 cifre) o un codice fiscale (16 caratteri) valido: controlla le cifre."
            } else {
                "This is not a valid Italian VAT number (11 digits) or tax code (16 characters): check the digits."
            }
            .to_owned(),
            MustAccept => if it {
                "Per inviare la richiesta occorre dichiarare di aver letto l'informativa sulla privacy."
            } else {
                "To send the request you need to confirm you have read the privacy notice."
            }
            .to_owned(),
            TooFast => if it {
                "Il modulo è stato inviato troppo in fretta. Controlla i dati e invialo di nuovo."
            } else {
                "The form was sent too quickly. Check the details and send it again."
            }
            .to_owned(),
            TooMany => if it {
                "Troppe richieste inviate da questa connessione. Riprova tra un'ora, oppure scrivi a progimpresa@cittametropolitana.bo.it."
            } else {
                "Too many requests sent from this connection. Try again in an hour, or write to progimpresa@cittametropolitana.bo.it."
            }
            .to_owned(),
            InvalidDate => if it {
                "Scrivi data e ora, per esempio 2022-06-06 17:00."
            } else {
                "Write a date and time, for example 2022-06-06 17:00."
            }
            .to_owned(),
            EndBeforeStart => if it {
                "Controlla le date: la fine deve venire dopo l'inizio."
            } else {
                "Check the dates: the end must come after the start."
            }
            .to_owned(),
            AfterTheEnd => if it {
                "Le iscrizioni devono chiudersi prima della fine dell'evento."
            } else {
                "Registration must close before the event ends."
            }
            .to_owned(),
            InvalidSlug => if it {
                "Usa solo lettere minuscole, cifre e trattini (da 3 a 80 caratteri)."
            } else {
                "Use only lower-case letters, digits and hyphens (3 to 80 characters)."
            }
            .to_owned(),
            OutOfRange { min, max } => if it {
                format!("Scrivi un numero intero tra {min} e {max}.")
            } else {
                format!("Write a whole number between {min} and {max}.")
            },
            BelowTaken { taken } => if it {
                format!("Ci sono già {taken} iscrizioni confermate: i posti non possono essere meno.")
            } else {
                format!("{taken} registrations are already confirmed: the seats cannot be fewer.")
            },
            RegistrationClosed => if it {
                "Le iscrizioni a questo evento non sono aperte in questo momento."
            } else {
                "Registration for this event is not open at the moment."
            }
            .to_owned(),
            Refused => if it {
                "Non è stato possibile inviare il modulo. Riprova, oppure scrivi a progimpresa@cittametropolitana.bo.it."
            } else {
                "The form could not be sent. Try again, or write to progimpresa@cittametropolitana.bo.it."
            }
            .to_owned(),
            Taken => if it {
                "Esiste già un account con questo indirizzo."
            } else {
                "An account with this address already exists."
            }
            .to_owned(),
        }
    }

    /// Short form of the same warning, for cards and popups.
    pub fn precision_short(&self, precision: PositionPrecision) -> Option<&'static str> {
        let it = self.lang == Lang::It;
        match precision {
            PositionPrecision::Exact => None,
            _ if it => Some("Posizione approssimativa"),
            _ => Some("Approximate position"),
        }
    }

    pub fn kind(&self, kind: SpaceKind) -> &'static str {
        match (self.lang == Lang::It, kind) {
            (true, SpaceKind::Coworking) => "Coworking",
            (true, SpaceKind::Fablab) => "Fab lab e makerspace",
            (true, SpaceKind::IncubatorAccelerator) => "Incubatore e acceleratore",
            (false, SpaceKind::Coworking) => "Coworking",
            (false, SpaceKind::Fablab) => "Fab lab and makerspace",
            (false, SpaceKind::IncubatorAccelerator) => "Incubator and accelerator",
        }
    }
}

pub static IT: IslandTexts = IslandTexts {
    lang: Lang::It,
    map_label: "Mappa interattiva degli spazi",
    pin_label: "Mappa per indicare la posizione",
    pin_hint:
        "Trascina il segnaposto o tocca la mappa: latitudine e longitudine si aggiornano da sole.",
    open_space: "Apri la scheda",
    cluster_zoom: |n| format!("{n} spazi: ingrandisci la mappa"),
    cluster_here: |n| format!("{n} spazi in questo punto"),
    use_location: "Usa la mia posizione",
    locating: "Sto cercando la tua posizione…",
    located: "Posizione trovata: se serve, sposta il segnaposto sul punto esatto.",
    not_located: "Posizione non disponibile: tocca la mappa per indicare il punto.",
    draft_restored: "Abbiamo ripreso i dati che avevi inserito su questo dispositivo.",
    chars_left: |left, max| format!("{left} caratteri disponibili su {max}"),
};

pub static EN: IslandTexts = IslandTexts {
    lang: Lang::En,
    map_label: "Interactive map of the spaces",
    pin_label: "Map to set the position",
    pin_hint: "Drag the pin or tap the map: latitude and longitude follow.",
    open_space: "Open the page",
    cluster_zoom: |n| format!("{n} spaces: zoom in"),
    cluster_here: |n| format!("{n} spaces at this spot"),
    use_location: "Use my location",
    locating: "Finding your location…",
    located: "Location found: if needed, drag the pin to the exact spot.",
    not_located: "Location not available: tap the map to mark the spot.",
    draft_restored: "We have brought back what you had typed on this device.",
    chars_left: |left, max| format!("{left} of {max} characters left"),
};
