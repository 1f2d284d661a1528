//! A space in the list of the map page (Designers Italia card pattern).

use crate::core::model::PhotoSize;
use crate::core::paths;
use crate::core::view::SpaceSummary;
use crate::ui::lang::use_texts;
use leptos::prelude::*;

#[component]
pub fn SpaceCard(
    space: SpaceSummary,
    /// The map's filter (a query string, maybe empty): the space's page links back to it.
    #[prop(optional)]
    filter: String,
) -> impl IntoView {
    let t = use_texts();
    let href = crate::ui::lang::link(&paths::space_from_map(&space.slug, &filter));
    let kinds = space
        .kinds
        .iter()
        .map(|k| {
            view! {
                <li class=format!("kind-badge kind-badge--{}", k.code())>
                    <span class="kind-badge__letter" aria-hidden="true">{k.letter()}</span>
                    {t.kind(*k)}
                </li>
            }
        })
        .collect_view();
    let place = space.place();
    let (confirmed, stale) = t.confirmed_words(
        space.confirmed_at,
        use_context::<crate::core::view::Freshness>().unwrap_or_default(),
        crate::ui::lang::now(),
    );
    view! {
        <li class="space-card" data-slug=space.slug.clone()>
            <h3 class="space-card__title">
                <a href=href>{space.name.clone()}</a>
            </h3>
            {space.photo.clone().map(|p| view! {
                <img
                    class="space-card__photo"
                    src=paths::photo(&p.name, PhotoSize::Thumb)
                    srcset=PhotoSize::srcset(&[PhotoSize::Thumb, PhotoSize::Card], |size| {
                        paths::photo(&p.name, size)
                    })
                    sizes="7.5rem"
                    alt=p.alt
                    width="360"
                    height="240"
                    loading="lazy"
                    decoding="async"
                />
            })}
            <ul class="space-card__kinds" aria-label=t.kinds>{kinds}</ul>
            <p class="space-card__place">{place}</p>
            {space
                .organisation
                .clone()
                .map(|o| view! { <p class="space-card__org">{t.run_by} " " {o}</p> })}
            {t
                .precision_short(space.precision)
                .map(|note| view! { <p class="space-card__note">{note}</p> })}
            <p class="freshness" class:freshness--stale=stale>{confirmed}</p>
        </li>
    }
}
