//! The labels of the forms' fields, one `impl` per form.

use super::{Lang, Texts};
use crate::core::validate::{account, event, join, review, rsvp, space, FormField};

/// A form's field that has a label in each language.
pub trait Labelled: FormField {
    fn label(self, t: &Texts) -> &'static str;
}

/// The labels of the space form.
impl Labelled for space::Field {
    fn label(self, t: &Texts) -> &'static str {
        use space::Field::*;
        let it = t.lang == Lang::It;
        match self {
            Name => {
                if it {
                    "Nome dello spazio"
                } else {
                    "Name of the space"
                }
            }
            Kinds => {
                if it {
                    "Tipo di spazio"
                } else {
                    "Kind of space"
                }
            }
            Description => {
                if it {
                    "Descrizione breve"
                } else {
                    "Short description"
                }
            }
            Services => {
                if it {
                    "Servizi offerti"
                } else {
                    "Services offered"
                }
            }
            OpeningHours => {
                if it {
                    "Orari di apertura"
                } else {
                    "Opening hours"
                }
            }
            Address => {
                if it {
                    "Indirizzo (via e numero civico)"
                } else {
                    "Address (street and number)"
                }
            }
            Municipality => {
                if it {
                    "Comune"
                } else {
                    "Municipality"
                }
            }
            Lat => {
                if it {
                    "Latitudine"
                } else {
                    "Latitude"
                }
            }
            Lon => {
                if it {
                    "Longitudine"
                } else {
                    "Longitude"
                }
            }
            Precision => {
                if it {
                    "Precisione della posizione"
                } else {
                    "Precision of the position"
                }
            }
            Website => {
                if it {
                    "Sito web"
                } else {
                    "Website"
                }
            }
            Email => {
                if it {
                    "Email pubblica"
                } else {
                    "Public email"
                }
            }
            Phone => {
                if it {
                    "Telefono pubblico"
                } else {
                    "Public phone"
                }
            }
            Organisation => {
                if it {
                    "Organizzazione che lo gestisce"
                } else {
                    "Organisation running it"
                }
            }
            OrganisationKind => {
                if it {
                    "Tipo di organizzazione"
                } else {
                    "Kind of organisation"
                }
            }
            OrganisationWebsite => {
                if it {
                    "Sito web dell'organizzazione"
                } else {
                    "Organisation's website"
                }
            }
            OrganisationDescription => {
                if it {
                    "Descrizione dell'organizzazione"
                } else {
                    "About the organisation"
                }
            }
        }
    }
}

/// The labels of the staff account forms.
impl Labelled for account::Field {
    fn label(self, t: &Texts) -> &'static str {
        use account::Field::*;
        let it = t.lang == Lang::It;
        match self {
            Name => {
                if it {
                    "Nome e cognome"
                } else {
                    "Full name"
                }
            }
            Email => "Email",
            Role => {
                if it {
                    "Ruolo"
                } else {
                    "Role"
                }
            }
            Password => {
                if it {
                    "Nuova password"
                } else {
                    "New password"
                }
            }
            PasswordConfirm => {
                if it {
                    "Ripeti la nuova password"
                } else {
                    "Repeat the new password"
                }
            }
        }
    }
}

/// The labels of the join form (the space's fields as in the space form).
impl Labelled for join::Field {
    fn label(self, t: &Texts) -> &'static str {
        use join::Field::*;
        let it = t.lang == Lang::It;
        match self {
            Space(f) => f.label(t),
            OrganisationTaxCode => {
                if it {
                    "Partita IVA o codice fiscale"
                } else {
                    "VAT number or tax code"
                }
            }
            ContactName => {
                if it {
                    "Nome e cognome"
                } else {
                    "Full name"
                }
            }
            ContactRole => {
                if it {
                    "Ruolo nell'organizzazione"
                } else {
                    "Role in the organisation"
                }
            }
            ContactEmail => "Email",
            ContactPhone => {
                if it {
                    "Telefono"
                } else {
                    "Phone"
                }
            }
            Needs => {
                if it {
                    "Di cosa ha bisogno lo spazio dall'amministrazione"
                } else {
                    "What the space needs from the administration"
                }
            }
            NeedsOther => {
                if it {
                    "Altri bisogni o dettagli"
                } else {
                    "Other needs or details"
                }
            }
            Vision => {
                if it {
                    "La vostra visione per la rete degli spazi"
                } else {
                    "Your vision for the network of spaces"
                }
            }
            ConsentPrivacy => {
                if it {
                    "Informativa sulla privacy"
                } else {
                    "Privacy notice"
                }
            }
            Form => {
                if it {
                    "Modulo"
                } else {
                    "Form"
                }
            }
        }
    }
}

