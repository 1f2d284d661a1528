//! Rebuild when a migration changes: `sqlx::migrate!` embeds the migrations folders.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
