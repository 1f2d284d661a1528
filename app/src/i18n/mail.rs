//! Words of the e-mails about join requests and staff accounts (those about registrations are
//! in `events`, the join confirmation's summary in `join`). Every e-mail has the same shape:
//! `greeting`, its paragraphs, then `signature` (see `backend::emails`).

pub struct MailTexts {
    pub greeting: fn(&str) -> String,
    /// The sender, under every e-mail.
    pub signature: &'static str,
    /// To staff: a new join request (never the submitter's words in the subject).
    pub new_request_subject: fn(&str) -> String,
    pub new_request_intro: &'static str,
    pub new_request_space: &'static str,
    pub new_request_organisation: &'static str,
    pub new_request_contact: &'static str,
    pub new_request_reference: &'static str,
    pub new_request_review: &'static str,
    /// To the submitter: the decision on their request (reference code).
    pub approved_subject: fn(&str) -> String,
    /// (space, link)
    pub approved: fn(&str, &str) -> String,
    pub changes_subject: fn(&str) -> String,
    /// (space, reason, reference)
    pub changes: fn(&str, &str, &str) -> String,
    pub rejected_subject: fn(&str) -> String,
    /// (space, reason, reference)
    pub rejected: fn(&str, &str, &str) -> String,
    /// To a colleague invited to the staff area.
    pub invitation_subject: &'static str,
    /// (the admin who invites, the link)
    pub invitation: fn(&str, &str) -> String,
}

pub static MAIL_IT: MailTexts = MailTexts {
    greeting: |name| {
        if name.is_empty() {
            "Buongiorno,".to_owned()
        } else {
            format!("Buongiorno {name},")
        }
    },
    signature:
        "Progetti d'impresa – Città metropolitana di Bologna\nprogimpresa@cittametropolitana.bo.it",
    new_request_subject: |r| format!("Nuova adesione al Forum ({r})"),
    new_request_intro: "una nuova richiesta di adesione aspetta la revisione.",
    new_request_space: "Spazio",
    new_request_organisation: "Organizzazione",
    new_request_contact: "Referente",
    new_request_reference: "Riferimento",
    new_request_review: "Revisione",
    approved_subject: |r| format!("Adesione al Forum: lo spazio è ora sulla mappa ({r})"),
    approved: |space, link| {
        format!("la richiesta di adesione di «{space}» è stata approvata: lo spazio è ora sulla mappa degli spazi per l'innovazione.\n\n{link}\n\nGrazie per far parte del Forum!")
    },
    changes_subject: |r| format!("Adesione al Forum: servono alcune modifiche ({r})"),
    changes: |space, reason, r| {
        format!("grazie per la richiesta di adesione di «{space}». Prima di pubblicarla abbiamo bisogno di alcune modifiche:\n\n{reason}\n\nRispondi a questa email (o scrivi a progimpresa@cittametropolitana.bo.it) citando il codice {r}.")
    },
    rejected_subject: |r| format!("Adesione al Forum: esito della richiesta ({r})"),
    rejected: |space, reason, r| {
        format!("abbiamo esaminato la richiesta di adesione di «{space}» e non possiamo accoglierla, per questo motivo:\n\n{reason}\n\nPer chiarimenti scrivi a progimpresa@cittametropolitana.bo.it citando il codice {r}.")
    },
    invitation_subject: "Accesso all'area riservata di Spazi per l'innovazione",
    invitation: |admin, link| {
        format!("{admin} ti ha dato accesso all'area riservata di Spazi per l'innovazione (Forum metropolitano degli spazi per l'innovazione, Città metropolitana di Bologna).\n\nPer scegliere la tua password apri questo link entro 7 giorni (funziona una sola volta):\n{link}\n\nSe non ti aspettavi questo messaggio, puoi ignorarlo.")
    },
};

pub static MAIL_EN: MailTexts = MailTexts {
    greeting: |name| {
        if name.is_empty() {
            "Hello,".to_owned()
        } else {
            format!("Hello {name},")
        }
    },
    signature:
        "Progetti d'impresa – Città metropolitana di Bologna\nprogimpresa@cittametropolitana.bo.it",
    new_request_subject: |r| format!("New request to join the Forum ({r})"),
    new_request_intro: "a new request to join is waiting for review.",
    new_request_space: "Space",
    new_request_organisation: "Organisation",
    new_request_contact: "Contact",
    new_request_reference: "Reference",
    new_request_review: "Review",
    approved_subject: |r| format!("Joining the Forum: the space is now on the map ({r})"),
    approved: |space, link| {
        format!("the request for “{space}” to join has been approved: the space is now on the map of innovation spaces.\n\n{link}\n\nThank you for being part of the Forum!")
    },
    changes_subject: |r| format!("Joining the Forum: a few changes needed ({r})"),
    changes: |space, reason, r| {
        format!("thank you for the request for “{space}” to join. Before publishing it we need a few changes:\n\n{reason}\n\nReply to this e-mail (or write to progimpresa@cittametropolitana.bo.it) quoting the code {r}.")
    },
    rejected_subject: |r| format!("Joining the Forum: the outcome of your request ({r})"),
    rejected: |space, reason, r| {
        format!("we have examined the request for “{space}” to join and cannot accept it, for this reason:\n\n{reason}\n\nFor any question write to progimpresa@cittametropolitana.bo.it quoting the code {r}.")
    },
    invitation_subject: "Access to the staff area of Spazi per l'innovazione",
    invitation: |admin, link| {
        format!("{admin} gave you access to the staff area of Spazi per l'innovazione (Forum metropolitano degli spazi per l'innovazione, Città metropolitana di Bologna).\n\nTo choose your password, open this link within 7 days (it works once):\n{link}\n\nIf you did not expect this message, you can ignore it.")
    },
};