/// The labels of the RSVP form.
impl Labelled for rsvp::Field {
    fn label(self, t: &Texts) -> &'static str {
        use rsvp::Field::*;
        let it = t.lang == Lang::It;
        match self {
            FirstName => {
                if it {
                    "Nome"
                } else {
                    "First name"
                }
            }
            LastName => {
                if it {
                    "Cognome"
                } else {
                    "Last name"
                }
            }
            Email => "Email",
            Affiliation => {
                if it {
                    "Organizzazione o spazio"
                } else {
                    "Organisation or space"
                }
            }
            Role => {
                if it {
                    "Ruolo"
                } else {
                    "Role"
                }
            }
            Accessibility => {
                if it {
                    "Esigenze di accessibilità"
                } else {
                    "Accessibility needs"
                }
            }
            // The same words as the join form's.
            ConsentPrivacy => join::Field::ConsentPrivacy.label(t),
            Form => join::Field::Form.label(t),
        }
    }
}

/// The labels of the event form.
impl Labelled for event::Field {
    fn label(self, t: &Texts) -> &'static str {
        use event::Field::*;
        let it = t.lang == Lang::It;
        match self {
            Slug => {
                if it {
                    "Indirizzo della pagina (slug)"
                } else {
                    "Page address (slug)"
                }
            }
            TitleIt => {
                if it {
                    "Titolo (italiano)"
                } else {
                    "Title (Italian)"
                }
            }
            TitleEn => {
                if it {
                    "Titolo (inglese)"
                } else {
                    "Title (English)"
                }
            }
            SummaryIt => {
                if it {
                    "In breve (italiano)"
                } else {
                    "Summary (Italian)"
                }
            }
            SummaryEn => {
                if it {
                    "In breve (inglese)"
                } else {
                    "Summary (English)"
                }
            }
            DescriptionIt => {
                if it {
                    "Descrizione (italiano)"
                } else {
                    "Description (Italian)"
                }
            }
            DescriptionEn => {
                if it {
                    "Descrizione (inglese)"
                } else {
                    "Description (English)"
                }
            }
            ProgrammeIt => {
                if it {
                    "Programma (italiano, una voce per riga)"
                } else {
                    "Programme (Italian, one item per line)"
                }
            }
            ProgrammeEn => {
                if it {
                    "Programma (inglese, una voce per riga)"
                } else {
                    "Programme (English, one item per line)"
                }
            }
            StartsAt => {
                if it {
                    "Inizio (ora di Bologna)"
                } else {
                    "Starts (Bologna time)"
                }
            }
            EndsAt => {
                if it {
                    "Fine (ora di Bologna)"
                } else {
                    "Ends (Bologna time)"
                }
            }
            VenueName => {
                if it {
                    "Luogo"
                } else {
                    "Venue"
                }
            }
            VenueAddress => {
                if it {
                    "Indirizzo del luogo"
                } else {
                    "Venue address"
                }
            }
            VenueSpace => {
                if it {
                    "Spazio della mappa che ospita l'evento"
                } else {
                    "Mapped space hosting the event"
                }
            }
            Organiser => {
                if it {
                    "Organizzato da"
                } else {
                    "Organised by"
                }
            }
            Email => {
                if it {
                    "Email per informazioni"
                } else {
                    "Contact e-mail"
                }
            }
            Capacity => {
                if it {
                    "Posti disponibili"
                } else {
                    "Seats"
                }
            }
            RsvpOpensAt => {
                if it {
                    "Apertura delle iscrizioni"
                } else {
                    "Registration opens"
                }
            }
            RsvpClosesAt => {
                if it {
                    "Chiusura delle iscrizioni"
                } else {
                    "Registration closes"
                }
            }
        }
    }
}

/// The labels of the decision on a join request.
impl Labelled for review::Field {
    fn label(self, t: &Texts) -> &'static str {
        use review::Field::*;
        let it = t.lang == Lang::It;
        match self {
            Reason => {
                if it {
                    "Motivo (inviato a chi ha fatto la richiesta)"
                } else {
                    "Reason (sent to the person who made the request)"
                }
            }
        }
    }
}
