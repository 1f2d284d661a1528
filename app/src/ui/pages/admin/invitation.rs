//! `/admin/invito/{token}`: the page an invitation (or access) link opens. The colleague
//! chooses a password (posting to this URL, see `crate::admin`) and is sent to the sign-in
//! page. A used, expired or unknown link says so and who can give a new one.

use crate::api::context::set_status;
use crate::api::error::AppError;
use crate::api::invitation;
use crate::core::paths;
use crate::core::validate::account::{Field, PASSWORD_MAX, PASSWORD_MIN};
use crate::core::validate::FieldErrors;
use crate::ui::components::form::{ErrorSummary, TextField};
use crate::ui::lang::use_texts;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// Provided in context when the form comes back with errors (never with the passwords).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PasswordFormState {
    pub errors: FieldErrors<Field>,
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    view! {
        <Title text=a.invitation_title />
        <Meta name="robots" content="noindex" />
        // The token is in the address: never send it to other sites. ("no-referrer" would also
        // make the browser send `Origin: null` with the form, which the CSRF guard refuses.)
        <Meta name="referrer" content="same-origin" />
        <div class="container page page--narrow">
            <Suspense>
                {Suspend::new(async move {
                    match invitation(token.clone()).await {
                        Ok((name, email, has_password)) => {
                            let errors = use_context::<PasswordFormState>()
                                .unwrap_or_default()
                                .errors;
                            view! {
                                // A first password, or a new one (a forgotten one's link).
                                {if has_password {
                                    view! {
                                        <h1>{a.new_password_title}</h1>
                                        <p>{(a.new_password_intro)(&name)}</p>
                                    }
                                    .into_any()
                                } else {
                                    view! {
                                        <h1>{(a.welcome)(&name)}</h1>
                                        <p>{a.invitation_intro}</p>
                                    }
                                    .into_any()
                                }}
                                <ErrorSummary errors=errors.clone() />
                                <form
                                    class="form"
                                    method="post"
                                    action=paths::invitation(&token)
                                    novalidate
                                >
                                    // For password managers: the account the password is for.
                                    <input
                                        type="email"
                                        name="username"
                                        autocomplete="username"
                                        value=email
                                        readonly
                                        hidden
                                    />
                                    <TextField
                                        field=Field::Password
                                        value=String::new()
                                        errors=errors.clone()
                                        kind="password"
                                        max=PASSWORD_MAX
                                        required=true
                                        autocomplete="new-password"
                                        hint=a.password_hint(PASSWORD_MIN)
                                    />
                                    <TextField
                                        field=Field::PasswordConfirm
                                        value=String::new()
                                        errors
                                        kind="password"
                                        max=PASSWORD_MAX
                                        required=true
                                        autocomplete="new-password"
                                        hint=String::new()
                                    />
                                    <button type="submit" class="btn btn--primary">
                                        {a.set_password}
                                    </button>
                                </form>
                            }
                            .into_any()
                        }
                        Err(AppError::NotFound) => {
                            set_status(404);
                            view! {
                                <h1>{a.invitation_dead_title}</h1>
                                <p>{a.invitation_dead}</p>
                                <p><a href=paths::FORGOT_PASSWORD>{a.forgot_link}</a></p>
                            }
                            .into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
