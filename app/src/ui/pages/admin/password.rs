//! Passwords: "Password dimenticata?" (`/admin/password-dimenticata`: an address, then the
//! same answer whatever it is; the e-mailed link opens the invitation page) and a signed-in
//! member of staff changing theirs (`/admin/password`). Their posts are
//! `web::forms::passwords`.

use crate::core::paths;
use crate::core::validate::account::{Field, PASSWORD_MAX, PASSWORD_MIN};
use crate::core::validate::FieldErrors;
use crate::ui::components::form::{EmailField, ErrorSummary, TextField};
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::{staff_gate, AdminBar};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let sent = use_query_map().with_untracked(|q| q.get_str("inviata").is_some());
    let body = if sent {
        view! {
            <p class="notice notice--success" role="status">{a.forgot_sent}</p>
            <p><a href=paths::SIGN_IN>{a.back_to_sign_in}</a></p>
        }
        .into_any()
    } else {
        view! {
            <p>{a.forgot_intro}</p>
            <form class="form" method="post" action=paths::FORGOT_PASSWORD novalidate>
                <EmailField id="email" label=format!("{} *", a.email) autocomplete="username" />
                <button type="submit" class="btn btn--primary">{a.forgot_submit}</button>
            </form>
            <p><a href=paths::SIGN_IN>{a.back_to_sign_in}</a></p>
        }
        .into_any()
    };
    view! {
        <Title text=a.forgot_title />
        <Meta name="robots" content="noindex" />
        <div class="container page page--narrow">
            <h1>{a.forgot_title}</h1>
            {body}
        </div>
    }
}

/// The password-change form again: its problems (never the passwords), or the sign-in's
/// lockout in minutes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChangeState {
    pub errors: FieldErrors<Field>,
    pub locked_minutes: Option<i64>,
}

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let changed = use_query_map().with_untracked(|q| q.get_str("cambiata").is_some());
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match staff_gate(paths::CHANGE_PASSWORD).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let t = use_texts();
                    let a = t.admin;
                    let state = use_context::<ChangeState>().unwrap_or_default();
                    let errors = state.errors;
                    let e_ = || errors.clone();
                    let password = |field: Field, autocomplete: &'static str, hint: String| {
                        view! {
                            <TextField
                                field
                                value=String::new()
                                errors=e_()
                                kind="password"
                                max=PASSWORD_MAX
                                required=true
                                autocomplete
                                hint
                            />
                        }
                    };
                    view! {
                        <Title text=a.change_password_title />
                        <AdminBar staff=staff.clone() />
                        <h1>{a.change_password_title}</h1>
                        {changed.then(|| view! {
                            <p class="notice notice--success" role="status">{a.password_changed}</p>
                        })}
                        {state.locked_minutes.map(|m| view! {
                            <div class="notice notice--error" role="alert"><p>{(a.locked)(m)}</p></div>
                        })}
                        <p>{a.change_password_intro}</p>
                        <ErrorSummary errors=errors.clone() />
                        <form class="form page--narrow" method="post" action=paths::CHANGE_PASSWORD novalidate>
                            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                            // For password managers: the account the password is for.
                            <input
                                type="email"
                                name="username"
                                autocomplete="username"
                                value=staff.user.email.clone()
                                readonly
                                hidden
                            />
                            {password(Field::CurrentPassword, "current-password", String::new())}
                            {password(Field::Password, "new-password", a.password_hint(PASSWORD_MIN))}
                            {password(Field::PasswordConfirm, "new-password", String::new())}
                            <button type="submit" class="btn btn--primary">{a.change_password_submit}</button>
                        </form>
                    }
                    .into_any()
                })}
            </Suspense>
        </div>
    }
}
