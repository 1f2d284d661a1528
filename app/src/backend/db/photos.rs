//! The SQL of spaces' photos: stored once per name (a digest of the bytes), read back at any
//! of its sizes, and deleted when nothing has used them for a day.

use super::{Db, DbError};
pub use crate::core::model::PhotoSize;

/// A photo's bytes, and whether a published listing shows it (else only staff and managers,
/// who may be looking at a proposal, may see it).
pub struct StoredPhoto {
    pub bytes: Vec<u8>,
    pub public: bool,
}

impl Db {
    /// Stores a processed photo (nothing when the same photo is stored already) as uploaded by
    /// `uploader` (a manager's address, or `staff`).
    pub async fn store_photo(
        &self,
        photo: &crate::backend::photos::Photo,
        uploader: &str,
        now: i64,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO photos (digest, thumb, card, phone, page, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (digest) DO UPDATE SET created_at = excluded.created_at",
        )
        .bind(&photo.digest)
        .bind(&photo.thumb)
        .bind(&photo.card)
        .bind(&photo.phone)
        .bind(&photo.page)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO photo_uploads (digest, uploader, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (digest, uploader) DO UPDATE SET created_at = excluded.created_at",
        )
        .bind(&photo.digest)
        .bind(uploader)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether manager `email` may use or see photo `digest`: they uploaded it, or a space
    /// they manage shows it or has it in a proposal.
    pub async fn manager_may_use_photo(&self, email: &str, digest: &str) -> Result<bool, DbError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT CAST(1 AS BIGINT) WHERE EXISTS (SELECT 1 FROM photo_uploads WHERE digest = $1 AND uploader = $2) \
             OR EXISTS (SELECT 1 FROM spaces s JOIN space_managers m ON m.space_id = s.id \
                 WHERE m.email = $2 AND s.photo = $1) \
             OR EXISTS (SELECT 1 FROM space_revisions r JOIN space_managers m \
                 ON m.space_id = r.space_id WHERE m.email = $2 \
                 AND r.proposed_json LIKE '%' || $1 || '%')",
        )
        .bind(digest)
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// Whether photo `digest` is stored.
    pub async fn has_photo(&self, digest: &str) -> Result<bool, DbError> {
        let found: Option<(String,)> =
            sqlx::query_as("SELECT digest FROM photos WHERE digest = $1")
                .bind(digest)
                .fetch_optional(&self.pool)
                .await?;
        Ok(found.is_some())
    }

    /// Photo `digest` at `size`.
    pub async fn photo(
        &self,
        digest: &str,
        size: PhotoSize,
    ) -> Result<Option<StoredPhoto>, DbError> {
        let column = column(size);
        let row: Option<(Vec<u8>, i64)> = sqlx::query_as(&format!(
            "SELECT {column}, (SELECT COUNT(*) FROM spaces s \
               WHERE s.photo = p.digest AND s.status = 'published') \
             FROM photos p WHERE p.digest = $1"
        ))
        .bind(digest)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(bytes, uses)| StoredPhoto {
            bytes,
            public: uses > 0,
        }))
    }

    /// Up to `limit` stored photos without their `size` (stored before it was made): their
    /// name and the larger stored size to make it from.
    pub async fn photos_without(
        &self,
        size: PhotoSize,
        limit: i64,
    ) -> Result<Vec<(String, Vec<u8>)>, DbError> {
        let (own, from) = source(size);
        Ok(sqlx::query_as(&format!(
            "SELECT digest, {from} FROM photos WHERE {own} IS NULL ORDER BY digest LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Stores photo `digest`'s `size` (made from a larger stored one).
    pub async fn set_photo_size(
        &self,
        digest: &str,
        size: PhotoSize,
        bytes: &[u8],
    ) -> Result<(), DbError> {
        let (own, _) = source(size);
        sqlx::query(&format!(
            "UPDATE photos SET {own} = $1 WHERE digest = $2 AND {own} IS NULL"
        ))
        .bind(bytes)
        .bind(digest)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The name and card size of the photo published space `slug` shows, if any.
    pub async fn published_card_photo(
        &self,
        slug: &str,
    ) -> Result<Option<(String, Vec<u8>)>, DbError> {
        Ok(sqlx::query_as(
            "SELECT p.digest, p.card FROM spaces s JOIN photos p ON p.digest = s.photo \
             WHERE s.slug = $1 AND s.status = 'published'",
        )
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Deletes the photos stored before `before` that no listing shows and no waiting proposal
    /// names; how many.
    pub async fn delete_unused_photos(&self, before: i64) -> Result<u64, DbError> {
        let done = sqlx::query(
            "DELETE FROM photos WHERE created_at < $1 \
             AND NOT EXISTS (SELECT 1 FROM spaces s WHERE s.photo = photos.digest) \
             AND NOT EXISTS (SELECT 1 FROM space_revisions r WHERE r.status = 'pending' \
                 AND r.proposed_json LIKE '%' || photos.digest || '%')",
        )
        .bind(before)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}

/// A size's column and, for the sizes added later (missing on photos stored before them), the
/// larger stored size served instead until maintenance makes it (`Db::photos_without`).
fn source(size: PhotoSize) -> (&'static str, &'static str) {
    match size {
        PhotoSize::Thumb => ("thumb", "card"),
        PhotoSize::Card => ("card", "card"),
        PhotoSize::Phone => ("phone", "page"),
        PhotoSize::Page => ("page", "page"),
    }
}

/// What to read for `size`: its column, or the larger size while it is missing.
fn column(size: PhotoSize) -> String {
    match source(size) {
        (own, from) if own == from => format!("p.{own}"),
        (own, from) => format!("COALESCE(p.{own}, p.{from})"),
    }
}
