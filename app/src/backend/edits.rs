//! Three-way merges of edits: a form that met a colleague's save, a manager's proposal
//! applied over a listing staff changed since.

/// A three-way merge of a form that met a colleague's save: the fields this user left as they
/// were read (`base`) take the saved value; the ones they changed keep what they typed. `None`
/// when the base is missing or unreadable (then every field keeps what was typed).
pub fn merge_edits<T>(typed: &T, base: &str, saved: &T) -> Option<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    use serde_json::Value;
    let (Ok(Value::Object(typed)), Ok(Value::Object(base)), Ok(Value::Object(saved))) = (
        serde_json::to_value(typed),
        serde_json::from_str::<Value>(base),
        serde_json::to_value(saved),
    ) else {
        return None;
    };
    let merged: serde_json::Map<String, Value> = typed
        .iter()
        .map(|(key, mine)| {
            let value = if same(Some(mine), base.get(key)) {
                saved.get(key).cloned().unwrap_or(Value::Null)
            } else {
                mine.clone()
            };
            (key.clone(), value)
        })
        .collect();
    serde_json::from_value(Value::Object(merged)).ok()
}

/// The fields of `typed` that differ from `base` (serialised, as a form carried it), with their
/// values: what this user changed. `None` when the base is missing or unreadable.
pub fn changed_fields<T: serde::Serialize>(
    typed: &T,
    base: &str,
) -> Option<Vec<(String, serde_json::Value)>> {
    use serde_json::Value;
    let (Ok(Value::Object(typed)), Ok(Value::Object(base))) = (
        serde_json::to_value(typed),
        serde_json::from_str::<Value>(base),
    ) else {
        return None;
    };
    Some(
        typed
            .into_iter()
            .filter(|(key, mine)| !same(Some(mine), base.get(key)))
            .collect(),
    )
}

/// Two form values are the same when they differ only in line endings or surrounding space.
fn same(a: Option<&serde_json::Value>, b: Option<&serde_json::Value>) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Some(Value::String(a)), Some(Value::String(b))) => {
            a.replace("\r\n", "\n").trim() == b.replace("\r\n", "\n").trim()
        }
        (a, b) => a.unwrap_or(&Value::Null) == b.unwrap_or(&Value::Null),
    }
}
