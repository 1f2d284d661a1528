//! `/admin/spazi/nuovo`: staff add a space. The form posts to this URL; the new space is
//! pending until published from its own staff page.

use crate::api::staff_municipalities;
use crate::core::paths;
use crate::ui::components::form::ErrorSummary;
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::space_edit::{SpaceFields, SpaceFormState};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn SpaceNewPage() -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    view! {
        <Title text=a.new_space />
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match crate::ui::pages::admin::staff_gate(paths::NEW_SPACE).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let municipalities = match staff_municipalities().await {
                        Ok(m) => m,
                        Err(err) => return view! { <ErrorNotice err /> }.into_any(),
                    };
                    let state = use_context::<SpaceFormState>().unwrap_or_default();
                    view! {
                        <crate::ui::pages::admin::AdminBar staff=staff.clone() />
                        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
                            <a href=paths::ADMIN>{a.area}</a>
                        </nav>
                        <h1>{a.new_space}</h1>
                        <p>{a.new_space_intro}</p>
                        <ErrorSummary errors=state.errors.clone() />
                        <form class="form form--wide" method="post" action=paths::NEW_SPACE novalidate>
                            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                            <SpaceFields input=state.input errors=state.errors municipalities />
                            <button type="submit" class="btn btn--primary">{a.create}</button>
                        </form>
                    }
                    .into_any()
                })}
            </Suspense>
        </div>
    }
}
