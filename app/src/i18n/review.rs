//! Words of the staff review of join requests and of the survey pages
//! (`locales/<lang>/review.ftl`).

use crate::core::lang::Lang;
use std::sync::LazyLock;

words! {
    pub struct ReviewTexts in "review" {
        /// The menu's count of requests waiting for a decision (read by screen readers).
        to_review_short,
        nav,
        title,
        intro,
        none,
        reference,
        space,
        submitted,
        state,
        waiting,
        decision_approved,
        decision_changes,
        decision_rejected,
        request_title(r: &str),
        duplicates_title,
        duplicates_none,
        /// In the queue, before the spaces a request may repeat.
        maybe_duplicate,
        /// Merging a request into the listing it repeats.
        merge_link,
        merge_title(r: &str, space: &str),
        merge_intro,
        merge_same,
        merge_col_field,
        merge_col_existing,
        merge_col_request,
        merge_col_use,
        merge_position,
        merge_with_position,
        merge_confirm,
        merge_back,
        merge_stale,
        merge_decided(decision: &str),
        merge_done(space: &str),
        merged_into,
        duplicate_at(m: i64),
        section_space,
        section_organisation,
        section_contact,
        section_survey,
        consent_contact_yes,
        consent_contact_no,
        edit_space,
        decide_title,
        decide_hint,
        stale,
        confirm_title,
        confirm_effect(to: &str),
        confirm_button,
        confirm_back,
        approve,
        ask_changes,
        reject,
        decided(what: &str, when: &str),
        saved,
        /// Back from correcting the space's details.
        space_corrected,
        survey_nav,
        survey_title,
        survey_responses(n: usize),
        survey_needs,
        survey_count,
        survey_other,
        survey_visions,
        survey_export,
        survey_empty,
        not_given,
    }
}

pub static REVIEW_IT: LazyLock<ReviewTexts> = LazyLock::new(|| ReviewTexts::load(Lang::It));

pub static REVIEW_EN: LazyLock<ReviewTexts> = LazyLock::new(|| ReviewTexts::load(Lang::En));

impl ReviewTexts {
    pub fn decision(&self, d: Option<crate::core::model::Decision>) -> &'static str {
        use crate::core::model::Decision::*;
        match d {
            None => self.waiting,
            Some(Approved) => self.decision_approved,
            Some(ChangesRequested) => self.decision_changes,
            Some(Rejected) => self.decision_rejected,
        }
    }
}
