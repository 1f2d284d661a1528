//! The SQL of spaces' photos: stored once per name (a digest of the bytes), read back at either
//! size, and deleted when nothing has used them for a day.

use super::{Db, DbError};

/// Which of a photo's two sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoSize {
    Card,
    Page,
}

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
            "INSERT INTO photos (digest, card, page, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (digest) DO UPDATE SET created_at = excluded.created_at",
        )
        .bind(&photo.digest)
        .bind(&photo.card)
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
        let column = match size {
            PhotoSize::Card => "card",
            PhotoSize::Page => "page",
        };
        let row: Option<(Vec<u8>, i64)> = sqlx::query_as(&format!(
            "SELECT p.{column}, (SELECT COUNT(*) FROM spaces s \
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

    /// The photo published space `slug` shows, if any.
    pub async fn published_photo(&self, slug: &str) -> Result<Option<String>, DbError> {
        let row: Option<(Option<String>,)> =
            sqlx::query_as("SELECT photo FROM spaces WHERE slug = $1 AND status = 'published'")
                .bind(slug)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|(photo,)| photo))
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
