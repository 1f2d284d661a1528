//! Words of the staff area (`locales/<lang>/staff.ftl`).

use crate::core::lang::Lang;
use std::sync::LazyLock;

words! {
    /// The words of the staff area.
    pub struct AdminTexts in "staff" {
        area,
        sign_in_title,
        sign_in_intro,
        email,
        password,
        sign_in,
        signed_out,
        wrong_credentials,
        locked(m: i64),
        unavailable,
        sign_out,
        signed_in_as(name: &str, role: &str),
        role_admin,
        role_editor,
        spaces_heading,
        status,
        all_statuses,
        status_pending,
        status_published,
        status_rejected,
        status_archived,
        name,
        municipality,
        updated,
        search,
        filter,
        count(n: usize),
        edit,
        publish,
        unpublish,
        archive,
        public_page,
        saved,
        save,
        history,
        no_history,
        when,
        who,
        what,
        changes,
        fix_errors,
        choose,
        not_given,
        section_space,
        section_position,
        section_contacts,
        section_organisation,
        precision_exact,
        precision_approximate,
        precision_municipality,
        max_chars_fmt(m: usize),
        new_space,
        new_space_intro,
        create,
        export_all,
        import_link,
        import_title,
        import_intro,
        import_spreadsheet,
        import_columns_title,
        import_columns,
        /// The import's help: a table of the columns.
        import_col_what,
        import_col_headers,
        import_col_values,
        import_col_slug,
        import_col_istat,
        import_col_required,
        import_col_separated(s: &str),
        import_file,
        import_file_hint,
        import_new_status,
        import_preview_button,
        import_recent,
        import_done,
        import_not_applied,
        import_preview,
        import_to_create(n: i64),
        import_to_update(n: i64),
        import_unchanged(n: i64),
        import_with_errors(n: i64),
        import_created(n: i64),
        import_updated(n: i64),
        import_ignored,
        import_errors_skipped,
        import_new_status_note(s: &str),
        import_confirm(n: i64),
        import_nothing,
        import_line,
        import_outcome,
        import_details,
        import_more_rows(n: usize),
        import_running,
        import_progress(d: i64, t: i64),
        import_stalled,
        import_resume,
        import_done_title,
        /// The same report's heading once the import was reverted.
        import_done_before_revert,
        import_back,
        import_another,
        import_uploaded(w: &str),
        import_action_create,
        import_action_update,
        import_action_unchanged,
        import_action_error,
        import_no_file,
        import_stale_form,
        import_busy,
        import_empty,
        import_too_large(mb: usize),
        import_not_recognised,
        import_missing_column(c: &str),
        import_too_many_rows(n: usize),
        import_include_archived,
        import_changed_notice,
        import_matched,
        import_by_slug,
        import_by_name,
        import_undoes,
        import_undo_warning(n: usize),
        import_none_value,
        import_conflicts(n: i64),
        import_revert_title,
        import_revert_effects(remove: i64, restore: i64),
        import_revert_changed,
        import_revert_leave,
        import_revert_button,
        import_revert_confirm_title,
        import_revert_confirm_button,
        import_revert_back,
        import_revert_blocked,
        import_reverted(when: &str, left: i64),
        import_reverted_short,
        import_deleted_space,
        import_line_of(n: i64),
        conflict_title,
        conflict_body,
        conflict_saved_value,
        status_stale,
        from_request,
        archive_step,
        archive_effect,
        archive_confirm,
        unpublish_step,
        unpublish_effect,
        unpublish_confirm,
        off_map_effect,
        disable_step,
        disable_effect(name: &str),
        disable_confirm,
        account_stale,
        last_admin,
        publish_approves(r: &str),
        role_confirm,
        session_ended,
        resumed,
        staff_link,
        import_short,
        last_sign_in,
        forbidden_title,
        forbidden,
        staff_title,
        link_for(name: &str),
        link_explain,
        link_label,
        role_heading,
        account_state,
        actions,
        invite_heading,
        invite_intro,
        invite,
        recent_changes,
        account,
        account_disabled,
        account_invited,
        account_active,
        you,
        make_admin,
        make_editor,
        role_admin_explain,
        role_editor_explain,
        enable,
        disable,
        new_link,
        invitation_title,
        welcome(name: &str),
        invitation_intro,
        set_password,
        password_hint_fmt(min: usize),
        invitation_dead_title,
        invitation_dead,
        password_set,
        /// "Password dimenticata?" and changing one's password.
        forgot_link,
        forgot_title,
        forgot_intro,
        forgot_submit,
        forgot_sent,
        back_to_sign_in,
        my_password,
        change_password_title,
        change_password_intro,
        change_password_submit,
        password_changed,
        /// Audit action codes in words.
        action_create,
        action_update,
        action_status,
        action_import,
        action_invite,
        action_access_link,
        action_set_password,
        action_password_reset,
        action_password_change,
        action_disable,
        action_enable,
        action_role,
        action_sign_in,
        action_sign_out,
        action_rsvp_cancel,
        action_rsvp_add,
        action_check_in,
        action_check_in_undone,
        /// The search across everything.
        search_label,
        search_button,
        search_title,
        search_results(q: &str),
        search_hint,
        search_short,
        search_none,
        search_spaces(n: i64),
        search_requests(n: i64),
        search_registrations(n: i64),
        search_events(n: i64),
        search_more(shown: i64, total: i64),
        /// Yes and no, as the audit trail says a recorded true or false.
        yes,
        no,
        approximate_filter,
        approximate_count(n: usize),
        /// The staff home: what needs doing.
        todo_heading,
        todo_requests(n: i64),
        todo_no_requests,
        todo_events,
        todo_no_events,
    }
}

