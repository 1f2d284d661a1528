//! The 404 page and the generic error notice (with the right HTTP status).

use crate::api::error::AppError;
use crate::ui::lang::use_texts;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn NotFound() -> impl IntoView {
    crate::api::context::set_status(404);
    let t = use_texts();
    view! {
        <Title text=t.not_found_title />
        <Meta name="robots" content="noindex" />
        <div class="container page page--narrow">
            <h1>{t.not_found_title}</h1>
            <p class="lead">{t.not_found_text}</p>
            <p>
                <a class="btn btn--primary" href=crate::ui::lang::link(crate::core::paths::HOME)>{t.back_to_map}</a>
            </p>
        </div>
    }
}

/// Shown in place of a page's content when loading it failed.
#[component]
pub fn ErrorNotice(err: AppError) -> impl IntoView {
    if err == AppError::NotFound {
        return view! { <NotFound /> }.into_any();
    }
    if err == AppError::Forbidden {
        crate::api::context::set_status(403);
        let a = use_texts().admin;
        return view! {
            <Title text=a.forbidden_title />
            <div class="notice notice--error" role="alert">
                <h2>{a.forbidden_title}</h2>
                <p>{a.forbidden}</p>
            </div>
        }
        .into_any();
    }
    crate::api::context::set_status(503);
    let t = use_texts();
    view! {
        <Title text=t.error_title />
        <div class="notice notice--error" role="alert">
            <h2>{t.error_title}</h2>
            <p>{t.error_text}</p>
        </div>
    }
    .into_any()
}
