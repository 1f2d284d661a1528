//! The command-line commands of the `server` binary (besides serving): staff accounts,
//! backups, synthetic data, moving to another database, a person's data. Each returns the
//! message to print.

use super::context::Config;
use super::db::Db;

/// `server admin create`: creates a staff account in the configured database (created,
/// migrated and seeded if new). Returns the message to print.
pub async fn create_staff_account(
    email: &str,
    name: &str,
    role: crate::core::model::Role,
    password: &str,
) -> Result<String, String> {
    // The same rules as the invitation and password forms of the staff area.
    let describe =
        |errors: crate::core::validate::FieldErrors<crate::core::validate::account::Field>| {
            let t = crate::i18n::Lang::En.texts();
            errors
                .0
                .iter()
                .map(|(f, p)| format!("{}: {}", t.field(*f), t.problem(*p)))
                .collect::<Vec<_>>()
                .join("\n")
        };
    let invite = crate::core::validate::account::validate_invite(
        &crate::core::validate::account::InviteInput {
            staff_name: name.to_owned(),
            staff_email: email.to_owned(),
            role: role.code().to_owned(),
        },
    )
    .map_err(describe)?;
    let (email, name) = (invite.email, invite.name);
    crate::backend::auth::passwords::check_new_password(password, password, &[&email, &name])
        .map_err(describe)?;
    let config = Config::from_env()?;
    let clock = crate::backend::clock::Clock::from_setting(&config.now)?;
    let db = Db::open(&config.database_url, clock.now())
        .await
        .map_err(|e| format!("database: {e}"))?;
    let created = crate::backend::auth::create_staff(
        &db,
        &email,
        &name,
        role,
        password,
        (None, "command line"),
        clock.now(),
    )
    .await
    .map_err(|e| e.to_string());
    db.close().await;
    match created? {
        Some(id) => Ok(format!(
            "Created {} account #{id} for {email}.",
            role.code()
        )),
        None => Err(format!("An account for {email} already exists.")),
    }
}

/// `server backup --to FILE`: a consistent copy of the SQLite database, taken while the server
/// may be running (`VACUUM INTO`). Returns the message to print.
pub async fn backup(to: &std::path::Path) -> Result<String, String> {
    let config = Config::from_env()?;
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let result = db.backup_sqlite(to).await.map_err(|e| e.to_string());
    db.close().await;
    result?;
    Ok(format!("Backup written to {}.", to.display()))
}

/// `server generate`: adds the synthetic data set of `db::SyntheticSpec` to the database of
/// `DATABASE_URL` (migrated and seeded first), for benchmarks and load tests. Returns the
/// message to print: one `key=value` per line, for scripts.
pub async fn generate(spec: crate::backend::db::SyntheticSpec) -> Result<String, String> {
    let config = Config::from_env()?;
    let clock = crate::backend::clock::Clock::from_setting(&config.now)?;
    let db = Db::open(&config.database_url, clock.now())
        .await
        .map_err(|e| format!("database: {e}"))?;
    let result = db
        .generate_synthetic(spec, clock.now())
        .await
        .map_err(|e| e.to_string());
    db.close().await;
    let r = result?;
    Ok(format!(
        "spaces={}\nevents={}\nrsvps={}\nphotos={}\nopen_event={}\nsample_space={}",
        r.spaces,
        r.events,
        r.rsvps,
        r.photos,
        r.open_event_slug.unwrap_or_default(),
        r.sample_space_slug.unwrap_or_default()
    ))
}

/// `server transfer --to postgres://…`: copies the SQLite database of `DATABASE_URL` into a
/// new PostgreSQL database (migrated here first, and which must be empty).
pub async fn transfer(to: &str) -> Result<String, String> {
    let config = Config::from_env()?;
    let from = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let dest = Db::connect(to)
        .await
        .map_err(|e| format!("PostgreSQL: {e}"))?;
    let result = async {
        from.migrate().await?;
        dest.migrate().await?;
        from.transfer_to(&dest).await
    }
    .await
    .map_err(|e| e.to_string());
    from.close().await;
    dest.close().await;
    let report = result?;
    let lines: Vec<String> = report
        .iter()
        .map(|(table, n)| format!("  {table}: {n}"))
        .collect();
    Ok(format!(
        "Copied into PostgreSQL:\n{}\nNow start the servers with DATABASE_URL={to}",
        lines.join("\n")
    ))
}

/// `server person export --email …`: everything stored about the address, as JSON.
pub async fn export_person(email: &str) -> Result<String, String> {
    let config = Config::from_env()?;
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let data = db.personal_data(email).await.map_err(|e| e.to_string());
    db.close().await;
    serde_json::to_string_pretty(&data?).map_err(|e| e.to_string())
}

/// `server person erase --email …`: erases what is stored about the address (see
/// `Db::erase_person`); people promoted from a waiting list are e-mailed as usual.
pub async fn erase_person(email: &str) -> Result<String, String> {
    let config = Config::from_env()?;
    let clock = crate::backend::clock::Clock::from_setting(&config.now)?;
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let base = config.base_url().to_owned();
    let now = clock.now();
    let changed = db
        .erase_person(email, now, &crate::backend::rsvp_mail::composer(base, now))
        .await
        .map_err(|e| e.to_string());
    db.close().await;
    Ok(format!("{} records erased for {email}.", changed?))
}
