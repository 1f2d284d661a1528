//! What one app server keeps of what it derived from the database — rendered directory pages
//! (`page_cache`), built exports (`opendata`) — valid for one **data version**: a counter in the
//! database (`data_versions`) that triggers raise in the same transaction as any change to the
//! data behind those values. A request reads the version and is answered from memory when the
//! value was made at that version; several app servers stay consistent because each compares
//! with the same database counter, and nothing another server needs is kept here.
//!
//! Memory is bounded: past the limit, the values used least recently are dropped, so a crawler
//! walking every page, or a burst of one-off requests, costs the popular values nothing.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

pub struct VersionedCache<K, V> {
    max_bytes: usize,
    inner: Mutex<Entries<K, V>>,
}

struct Entries<K, V> {
    version: i64,
    bytes: usize,
    /// Counts uses: an entry's `used` is the tick of its last use.
    tick: u64,
    map: HashMap<K, Entry<V>>,
}

struct Entry<V> {
    value: Arc<V>,
    bytes: usize,
    used: u64,
}

impl<K: Eq + Hash + Clone, V> VersionedCache<K, V> {
    /// An empty cache that keeps at most `max_bytes` (as weighed by `put`'s callers).
    pub fn new(max_bytes: usize) -> Self {
        VersionedCache {
            max_bytes,
            inner: Mutex::new(Entries {
                version: i64::MIN,
                bytes: 0,
                tick: 0,
                map: HashMap::new(),
            }),
        }
    }

    /// The value kept for `key`, if it was made at `version`.
    pub fn get<Q>(&self, version: i64, key: &Q) -> Option<Arc<V>>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let mut guard = self.inner.lock().ok()?;
        let entries = &mut *guard;
        if entries.version != version {
            return None;
        }
        entries.tick += 1;
        let entry = entries.map.get_mut(key)?;
        entry.used = entries.tick;
        Some(entry.value.clone())
    }

    /// Keeps `value`, made at `version` and weighing `bytes`. A value made at an older version
    /// than one already seen is not kept (its data may have changed since); a newer version
    /// drops everything kept for the older one.
    pub fn put(&self, version: i64, key: K, value: Arc<V>, bytes: usize) {
        let Ok(mut guard) = self.inner.lock() else {
            return;
        };
        let entries = &mut *guard;
        if version < entries.version || bytes > self.max_bytes {
            return;
        }
        if version > entries.version {
            entries.version = version;
            entries.bytes = 0;
            entries.map.clear();
        }
        entries.tick += 1;
        let entry = Entry {
            value,
            bytes,
            used: entries.tick,
        };
        entries.bytes += bytes;
        if let Some(old) = entries.map.insert(key.clone(), entry) {
            entries.bytes -= old.bytes;
        }
        while entries.bytes > self.max_bytes {
            let Some(oldest) = entries
                .map
                .iter()
                .filter(|(k, _)| **k != key)
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(gone) = entries.map.remove(&oldest) {
                entries.bytes -= gone.bytes;
            }
        }
    }

    /// The bytes kept now.
    pub fn bytes(&self) -> usize {
        self.inner.lock().map(|e| e.bytes).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_kept_per_version_and_forgotten_when_the_data_changes() {
        let cache = VersionedCache::<String, &str>::new(100);
        cache.put(3, "a".into(), Arc::new("v3"), 10);
        assert_eq!(cache.get(3, "a").as_deref(), Some(&"v3"));
        assert!(cache.get(4, "a").is_none());
        cache.put(4, "b".into(), Arc::new("v4"), 10);
        assert!(cache.get(3, "a").is_none(), "older versions are dropped");
        assert_eq!(cache.bytes(), 10);
        // A value made before the change does not replace newer ones.
        cache.put(3, "a".into(), Arc::new("v3"), 10);
        assert!(cache.get(4, "a").is_none());
        assert_eq!(cache.get(4, "b").as_deref(), Some(&"v4"));
    }

    #[test]
    fn past_the_limit_the_least_recently_used_go_first() {
        let cache = VersionedCache::<u32, u32>::new(30);
        for n in 0..3 {
            cache.put(1, n, Arc::new(n), 10);
        }
        // 0 is used again, so 1 is now the least recently used.
        assert!(cache.get(1, &0).is_some());
        cache.put(1, 3, Arc::new(3), 10);
        assert!(cache.get(1, &1).is_none());
        for kept in [0, 2, 3] {
            assert!(cache.get(1, &kept).is_some(), "{kept}");
        }
        assert_eq!(cache.bytes(), 30);
        // Replacing a value counts its new weight only; a value over the limit is not kept.
        cache.put(1, 3, Arc::new(33), 20);
        assert!(cache.bytes() <= 30);
        assert_eq!(cache.get(1, &3).as_deref(), Some(&33));
        cache.put(1, 9, Arc::new(9), 31);
        assert!(cache.get(1, &9).is_none());
        assert!(cache.get(1, &3).is_some());
    }
}
