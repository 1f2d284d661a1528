//! Words of the space managers' area, its sign-in e-mail, and the staff's list of a space's
//! managers (`locales/<lang>/managers.ftl`).

use crate::core::lang::Lang;
use crate::core::model::SpaceStatus;
use std::sync::LazyLock;

words! {
    pub struct ManagerTexts in "managers" {
        /// The footer's link to the area.
        footer_link,
        title,
        intro,
        who,
        email_label,
        email_hint,
        ask,
        sent,
        ask_again,
        link_title,
        link_intro(email: &str),
        link_button,
        link_dead,
        signed_in_as(email: &str),
        sign_out,
        signed_out,
        spaces_title,
        none,
        public_page,
        status_published,
        status_pending,
        status_archived,
        mail_subject,
        mail_body(link: &str),
        propose_link,
        edit_title(name: &str),
        edit_intro,
        edit_intro_trusted,
        edit_submit_trusted,
        edit_waiting(date: &str),
        edit_submit,
        edit_nothing,
        edit_back,
        proposal_sent,
        proposal_published,
        draft_kept,
        draft_restored,
        proposal_pending(date: &str),
        proposal_approved(date: &str),
        proposal_rejected(date: &str),
        reason_label,
        mail_approved_subject,
        mail_approved(space: &str, link: &str),
        mail_rejected_subject,
        mail_rejected(space: &str, reason: &str, link: &str),
        colleagues_link,
        colleagues_title(name: &str),
        colleagues_intro,
        invite_label,
        invite_submit,
        invited(email: &str),
        mail_invited_subject,
        mail_invited(inviter: &str, space: &str, link: &str),
        confirm_title,
        confirm_intro(space: &str),
        confirm_photo,
        confirm_see_page,
        confirm_update_old,
        confirm_yes,
        confirm_update,
        confirm_closed,
        confirm_closed_hint,
        confirm_dead,
        confirm_done,
        confirm_closed_done,
        mail_confirm_subject,
        mail_remind_subject,
        mail_confirm(space: &str, date: &str, link: &str),
        mail_confirm_never(space: &str, link: &str),
        mail_closed_subject,
        mail_closed(space: &str, email: &str, link: &str),
        /// The staff's list of a space's managers.
        staff_title,
        staff_intro,
        staff_none,
        staff_edit,
        staff_manager,
        staff_source_request,
        staff_source_staff,
        staff_source_import,
        staff_source_manager,
        staff_since(when: &str),
        staff_add_label,
        staff_add,
        staff_remove(email: &str),
        staff_added(email: &str),
        staff_removed(email: &str),
        staff_already(email: &str),
        action_added,
        action_removed,
        action_proposed,
        action_confirmed,
        action_closure,
        action_update,
        action_asked,
        staff_ask_now,
        staff_trust_title,
        staff_trusted_now,
        staff_untrusted_now,
        staff_trust,
        staff_untrust,
        staff_trusted_on,
        staff_trusted_off,
        staff_add_title,
        action_published,
        action_trusted,
        revisions_published_title,
        revision_edit,
        revision_edit_intro,
        revision_edit_approve,
        revisions_published_none,
        staff_asked(n: i64),
        fresh_title,
        fresh_confirmed,
        fresh_due,
        fresh_overdue,
        fresh_no_manager,
        fresh_closed,
        fresh_filtered(group: &str),
        fresh_all,
        action_approved,
        action_rejected,
        /// The staff's review of proposals.
        revisions_nav,
        revisions_title,
        revisions_intro,
        revisions_none,
        col_space,
        col_by,
        col_when,
        revision_title(name: &str),
        revision_by(email: &str, when: &str),
        revision_changes,
        col_field,
        col_now,
        col_proposed,
        revision_same,
        revision_invalid,
        revision_approve,
        revision_reject,
        revision_reject_hint,
        revision_approved(name: &str),
        revision_rejected(name: &str),
        revision_stale,
        revision_decided,
        revision_open_space,
    }
}

impl ManagerTexts {
    /// A managed space's state, as its manager reads it.
    pub fn status(&self, status: SpaceStatus) -> &'static str {
        match status {
            SpaceStatus::Published => self.status_published,
            SpaceStatus::Pending => self.status_pending,
            SpaceStatus::Rejected | SpaceStatus::Archived => self.status_archived,
        }
    }

    /// How an address came to manage a space (`space_managers.source`).
    pub fn source(&self, code: &str) -> &'static str {
        match code {
            "request" => self.staff_source_request,
            "import" => self.staff_source_import,
            "manager" => self.staff_source_manager,
            _ => self.staff_source_staff,
        }
    }

    /// A freshness group of the published listings, as the staff's dashboard names it.
    pub fn fresh_group(&self, group: crate::core::view::FreshnessGroup) -> &'static str {
        use crate::core::view::FreshnessGroup::*;
        match group {
            Confirmed => self.fresh_confirmed,
            Due => self.fresh_due,
            Overdue => self.fresh_overdue,
            NoManager => self.fresh_no_manager,
            Closed => self.fresh_closed,
        }
    }
}

pub static MANAGERS_IT: LazyLock<ManagerTexts> = LazyLock::new(|| ManagerTexts::load(Lang::It));
pub static MANAGERS_EN: LazyLock<ManagerTexts> = LazyLock::new(|| ManagerTexts::load(Lang::En));
