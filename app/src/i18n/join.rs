//! Words of the join form, its confirmation page, its e-mail and the privacy notice
//! (`locales/<lang>/join.ftl`).

use crate::core::lang::Lang;
use std::sync::LazyLock;

words! {
    pub struct JoinTexts in "join" {
        nav,
        title,
        intro,
        time_needed,
        required_note,
        section_space,
        section_position,
        position_hint,
        section_contacts,
        section_contacts_hint,
        section_organisation,
        section_person,
        section_person_hint,
        section_survey,
        section_survey_hint,
        section_privacy,
        consent_privacy,
        privacy_link,
        consent_contact,
        submit,
        choose,
        honeypot,
        sent_title,
        sent_reference,
        sent_body(space: &str, municipality: &str),
        sent_next,
        sent_back,
        summary_space,
        summary_address,
        summary_organisation,
        summary_contact,
        summary_website,
        mail_subject(r: &str),
        mail_body(space: &str, r: &str),
        privacy_title,
        /// The privacy notice, in sections: heading and paragraph.
        privacy_controller_heading,
        privacy_controller,
        privacy_data_heading,
        privacy_data,
        privacy_why_heading,
        privacy_why,
        privacy_retention_heading,
        privacy_retention(days: i64),
        privacy_rights_heading,
        privacy_rights,
        privacy_dpo_heading,
        privacy_dpo(contact: &str),
        privacy_dpo_unset,
        privacy_cookies_heading,
        privacy_cookies,
        need_visibility,
        need_networking,
        need_funding,
        need_training,
        need_premises,
        need_bureaucracy,
        need_events,
        need_businesses,
    }
}

impl JoinTexts {
    pub fn need(&self, need: crate::core::model::Need) -> &'static str {
        use crate::core::model::Need::*;
        match need {
            Visibility => self.need_visibility,
            Networking => self.need_networking,
            Funding => self.need_funding,
            Training => self.need_training,
            Premises => self.need_premises,
            Bureaucracy => self.need_bureaucracy,
            Events => self.need_events,
            Businesses => self.need_businesses,
        }
    }

    /// The privacy notice: (heading, paragraph) pairs.
    pub fn privacy(&self, facts: &crate::core::view::PrivacyFacts) -> [(&'static str, String); 7] {
        let dpo = if facts.dpo_contact.is_empty() {
            self.privacy_dpo_unset.to_owned()
        } else {
            (self.privacy_dpo)(&facts.dpo_contact)
        };
        [
            (
                self.privacy_controller_heading,
                self.privacy_controller.to_owned(),
            ),
            (self.privacy_dpo_heading, dpo),
            (self.privacy_data_heading, self.privacy_data.to_owned()),
            (self.privacy_why_heading, self.privacy_why.to_owned()),
            (
                self.privacy_retention_heading,
                (self.privacy_retention)(facts.retention_days),
            ),
            (self.privacy_rights_heading, self.privacy_rights.to_owned()),
            (
                self.privacy_cookies_heading,
                self.privacy_cookies.to_owned(),
            ),
        ]
    }
}

pub static JOIN_IT: LazyLock<JoinTexts> = LazyLock::new(|| JoinTexts::load(Lang::It));

pub static JOIN_EN: LazyLock<JoinTexts> = LazyLock::new(|| JoinTexts::load(Lang::En));