impl AdminTexts {
    pub fn status(&self, status: crate::core::model::SpaceStatus) -> &'static str {
        use crate::core::model::SpaceStatus::*;
        match status {
            Pending => self.status_pending,
            Published => self.status_published,
            Rejected => self.status_rejected,
            Archived => self.status_archived,
        }
    }

    pub fn precision(&self, p: crate::core::model::PositionPrecision) -> &'static str {
        use crate::core::model::PositionPrecision::*;
        match p {
            Exact => self.precision_exact,
            Approximate => self.precision_approximate,
            Municipality => self.precision_municipality,
        }
    }

    pub fn max_chars(&self, max: usize) -> String {
        (self.max_chars_fmt)(max)
    }

    pub fn import_file_error(&self, e: crate::core::view::ImportFileError) -> String {
        use crate::core::view::ImportFileError::*;
        match e {
            NoFile => self.import_no_file.to_owned(),
            Empty => self.import_empty.to_owned(),
            TooLarge { max_mb } => (self.import_too_large)(max_mb),
            NotRecognised => self.import_not_recognised.to_owned(),
            Spreadsheet => self.import_spreadsheet.to_owned(),
            MissingColumn(c) => (self.import_missing_column)(c),
            TooManyRows { max } => (self.import_too_many_rows)(max),
            StaleForm => self.import_stale_form.to_owned(),
            Busy => self.import_busy.to_owned(),
        }
    }

    pub fn make_role(&self, role: crate::core::model::Role) -> &'static str {
        match role {
            crate::core::model::Role::Admin => self.make_admin,
            crate::core::model::Role::Editor => self.make_editor,
        }
    }

    pub fn role_explain(&self, role: crate::core::model::Role) -> &'static str {
        match role {
            crate::core::model::Role::Admin => self.role_admin_explain,
            crate::core::model::Role::Editor => self.role_editor_explain,
        }
    }

    pub fn password_hint(&self, min: usize) -> String {
        (self.password_hint_fmt)(min)
    }

    /// An audit action in words (the code itself when it has none).
    pub fn action(&self, code: &str) -> String {
        match code {
            "create" => self.action_create,
            "update" => self.action_update,
            "status" => self.action_status,
            "import" => self.action_import,
            "invite" => self.action_invite,
            "access_link" => self.action_access_link,
            "set_password" => self.action_set_password,
            "password_reset" => self.action_password_reset,
            "password_change" => self.action_password_change,
            "disable" => self.action_disable,
            "enable" => self.action_enable,
            "role" => self.action_role,
            "sign_in" => self.action_sign_in,
            "sign_out" => self.action_sign_out,
            "rsvp-cancel" => self.action_rsvp_cancel,
            "rsvp-add" => self.action_rsvp_add,
            "check-in" => self.action_check_in,
            "check-in-undone" => self.action_check_in_undone,
            _ => code,
        }
        .to_owned()
    }

    pub fn role(&self, role: crate::core::model::Role) -> &'static str {
        match role {
            crate::core::model::Role::Admin => self.role_admin,
            crate::core::model::Role::Editor => self.role_editor,
        }
    }
}

pub static ADMIN_IT: LazyLock<AdminTexts> = LazyLock::new(|| AdminTexts::load(Lang::It));

pub static ADMIN_EN: LazyLock<AdminTexts> = LazyLock::new(|| AdminTexts::load(Lang::En));
