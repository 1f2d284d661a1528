//! `/admin/accedi`: staff sign-in. The form posts to this same URL (see `web::forms`); on an
//! error the page comes back with the e-mail kept and the message above the form.

use crate::core::paths;
use crate::ui::lang::use_texts;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// Why the last attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInError {
    WrongCredentials,
    Locked { minutes: i64 },
    Unavailable,
}

/// Provided in context when the page is rendered again after a failed post.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInState {
    pub email: String,
    pub error: Option<SignInError>,
    pub next: Option<String>,
    /// A staff form sent when the session had ended: carried through the sign-in, and shown
    /// again (unsaved) once signed in.
    pub resume: Option<String>,
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let query = use_query_map();
    let state = use_context::<SignInState>().unwrap_or_default();
    let signed_out = query.with_untracked(|q| q.get_str("uscito").is_some());
    let password_set = query.with_untracked(|q| q.get_str("password").is_some());
    let next = state
        .next
        .clone()
        .or_else(|| query.with_untracked(|q| q.get("next")))
        .unwrap_or_else(|| paths::ADMIN.to_owned());
    let message = state.error.map(|e| match e {
        SignInError::WrongCredentials => a.wrong_credentials.to_owned(),
        SignInError::Locked { minutes } => (a.locked)(minutes),
        SignInError::Unavailable => a.unavailable.to_owned(),
    });
    let has_error = message.is_some();
    view! {
        <Title text=a.sign_in_title />
        <Meta name="robots" content="noindex" />
        <div class="container page page--narrow">
            <h1>{a.sign_in_title}</h1>
            <p>{a.sign_in_intro}</p>
            {state.resume.is_some().then(|| view! { <p class="notice" role="status">{a.session_ended}</p> })}
            {(signed_out && !has_error)
                .then(|| view! { <p class="notice" role="status">{a.signed_out}</p> })}
            {(password_set && !has_error)
                .then(|| view! { <p class="notice notice--success" role="status">{a.password_set}</p> })}
            {message
                .map(|m| {
                    view! {
                        <div class="notice notice--error" role="alert" id="sign-in-error">
                            <p>{m}</p>
                        </div>
                    }
                })}
            <form class="form" method="post" action=paths::SIGN_IN>
                <input type="hidden" name="next" value=next />
                {state.resume.clone().map(|body| view! { <input type="hidden" name="ripresa" value=body /> })}
                <div class="field">
                    <label for="email">{a.email}</label>
                    <input
                        id="email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        required
                        maxlength="254"
                        value=state.email.clone()
                        aria-invalid=has_error.then_some("true")
                        aria-describedby=has_error.then_some("sign-in-error")
                        autofocus=!has_error
                    />
                </div>
                <div class="field">
                    <label for="password">{a.password}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        maxlength="1024"
                        aria-invalid=has_error.then_some("true")
                        aria-describedby=has_error.then_some("sign-in-error")
                        autofocus=has_error
                    />
                </div>
                <button type="submit" class="btn btn--primary">{a.sign_in}</button>
            </form>
            <p><a href=paths::FORGOT_PASSWORD>{a.forgot_link}</a></p>
        </div>
    }
}
