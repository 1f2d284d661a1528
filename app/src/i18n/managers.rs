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
}

pub static MANAGERS_IT: LazyLock<ManagerTexts> = LazyLock::new(|| ManagerTexts::load(Lang::It));
pub static MANAGERS_EN: LazyLock<ManagerTexts> = LazyLock::new(|| ManagerTexts::load(Lang::En));
