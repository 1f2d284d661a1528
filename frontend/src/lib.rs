//! The browser entry point: nothing here but hydration of the islands.

// Link `app` even though no item of it is named here: its `#[island]` components are exported
// to JavaScript from inside it, and an unreferenced crate would not be linked at all.
extern crate app;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
